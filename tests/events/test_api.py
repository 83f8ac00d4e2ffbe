"""Events and agreements in the read API: only public records, in what they list and in what
they show of others; the site list's filters; pagination; every language; sources."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import Status
from events.models import Event, EventKind, EventOrganization, Participation
from taxonomy.models import Commune, Sector
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

from ..i18n import translated

EVENTS = "/api/v1/events/"
AGREEMENTS = "/api/v1/agreements/"
HOUR = datetime.timedelta(hours=1)


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["slug"] for item in response.json()["results"]}


@pytest.fixture
def hidden_events(db):
    """One event in each state visitors must not see, beside a public one they replaced."""
    survivor = EventFactory(title_fr="Survivant")
    return {
        "draft": EventFactory(status=Status.DRAFT),
        "review": EventFactory(status=Status.REVIEW),
        "archived": EventFactory(status=Status.ARCHIVED),
        "scheduled": EventFactory(publish_at=timezone.now() + HOUR),
        "replaced": EventFactory(replaced_by=survivor),
    }


def test_the_list_holds_public_events_only(client, hidden_events):
    went_live = EventFactory(publish_at=timezone.now() - HOUR)
    listed = slugs(client.get(EVENTS))
    assert went_live.slug in listed
    assert listed == set(Event.objects.public().values_list("slug", flat=True))
    assert not listed & {event.slug for event in hidden_events.values()}


@pytest.mark.parametrize("state", ["draft", "review", "archived", "scheduled", "replaced"])
def test_a_hidden_event_is_404_by_slug_and_by_id(client, hidden_events, state):
    event = hidden_events[state]
    for key in (event.slug, event.pk):
        response = client.get(f"{EVENTS}{key}/")
        assert response.status_code == 404
        assert response.json()["detail"] == translated("This record does not exist.", "ar")


def test_an_event_by_slug_and_by_id_is_the_same(client, chemistry_forum):
    by_slug = client.get(f"{EVENTS}{chemistry_forum.slug}/").json()
    assert by_slug == client.get(f"{EVENTS}{chemistry_forum.pk}/").json()
    assert by_slug["id"] == chemistry_forum.pk


def test_an_event_gives_every_language_and_its_pages(client, chemistry_forum):
    data = client.get(f"{EVENTS}{chemistry_forum.slug}/").json()
    assert data["title"] == {
        "ar": "المنتدى الدولي للكيمياء",
        "fr": "Forum international de la chimie",
        "en": "International Chemistry Forum",
    }
    assert data["venue"] == {"ar": "", "fr": "", "en": ""}  # untranslated: empty, not missing
    assert data["url"] == {
        code: f"http://testserver/{code}/events/{chemistry_forum.slug}/"
        for code in ("ar", "fr", "en")
    }
    assert client.get(data["url"]["fr"]).status_code == 200
    assert data["city"]["name"]["fr"] == "Rabat"
    assert data["region"]["slug"] == "rabat-sale-kenitra"
    assert [sector["slug"] for sector in data["sectors"]] == ["chemistry", "energy-storage"]


def test_an_event_shows_its_sources(client, chemistry_forum):
    (source,) = client.get(f"{EVENTS}{chemistry_forum.slug}/").json()["sources"]
    assert source["outlet"] == "هبة بريس"
    assert source["language"] == "ar"
    assert source["quote"].startswith("ستنظم فدرالية الكيمياء")
    assert source["end"] - source["start"] == len(source["quote"])


def test_drafts_never_appear_among_an_events_relations(client, chemistry_forum):
    draft_organization = OrganizationFactory(status=Status.DRAFT, name_fr="Brouillon SA")
    EventOrganization.objects.create(
        event=chemistry_forum, organization=draft_organization, role="host"
    )
    speaker = PersonFactory(name_fr="Orateur public")
    Participation.objects.create(
        event=chemistry_forum, person=speaker, organization=draft_organization
    )
    Participation.objects.create(event=chemistry_forum, person=PersonFactory(status=Status.DRAFT))
    public_agreement = AgreementFactory(signing_event=chemistry_forum)
    AgreementFactory(signing_event=chemistry_forum, status=Status.DRAFT)
    AgreementFactory(signing_event=chemistry_forum, publish_at=timezone.now() + HOUR)

    data = client.get(f"{EVENTS}{chemistry_forum.slug}/").json()

    assert [
        (link["role"], link["organization"]["name"]["fr"]) for link in data["organizations"]
    ] == [
        ("organizer", "Fédération de la Chimie et de la Parachimie (FCP)"),
        ("partner", "Ministère de l'Industrie et du Commerce"),
    ]
    (person,) = data["people"]
    assert person["person"]["slug"] == speaker.slug
    assert person["organization"] is None  # on behalf of a draft
    assert [agreement["slug"] for agreement in data["agreements"]] == [public_agreement.slug]


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
    EventFactory(title_fr="Forum passé", start_date=datetime.date(2020, 3, 1), end_date=None)
    return event


QUERIES = [
    "region=casablanca-settat",
    "sector=automotive",
    "kind=exhibition",
    "when=upcoming",
    "when=past",
    "city=casablanca",
    "q=salon automobile",
    "q=معرض السيارات",
    "region=oriental",
    "date_from=2020-01-01&date_to=2020-12-31",
    "region=casablanca-settat&sector=automotive&kind=exhibition&when=upcoming",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_api_filters_as_the_sites_list_does(client, casablanca_fair, query):
    page = client.get(f"/ar/events/?{query}")
    assert page.status_code == 200
    listed = Event.objects.filter(pk__in=page.context["page_obj"].object_list)
    assert slugs(client.get(f"{EVENTS}?{query}")) == {e.slug for e in listed}


def test_a_filter_keeps_the_matching_event_and_leaves_out_the_others(client, casablanca_fair):
    assert slugs(client.get(f"{EVENTS}?region=casablanca-settat")) == {casablanca_fair.slug}
    assert slugs(client.get(f"{EVENTS}?region=oriental")) == set()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("region=nowhere", "region"),
        ("sector=nothing", "sector"),
        ("kind=party", "kind"),
        ("when=someday", "when"),
        ("date_from=2025-13-45", "date_from"),
        ("date_from=2025-06-01&date_to=2025-05-01", "__all__"),
        ("page=0", "page"),
        ("limit=0", "limit"),
        ("limit=ten", "limit"),
    ],
)
def test_invalid_filters_answer_400_with_each_ones_messages(client, db, query, field):
    response = client.get(f"{EVENTS}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["detail"] == translated("These filters are not valid.", "ar")
    assert list(body["errors"]) == [field]
    assert all(body["errors"][field])


def test_filter_messages_follow_the_requests_language(client, db):
    response = client.get(f"{EVENTS}?region=nowhere", HTTP_ACCEPT_LANGUAGE="fr")
    (message,) = response.json()["errors"]["region"]
    assert message == translated(
        "“%(value)s” is not one of the choices: pick one from the list.", "fr"
    ) % {"value": "nowhere"}


@pytest.fixture
def twenty_five_events(db):
    return [
        EventFactory(start_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
        for n in range(25)
    ]


def test_pages_give_the_count_and_the_pages_around(client, twenty_five_events):
    first = client.get(f"{EVENTS}?limit=10&kind=forum").json()
    assert first["count"] == 25
    assert len(first["results"]) == 10
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/events/?limit=10&kind=forum&page=2"
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert len(last["results"]) == 5
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/v1/events/?limit=10&kind=forum&page=2"
    seen = {e["slug"] for page in (first, last) for e in page["results"]}
    middle = client.get(first["next"]).json()
    seen |= {e["slug"] for e in middle["results"]}
    assert seen == {event.slug for event in twenty_five_events}


def test_a_page_past_the_end_is_empty_and_points_back_to_the_last(client, twenty_five_events):
    data = client.get(f"{EVENTS}?limit=10&page=9").json()
    assert data["count"] == 25
    assert data["results"] == []
    assert data["next"] is None
    assert data["previous"].endswith("page=3")


def test_the_limit_is_capped(client, twenty_five_events):
    data = client.get(f"{EVENTS}?limit=5000&page=2").json()
    assert data["previous"] == "http://testserver/api/v1/events/?limit=100&page=1"


def test_the_list_runs_a_constant_number_of_queries(
    client, twenty_five_events, django_assert_max_num_queries
):
    for event in twenty_five_events:
        event.sectors.set(Sector.objects.filter(slug__in=["chemistry", "mining"]))
    client.get("/api/v1/regions/")  # Last-Modified's go-live lookup, kept a minute
    with django_assert_max_num_queries(3):
        response = client.get(f"{EVENTS}?limit=25")
    assert len(response.json()["results"]) == 25


def test_an_event_runs_a_constant_number_of_queries(
    client, chemistry_forum, django_assert_max_num_queries
):
    for _n in range(5):
        Participation.objects.create(event=chemistry_forum, person=PersonFactory())
        AgreementFactory(signing_event=chemistry_forum)
    client.get("/api/v1/regions/")  # Last-Modified's go-live lookup, kept a minute
    with django_assert_max_num_queries(8):
        response = client.get(f"{EVENTS}{chemistry_forum.slug}/")
    assert len(response.json()["people"]) == 5


def test_agreements_are_public_with_their_public_relations_only(client, chemistry_forum):
    draft_event = EventFactory(status=Status.DRAFT)
    draft_previous = AgreementFactory(status=Status.DRAFT)
    agreement = AgreementFactory(
        signing_event=draft_event, previous=draft_previous, amount_mad=250_000_000
    )
    party = OrganizationFactory(name_fr="Partie publique")
    agreement.parties.set([party, OrganizationFactory(status=Status.ARCHIVED)])
    signed_at_forum = AgreementFactory(signing_event=chemistry_forum, previous=agreement)

    listed = slugs(client.get(AGREEMENTS))
    assert listed == {agreement.slug, signed_at_forum.slug}
    assert client.get(f"{AGREEMENTS}{draft_previous.slug}/").status_code == 404

    data = client.get(f"{AGREEMENTS}{agreement.pk}/").json()
    assert data["amount_mad"] == 250_000_000
    assert [p["slug"] for p in data["parties"]] == [party.slug]
    assert data["signing_event"] is None
    assert data["previous"] is None
    assert set(data["title"]) == {"ar", "fr", "en"}
    assert data["sources"] == []

    data = client.get(f"{AGREEMENTS}{signed_at_forum.slug}/").json()
    assert data["signing_event"]["slug"] == chemistry_forum.slug
    assert data["previous"]["slug"] == agreement.slug
