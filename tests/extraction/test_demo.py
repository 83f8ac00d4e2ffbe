"""The demo data holds every fact of the gold files, each traced to its article."""

import datetime
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from articles.models import Article, Mention
from editorial.models import Status
from events.models import Agreement, Event, EventOrganization, Participation
from extraction.demo import CORPUS_DIR, demo_load
from organizations.models import Organization, Person, Position

GOLD = [json.loads(p.read_text("utf-8")) for p in sorted(CORPUS_DIR.glob("0*.json"))][:5]

pytestmark = pytest.mark.usefixtures("demo_data")


def test_chemistry_forum(db):
    forum = Event.objects.get(title_ar="المنتدى الدولي للكيمياء")
    assert forum.kind == "forum"
    assert forum.edition == 2
    assert forum.start_date == datetime.date(2024, 5, 15)
    assert forum.end_date == datetime.date(2024, 5, 16)
    assert forum.commune.name_ar == "الرباط"
    assert forum.region.slug == "rabat-sale-kenitra"
    roles = EventOrganization.objects.filter(event=forum)
    organizers = [r.organization.name_ar for r in roles if r.role == "organizer"]
    assert organizers == ["فدرالية الكيمياء وشبه الكيمياء"]
    assert sum(r.role == "partner" for r in roles) == 2
    assert set(forum.sectors.values_list("slug", flat=True)) == {"chemistry", "energy-storage"}


def test_framework_agreement(db):
    agreement = Agreement.objects.get(kind="framework")
    assert agreement.amount_mad == 250_000_000
    assert (agreement.period_start, agreement.period_end) == (2022, 2025)
    assert agreement.parties.count() == 3
    assert agreement.previous.amount_mad == 290_000_000
    assert agreement.signing_event.kind == "signing"


def test_maroc_clusters_board(db):
    maroc_clusters = Organization.objects.get(name_fr="Maroc Clusters")
    assert "Maroc Clusters" in maroc_clusters.aliases
    board = Position.objects.filter(organization=maroc_clusters)
    assert board.count() == 7
    titles = dict(board.values_list("person__name_ar", "title_ar"))
    assert titles["فاطمة الزهراء الخليفة"] == "رئيسة المكتب التنفيذي"
    assert titles["سناء التازي"] == "أمينة المال"
    assert titles["نور الدين بويعقوب"] == "الكاتب العام"
    assert all(p.title_fr and p.title_en for p in board)


def test_every_gold_fact_is_loaded(db):
    for gold in GOLD:
        for event in gold["events"]:
            record = Event.objects.get(title_ar=event["title"])
            assert record.edition == event["edition"]
            assert str(record.start_date) == str(event["start_date"]) or event["start_date"] is None
            if event["start_date"] is None:
                assert record.start_date is None
            assert record.region.slug == event["region"]
            for person in event["people"]:
                assert Participation.objects.filter(
                    event=record, person__name_ar=person["name"]
                ).exists()
        for org in gold["organizations"]:
            assert Organization.objects.get(name_ar=org["name"]).kind == org["kind"]
        for person in gold["people"]:
            record = Person.objects.get(name_ar=person["name"])
            for position in person["positions"]:
                assert record.positions.filter(
                    title_ar=position["title"], organization__name_ar=position["organization"]
                ).exists() or (
                    position["organization"] is None
                    and record.positions.filter(title_ar=position["title"]).exists()
                )
        for agreement in gold["agreements"]:
            assert (
                Agreement.objects.get(title_ar=agreement["title"]).amount_mad
                == agreement["amount_mad"]
            )


@pytest.mark.parametrize("model", [Event, Organization, Person, Agreement])
def test_every_record_is_published_with_a_mention_in_its_article(db, model):
    content_type = ContentType.objects.get_for_model(model)
    records = model.objects.filter(
        pk__in=Mention.objects.filter(content_type=content_type).values("object_id")
    )
    assert records.count() == model.objects.count() > 0
    assert not model.objects.exclude(status=Status.PUBLISHED).exists()
    for mention in Mention.objects.filter(content_type=content_type).select_related("article"):
        assert mention.article.text[mention.start : mention.end] == mention.quote
        assert mention.quote.strip()


def test_translations_are_filled(db):
    assert not Event.objects.filter(title_fr="").exists()
    assert not Event.objects.filter(title_en="").exists()
    assert not Organization.objects.filter(name_fr="").exists()
    assert not Person.objects.filter(name_fr="").exists()
    assert Organization.objects.filter(name_fr="Cluster Solaire").exists()


def test_loading_again_duplicates_nothing(db):
    counts = [m.objects.count() for m in (Article, Event, Organization, Person, Position, Mention)]
    created = demo_load()
    assert not any(created.values())
    assert counts == [
        m.objects.count() for m in (Article, Event, Organization, Person, Position, Mention)
    ]


def test_articles_are_cleaned_of_site_leftovers(db):
    leftovers = [
        "اترك تعليقاً",
        "اترك رد",
        "مقالات ذات صلة",
        "Related posts",
        "زر الذهاب إلى الأعلى",
    ]
    for article in Article.objects.all():
        assert not [marker for marker in leftovers if marker in article.text]


def test_a_forum_is_open_for_registration(db, client):
    """A fresh `make run` has a forum to register for: every article's event is over."""
    forum = Event.objects.public().get(title_fr="Forum de démonstration des inscriptions")
    assert forum.kind == "forum" and forum.start_date > timezone.localdate()
    assert forum.registration_is_open and forum.capacity > 0
    assert forum in Event.objects.upcoming()
    assert Mention.objects.for_object(forum).get().article.published_on == timezone.localdate()
    form = client.get(f"/fr/events/{forum.slug}/register/").content.decode()
    assert 'name="full_name"' in form and 'name="consent"' in form


def test_loading_again_keeps_the_open_forum_a_month_ahead(db):
    forum = Event.objects.get(title_fr="Forum de démonstration des inscriptions")
    Event.objects.filter(pk=forum.pk).update(
        start_date=datetime.date(2020, 1, 1), end_date=datetime.date(2020, 1, 2)
    )
    demo_load()
    forum.refresh_from_db()
    assert forum.start_date == timezone.localdate() + datetime.timedelta(days=30)
    assert forum.registration_is_open
