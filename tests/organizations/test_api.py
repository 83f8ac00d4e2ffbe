"""Organisations and people in the read API: public records only, also in what they show of
each other; the directories' filters; every language; sources."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import Status
from organizations.models import OrganizationKind, Position
from taxonomy.models import Region
from tests.events.factories import chemistry_forum_create
from tests.organizations.factories import OrganizationFactory, PersonFactory

ORGANIZATIONS = "/api/v1/organisations/"
PEOPLE = "/api/v1/people/"


def slugs(response) -> set[str]:
    assert response.status_code == 200, response.content
    return {item["slug"] for item in response.json()["results"]}


@pytest.fixture
def hidden_organizations(db):
    survivor = OrganizationFactory()
    return [
        OrganizationFactory(status=Status.DRAFT),
        OrganizationFactory(status=Status.REVIEW),
        OrganizationFactory(status=Status.ARCHIVED),
        OrganizationFactory(publish_at=timezone.now() + datetime.timedelta(hours=1)),
        OrganizationFactory(replaced_by=survivor),
    ]


def test_organisations_are_public_ones_only(client, hidden_organizations):
    listed = slugs(client.get(ORGANIZATIONS))
    assert listed and not listed & {o.slug for o in hidden_organizations}
    for organization in hidden_organizations:
        for key in (organization.slug, organization.pk):
            assert client.get(f"{ORGANIZATIONS}{key}/").status_code == 404


def test_an_organisation_in_every_language_with_its_public_parent_only(client, db):
    parent = OrganizationFactory(status=Status.DRAFT)
    organization = OrganizationFactory(
        name="فدرالية الكيمياء",
        name_fr="Fédération de la chimie",
        name_en="Chemistry Federation",
        acronym="FCP",
        kind=OrganizationKind.FEDERATION,
        region=Region.objects.get(slug="casablanca-settat"),
        parent=parent,
        aliases=["FCP Maroc"],
    )
    data = client.get(f"{ORGANIZATIONS}{organization.slug}/").json()
    assert data["name"] == {
        "ar": "فدرالية الكيمياء",
        "fr": "Fédération de la chimie",
        "en": "Chemistry Federation",
    }
    assert data["kind"] == "federation"
    assert data["aliases"] == ["FCP Maroc"]
    assert data["region"]["slug"] == "casablanca-settat"
    assert data["parent"] is None
    assert data["url"]["en"] == f"http://testserver/en/organizations/{organization.slug}/"
    assert data["sources"] == []

    parent.status = Status.PUBLISHED
    parent.save()
    data = client.get(f"{ORGANIZATIONS}{organization.pk}/").json()
    assert data["parent"]["slug"] == parent.slug


def test_the_organisation_filters_apply(client, db):
    federation = OrganizationFactory(
        kind=OrganizationKind.FEDERATION, region=Region.objects.get(slug="oriental")
    )
    company = OrganizationFactory(kind=OrganizationKind.COMPANY)
    assert slugs(client.get(f"{ORGANIZATIONS}?kind=federation")) == {federation.slug}
    assert slugs(client.get(f"{ORGANIZATIONS}?region=oriental")) == {federation.slug}
    assert company.slug in slugs(client.get(f"{ORGANIZATIONS}?kind=company"))
    response = client.get(f"{ORGANIZATIONS}?region=atlantis")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["region"]


def test_people_are_public_with_positions_at_public_organisations_only(client, db):
    public_employer = OrganizationFactory(name_fr="Employeur public")
    draft_employer = OrganizationFactory(status=Status.DRAFT)
    person = PersonFactory(name_fr="Nadia Test", name_en="Nadia Test")
    Position.objects.create(person=person, organization=public_employer, title_fr="Directrice")
    Position.objects.create(person=person, organization=draft_employer, title_fr="Secrète")
    Position.objects.create(person=person, organization=None, title_fr="Experte")
    hidden = PersonFactory(status=Status.DRAFT)

    assert slugs(client.get(PEOPLE)) == {person.slug}
    assert client.get(f"{PEOPLE}{hidden.slug}/").status_code == 404
    data = client.get(f"{PEOPLE}{person.slug}/").json()
    titles = {p["title"]["fr"]: p["organization"] for p in data["positions"]}
    assert set(titles) == {"Directrice", "Experte"}
    assert titles["Directrice"]["slug"] == public_employer.slug
    assert titles["Experte"] is None
    assert set(data["bio"]) == {"ar", "fr", "en"}


def test_people_are_filtered_by_public_organisation(client, db):
    employer = OrganizationFactory()
    employee = PersonFactory()
    Position.objects.create(person=employee, organization=employer, title_fr="Directeur")
    PersonFactory()
    assert slugs(client.get(f"{PEOPLE}?organization={employer.slug}")) == {employee.slug}
    draft = OrganizationFactory(status=Status.DRAFT)
    response = client.get(f"{PEOPLE}?organization={draft.slug}")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["organization"]


def test_an_organisation_shows_its_sources(client, db):
    federation = chemistry_forum_create().organizations.get(event_roles__role="organizer")
    (source,) = client.get(f"{ORGANIZATIONS}{federation.slug}/").json()["sources"]
    assert (
        source["quote"]
        == "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء"
    )


def test_the_lists_run_a_constant_number_of_queries(client, db, django_assert_max_num_queries):
    """Count, rows and one prefetch; the first request also looks up the latest go-live
    (one aggregate per kind of record, then kept a minute) for Last-Modified."""
    for _n in range(15):
        person = PersonFactory()
        organization = OrganizationFactory(parent=OrganizationFactory())
        Position.objects.create(person=person, organization=organization, title_fr="Membre")
    with django_assert_max_num_queries(3 + 4):
        assert len(client.get(f"{PEOPLE}?limit=50").json()["results"]) == 15
    with django_assert_max_num_queries(3):
        assert len(client.get(f"{ORGANIZATIONS}?limit=50").json()["results"]) == 30
