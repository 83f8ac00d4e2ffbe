"""`manage.py ingest DIR`: many articles at once, attaching to an existing event only when
the match is certain; the other articles wait in the admin's "to review" list."""

import datetime
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from articles.models import Article, Mention
from events.models import Event
from extraction.extractor import extract_article
from taxonomy.models import Commune, Region
from tests.editorial.factories import UserFactory
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

STORIES = Path(__file__).resolve().parents[2] / "extraction" / "corpus" / "stories"
STORY = STORIES / "dakhla_senegal_delegation_1_ar.txt"
PUBLISHED = "2026-02-16"


def ingest(*args) -> str:
    out = StringIO()
    call_command("ingest", *args, "--published", PUBLISHED, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_folder_of_two_reports_of_one_visit_makes_one_event(tmp_path):
    shutil.copy(STORY, tmp_path / "a.txt")
    shutil.copy(STORY, tmp_path / "b.txt")
    output = ingest(str(tmp_path))
    assert "2 articles ingested" in output and "0 left for review" in output
    articles = Article.objects.all()
    assert all(a.ingested_at for a in articles)
    event_ids = set(
        Mention.objects.filter(article__in=articles, content_type__model="event").values_list(
            "object_id", flat=True
        )
    )
    assert len(event_ids) == 1 and Event.objects.count() == 1


def test_an_uncertain_match_leaves_the_article_for_an_editor(tmp_path, client):
    text = STORY.read_text(encoding="utf-8")
    (event,) = extract_article(text, published_on=datetime.date.fromisoformat(PUBLISHED))["events"]
    # The portal has an undated event of that title in that city: maybe the same, maybe not.
    EventFactory(
        title=event["title"],
        kind=event["kind"],
        start_date=None,
        end_date=None,
        commune=Commune.objects.filter(name_ar=event["city"]).first(),
        region=Region.objects.get(slug=event["region"]),
    )
    shutil.copy(STORY, tmp_path / "a.txt")
    output = ingest(str(tmp_path))
    assert "left for review" in output
    article = Article.objects.get()
    assert article.ingested_at is None and not article.mentions.exists()
    assert Event.objects.count() == 1  # nothing created

    client.force_login(UserFactory(is_superuser=True))
    changelist = reverse("admin:articles_article_changelist")
    assert article.title in client.get(changelist + "?review=to-review").content.decode()
    assert article.title not in client.get(changelist + "?review=ingested").content.decode()
