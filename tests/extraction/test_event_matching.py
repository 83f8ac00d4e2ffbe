"""extraction.event_matching: is a proposed event one the portal has already?"""

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article
from editorial import transitions
from events.models import Event, EventKind, EventOrganization
from extraction.event_matching import (
    ProposedAgreement,
    ProposedEvent,
    agreement_match_find,
    event_match,
    event_match_find,
)
from extraction.services import article_ingest
from extraction.stories import stories_evaluate
from taxonomy.models import Commune
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

STORIES = Path(__file__).resolve().parents[2] / "extraction" / "corpus" / "stories"
DAY = datetime.date(2026, 10, 14)


def proposed(**overrides) -> ProposedEvent:
    values = {
        "kind": EventKind.FORUM,
        "start": DAY,
        "end": DAY + datetime.timedelta(days=1),
        "region": "souss-massa",
        "city": "أكادير",
        "edition": 3,
        "titles": ("منتدى الاستثمار الصناعي لجهة سوس ماسة",),
        "organisers": frozenset(),
        "published_on": DAY,
    }
    return ProposedEvent(**{**values, **overrides})


@pytest.fixture
def forum():
    agadir = Commune.objects.filter(name_ar="أكادير").first()
    return EventFactory(
        title="منتدى الاستثمار الصناعي بجهة سوس ماسة",
        title_fr="",
        kind=EventKind.FORUM,
        edition=3,
        start_date=DAY,
        end_date=DAY + datetime.timedelta(days=1),
        commune=agadir,
    )


def test_the_same_forum_reported_again_matches_with_its_evidence(forum):
    found = event_match(proposed(), forum, frozenset())
    assert found.pk == forum.pk and found.reason == "same-event"
    assert {"kind", "dates", "city", "edition", "title"} <= set(found.evidence)


@pytest.mark.parametrize(
    "change",
    [
        {"edition": 2},  # the same series, another year
        {"start": DAY - datetime.timedelta(days=365), "end": None},
        {"start": DAY + datetime.timedelta(days=5), "end": None},  # a week apart
        {"region": "oriental", "city": "وجدة"},
        {"kind": EventKind.EXHIBITION},
    ],
    ids=["edition", "year", "days-apart", "region", "kind"],
)
def test_what_cannot_differ_for_one_happening_rejects(forum, change):
    assert event_match(proposed(**change), forum, frozenset()) is None


def test_a_french_report_matches_through_dates_and_shared_organisers(forum):
    cri = OrganizationFactory(name="المركز الجهوي للاستثمار سوس ماسة")
    french = proposed(titles=("Forum de l'investissement industriel",), organisers={cri.pk})
    assert event_match(french, forum, frozenset()) is None  # the title alone cannot tell
    found = event_match(french, forum, frozenset({cri.pk}))
    assert found.pk == forum.pk and "organisers" in found.evidence


def test_an_undated_announcement_needs_the_place_and_the_title_or_organisers(forum):
    cri = OrganizationFactory(name="المركز الجهوي للاستثمار سوس ماسة")
    announcement = proposed(start=None, end=None, published_on=DAY - datetime.timedelta(days=20))
    assert event_match(announcement, forum, frozenset()).pk == forum.pk  # a close title
    other_title = proposed(
        start=None, end=None, titles=("Forum de l'investissement",), organisers={cri.pk}
    )
    assert event_match(other_title, forum, frozenset()) is None
    assert event_match(other_title, forum, frozenset({cri.pk})).pk == forum.pk  # edition 3
    months_later = proposed(start=None, end=None, published_on=DAY + datetime.timedelta(days=400))
    assert event_match(months_later, forum, frozenset()) is None


def test_the_best_candidate_is_found_among_the_region_s_events(forum):
    EventFactory(title="ورشة حول التصدير", kind=EventKind.WORKSHOP, start_date=DAY)
    cri = OrganizationFactory(name="المركز الجهوي للاستثمار سوس ماسة")
    EventOrganization.objects.create(event=forum, organization=cri, role="organizer")
    found = event_match_find(proposed(titles=("Forum 2026",), organisers=frozenset({cri.pk})))
    assert found.pk == forum.pk


def test_stories_make_one_event_each_and_no_false_merge():
    """The stories corpus (its README): several articles per happening, hard negatives."""
    report = stories_evaluate(STORIES)
    assert report["articles"] >= 30
    assert report["wrongly_merged"] == []
    assert report["recall"] >= 0.75  # 0.04 before event matching; see the closing figures


def test_an_arabic_and_a_french_report_make_one_event_with_both_sources(client):
    """Ingested one after the other, the second article attaches to the first one's event;
    once published, its page lists both sources with their outlet and language."""
    user = get_user_model().objects.create_superuser("matching-publisher", None, None)
    events = []
    for name in ("dakhla_senegal_delegation_1_ar", "dakhla_senegal_delegation_2_fr"):
        gold = json.loads((STORIES / f"{name}.json").read_text(encoding="utf-8"))["source"]
        article = Article.objects.create(
            title=gold["title"],
            outlet=gold["outlet"],
            language=gold["language"],
            published_on=datetime.date.fromisoformat(gold["published_on"]),
            text=(STORIES / f"{name}.txt").read_text(encoding="utf-8"),
        )
        result = article_ingest(article=article, user=user)
        events.append({r.pk for r in result.created + result.linked if isinstance(r, Event)})
    assert len(events[0]) == 1 and events[0] <= events[1]

    event = Event.objects.get(pk=next(iter(events[0])))
    transitions.record_submit(record=event, user=user)
    transitions.record_publish(record=event, user=user)
    html = client.get(f"/fr/events/{event.slug}/").content.decode()
    sources = html[html.index('id="sources-heading"') :]
    assert sources.count('class="source"') == 2
    assert "arabe" in sources.lower() and "français" in sources.lower()


@pytest.fixture
def signing():
    cri = OrganizationFactory(name="المركز الجهوي للاستثمار فاس مكناس")
    company = OrganizationFactory(name="سايس وايرينغ سيستمز")
    agreement = AgreementFactory(
        title="اتفاقية استثمار لإحداث وحدة صناعية",
        signed_on=datetime.date(2026, 3, 9),
        amount_mad=640_000_000,
    )
    agreement.parties.add(cri, company)
    return agreement, cri, company


def test_an_agreement_reported_again_matches_by_parties_and_date(signing):
    agreement, cri, company = signing
    french = ProposedAgreement(
        signed_on=datetime.date(2026, 3, 10),
        amount=655_000_000,  # the outlets disagree: the editor sees it as a suggestion
        titles=("Convention d'investissement",),
        parties=frozenset({cri.pk}),
        published_on=datetime.date(2026, 3, 10),
    )
    found = agreement_match_find(french)
    assert found.pk == agreement.pk and {"parties", "dates"} <= set(found.evidence)


def test_the_same_cri_s_other_signing_that_week_is_another_agreement(signing):
    agreement, cri, _company = signing
    other = ProposedAgreement(
        signed_on=datetime.date(2026, 3, 12),
        amount=120_000_000,
        titles=("اتفاقية استثمار لإحداث وحدة لتثمين زيت الزيتون",),
        parties=frozenset({cri.pk}),
        published_on=datetime.date(2026, 3, 12),
    )
    assert agreement_match_find(other) is None
    strangers = ProposedAgreement(
        signed_on=datetime.date(2026, 3, 9),
        amount=640_000_000,
        titles=(agreement.title,),
        parties=frozenset({OrganizationFactory().pk}),
        published_on=None,
    )
    assert agreement_match_find(strangers) is None  # no party in common
