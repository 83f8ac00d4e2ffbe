"""Public pages of events and agreements. Each runs a fixed number of queries whatever it
lists; the detail views build their whole context in get_context_data, so the editorial
preview (a subclass with an unfiltered queryset) shows a draft exactly as it will look."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.core.exceptions import BadRequest
from django.core.paginator import Page, Paginator
from django.db.models import F, Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import DetailView, View

from articles.sources import attach_sources
from core.cache import content_version
from core.listing import filtered_page, paginate
from editorial.models import public_q
from editorial.preview import RelatedVisibility
from editorial.replacements import ReplacedRedirectMixin, replacement_redirect
from organizations.models import Organization

from .filters import EventFilter
from .ics import event_ical, events_ical
from .models import Agreement, Event, EventOrganization, EventRole

EVENTS_PER_PAGE = 20
AGREEMENTS_PER_PAGE = 20
# A publish or an edit retires the cached related records at once (the content version); a
# scheduled go-live of a related record shows within five minutes.
RELATED_SECONDS = 300
MAX_PAGE = 1_000_000
CARD_SECONDS = 300  # as the {% cache %} of templates/includes/event_cards.html
CALENDAR_SIZE = 500  # the latest events a subscribed calendar holds


LATEST_FIRST = (F("start_date").desc(nulls_last=True), F("pk").desc())
# What an event's card shows (templates/includes/event_cards.html): the list reads only these
# columns (the translations of each come with it), not the bodies and summaries.
CARD_FIELDS = ("title", "slug", "kind", "edition", "start_date", "end_date")


def public_events():
    """Latest start first, undated events last: the order of the `event_status_recent` index."""
    return (
        Event.objects.public()
        .select_related("commune", "region")
        .only(*CARD_FIELDS, "commune__name", "region__name")
        .order_by(*LATEST_FIRST)
    )


class UncountedPaginator(Paginator):
    """Django's paginator without the COUNT, over ids: a page reads one id more than it
    shows to know whether another follows. Counting a filter's matches costs as much as listing them
    all (100,000 rows unfiltered); a visitor needs the page, the next one and, once on the
    last page, the total. `count` is the rows known so far: exact on the last page."""

    uncounted = True

    def page(self, number) -> Page:
        """The page's ids only (an index-only scan where an index covers the filter, see
        event_public_region_last_day): the cards come from the cache (event_cards)."""
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        ids = list(
            self.object_list.values_list("pk", flat=True)[bottom : bottom + self.per_page + 1]
        )
        self.has_more = len(ids) > self.per_page
        self.seen = bottom + len(ids)
        self.number = number
        return self._get_page(ids[: self.per_page], number, self)

    def validate_number(self, number) -> int:
        return int(number)

    @cached_property
    def count(self) -> int:
        return self.seen

    @cached_property
    def num_pages(self) -> int:
        """The pages known so far: this one, and the next when there is one."""
        return self.number + self.has_more


def paginate_uncounted(request, queryset, per_page: int) -> Page:
    """The requested page, uncounted; paginate()'s 404s for a page that is not a number or
    lies past the end (only then is the list counted, to say how many pages it has)."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise Http404(_("“%(page)s” is not a page number.") % {"page": raw[:20]}) from None
    if number < 1:
        raise Http404(_("Pages are numbered from 1."))
    # A page past any list's end is not read: its offset could overflow the database's integer.
    page = UncountedPaginator(queryset, per_page).page(number) if number <= MAX_PAGE else None
    if number > 1 and not (page and page.object_list):
        pages = Paginator(queryset, per_page).num_pages
        raise Http404(
            _("There is no page %(page)s: this list has %(count)s page(s).")
            % {"page": number, "count": pages}
        )
    return page


def event_cards(ids: list[int], *, heading: str) -> list[str]:
    """The rendered cards of these events, in this order: each is kept per language and
    content version under the key templates/includes/event_cards.html gives it, so the home
    page and the list share them, and only the events whose card is not kept are read."""
    version = content_version()
    language = get_language()
    keys = {
        pk: make_template_fragment_key("event_card", [language, version, heading, pk]) for pk in ids
    }
    cards = cache.get_many(keys.values())
    missing = [pk for pk in ids if keys[pk] not in cards]
    if missing:
        rendered = {
            keys[event.pk]: render_to_string(
                "includes/event_card.html", {"event": event, "heading": heading}
            )
            for event in public_events().filter(pk__in=missing).order_by()
        }
        cache.set_many(rendered, CARD_SECONDS)
        cards.update(rendered)
    return [cards[keys[pk]] for pk in ids if keys[pk] in cards]


class EventListView(View):
    """The filtered, paginated list: invalid filters answer 400 with the form's messages."""

    template_name = "events/event_list.html"

    def get(self, request):
        context, status = filtered_page(
            request, EventFilter, public_events(), EVENTS_PER_PAGE, pager=paginate_uncounted
        )
        context["cards"] = event_cards(context["page_obj"].object_list, heading="h3")
        # The form's fields render through a template per widget and option: a third of the
        # page's time. Kept in the cache per query (and language, see the template).
        context["filters_key"] = f"{content_version()}:{request.GET.urlencode()}"
        query = request.GET.copy()
        query.pop("page", None)
        context["follow_query"] = query.urlencode()  # the calendar and feed of this list
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


def event_related(event, visible_q=public_q) -> dict:
    """What an event's page shows besides the event itself, as lists: its organisations by
    role, people, agreements with their parties (those `visible_q` admits: the public ones,
    or in a preview the drafts too), sectors, source articles and the facts they disagree
    on (the event's and its agreements'). Five queries (six with agreements, one more when
    sources disagree on the city) whatever their number."""
    roles = (
        EventOrganization.objects.filter(event=event)
        .filter(visible_q("organization__"))
        .select_related("organization")
        .order_by("organization__name")
    )
    by_role = {role: [] for role in EventRole.values}
    for link in roles:
        by_role[link.role].append(link.organization)
    participations = (
        event.participations.filter(visible_q("person__"))
        .select_related("person", "organization")
        .order_by("pk")
    )
    agreements = list(
        event.agreements.filter(visible_q())
        .prefetch_related(
            Prefetch("parties", queryset=Organization.objects.filter(visible_q()).order_by("name"))
        )
        .order_by("signed_on", "pk")
    )
    attach_sources(event, *agreements)  # an agreement's sources may disagree on its amount
    return {
        "role_groups": [
            {"role": role, "label": label, "organizations": by_role[role]}
            for role, label in EventRole.choices
            if by_role[role]
        ],
        "organizers": by_role[EventRole.ORGANIZER],
        "participations": list(participations),
        "agreements": agreements,
        "sectors": list(event.sectors.order_by("slug")),
        "sources": event.sources,
        "disagreements": event.disagreements,
    }


class EventDetailView(ReplacedRedirectMixin, RelatedVisibility, DetailView):
    """Public detail; the editorial preview subclasses it with an unfiltered queryset. What
    the page shows besides the event is kept in Django's cache under the content version
    (portal.cache: any publish or edit retires it, as it does the page cache), so a render
    on a warm cache runs one query."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        return Event.objects.public().select_related("commune", "region")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.object
        if self.visible_q is public_q:
            related = cache.get_or_set(
                f"event:related:{event.pk}:{content_version()}",
                lambda: event_related(event),
                RELATED_SECONDS,
            )
        else:  # a preview: drafts are never cached
            related = event_related(event, self.visible_q)
        event.sources = related["sources"]
        event.disagreements = related["disagreements"]
        context.update(
            {
                "role_groups": related["role_groups"],
                "participations": related["participations"],
                "agreements": related["agreements"],
                "sectors": related["sectors"],
                # RFC 5545 needs a start: an undated event offers no calendar.
                "calendar_url": (
                    reverse("events:calendar", args=[event.slug]) if event.start_date else ""
                ),
                "json_ld": event_json_ld(self.request, event, related["organizers"]),
                "og_type": "event",
                "description": event.summary,
            }
        )
        return context


def events_calendar(request):
    """The list's dated events (with its filters) as a calendar to subscribe to: an invalid
    filter answers 400, as the list does."""
    filterset = EventFilter(request.GET or None, queryset=public_events(), request=request)
    if filterset.is_bound and not filterset.is_valid():
        raise BadRequest(_("These filters are not valid."))
    events = (
        filterset.qs.filter(start_date__isnull=False)
        .select_related("commune", "region")
        .prefetch_related("sectors")
        .order_by("-start_date", "-pk")[:CALENDAR_SIZE]
    )
    ical = events_ical(
        events,
        name=str(_("Morocco's industrial events")),
        url_of=lambda event: request.build_absolute_uri(event.get_absolute_url()),
    )
    return HttpResponse(ical, content_type="text/calendar; charset=utf-8")


def event_calendar(request, slug):
    """One public, dated event as an iCalendar file (RFC 5545) for the visitor's calendar;
    an undated one has none (a VEVENT without DTSTART is invalid)."""
    event = (
        Event.objects.public()
        .filter(start_date__isnull=False)
        .select_related("commune", "region")
        .filter(slug=slug)
        .first()
    )
    if event is None:
        # A merged event's calendar is the survivor's (when it has one).
        redirect = replacement_redirect(
            Event,
            lambda survivor: (
                reverse("events:calendar", args=[survivor.slug]) if survivor.start_date else ""
            ),
            slug=slug,
        )
        if redirect is None:
            raise Http404(_("This record does not exist."))
        return redirect
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


class AgreementDetailView(ReplacedRedirectMixin, RelatedVisibility, DetailView):
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
                "parties": agreement.parties.filter(self.visible_q()).order_by("name"),
                "signing_event": signing_event if self.visible(signing_event) else None,
                "previous": previous if self.visible(previous) else None,
                "successors": agreement.successors.filter(self.visible_q()).order_by("signed_on"),
                "description": agreement.summary,
            }
        )
        return context
