"""How well ingestion makes one event of the articles that report one happening.

A stories folder (extraction/corpus/stories/) holds articles and `stories.json`, which says
which articles report the same happening. Every article is ingested in the order of
publication, as an editor would, into a transaction that is rolled back; two articles are
"put together" when a Mention of each points at one event. Scored over all pairs of articles.
"""

import json
from datetime import date
from itertools import combinations
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from articles.models import Article, Language, Mention
from events.models import Event

from .evaluation import corpus
from .services import article_ingest


def _published(item: tuple[str, str, dict]) -> str:
    return (item[2].get("source") or {}).get("published_on") or ""


def stories_ingest(directory: Path) -> dict[str, set[int]]:
    """Article id -> the events its Mentions point at, after ingesting every article."""
    events: dict[str, set[int]] = {}
    event_type = ContentType.objects.get_for_model(Event)
    user = get_user_model().objects.create_superuser("stories-evaluation", None, None)
    for article_id, text, gold in sorted(corpus(directory), key=_published):
        source = gold.get("source") or {}
        published = source.get("published_on")
        article = Article.objects.create(
            title=(source.get("title") or text.split("\n", 1)[0])[:300],
            outlet=(source.get("outlet") or "")[:200],
            published_on=date.fromisoformat(published) if published else None,
            language=source.get("language") or Language.ARABIC,
            text=text,
        )
        article_ingest(article=article, user=user)
        events[article_id] = set(
            Mention.objects.filter(article=article, content_type=event_type).values_list(
                "object_id", flat=True
            )
        )
    return events


def stories_evaluate(directory: Path | str) -> dict:
    """Pairs precision and recall of "same happening", the pairs wrongly put together and
    those wrongly kept apart. Writes nothing: the ingestion is rolled back."""
    directory = Path(directory)
    truth = json.loads((directory / "stories.json").read_text(encoding="utf-8"))
    story_of = {a: key for key, ids in truth["stories"].items() for a in ids}
    story_of |= {a: a for a in truth["unrelated"]}
    with transaction.atomic():
        events = stories_ingest(directory)
        transaction.set_rollback(True)
    merged, split, together = [], [], 0
    for a, b in combinations(sorted(events), 2):
        same = story_of.get(a, a) == story_of.get(b, b)
        joined = bool(events[a] & events[b])
        together += same and joined
        if joined and not same:
            merged.append((a, b))
        if same and not joined:
            split.append((a, b))
    predicted, actual = together + len(merged), together + len(split)
    return {
        "articles": len(events),
        "events": len(set().union(*events.values())) if events else 0,
        "stories": len(set(story_of.values())),
        "precision": together / predicted if predicted else 1.0,
        "recall": together / actual if actual else 1.0,
        "wrongly_merged": merged,
        "wrongly_split": split,
    }
