from django.urls import path

from core.pagecache import cache_public_page

from . import feeds, views
from .filters import EventFilter

# The query parameters each cached page reads (portal.pagecache): any other is not cached.
EVENT_LIST_PARAMS = [*EventFilter.base_filters, "page"]

app_name = "events"
urlpatterns = [
    path(
        "events/",
        cache_public_page(views.EventListView.as_view(), params=EVENT_LIST_PARAMS),
        name="list",
    ),
    path(
        "events/calendar.ics",
        cache_public_page(views.events_calendar, params=EVENT_LIST_PARAMS),
        name="calendar_feed",
    ),
    path(
        "events/<slug:slug>/",
        cache_public_page(views.EventDetailView.as_view()),
        name="detail",
    ),
    path(
        "events/<slug:slug>/calendar.ics",
        cache_public_page(views.event_calendar),
        name="calendar",
    ),
    path(
        "agreements/",
        cache_public_page(views.AgreementListView.as_view(), params=["page"]),
        name="agreements",
    ),
    path(
        "agreements/<slug:slug>/",
        cache_public_page(views.AgreementDetailView.as_view()),
        name="agreement",
    ),
    path("feeds/events/", cache_public_page(feeds.EventsAtomFeed()), name="feed"),
    path("feeds/events/rss/", cache_public_page(feeds.EventsRssFeed()), name="feed_rss"),
]
