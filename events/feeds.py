"""Atom and RSS feeds of published events, newest publication first, in the URL's language.

What editors type is text, never markup: the Atom feed says so (text constructs), the RSS
feed, whose readers take titles and descriptions as HTML, escapes it. Bidi controls, which
nothing isolates in a feed reader, are dropped.
"""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.arabic import strip_bidi

from .models import Event

FEED_SIZE = 50


class EventsRssFeed(Feed):
    title = _("Morocco's industrial events")
    description = _("Forums, conferences, fairs and agreement signings, as they are published.")

    def link(self):
        return reverse("events:list")

    def feed_url(self):
        return reverse("events:feed_rss")

    def items(self):
        return (
            Event.objects.public()
            .select_related("commune", "region")
            .order_by("-published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return escape(strip_bidi(item.title))

    def item_description(self, item):
        return escape(strip_bidi(item.summary))

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
    subtitle = EventsRssFeed.description

    def item_title(self, item):
        return strip_bidi(item.title)

    def item_description(self, item):
        return strip_bidi(item.summary)

    def feed_url(self):
        return reverse("events:feed")
