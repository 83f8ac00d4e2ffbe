"""Events as RFC 5545 iCalendar: one for its calendar link and the confirmation e-mail, a
list for a calendar to subscribe to."""

import datetime

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.arabic import strip_bidi

from .formatting import event_place_display


def _calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Industry Morocco//industrial events//AR")
    calendar.add("version", "2.0")
    return calendar


def event_ical(event, *, url: str = "") -> bytes:
    """Only for dated events: RFC 5545 requires a DTSTART (callers offer no calendar for an
    undated one). Text values lose bidi controls: calendars show them as plain text."""
    if not event.start_date:
        raise ValueError("An event without a date has no calendar entry.")
    calendar = _calendar()
    calendar.add_component(_entry(event, url))
    return calendar.to_ical()


def events_ical(events, *, name: str, url_of) -> bytes:
    """A calendar of the dated `events` (undated ones are left out), named `name` in the
    page's language; UIDs are stable, so a subscribed calendar updates its entries."""
    calendar = _calendar()
    calendar.add("x-wr-calname", strip_bidi(name))
    for event in events:
        if event.start_date:
            entry = _entry(event, url_of(event))
            entry.add("categories", [event.get_kind_display(), *map(str, event.sectors.all())])
            calendar.add_component(entry)
    return calendar.to_ical()


def _entry(event, url: str) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@industry-morocco")
    entry.add("dtstamp", timezone.now())
    entry.add("summary", strip_bidi(event.title))
    entry.add("dtstart", event.start_date)
    # All-day events end on the day after the last one (DTEND is exclusive).
    last_day = event.end_date or event.start_date
    entry.add("dtend", last_day + datetime.timedelta(days=1))
    location = event_place_display(event)
    if location:
        entry.add("location", strip_bidi(location))
    if url:
        entry.add("url", url)
    if event.summary:
        entry.add("description", strip_bidi(event.summary))
    return entry
