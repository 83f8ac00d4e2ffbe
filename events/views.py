"""Public pages of events and agreements. Each runs a fixed number of queries whatever it
lists; the detail views build their whole context in get_context_data, so the editorial
preview (a subclass with an unfiltered queryset) shows a draft exactly as it will look."""

from django.db.models import F, Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.generic import DetailView, View

from organizations.models import Organization
from portal.public import attach_sources, filtered_page, paginate, public_q

from .filters import EventFilter
from .ics import event_ical
from .models import Agreement, Event, EventOrganization, EventRole

EVENTS_PER_PAGE = 20
AGREEMENTS_PER_PAGE = 20


LATEST_FIRST = (F("start_date").desc(nulls_last=True), F("pk").desc())


def public_events():
    """Latest start first, undated events last: the order of the `event_status_recent` index."""
    return Event.objects.public().select_related("commune", "region").order_by(*LATEST_FIRST)


class EventListView(View):
    """The filtered, paginated list: invalid filters answer 400 with the form's messages."""

    template_name = "events/event_list.html"

    def get(self, request):
        context, status = filtered_page(request, EventFilter, public_events(), EVENTS_PER_PAGE)
        context["events"] = context["page_obj"].object_list
        return render(request, self.template_name, context, status=status)


def event_json_ld(request, event, organizers) -> dict:
    """schema.org Event: what search engines and calendars read from the page."""
    address = {"@type": "PostalAddress", "addressCountry": "MA"}
    if event.commune:
        address["addressLocality"] = event.commune.name
    if event.region:
        address["addressRegion"] = event.region.name
    place_name = event.venue or (event.commune.name if event.commune else "") or "Maroc"
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": get_language(),
        "location": {"@type": "Place", "name": place_name, "address": address},
    }
    if event.start_date:
        data["startDate"] = event.start_date.isoformat()
        data["endDate"] = (event.end_date or event.start_date).isoformat()
    if event.summary:
        data["description"] = event.summary
    if organizers:
        data["organizer"] = [
            {
                "@type": "Organization",
                "name": org.name,
                "url": request.build_absolute_uri(org.get_absolute_url()),
            }
            for org in organizers
        ]
    return data


class EventDetailView(DetailView):
    """Public detail; the editorial preview subclasses it with an unfiltered queryset."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().select_related("commune", "region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        roles = (
            EventOrganization.objects.filter(event=event)
            .filter(public_q("organization__"))
            .select_related("organization")
            .order_by("organization__name")
        )
        by_role = {role: [] for role in EventRole.values}
        for link in roles:
            by_role[link.role].append(link.organization)
        role_groups = [
            {"role": role, "label": label, "organizations": by_role[role]}
            for role, label in EventRole.choices
            if by_role[role]
        ]
        participations = (
            event.participations.filter(public_q("person__"))
            .select_related("person", "organization")
            .order_by("pk")
        )
        agreements = (
            event.agreements.filter(public_q())
            .prefetch_related(
                Prefetch("parties", queryset=Organization.objects.public().order_by("name"))
            )
            .order_by("signed_on", "pk")
        )
        attach_sources(event)
        context.update(
            {
                "role_groups": role_groups,
                "participations": participations,
                "agreements": agreements,
                "sectors": event.sectors.order_by("slug"),
                # RFC 5545 needs a start: an undated event offers no calendar.
                "calendar_url": (
                    reverse("events:calendar", args=[event.slug]) if event.start_date else ""
                ),
                "json_ld": event_json_ld(self.request, event, by_role[EventRole.ORGANIZER]),
                "og_type": "event",
                "description": event.summary,
            }
        )
        return context


def event_calendar(request, slug):
    """One public, dated event as an iCalendar file (RFC 5545) for the visitor's calendar;
    an undated one has none (a VEVENT without DTSTART is invalid)."""
    event = get_object_or_404(
        Event.objects.public().filter(start_date__isnull=False).select_related("commune", "region"),
        slug=slug,
    )
    url = request.build_absolute_uri(event.get_absolute_url())
    response = HttpResponse(event_ical(event, url=url), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


class AgreementListView(View):
    template_name = "events/agreement_list.html"

    def get(self, request):
        agreements = (
            Agreement.objects.public()
            .select_related("signing_event")
            .prefetch_related(
                Prefetch("parties", queryset=Organization.objects.public().order_by("name"))
            )
            .order_by(F("signed_on").desc(nulls_last=True), "pk")
        )
        page = paginate(request, agreements, AGREEMENTS_PER_PAGE)
        context = {"page_obj": page, "agreements": page.object_list}
        return render(request, self.template_name, context)


class AgreementDetailView(DetailView):
    template_name = "events/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return Agreement.objects.public().select_related(
            "signing_event__commune", "commune", "previous"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        agreement = self.object
        signing_event = agreement.signing_event
        previous = agreement.previous
        attach_sources(agreement)
        context.update(
            {
                "parties": agreement.parties.filter(public_q()).order_by("name"),
                "signing_event": signing_event
                if signing_event and signing_event.is_public
                else None,
                "previous": previous if previous and previous.is_public else None,
                "successors": agreement.successors.filter(public_q()).order_by("signed_on"),
                "description": agreement.summary,
            }
        )
        return context
