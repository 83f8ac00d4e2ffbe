"""The demo data: the five seed articles and every fact a correct reading of them gives.

Gold facts live in `extraction/corpus/<id>.json` (shared with the extraction evaluation); the
cleaned article texts and the French and English wording in `extraction/demo/`. Beside them,
`open_forum.json`: a forum announced as a demonstration, a month from the day the data is
loaded, with registration open, so that a fresh `make run` has one to register for.
"""

import datetime
import json
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.text import Truncator

from articles.models import Article, Mention
from editorial.models import Status
from events.models import Agreement, Event, EventOrganization, Participation
from organizations.models import Organization, Person, Position
from taxonomy.models import Commune, Region, Sector

CORPUS_DIR = Path(__file__).resolve().parent / "corpus"


class DemoLoader:
    """Loads one article at a time; records are keyed by their Arabic name, so reruns update."""

    def __init__(self, demo_dir: Path):
        self.demo_dir = demo_dir
        self.translations = json.loads((demo_dir / "translations.json").read_text("utf-8"))
        self.now = timezone.now()
        self.counts: dict[str, int] = {}

    def run(self) -> dict[str, int]:
        for text_path in sorted(self.demo_dir.glob("*.txt")):
            self.load_article(text_path.stem, text_path.read_text("utf-8"))
        self.load_open_forum()
        return self.counts

    # -- helpers -----------------------------------------------------------------------
    def _published(self) -> dict:
        return {"status": Status.PUBLISHED, "published_at": self.now}

    def _upsert(self, model: type[Model], lookup: dict, values: dict) -> Model:
        obj, created = model.objects.update_or_create(**lookup, defaults=values)
        key = model._meta.verbose_name_plural
        self.counts[str(key)] = self.counts.get(str(key), 0) + int(created)
        return obj

    def _mention(self, article: Article, record: Model, quote: str) -> None:
        start = article.text.find(quote)
        if start < 0:
            raise ValueError(f"Quote not found in {article}: {quote!r}")
        Mention.objects.get_or_create(
            article=article,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            start=start,
            end=start + len(quote),
            defaults={"quote": quote},
        )

    @staticmethod
    def _commune(city: str | None, region_slug: str | None) -> Commune | None:
        if not city:
            return None
        candidates = Commune.objects.filter(name_ar=city).order_by("-is_urban", "-population")
        if region_slug:
            candidates = candidates.filter(region__slug=region_slug)
        return candidates.first()

    @staticmethod
    def _region(slug: str | None) -> Region | None:
        return Region.objects.filter(slug=slug).first() if slug else None

    @staticmethod
    def _entry(entries: list[dict], arabic: str) -> dict:
        return next(e for e in entries if e["ar"] == arabic)

    # -- one article -------------------------------------------------------------------
    def load_article(self, key: str, text: str) -> None:
        gold = json.loads((CORPUS_DIR / f"{key}.json").read_text("utf-8"))
        tr = self.translations[key]
        source = gold["source"]
        # An article without a headline is known by the start of its first line.
        title = source["title"] or Truncator(text.strip().splitlines()[0]).words(12)
        article = self._upsert(
            Article,
            {"title": title},
            {
                "outlet": source["outlet"] or "",
                "url": tr["source"].get("url") or "",
                "published_on": parse_date(source["published_on"] or ""),
                "language": source["language"] or "ar",
                "text": text,
            },
        )
        titles = tr["titles"]

        def title_values(arabic: str | None) -> dict:
            arabic = arabic or ""
            return {
                "title": arabic,
                "title_ar": arabic,
                "title_fr": titles.get(arabic, {}).get("fr", ""),
                "title_en": titles.get(arabic, {}).get("en", ""),
            }

        organizations = {}
        for item in gold["organizations"]:
            t = self._entry(tr["organizations"], item["name"])
            org = self._upsert(
                Organization,
                {"name_ar": item["name"]},
                {
                    "name": item["name"],
                    "name_fr": t["fr"],
                    "name_en": t["en"],
                    "kind": item["kind"],
                    "acronym": item["acronym"] or "",
                    "aliases": item["aliases"],
                    "region": self._region(item["region"]),
                    "commune": self._commune(item["city"], item["region"]),
                    **self._published(),
                },
            )
            organizations[item["name"]] = org
            self._mention(article, org, t["quote"])

        people = {}
        for item in gold["people"]:
            t = self._entry(tr["people"], item["name"])
            person = self._upsert(
                Person,
                {"name_ar": item["name"]},
                {
                    "name": item["name"],
                    "name_fr": t["fr"],
                    "name_en": t["en"],
                    "aliases": item["aliases"],
                    **self._published(),
                },
            )
            people[item["name"]] = person
            self._mention(article, person, t["quote"])
            for position in item["positions"]:
                values = title_values(position["title"])
                self._upsert(
                    Position,
                    {
                        "person": person,
                        "organization": organizations.get(position["organization"]),
                        "title_ar": values.pop("title_ar"),
                    },
                    values,
                )

        events = []
        for item in gold["events"]:
            t = self._entry(tr["events"], item["title"])
            commune = self._commune(item["city"], item["region"])
            event = self._upsert(
                Event,
                {"title_ar": item["title"]},
                {
                    "title": item["title"],
                    "title_fr": t["fr"],
                    "title_en": t["en"],
                    "summary": t["summary_ar"],
                    "summary_ar": t["summary_ar"],
                    "summary_fr": t["summary_fr"],
                    "summary_en": t["summary_en"],
                    "venue_ar": t.get("venue_ar") or "",
                    "venue_fr": t.get("venue_fr") or "",
                    "venue_en": t.get("venue_en") or "",
                    "kind": item["kind"],
                    "edition": item["edition"],
                    "start_date": parse_date(item["start_date"] or ""),
                    "end_date": parse_date(item["end_date"] or ""),
                    "commune": commune,
                    "region": self._region(item["region"]),
                    **self._published(),
                },
            )
            event.sectors.set(Sector.objects.filter(slug__in=item["sectors"]))
            for role in item["organizations"]:
                EventOrganization.objects.get_or_create(
                    event=event, organization=organizations[role["name"]], role=role["role"]
                )
            for participant in item["people"]:
                values = title_values(participant["title"])
                values["organization"] = organizations.get(participant["organization"])
                self._upsert(
                    Participation,
                    {"event": event, "person": people[participant["name"]]},
                    values,
                )
            self._mention(article, event, t["quote"])
            events.append(event)

        signing = next((e for e in events if e.kind == "signing"), None)
        agreements = []
        for item in gold["agreements"]:
            t = self._entry(tr["agreements"], item["title"])
            agreement = self._upsert(
                Agreement,
                {"title_ar": item["title"]},
                {
                    "title": item["title"],
                    "title_fr": t["fr"],
                    "title_en": t["en"],
                    "kind": item["kind"],
                    "signed_on": parse_date(item["signed_on"] or ""),
                    "commune": self._commune(item["city"], None),
                    "signing_event": signing if item["parties"] else None,
                    "amount_mad": item["amount_mad"],
                    "period_start": item["period_start"],
                    "period_end": item["period_end"],
                    **self._published(),
                },
            )
            agreement.parties.set([organizations[name] for name in item["parties"]])
            self._mention(article, agreement, t["quote"])
            agreements.append(agreement)
        # An agreement whose period follows another's in the same article renews it.
        for later in agreements:
            earlier = [
                a
                for a in agreements
                if a.period_end and later.period_start and a.period_end <= later.period_start
            ]
            if earlier:
                later.previous = max(earlier, key=lambda a: a.period_end)
                later.save(update_fields=["previous"])

    # -- the forum to register for ----------------------------------------------------------
    def load_open_forum(self) -> None:
        """Every article's event is over: this one is dated a month ahead of each load (a rerun
        moves it on), its registration open from now until the eve of its first day."""
        demo = json.loads((self.demo_dir / "open_forum.json").read_text("utf-8"))
        item = demo["event"]
        article = self._upsert(
            Article,
            {"title": demo["article"]["title"]},
            {**demo["article"], "published_on": timezone.localdate(self.now)},
        )
        start = timezone.localdate(self.now) + datetime.timedelta(days=30)
        event = self._upsert(
            Event,
            {"title_ar": item["title_ar"]},
            {
                # The plain fields first: each writes the active language's translation,
                # which the translated fields then set right.
                "title": item["title_ar"],
                "summary": item["summary_ar"],
                "venue": item["venue_ar"],
                **{k: v for k, v in item.items() if k.startswith(("title_", "summary_", "venue_"))},
                "kind": "forum",
                "start_date": start,
                "end_date": start + datetime.timedelta(days=1),
                "commune": self._commune(item["city"], item["region"]),
                "region": self._region(item["region"]),
                "registration_opens": self.now,
                "registration_closes": timezone.make_aware(
                    datetime.datetime.combine(start - datetime.timedelta(days=1), datetime.time(18))
                ),
                "capacity": 50,
                "waiting_list": True,
                **self._published(),
            },
        )
        event.sectors.set(Sector.objects.filter(slug__in=item["sectors"]))
        self._mention(article, event, demo["quote"])


@transaction.atomic
def demo_load(demo_dir: Path | None = None) -> dict[str, int]:
    return DemoLoader(demo_dir or settings.DEMO_DIR).run()
