"""Search across the public records, Arabic spelling folded on both sides."""

import pytest

from editorial.models import Status
from portal.search import search_all
from tests.events.factories import AgreementFactory, EventFactory, chemistry_forum_create
from tests.organizations.factories import OrganizationFactory, PersonFactory

FORUM = "المنتدى الدولي للكيمياء"
FEDERATION = "فدرالية الكيمياء وشبه الكيمياء"


def found(query: str, key: str) -> list[str]:
    group = next(g for g in search_all(query) if g.key == key)
    return [obj.title if key in ("events", "agreements") else obj.name for obj in group.results]


@pytest.mark.parametrize(
    "query",
    [
        "المنتدى الدولى",  # ى for ي
        "المنتدي الدولي",
        "المُنْتَدَى الدَّوْلِيّ",  # with harakat
        "المنتـــدى",  # tatweel
        "الكيمياء",
        "Forum international de la chimie",
        "chemistry forum",
    ],
)
def test_spellings_find_the_chemistry_forum(chemistry_forum, query):
    assert FORUM in found(query, "events")


@pytest.mark.parametrize(
    "query", ["فدرالية الكيمياء", "فِدِرَالِيَّة الكِيمْيَاء", "فدراليه الكيمياء", "FCP"]
)
def test_the_federation_is_found_with_or_without_diacritics(chemistry_forum, query):
    assert FEDERATION in found(query, "organizations")


@pytest.mark.postgres
def test_a_near_miss_is_found_by_trigram_similarity(chemistry_forum):
    assert FEDERATION in found("فدراليت الكيمياء", "organizations")


def test_results_are_grouped_by_type(db):
    keys = [group.key for group in search_all("الصناعة")]
    assert keys == ["events", "organizations", "people", "agreements"]


def test_drafts_are_never_found(db):
    EventFactory(title="منتدى سري للطيران", status=Status.DRAFT)
    OrganizationFactory(name="جمعية سرية للطيران", status=Status.REVIEW)
    PersonFactory(name="شخص سري للطيران", status=Status.DRAFT)
    AgreementFactory(title="اتفاقية سرية للطيران", status=Status.ARCHIVED)
    assert sum(group.total for group in search_all("سري للطيران")) == 0


def test_search_page_highlights_and_ranks(client, db):
    # A weaker match (every word once, in its summary), saved first: only the rank, not the
    # id, can put the forum before it.
    weaker = EventFactory(
        title="ملتقى الكيمياء الخضراء",
        title_fr="Rencontre de la chimie verte",
        summary="لقاء على هامش المنتدى الدولي للكيمياء",
    )
    chemistry_forum_create()
    response = client.get("/ar/search/", {"q": "المنتدى الدولى للكيمياء"})
    html = response.content.decode()
    assert response.status_code == 200
    events = next(g for g in response.context["groups"] if g.key == "events").results
    assert [e.title for e in events] == [FORUM, weaker.title]  # the closest match first
    assert "<mark>المنتدى</mark> <mark>الدولي</mark>" in html
    assert 'id="group-events"' in html


def test_search_page_in_french(client, chemistry_forum):
    html = client.get("/fr/search/", {"q": "chimie"}).content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Forum international de la <mark>chimie</mark>" in html


def test_an_arabic_query_on_a_french_page_shows_the_arabic_name_it_matched(client, chemistry_forum):
    html = client.get("/fr/search/", {"q": "المنتدى الدولى"}).content.decode()
    assert "Forum international de la chimie" in html
    assert (
        '<p class="original" lang="ar" dir="rtl"><mark>المنتدى</mark> <mark>الدولي</mark>' in html
    )


def test_nothing_found_says_what_to_try(client, db):
    html = client.get("/en/search/", {"q": "zzzzqqq"}).content.decode()
    assert "Nothing matches" in html and "fewer or shorter words" in html


def test_empty_and_bad_queries(client, db):
    assert client.get("/ar/search/").status_code == 200
    assert client.get("/ar/search/", {"q": "   "}).context["groups"] == []
    response = client.get("/en/search/", {"q": "x" * 201})
    assert response.status_code == 400 and "at most 200" in response.content.decode()
    assert client.get("/en/search/?q=%00").status_code == 400
    assert client.get("/en/search/", {"q": "'; DROP TABLE x; --%_\\"}).status_code == 200


def test_search_runs_a_constant_number_of_queries(
    client, chemistry_forum, django_assert_max_num_queries
):
    for n in range(15):
        EventFactory(title=f"منتدى الكيمياء {n}")
        OrganizationFactory(name=f"جمعية الكيمياء {n}")
    with django_assert_max_num_queries(10):
        response = client.get("/ar/search/", {"q": "الكيمياء"})
    assert len(response.context["groups"][0].results) == 10
    assert response.context["groups"][0].total >= 16
