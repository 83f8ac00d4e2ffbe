"""The event list: filters (valid, invalid, junk), pagination, chips, empty state, queries."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event, EventKind
from taxonomy.models import Commune, Region, Sector
from tests.events.factories import EventFactory

from ..i18n import translated

URL = "/ar/events/"


def listed(response) -> list[Event]:
    """The events of the page, in its order (the page holds their ids; the cards are HTML)."""
    ids = response.context["page_obj"].object_list
    by_pk = Event.objects.in_bulk(ids)
    return [by_pk[pk] for pk in ids]


def titles(response):
    return {e.title for e in listed(response)}


@pytest.fixture
def casablanca_fair(db):
    event = EventFactory(
        title="معرض السيارات بالدار البيضاء",
        title_fr="Salon de l'automobile de Casablanca",
        kind=EventKind.EXHIBITION,
        commune=Commune.objects.get(slug="casablanca"),
        start_date=timezone.localdate() + datetime.timedelta(days=40),
        end_date=timezone.localdate() + datetime.timedelta(days=42),
    )
    event.sectors.add(Sector.objects.get(slug="automotive"))
    return event


def test_list_without_filters_shows_public_events(client, casablanca_fair):
    response = client.get(URL)
    assert response.status_code == 200
    assert casablanca_fair.title in titles(response)
    assert response.context["page_obj"].paginator.count == Event.objects.public().count()


@pytest.mark.parametrize(
    "query",
    [
        "region=casablanca-settat",
        "sector=automotive",
        "kind=exhibition",
        "when=upcoming",
        "city=casablanca",
        "q=معرض السيارات",
        "q=salon automobile",
        "region=casablanca-settat&sector=automotive&kind=exhibition&when=upcoming",
    ],
)
def test_each_filter_keeps_the_matching_event(client, casablanca_fair, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert casablanca_fair.title in titles(response)


@pytest.mark.parametrize(
    "query",
    ["region=oriental", "sector=mining", "kind=forum", "when=past", "q=طيران"],
)
def test_each_filter_leaves_out_what_does_not_match(client, casablanca_fair, query):
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    assert casablanca_fair.title not in titles(response)


def test_the_filters_narrow_the_list_exactly(client, casablanca_fair):
    response = client.get(f"{URL}?region=rabat-sale-kenitra")
    region = Region.objects.get(slug="rabat-sale-kenitra")
    assert titles(response) == {e.title for e in Event.objects.public().filter(region=region)}


def test_date_range_keeps_events_that_overlap_it(client, casablanca_fair):
    start = casablanca_fair.start_date
    inside = f"date_from={start + datetime.timedelta(days=1)}&date_to={start}"
    assert client.get(f"{URL}?{inside.replace('date_to', 'x')}").status_code == 200
    overlapping = f"date_from={start + datetime.timedelta(days=2)}"
    assert casablanca_fair.title in titles(client.get(f"{URL}?{overlapping}"))
    after = f"date_from={start + datetime.timedelta(days=3)}"
    assert casablanca_fair.title not in titles(client.get(f"{URL}?{after}"))
    before = f"date_to={start - datetime.timedelta(days=1)}"
    assert casablanca_fair.title not in titles(client.get(f"{URL}?{before}"))


def test_upcoming_are_sorted_soonest_first(client, fifty_events):
    events = listed(client.get(f"{URL}?when=upcoming"))
    dates = [e.start_date for e in events]
    assert dates == sorted(dates) and dates[0] >= timezone.localdate()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("region=atlantis", "atlantis"),
        ("sector=spaceships", "spaceships"),
        ("kind=party", "party"),
        ("when=tomorrow", "tomorrow"),
        ("date_from=2024-13-45", "YYYY-MM-DD"),
        ("date_to=yesterday", "YYYY-MM-DD"),
        ("date_from=2025-05-02&date_to=2025-05-01", "“from”"),
        ("q=" + "x" * 201, "200"),
        ("q=%00", "Null"),
    ],
)
def test_invalid_filters_answer_400_with_a_clear_message(client, db, query, message):
    response = client.get(f"/en/events/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert message.lower() in html.lower()
    assert 'role="alert"' in html
    assert response.context["cards"] == []


def test_junk_parameters_are_ignored(client, casablanca_fair):
    response = client.get(f"{URL}?utm_source=x&foo[]=1&region=casablanca-settat&region=")
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("999", "There is no page 999"),
        ("9" * 19, f"There is no page {'9' * 19}"),  # its offset would overflow a bigint
        ("abc", "is not a page number"),
        ("0", "numbered from 1"),
    ],
)
def test_bad_page_numbers_are_404_with_a_message(client, db, page, message):
    response = client.get(f"/en/events/?page={page}")
    assert response.status_code == 404
    assert message in response.content.decode()


def test_pagination_keeps_the_filters(client, fifty_events):
    response = client.get(f"{URL}?region=rabat-sale-kenitra&when=upcoming")
    html = response.content.decode()
    assert response.context["page_obj"].paginator.num_pages >= 2
    assert 'href="?region=rabat-sale-kenitra&amp;when=upcoming&amp;page=2"' in html
    second = client.get(f"{URL}?region=rabat-sale-kenitra&when=upcoming&page=2")
    assert second.status_code == 200
    assert not set(titles(second)) & set(titles(response))


def test_active_filters_are_shown_and_removable(client, casablanca_fair):
    response = client.get(f"{URL}?region=casablanca-settat&kind=exhibition&page=1")
    chips = {chip["name"]: chip for chip in response.context["active_filters"]}
    assert set(chips) == {"region", "kind"}
    assert chips["region"]["remove_url"] == f"{URL}?kind=exhibition"
    assert chips["kind"]["remove_url"] == f"{URL}?region=casablanca-settat"
    html = response.content.decode()
    assert "الدار البيضاء-سطات" in html and 'href="/ar/events/?kind=exhibition"' in html


def test_the_form_shows_the_applied_values(client, casablanca_fair):
    html = client.get(f"{URL}?region=casablanca-settat&q=salon").content.decode()
    assert '<option value="casablanca-settat" selected>' in html
    assert 'value="salon"' in html
    assert '<label for="id_region">' in html


def test_an_empty_result_says_what_to_change(client, db):
    response = client.get(f"{URL}?region=oriental&kind=delegation&when=upcoming")
    html = response.content.decode()
    assert response.status_code == 200
    assert translated("No event matches these filters.", "ar") in html
    advice = (
        "Remove a filter above, widen the dates, or choose “Any time” instead of upcoming "
        "or past events."
    )
    assert translated(advice, "ar") in html


def test_french_list_is_in_french(client, casablanca_fair):
    html = client.get("/fr/events/?region=casablanca-settat").content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Salon de l&#x27;automobile de Casablanca" in html


def test_list_runs_a_constant_number_of_queries(
    client, fifty_events, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):
        response = client.get(URL)
    assert len(response.context["cards"]) == 20
    with django_assert_max_num_queries(8):
        client.get(f"{URL}?region=rabat-sale-kenitra&sector=industry&when=upcoming&q=منتدى")


def test_the_list_is_paged_without_counting_every_match(client, fifty_events):
    """Counting 100,000 matches costs as much as listing them: a page reads one row more
    than it shows instead, and the total is told once the last page is reached."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        first = client.get("/en/events/")
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    html = first.content.decode()
    assert len(first.context["cards"]) == 20
    assert "Events 1–20; more on the next pages" in html
    assert "Page 1</span>" in html and 'rel="next" href="?page=2"' in html
    total = Event.objects.public().count()
    last_number = (total + 19) // 20
    last = client.get(f"/en/events/?page={last_number}")
    html = last.content.decode()
    assert f"{total} events" in html and 'rel="next"' not in html
    assert last.context["page_obj"].paginator.count == total
    past = client.get(f"/en/events/?page={last_number + 1}")
    assert past.status_code == 404
    assert f"this list has {last_number} page(s)" in past.content.decode()


def test_the_cached_filter_form_is_the_one_of_the_query(client, db):
    """The rendered form is kept per query and language: each list shows its own choices."""
    html = client.get(f"{URL}?region=oriental").content.decode()
    assert '<option value="oriental" selected>' in html
    html = client.get(f"{URL}?region=souss-massa").content.decode()
    assert '<option value="souss-massa" selected>' in html
    assert '<option value="oriental" selected>' not in html
    html = client.get("/fr/events/?region=oriental").content.decode()
    assert '<label for="id_region">Région</label>' in html


def test_an_organisations_upcoming_events_are_listed_soonest_first(client, db):
    """The organisation filter (DISTINCT) with the upcoming order (an expression)."""
    from events.models import EventOrganization
    from tests.organizations.factories import OrganizationFactory

    org = OrganizationFactory()
    today = timezone.localdate()
    events = [EventFactory(start_date=today + datetime.timedelta(days=n)) for n in (9, 3, 6)]
    for event in events:
        EventOrganization.objects.create(event=event, organization=org, role="organizer")
        EventOrganization.objects.create(event=event, organization=org, role="partner")
    response = client.get(f"{URL}?organization={org.slug}&when=upcoming")
    assert response.status_code == 200
    assert [e.start_date for e in listed(response)] == [
        today + datetime.timedelta(days=n) for n in (3, 6, 9)
    ]


def test_a_cached_card_shows_an_edit_at_once(client, casablanca_fair, settings):
    """Each event's card is kept per language and content version (event_cards.html): an
    edit of the event, or of its city, retires it, as it does the page cache (off here)."""
    settings.PUBLIC_PAGE_CACHE = False
    assert "معرض السيارات بالدار البيضاء" in client.get(URL).content.decode()
    assert "Salon de l&#x27;automobile de Casablanca" in client.get("/fr/events/").content.decode()
    casablanca_fair.title_ar = "معرض السيارات الجديد"
    casablanca_fair.save()
    html = client.get(f"{URL}?when=upcoming").content.decode()
    assert "معرض السيارات الجديد" in html and "معرض السيارات بالدار البيضاء" not in html
    commune = casablanca_fair.commune
    commune.name_fr = "Casablanca (ville)"
    commune.save()
    assert "Casablanca (ville)" in client.get("/fr/events/").content.decode()


def test_kept_cards_are_not_read_again(client, fifty_events, settings):
    """A page's cards come from the cache by id: once kept, the list reads only the ids."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PUBLIC_PAGE_CACHE = False

    def reads_rows(queries):
        return any('"events_event"."title_ar"' in q["sql"] for q in queries.captured_queries)

    with CaptureQueriesContext(connection) as cold:
        first = client.get(URL)
    with CaptureQueriesContext(connection) as warm:
        second = client.get(URL)
    assert reads_rows(cold) and not reads_rows(warm)
    assert second.context["cards"] == first.context["cards"]
    assert [card.count("<li") for card in first.context["cards"]] == [1] * 20


def test_the_filters_fold_unless_they_need_correcting(client, casablanca_fair):
    """Closed (a phone shows the results first; a wide screen shows them anyway), open when
    what was sent is invalid, so the message and the field show without a tap."""
    folded = client.get(f"{URL}?region=casablanca-settat").content.decode()
    assert '<details class="filters-panel">' in folded
    assert folded.index("filters-panel") < folded.index('class="active-filters"')
    invalid = client.get(f"{URL}?date_from=15-05-2025")
    assert invalid.status_code == 400
    assert '<details class="filters-panel" open>' in invalid.content.decode()


def test_regions_and_sectors_are_read_once_per_content_version(client, casablanca_fair, settings):
    """Their slugs are looked up in a map kept per process and content version: no query per
    request, and a renamed slug is seen at once (any edit bumps the version)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.PUBLIC_PAGE_CACHE = False
    query = f"{URL}?region=casablanca-settat&sector=automotive"
    assert casablanca_fair.title in titles(client.get(query))
    with CaptureQueriesContext(connection) as queries:
        assert casablanca_fair.title in titles(client.get(query))
    assert queries.captured_queries  # the page was rendered, not served from a cache
    assert not any('FROM "taxonomy_region"' in q["sql"] for q in queries.captured_queries)
    assert not any('FROM "taxonomy_sector"' in q["sql"] for q in queries.captured_queries)

    region = Region.objects.get(slug="casablanca-settat")
    region.slug = "grand-casablanca-settat"
    region.save()
    assert client.get(query).status_code == 400
    assert casablanca_fair.title in titles(client.get(f"{URL}?region=grand-casablanca-settat"))
