"""extraction.event_matching: is a proposed event one the portal has already?"""

import dataclasses
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
from extraction.extractor import extract_article
from extraction.matching import RecordIndex
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
    assert report["precision"] == 1.0
    assert report["recall"] == 1.0  # 0.04 before event matching, 0.84 before datelines


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


# -- the signals the matching relies on ------------------------------------------------

COMMUNIQUE_FR = """La CCIS de l'Oriental organise un atelier sur l'export

Chambre de commerce, d'industrie et de services de la région de l'Oriental – Communiqué

Oujda, le 2 mars 2026 – La Chambre de commerce, d'industrie et de services de la région de \
l'Oriental organise, le jeudi 19 mars 2026 à son siège à Oujda, un atelier consacré aux \
démarches d'exportation des petites entreprises de la région, en partenariat avec des \
transitaires et des banques de la place. Une centaine de participants sont attendus.
"""

REPORT_AR = """وجدة.. ورشة لمواكبة المقاولات الصغيرة في ولوج أسواق التصدير

وجدة - احتضن مقر غرفة التجارة والصناعة والخدمات لجهة الشرق، أمس الخميس، ورشة حول \
مساطر التصدير لفائدة المقاولات الصغيرة بالجهة، بمشاركة حوالي مائة من المهنيين والمسؤولين.
"""

COMMUNIQUE_AR = """غرفة التجارة والصناعة والخدمات لجهة الشرق تنظم ورشة حول التصدير

بلاغ صحفي

وجدة، 2 مارس 2026 – تنظم غرفة التجارة والصناعة والخدمات لجهة الشرق، يوم الخميس 19 مارس \
2026 بمقرها بوجدة، ورشة حول مساطر التصدير لفائدة المقاولات الصغيرة بالجهة.
"""


@pytest.mark.parametrize("text", [COMMUNIQUE_FR, COMMUNIQUE_AR], ids=["fr", "ar"])
def test_a_communique_s_dateline_is_its_issue_day_not_the_event_s(text):
    """ "Oujda, le 2 mars 2026 –" opens the communiqué; the workshop is on 19 March. Read as
    the event's day, the announcement could never meet the report of the workshop."""
    record = extract_article(text, published_on=datetime.date(2026, 3, 2))
    assert record["events"][0]["start_date"] == "2026-03-19"


def test_without_a_publication_date_the_dateline_resolves_relative_days():
    dispatch = (
        "ورشة حول التصدير بوجدة\n\nوجدة، 20 مارس 2026 – احتضن مقر غرفة التجارة والصناعة "
        "والخدمات لجهة الشرق، أمس الخميس، ورشة حول مساطر التصدير.\n"
    )
    record = extract_article(dispatch, published_on=None)
    assert record["events"][0]["start_date"] == "2026-03-19"


def test_an_alias_naming_another_known_institution_does_not_decide_the_match():
    """A regional branch read with its confederation's name as an alias ("… بجهة سوس ماسة"
    and "الاتحاد العام لمقاولات المغرب") is the branch, not the confederation."""
    national = OrganizationFactory(name="الاتحاد العام لمقاولات المغرب", acronym="CGEM")
    branch = OrganizationFactory(name="", name_fr="CGEM Souss-Massa")
    index = RecordIndex.organizations()
    names = ["الاتحاد العام لمقاولات المغرب بجهة سوس ماسة", "الاتحاد العام لمقاولات المغرب"]
    assert index.find(names).pk == branch.pk
    assert index.find(["الاتحاد العام لمقاولات المغرب"]).pk == national.pk


def test_a_communique_and_a_later_report_in_the_other_language_make_one_event():
    user = get_user_model().objects.create_superuser("dateline-editor", None, None)
    found = []
    for text, language, published in (
        (COMMUNIQUE_FR, "fr", datetime.date(2026, 3, 2)),
        (REPORT_AR, "ar", datetime.date(2026, 3, 20)),
    ):
        article = Article.objects.create(
            title=text.split("\n", 1)[0], language=language, published_on=published, text=text
        )
        result = article_ingest(article=article, user=user)
        found.append({r.pk for r in result.created + result.linked if isinstance(r, Event)})
    assert len(found[0]) == 1 and found[0] == found[1]


def test_a_visit_s_length_gives_its_first_day_from_its_last():
    """ "a achevé mercredi une visite de trois jours": Monday to Wednesday, so a dispatch of
    the arrival on Monday reports the same visit's days, not other ones."""
    text = (
        "Oujda : fin de visite pour une délégation d'affaires\n\n"
        "La délégation d'hommes d'affaires espagnols, conduite par le président de la Chambre "
        "de commerce de Málaga, a achevé mercredi une visite de trois jours à Oujda.\n"
    )
    record = extract_article(text, published_on=datetime.date(2026, 3, 19))  # a Thursday
    event = record["events"][0]
    assert (event["start_date"], event["end_date"]) == ("2026-03-16", "2026-03-18")


@pytest.fixture
def signed_at_a_ceremony():
    ceremony = EventFactory(kind=EventKind.SIGNING, start_date=datetime.date(2026, 7, 8))
    agreement = AgreementFactory(
        title="اتفاقية لتوسعة المنطقة الصناعية",
        signing_event=ceremony,
        signed_on=datetime.date(2026, 7, 8),
        amount_mad=320_000_000,
    )
    return ceremony, agreement


def reported_at(ceremony, **overrides) -> ProposedAgreement:
    values = {
        "signed_on": None,
        "amount": 330_000_000,  # another outlet's figure
        "titles": ("Convention pour l'extension",),
        "parties": frozenset(),  # the article names no party the portal knows
        "published_on": datetime.date(2026, 7, 9),
        "signing_reported": True,
        "signings": frozenset({ceremony.pk}) if ceremony else frozenset(),
    }
    return ProposedAgreement(**{**values, **overrides})


def test_an_agreement_is_found_through_the_signing_the_article_reports(signed_at_a_ceremony):
    """The only agreement of the signing the article reports, and the article's only one:
    the same agreement, whatever the outlets say of its amount."""
    ceremony, agreement = signed_at_a_ceremony
    found = agreement_match_find(reported_at(ceremony))
    assert found.pk == agreement.pk and "signing" in found.evidence
    assert agreement_match_find(reported_at(ceremony, reported=2)) is None  # which of two?
    AgreementFactory(signing_event=ceremony)
    assert agreement_match_find(reported_at(ceremony)) is None  # which of the signing's two?
    assert agreement_match_find(reported_at(ceremony, amount=320_000_000)).pk == agreement.pk


def test_an_agreement_of_another_signing_is_another_one(signed_at_a_ceremony):
    """One body's two signings in a week: a shared party and a like title do not make the
    second signing's agreement the first one's."""
    _ceremony, agreement = signed_at_a_ceremony
    cri = OrganizationFactory()
    agreement.parties.add(cri)
    alike = reported_at(None, titles=(agreement.title,), parties=frozenset({cri.pk}), amount=None)
    assert agreement_match_find(alike) is None
    assert agreement_match_find(dataclasses.replace(alike, signing_reported=False))


def test_a_generic_alias_does_not_find_another_region_s_body():
    """ "Conseil de la région Fès-Meknès", also read as "Conseil régional": the regions the
    knowledge base gives the two councils (neither the article nor the record says) keep
    Souss-Massa's council, known by that alias too, out of reach."""
    souss = OrganizationFactory(  # an ingested draft: no region on the record
        name="", name_fr="Conseil de la région Souss-Massa", aliases=["Conseil régional"]
    )
    index = RecordIndex.organizations()
    assert index.find(["Conseil de la région Fès-Meknès", "Conseil régional"]) is None
    assert index.find(["Conseil de la région Souss-Massa", "Conseil régional"]).pk == souss.pk
