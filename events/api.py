"""Events and agreements in the public read API: published records only, also in what they
show of others (an event's organisations, people and agreements, an agreement's parties and
signing event). The events list takes the site list's filters (events/filters.py)."""

import datetime
from typing import Literal

from django.db.models import F, Prefetch
from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

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
from core.search import QUERY_MAX_LENGTH
from editorial.models import public_q
from organizations.api import CityOut, OrganizationRef, PersonRef
from organizations.models import Organization
from taxonomy.api import RegionOut, SectorOut
from taxonomy.models import Sector

from .filters import EventFilter
from .models import Agreement, AgreementKind, Event, EventKind, EventOrganization, EventRole
from .views import LATEST_FIRST


class EventRef(Schema):
    id: int
    slug: str
    title: Translated

    @staticmethod
    def resolve_title(event) -> dict:
        return translated(event, "title")


class AgreementRef(EventRef):
    pass


class EventOut(PublicPage, EventRef):
    kind: EventKind
    edition: int | None
    summary: Translated
    start_date: datetime.date | None
    end_date: datetime.date | None
    venue: Translated
    city: CityOut | None
    region: RegionOut | None
    sectors: list[SectorOut]
    updated_at: datetime.datetime

    @staticmethod
    def resolve_summary(event) -> dict:
        return translated(event, "summary")

    @staticmethod
    def resolve_venue(event) -> dict:
        return translated(event, "venue")

    @staticmethod
    def resolve_city(event):
        return event.commune

    @staticmethod
    def resolve_sectors(event) -> list:
        return list(event.sectors.all())


class EventOrganizationOut(Schema):
    role: EventRole
    organization: OrganizationRef


class ParticipationOut(Schema):
    person: PersonRef
    title: Translated
    organization: OrganizationRef | None

    @staticmethod
    def resolve_title(participation) -> dict:
        return translated(participation, "title")

    @staticmethod
    def resolve_organization(participation):
        organization = participation.organization
        return organization if organization is not None and organization.is_public else None


class EventDetail(EventOut):
    body: Translated
    organizations: list[EventOrganizationOut]
    people: list[ParticipationOut]
    agreements: list[AgreementRef]
    sources: list[SourceOut]

    @staticmethod
    def resolve_body(event) -> dict:
        return translated(event, "body")

    @staticmethod
    def resolve_organizations(event) -> list:
        return event.public_organizations

    @staticmethod
    def resolve_people(event) -> list:
        return event.public_participations

    @staticmethod
    def resolve_agreements(event) -> list:
        return event.public_agreements


class AgreementOut(PublicPage, AgreementRef):
    kind: AgreementKind
    summary: Translated
    signed_on: datetime.date | None
    city: CityOut | None
    amount_mad: int | None
    period_start: int | None
    period_end: int | None
    parties: list[OrganizationRef]
    signing_event: EventRef | None
    previous: AgreementRef | None
    updated_at: datetime.datetime

    @staticmethod
    def resolve_summary(agreement) -> dict:
        return translated(agreement, "summary")

    @staticmethod
    def resolve_city(agreement):
        return agreement.commune

    @staticmethod
    def resolve_parties(agreement) -> list:
        return agreement.public_parties

    @staticmethod
    def resolve_signing_event(agreement):
        event = agreement.signing_event
        return event if event is not None and event.is_public else None

    @staticmethod
    def resolve_previous(agreement):
        previous = agreement.previous
        return previous if previous is not None and previous.is_public else None


class AgreementDetail(AgreementOut):
    sources: list[SourceOut]


class EventQuery(Schema):
    """The site list's filters (the URL contract): the same names, values and meaning."""

    q: str | None = Field(None, max_length=QUERY_MAX_LENGTH, description="Words, any language.")
    region: str | None = Field(None, description="A region's slug (/regions/).")
    sector: str | None = Field(None, description="A sector's slug (/sectors/).")
    kind: EventKind | None = None
    when: Literal["upcoming", "past"] | None = Field(
        None, description="Upcoming: not over yet, soonest first. Past: over, latest first."
    )
    date_from: datetime.date | None = Field(None, description="Still running on or after.")
    date_to: datetime.date | None = Field(None, description="Starting on or before.")
    city: str | None = Field(None, description="A commune's slug.")
    organization: str | None = Field(None, description="A public organisation's slug.")


def public_events():
    """Latest first, as the site's list (its `when` filter orders by date itself)."""
    return (
        Event.objects.public()
        .select_related("commune", "region")
        .prefetch_related(Prefetch("sectors", queryset=Sector.objects.order_by("slug")))
        .order_by(*LATEST_FIRST)
    )


def public_agreements():
    return (
        Agreement.objects.public()
        .select_related("commune", "signing_event", "previous")
        .prefetch_related(
            Prefetch(
                "parties",
                queryset=Organization.objects.public().order_by("name", "pk"),
                to_attr="public_parties",
            )
        )
        .order_by(F("signed_on").desc(nulls_last=True), "pk")
    )


EVENT_PAGE = page_schema(EventOut)
AGREEMENT_PAGE = page_schema(AgreementOut)

router = Router(tags=["events and agreements"])


@router.get(
    "/events/",
    response=responses(EVENT_PAGE, 400),
    summary="Events, filtered as the site's list is",
)
def event_list(request: HttpRequest, filters: Query[EventQuery], pages: Query[PageQuery]):
    """Unknown slugs, malformed dates or `date_from` after `date_to` answer 400 with each
    filter's messages."""
    return paginate(
        request, filter_queryset(request, EventFilter, public_events().defer("body")), pages
    )


@router.get(
    "/events/{key}/", response=responses(EventDetail, 404), summary="An event, by id or slug"
)
def event_detail(request: HttpRequest, key: str):
    """With its public organisations (by role), people, agreements and source articles."""
    event = record_by_key(public_events(), key)
    event.public_organizations = list(
        EventOrganization.objects.filter(public_q("organization__"), event=event)
        .select_related("organization")
        .order_by("role", "organization__name", "pk")
    )
    event.public_participations = list(
        event.participations.filter(public_q("person__"))
        .select_related("person", "organization")
        .order_by("pk")
    )
    event.public_agreements = list(event.agreements.public().order_by("signed_on", "pk"))
    event.sources = sources_of(event)
    return event


@router.get(
    "/agreements/",
    response=responses(AGREEMENT_PAGE, 400),
    summary="Agreements, latest signed first",
)
def agreement_list(request: HttpRequest, pages: Query[PageQuery]):
    return paginate(request, public_agreements(), pages)


@router.get(
    "/agreements/{key}/",
    response=responses(AgreementDetail, 404),
    summary="An agreement, by id or slug",
)
def agreement_detail(request: HttpRequest, key: str):
    agreement = record_by_key(public_agreements(), key)
    agreement.sources = sources_of(agreement)
    return agreement
