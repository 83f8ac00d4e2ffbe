"""Atom and RSS feeds of published events, newest publication first, in the URL's language;
they take the list's filters (`?region=…&sector=…&kind=…&when=…`), so a reader can follow one
region or sector. Invalid filters answer 400, as the list does.

What editors type is text, never markup: the Atom feed says so (text constructs), the RSS
feed, whose readers take titles and descriptions as HTML, escapes it. Bidi controls, which
nothing isolates in a feed reader, are dropped.
"""

from django.contrib.syndication.views import Feed
from django.core.exceptions import BadRequest
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.arabic import strip_bidi

from .filters import EventFilter
from .formatting import event_dates_display, event_place_display
from .models import Event

FEED_SIZE = 50


def item_text(event) -> str:
    """An entry's text: when and where, then the summary (a reader shows no other field)."""
    when = event_dates_display(event, translation.get_language())
    facts = " · ".join(part for part in (when, event_place_display(event)) if part)
    return strip_bidi("\n\n".join(part for part in (facts, event.summary) if part))


class EventsRssFeed(Feed):
    title = _("Morocco's industrial events")
    description = _("Forums, conferences, fairs and agreement signings, as they are published.")

    feed_name = "events:feed_rss"

    def get_object(self, request):
        """The list's filters, validated: the feed of the list a visitor sees. Returned, not
        kept on the feed, which one instance in the URLconf serves to every request."""
        filterset = EventFilter(
            request.GET or None, queryset=Event.objects.public(), request=request
        )
        if filterset.is_bound and not filterset.is_valid():
            raise BadRequest(_("These filters are not valid."))
        return filterset

    @staticmethod
    def _with_query(url: str, filterset) -> str:
        query = filterset.data.urlencode() if filterset.is_bound else ""
        return f"{url}?{query}" if query else url

    def link(self, filterset):
        return self._with_query(reverse("events:list"), filterset)

    def feed_url(self, filterset):
        return self._with_query(reverse(self.feed_name), filterset)

    def items(self, filterset):
        return filterset.qs.select_related("commune", "region").order_by("-published_at", "-pk")[
            :FEED_SIZE
        ]

    def item_title(self, item):
        return escape(strip_bidi(item.title))

    def item_description(self, item):
        return escape(item_text(item))

    def item_pubdate(self, item):
        return item.published_at or item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_guid(self, item):
        return f"event-{item.pk}@industry-morocco"

    item_guid_is_permalink = False

    def item_categories(self, item):
        return [item.get_kind_display()] + ([item.region.name] if item.region else [])


class TextAtom1Feed(Atom1Feed):
    """Atom whose entry summaries are text constructs (Django writes them as type="html")."""

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class EventsAtomFeed(EventsRssFeed):
    feed_type = TextAtom1Feed
    feed_name = "events:feed"
    subtitle = EventsRssFeed.description

    def item_title(self, item):
        return strip_bidi(item.title)

    def item_description(self, item):
        return item_text(item)
