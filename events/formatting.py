"""An event's dates and place as plain text, the way the site writes them (Moroccan months,
Western digits, the Arabic comma in Arabic): for e-mails, feeds and calendars."""

from django.utils import translation

from core.templatetags.portal_tags import format_day, joined

from .models import Event


def event_dates_display(event: Event, language: str) -> str:
    """'12–13 ماي 2030' / '12–13 mai 2030' / '12–13 May 2030' as plain text (for e-mails), the
    way the site writes dates (core's date_range): Moroccan months, Western digits."""
    start, end = event.start_date, event.end_date
    if not start:
        return ""
    with translation.override(language):
        if not end or end == start:
            return format_day(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{format_day(start, year=False, month=False)}–{format_day(end)}"
        return f"{format_day(start, year=start.year != end.year)} – {format_day(end)}"


def event_place_display(event: Event) -> str:
    """Venue, city, region in the current language (Arabic comma in Arabic)."""
    return joined(part for part in (event.venue, event.commune, event.region) if part)
