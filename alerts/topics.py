"""What a subscription follows, read from the event list's query string and validated by the
list's own filters (events/filters.py), and what of the newly published records matches it."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from core.templatetags.portal_tags import day, joined
from events.filters import EventFilter
from events.models import Agreement, Event
from organizations.models import Organization
from taxonomy.models import Region, Sector

from .models import TOPIC_FIELDS, Subscription

# The most records one digest lists of each kind; the topic's page lists the rest.
DIGEST_MAX_RECORDS = 30


class InvalidTopic(Exception):
    """The query names no topic, or one the list's filters refuse; `messages` say why."""

    def __init__(self, messages: list[str]):
        super().__init__(messages)
        self.messages = messages


@dataclass(frozen=True)
class Topic:
    region: Region | None = None
    sector: Sector | None = None
    organization: Organization | None = None
    filter_query: str = ""

    def as_fields(self) -> dict:
        return {
            "region": self.region,
            "sector": self.sector,
            "organization": self.organization,
            "filter_query": self.filter_query,
        }


def _bound_filter(query: QueryDict) -> EventFilter:
    return EventFilter(query, queryset=Event.objects.public())


def _url_value(value) -> str:
    if hasattr(value, "slug"):
        return value.slug
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


def topic_from_query(query: QueryDict) -> Topic:
    """The topic an event-list query string names: a region, a sector or an organisation alone
    is that record; any other combination is a saved filter, stored normalised (only the
    list's parameters, each in its URL form, in a fixed order) so the same filter written two
    ways is one topic. Raises InvalidTopic when the list itself would refuse the query."""
    filterset = _bound_filter(query)
    if not filterset.is_valid():
        raise InvalidTopic([str(error) for errors in filterset.errors.values() for error in errors])
    chosen = {
        name: value
        for name, value in filterset.form.cleaned_data.items()
        if value not in (None, "", [])
    }
    if not chosen:
        raise InvalidTopic([str(_("Choose at least one filter of the event list to follow."))])
    if len(chosen) == 1 and next(iter(chosen)) in TOPIC_FIELDS:
        return Topic(**chosen)
    normalised = QueryDict(mutable=True)
    for name in sorted(chosen):
        normalised[name] = _url_value(chosen[name])
    query_string = normalised.urlencode()
    if len(query_string) > Subscription._meta.get_field("filter_query").max_length:
        raise InvalidTopic([str(_("This filter is too long to follow."))])
    return Topic(filter_query=query_string)


def filter_description(filter_query: str) -> str:
    """A saved filter in words, in the active language: its values joined, e.g.
    "Casablanca-Settat, Chimie, Forum"."""
    filterset = _bound_filter(QueryDict(filter_query))
    if not filterset.is_valid():
        return filter_query
    values = []
    for name, form_field in filterset.form.fields.items():
        value = filterset.form.cleaned_data.get(name)
        if value in (None, "", []):
            continue
        if hasattr(value, "pk"):
            value = str(value)
        elif isinstance(value, datetime.date):
            value = f"{form_field.label} {day(value)}"
        elif hasattr(form_field, "choices"):
            value = dict(form_field.choices).get(value, value)
        else:
            value = f"“{value}”"
        values.append(str(value))
    return joined(values)


def topic_description(subscription: Subscription) -> str:
    """What the subscriber follows, in the active language."""
    if subscription.filter_query:
        return filter_description(subscription.filter_query)
    return subscription.topic_label


def matching_events(subscription: Subscription) -> QuerySet[Event]:
    """The public events the topic covers, whenever they were published. A saved filter the
    list no longer accepts (a slug renamed since) matches nothing."""
    events = Event.objects.public()
    if subscription.region_id:
        return events.filter(region=subscription.region_id)
    if subscription.sector_id:
        return events.filter(sectors=subscription.sector_id)
    if subscription.organization_id:
        # An organisation may hold several roles at one event: one row per event.
        return events.filter(
            pk__in=Event.organizations.through.objects.filter(
                organization=subscription.organization_id
            ).values("event")
        )
    filterset = _bound_filter(QueryDict(subscription.filter_query))
    return filterset.qs if filterset.is_valid() else events.none()


def matching_agreements(subscription: Subscription) -> QuerySet[Agreement]:
    """The public agreements the topic covers: signed in the region (its city or its signing
    event), by the organisation, or at an event the topic covers (a sector, a saved filter)."""
    agreements = Agreement.objects.public()
    if subscription.region_id:
        condition = Q(commune__region=subscription.region_id) | Q(
            signing_event__region=subscription.region_id
        )
    elif subscription.organization_id:
        condition = Q(parties=subscription.organization_id) | Q(
            signing_event__organizations=subscription.organization_id
        )
    else:
        condition = Q(signing_event__in=matching_events(subscription).values("pk"))
    return agreements.filter(pk__in=Agreement.objects.filter(condition).values("pk"))


def digest_records(
    subscription: Subscription, *, since: datetime.datetime, until: datetime.datetime
) -> tuple[list[Event], list[Agreement]]:
    """The public events and agreements of the topic that went public in (since, until]. The
    go-live time is `published_at`, stamped on approval; a scheduled record has none until
    publish_due stamps it with its `publish_at`, yet is public from then on: its `publish_at`
    counts, so a digest run before the stamp lists it, and the next one does not again."""
    went_public = Coalesce("published_at", "publish_at")
    window = Q(went_public__gt=since, went_public__lte=until)
    events = (
        matching_events(subscription)
        .alias(went_public=went_public)
        .filter(window)
        .select_related("commune", "region")
        .order_by("start_date", "pk")[:DIGEST_MAX_RECORDS]
    )
    agreements = (
        matching_agreements(subscription)
        .alias(went_public=went_public)
        .filter(window)
        .order_by("signed_on", "pk")[:DIGEST_MAX_RECORDS]
    )
    return list(events), list(agreements)
