"""Home, organisations, people and agreements pages; the error pages."""

import pytest
from django.template import loader
from django.utils import translation

from editorial.models import Status
from events.models import EventOrganization, Participation
from organizations.models import Position
from taxonomy.models import Region, Sector
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

FCP = "/{lang}/organizations/federation-de-la-chimie-et-de-la-parachimie-fcp/"


def test_home_lists_upcoming_then_recent_with_map_and_sectors(client, fifty_events):
    AgreementFactory(amount_mad=250_000_000)
    response = client.get("/ar/")
    html = response.content.decode()
    upcoming, recent = response.context["upcoming"], response.context["recent"]
    assert upcoming and recent
    assert all(e.start_date >= fifty_events[25].start_date for e in upcoming)
    assert [e.start_date for e in upcoming] == sorted(e.start_date for e in upcoming)
    assert html.index('id="upcoming-heading"') < html.index('id="recent-heading"')
    # the map: 12 regions, each a link to the filtered list with its count
    assert html.count('class="region level-') == 12
    rabat = next(r for r in response.context["regions"] if r.slug == "rabat-sale-kenitra")
    assert rabat.event_count >= 50 and rabat.level == 4
    assert 'href="/ar/events/?region=rabat-sale-kenitra"' in html
    assert "<text" in html and f">{rabat.event_count}</text>" in html
    assert html.count('href="/ar/events/?sector=') == Sector.objects.count()
    assert "250 مليون درهم" in html  # latest agreements, amount in words


def test_home_runs_a_constant_number_of_queries(
    client, fifty_events, django_assert_max_num_queries
):
    with django_assert_max_num_queries(9):
        client.get("/fr/")
    with django_assert_max_num_queries(0):  # what it lists is cached for the other languages
        client.get("/ar/")


def test_the_home_page_lists_a_publish_at_once(client, fifty_events):
    """Its cached lists are keyed by the content version, which a publish bumps."""
    assert client.get("/en/").status_code == 200  # the lists are now cached
    event = EventFactory(
        title_en="Freshly published forum",
        start_date=fifty_events[25].start_date,
        end_date=fifty_events[25].start_date,
    )
    response = client.get("/en/")
    assert event.pk in {e.pk for e in response.context["upcoming"]}
    assert "Freshly published forum" in response.content.decode()


def test_organisation_profile(client, chemistry_forum):
    html = client.get(FCP.format(lang="fr")).content.decode()
    assert "<h1><bdi>Fédération de la Chimie et de la Parachimie (FCP)</bdi>" in html
    assert "Forum international de la chimie" in html  # its event, under its role
    assert "Organisateur" in html or "Organiser" in html
    assert "هبة بريس" in html  # the source


def test_organisation_profile_groups_events_people_and_agreements(
    client, db, django_assert_max_num_queries
):
    org = OrganizationFactory(name_fr="Cluster de test")
    for n in range(25):
        event = EventFactory()
        EventOrganization.objects.create(event=event, organization=org, role="organizer")
        person = PersonFactory()
        Position.objects.create(person=person, organization=org, title=f"عضو {n}")
    EventOrganization.objects.create(
        event=EventFactory(status=Status.DRAFT, title_fr="Brouillon caché"),
        organization=org,
        role="partner",
    )
    AgreementFactory(amount_mad=1_500_000_000).parties.add(org)
    with django_assert_max_num_queries(10):
        response = client.get(org.get_absolute_url().replace("/ar/", "/fr/"))
    html = response.content.decode()
    (group,) = response.context["role_groups"]
    assert group["role"] == "organizer" and group["count"] == 25 and len(group["events"]) == 20
    assert f'href="/fr/events/?organization={org.slug}"' in html
    assert "Brouillon caché" not in html
    assert len(response.context["positions"]) == 25
    assert "1,5 milliard MAD" in html
    # the "all events" link lists the organisation's events
    listed = client.get(f"/fr/events/?organization={org.slug}")
    assert len(listed.context["cards"]) == 20 and listed.context["page_obj"].has_next()
    last = client.get(f"/fr/events/?organization={org.slug}&page=2")
    assert len(last.context["cards"]) == 5 and last.context["page_obj"].paginator.count == 25


def test_organisation_directory_filters(client, db, django_assert_max_num_queries):
    region = Region.objects.get(slug="souss-massa")
    org = OrganizationFactory(name="عنقود الطيران", kind="cluster", region=region)
    event = EventFactory()
    event.sectors.add(Sector.objects.get(slug="aeronautics"))
    EventOrganization.objects.create(event=event, organization=org, role="organizer")
    for query in ("kind=cluster", "region=souss-massa", "sector=aeronautics", "q=الطيران"):
        response = client.get(f"/ar/organizations/?{query}")
        assert org in response.context["organizations"], query
    response = client.get("/ar/organizations/?sector=mining")
    assert org not in response.context["organizations"]
    assert client.get("/en/organizations/?kind=alien").status_code == 400
    with django_assert_max_num_queries(7):
        client.get("/ar/organizations/?kind=cluster")


def test_person_profile_shows_positions_and_events(client, db):
    person = PersonFactory(name="سناء التازي", name_fr="Sanaa Tazi")
    org = OrganizationFactory(name_fr="Maroc Clusters")
    Position.objects.create(
        person=person, organization=org, title="أمينة المال", title_fr="Trésorière"
    )
    event = EventFactory(title_fr="Assemblée de test")
    Participation.objects.create(
        event=event, person=person, title="أمينة المال", title_fr="Trésorière"
    )
    hidden = OrganizationFactory(name_fr="Org brouillon", status=Status.DRAFT)
    Position.objects.create(person=person, organization=hidden, title="x", title_fr="Poste caché")
    html = client.get(person.get_absolute_url().replace("/ar/", "/fr/")).content.decode()
    assert "Trésorière" in html and "Maroc Clusters" in html and "Assemblée de test" in html
    assert "Org brouillon" not in html and "Poste caché" not in html


def test_agreements_list_and_detail(client, db, django_assert_max_num_queries):
    ministry = OrganizationFactory(
        name="وزارة الصناعة والتجارة",
        name_fr="Ministère de l'Industrie et du Commerce",
        name_en="Ministry of Industry and Trade",
        kind="ministry",
    )
    previous = AgreementFactory(
        title="المخطط التنموي للمراكز التقنية الصناعية 2014-2020",
        title_fr="Plan de développement des centres techniques industriels 2014-2020",
        title_en="Industrial Technical Centers Development Plan 2014–2020",
        kind="other",
        amount_mad=290_000_000,
        period_start=2014,
        period_end=2020,
    )
    AgreementFactory(
        title="اتفاقية إطار لتفعيل المخطط التنموي للمراكز التقنية الصناعية",
        # No years in the titles: the page's "2022–2025" can only be the period.
        title_fr=(
            "Convention-cadre pour la mise en œuvre du plan de développement des centres"
            " techniques industriels"
        ),
        title_en=(
            "Framework agreement to implement the development plan for industrial technical centers"
        ),
        kind="framework",
        amount_mad=250_000_000,
        period_start=2022,
        period_end=2025,
        previous=previous,
    ).parties.add(ministry, OrganizationFactory())
    for _ in range(25):
        AgreementFactory().parties.add(OrganizationFactory(), OrganizationFactory())
    with django_assert_max_num_queries(6):
        response = client.get("/en/agreements/")
    assert len(response.context["agreements"]) == 20
    slug = "convention-cadre-pour-la-mise-en-oeuvre-du-plan-de-developpement-des"
    html = client.get(f"/en/agreements/{slug}/").content.decode()
    assert "MAD 250 million" in html
    assert "2022–2025" in html  # the period
    assert (
        "/en/agreements/plan-de-developpement-des-centres-techniques-industriels-2014-2020/" in html
    )
    assert "Ministry of Industry and Trade" in html  # a party


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_404_page_in_the_language_of_the_url(client, db, lang):
    response = client.get(f"/{lang}/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}"' in html and "/events/" in html


def test_404_of_a_missing_record_says_so(client, db):
    html = client.get("/en/events/no-such-event/").content.decode()
    assert "No event found matching the query" in html


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_500_page_renders_without_a_request(lang, direction):
    with translation.override(lang):
        html = loader.render_to_string("500.html", {"request_id": "abc123"})
    assert f'<html lang="{lang}" dir="{direction}">' in html
    assert "abc123" in html and f'href="/{lang}/"' in html


def test_page_weight_is_within_budget(client, fifty_events):
    """HTML + CSS (the site has no JavaScript; fonts excluded), gzipped: under 60 KB."""
    import gzip
    from pathlib import Path

    css = (Path(__file__).resolve().parents[2] / "static" / "css" / "site.css").read_bytes()
    for url in ("/ar/", "/ar/events/", "/fr/events/forum-international-de-la-chimie-2024/"):
        html = client.get(url).content
        assert len(gzip.compress(html)) + len(gzip.compress(css)) < 60 * 1024, url


def test_home_lists_undated_events_apart_from_the_upcoming_ones(client, fifty_events):
    """The press gave no date: the article may say it was held, so it is not 'upcoming'."""
    held = EventFactory(title_fr="Clôture du forum de l'industrie", start_date=None, end_date=None)
    response = client.get("/fr/")
    html = response.content.decode()
    assert held.pk not in {e.pk for e in response.context["upcoming"]}
    assert held.pk not in {e.pk for e in response.context["recent"]}
    assert [e.pk for e in response.context["undated"]] == [held.pk]
    undated_block = html[html.index('id="undated-heading"') :]
    assert "Clôture du forum de l&#x27;industrie" in undated_block
    assert "Clôture du forum" not in html[: html.index('id="undated-heading"')]
    assert html.index('id="upcoming-heading"') < html.index('id="undated-heading"')


def test_home_has_no_undated_block_when_every_event_is_dated(client, fifty_events):
    assert 'id="undated-heading"' not in client.get("/fr/").content.decode()
