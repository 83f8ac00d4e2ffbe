"""One event as RFC 5545 iCalendar, for the calendar link and the confirmation e-mail."""

import datetime

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from core.arabic import strip_bidi


def event_ical(event, *, url: str = "") -> bytes:
    """Only for dated events: RFC 5545 requires a DTSTART (callers offer no calendar for an
    undated one). Text values lose bidi controls: calendars show them as plain text."""
    if not event.start_date:
        raise ValueError("An event without a date has no calendar entry.")
    calendar = Calendar()
    calendar.add("prodid", "-//Industry Morocco//industrial events//AR")
    calendar.add("version", "2.0")
    entry = CalendarEvent()
    entry.add("uid", f"event-{event.pk}@industry-morocco")
    entry.add("dtstamp", timezone.now())
    entry.add("summary", strip_bidi(event.title))
    entry.add("dtstart", event.start_date)
    # All-day events end on the day after the last one (DTEND is exclusive).
    last_day = event.end_date or event.start_date
    entry.add("dtend", last_day + datetime.timedelta(days=1))
    location = ", ".join(str(part) for part in (event.venue, event.commune, event.region) if part)
    if location:
        entry.add("location", strip_bidi(location))
    if url:
        entry.add("url", url)
    if event.summary:
        entry.add("description", strip_bidi(event.summary))
    calendar.add_component(entry)
    return calendar.to_ical()
