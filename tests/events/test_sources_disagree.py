"""The sources of a record's page: when they report a fact differently, the page says so
and names the value the editors kept (articles.facts)."""

import datetime

import pytest
from django.utils import translation

from articles.facts import fact_reports_record
from articles.sources import attach_sources
from taxonomy.models import Commune
from tests.articles.factories import ArticleFactory
from tests.events.factories import AgreementFactory, EventFactory, mention_add

pytestmark = pytest.mark.django_db

MAY_14 = datetime.date(2026, 5, 14)
MAY_15 = datetime.date(2026, 5, 15)


def source(record, outlet, language, **facts):
    """An article citing `record`, which reported `facts` of it."""
    article = ArticleFactory(
        outlet=outlet, language=language, published_on=MAY_14, text=f"{outlet}: نص المقال."
    )
    mention_add(article, record, "نص المقال")
    fact_reports_record(article=article, record=record, values=facts)
    return article


def disagreement_note(html: str) -> str:
    start = html.index('class="disagreement"')
    return html[start : html.index("</p>", start)]


@pytest.fixture
def forum():
    """A one-day forum the editors dated 14 May; a French daily said 15 May."""
    event = EventFactory(start_date=MAY_14, end_date=MAY_14)
    source(event, "هسبريس", "ar", dates=(MAY_14, MAY_14))
    source(event, "Le Matin", "fr", dates=(MAY_15, MAY_15))
    return event


@pytest.mark.parametrize(
    ("lang", "kept", "other"),
    [("ar", "14 ماي 2026", "15 ماي 2026"), ("fr", "14 mai 2026", "15 mai 2026")],
)
def test_the_event_page_says_its_sources_disagree_on_the_date(client, forum, lang, kept, other):
    html = client.get(f"/{lang}/events/{forum.slug}/").content.decode()
    note = disagreement_note(html)
    assert "<bdi>هسبريس</bdi>" in note and "<bdi>Le Matin</bdi>" in note
    assert note.count(f">{kept}</time>") == 2  # one source's, and the editors'
    assert note.count(f">{other}</time>") == 1
    with translation.override(lang):
        label = str(type(forum).reported_facts[0].label)
        assert label in note
    # the value the editors kept closes the sentence
    assert note.rindex(kept) > note.index(other)


def test_the_page_follows_what_the_editors_keep(client, forum):
    forum.start_date = forum.end_date = MAY_15
    forum.save()
    note = disagreement_note(client.get(f"/fr/events/{forum.slug}/").content.decode())
    assert note.count(">15 mai 2026</time>") == 2 and note.count(">14 mai 2026</time>") == 1
    assert note.rindex("15 mai 2026") > note.index("14 mai 2026")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_sources_disagree_on_the_city_named_in_the_page_s_language(client, lang):
    tangier = Commune.objects.filter(name_ar="طنجة").first()
    tetouan = Commune.objects.filter(name_ar="تطوان").first()
    event = EventFactory(commune=tangier)
    source(event, "طنجة 24", "ar", commune=tangier)
    source(event, "L'Écho du Nord", "fr", commune=tetouan)
    note = disagreement_note(client.get(f"/{lang}/events/{event.slug}/").content.decode())
    with translation.override(lang):
        assert f"<bdi>{tangier.name}</bdi>" in note and f"<bdi>{tetouan.name}</bdi>" in note
    assert tangier.name_ar != tangier.name_fr


def test_a_dispatch_of_the_opening_day_does_not_contradict_the_whole_fair(client):
    event = EventFactory(start_date=MAY_14, end_date=datetime.date(2026, 5, 16))
    source(event, "و م ع", "ar", dates=(MAY_14, MAY_14))
    source(event, "Le Matin", "fr", dates=(MAY_14, datetime.date(2026, 5, 16)))
    source(event, "هسبريس", "ar", dates=(MAY_15, MAY_15))  # a report of the second day
    html = client.get(f"/fr/events/{event.slug}/").content.decode()
    assert html.count('class="source"') == 3
    assert 'class="disagreement"' not in html


def test_only_the_page_s_sources_are_quoted_as_disagreeing(client):
    event = EventFactory(start_date=MAY_14, end_date=MAY_14)
    source(event, "هسبريس", "ar", dates=(MAY_14, MAY_14))
    uncited = ArticleFactory(outlet="Le Matin", language="fr")
    fact_reports_record(article=uncited, record=event, values={"dates": (MAY_15, MAY_15)})
    assert 'class="disagreement"' not in client.get(f"/fr/events/{event.slug}/").content.decode()


def test_an_agreement_s_sources_disagree_on_its_amount(client):
    agreement = AgreementFactory(amount_mad=640_000_000)
    source(agreement, "و م ع", "ar", amount_mad=640_000_000)
    source(agreement, "Le Quotidien", "fr", amount_mad=655_000_000)
    html = client.get(f"/fr/agreements/{agreement.slug}/").content.decode()
    note = disagreement_note(html)
    assert note.count("640 millions MAD") == 2 and note.count("655 millions MAD") == 1


def test_sources_and_what_they_reported_are_read_in_two_queries(forum, django_assert_num_queries):
    """The Mentions, then the reports of their articles: two queries however many sources,
    on every database (an array subquery would be PostgreSQL's only)."""
    with django_assert_num_queries(2):
        attach_sources(forum)
    assert len(forum.sources) == 2 and len(forum.disagreements) == 1


@pytest.mark.parametrize(("lang", "kept"), [("ar", "640 مليون درهم"), ("fr", "640 millions MAD")])
def test_the_event_page_says_its_agreements_sources_disagree_on_the_amount(client, lang, kept):
    event = EventFactory()
    agreement = AgreementFactory(signing_event=event, amount_mad=640_000_000)
    source(agreement, "و م ع", "ar", amount_mad=640_000_000)
    source(agreement, "Le Quotidien", "fr", amount_mad=655_000_000)
    html = client.get(f"/{lang}/events/{event.slug}/").content.decode()
    start = html.index('id="agreements-heading"')
    agreements = html[start : html.index("</section>", start)]
    note = disagreement_note(agreements)
    assert note.count(kept) == 2 and "<bdi>Le Quotidien</bdi>" in note
