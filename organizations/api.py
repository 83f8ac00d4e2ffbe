"""Organisations and people in the public read API: published records only, also in what
they show of each other (an organisation's parent, a person's positions)."""

import datetime

from django.db.models import Prefetch, Q
from django.http import HttpRequest
from ninja import Query, Router, Schema

from articles.api import SourceOut, sources_of
from core.api import (
    PageQuery,
    PublicPage,
    Translated,
    filter_queryset,
    page_schema,
    paginate,
    record_by_key,
    responses,
    translated,
)
from editorial.models import public_q
from taxonomy.api import RegionOut

from .filters import OrganizationFilter, PersonFilter
from .models import Organization, OrganizationKind, Person, Position

router = Router(tags=["organisations and people"])


class CityOut(Schema):
    slug: str
    name: Translated

    @staticmethod
    def resolve_name(commune) -> dict:
        return translated(commune, "name")


class OrganizationRef(Schema):
    """An organisation where another record names it."""

    id: int
    slug: str
    name: Translated
    acronym: str

    @staticmethod
    def resolve_name(organization) -> dict:
        return translated(organization, "name")


class PersonRef(Schema):
    id: int
    slug: str
    name: Translated

    @staticmethod
    def resolve_name(person) -> dict:
        return translated(person, "name")


class OrganizationOut(PublicPage, OrganizationRef):
    kind: OrganizationKind
    aliases: list[str]
    description: Translated
    website: str
    region: RegionOut | None
    city: CityOut | None
    parent: OrganizationRef | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_description(organization) -> dict:
        return translated(organization, "description")

    @staticmethod
    def resolve_city(organization):
        return organization.commune

    @staticmethod
    def resolve_parent(organization):
        parent = organization.parent
        return parent if parent is not None and parent.is_public else None


class OrganizationDetail(OrganizationOut):
    sources: list[SourceOut]


class PositionOut(Schema):
    title: Translated
    organization: OrganizationRef | None
    start_date: datetime.date | None
    end_date: datetime.date | None

    @staticmethod
    def resolve_title(position) -> dict:
        return translated(position, "title")


class PersonOut(PublicPage, PersonRef):
    aliases: list[str]
    bio: Translated
    positions: list[PositionOut]
    updated_at: datetime.datetime

    @staticmethod
    def resolve_bio(person) -> dict:
        return translated(person, "bio")

    @staticmethod
    def resolve_positions(person) -> list:
        return person.public_positions


class PersonDetail(PersonOut):
    sources: list[SourceOut]


class OrganizationQuery(Schema):
    q: str | None = None
    kind: OrganizationKind | None = None
    region: str | None = None
    sector: str | None = None


class PersonQuery(Schema):
    q: str | None = None
    organization: str | None = None


def public_organizations():
    return Organization.objects.public().select_related("region", "commune", "parent")


def public_people():
    """Their positions at public organisations (or at none: a head of state's)."""
    positions = (
        Position.objects.filter(Q(organization__isnull=True) | public_q("organization__"))
        .select_related("organization")
        .order_by("-start_date", "pk")
    )
    return Person.objects.public().prefetch_related(
        Prefetch("positions", queryset=positions, to_attr="public_positions")
    )


ORGANIZATION_PAGE = page_schema(OrganizationOut)
PERSON_PAGE = page_schema(PersonOut)


@router.get(
    "/organisations/",
    response=responses(ORGANIZATION_PAGE, 400),
    summary="Organisations, filtered as the directory is",
)
def organization_list(
    request: HttpRequest, filters: Query[OrganizationQuery], pages: Query[PageQuery]
):
    """`region` and `sector` take the slugs of /regions/ and /sectors/; `sector` keeps the
    organisations with a role in a public event of that sector; `q` searches names in every
    language."""
    queryset = filter_queryset(request, OrganizationFilter, public_organizations())
    return paginate(request, queryset.order_by("name", "pk"), pages)


@router.get(
    "/organisations/{key}/",
    response=responses(OrganizationDetail, 404),
    summary="An organisation, by id or slug",
)
def organization_detail(request: HttpRequest, key: str):
    organization = record_by_key(public_organizations(), key)
    organization.sources = sources_of(organization)
    return organization


@router.get(
    "/people/",
    response=responses(PERSON_PAGE, 400),
    summary="People, filtered as the directory is",
)
def person_list(request: HttpRequest, filters: Query[PersonQuery], pages: Query[PageQuery]):
    """`organization` takes an organisation's slug: the people holding a position there;
    `q` searches names in every language and the other names the press uses."""
    queryset = filter_queryset(request, PersonFilter, public_people())
    return paginate(request, queryset.order_by("name", "pk"), pages)


@router.get(
    "/people/{key}/", response=responses(PersonDetail, 404), summary="A person, by id or slug"
)
def person_detail(request: HttpRequest, key: str):
    person = record_by_key(public_people(), key)
    person.sources = sources_of(person)
    return person
