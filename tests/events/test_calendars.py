"""Following the list: a calendar to subscribe to and feeds, both with the list's filters."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

from editorial.models import Status
from taxonomy.models import Commune, Sector
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
FRENCH_NAME = "Les événements industriels du Maroc"
REGION = "region=tanger-tetouan-al-hoceima"


@pytest.fixture
def events():
    tanger = Commune.objects.get(slug="tanger")
    start = datetime.date.today() + datetime.timedelta(days=20)
    north = EventFactory(title_fr="Forum du Nord", commune=tanger, start_date=start, end_date=None)
    north.sectors.set(Sector.objects.filter(slug="automotive"))
    undated = EventFactory(
        title_fr="Forum sans date", commune=tanger, start_date=None, end_date=None
    )
    rabat = EventFactory(title_fr="Forum de Rabat")
    draft = EventFactory(title_fr="Forum brouillon", commune=tanger, status=Status.DRAFT)
    return north, undated, rabat, draft


def test_the_subscribed_calendar_holds_the_filtered_dated_events(client, events):
    north, _undated, _rabat, _draft = events
    response = client.get("/fr/events/calendar.ics?region=tanger-tetouan-al-hoceima")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["X-WR-CALNAME"]) == FRENCH_NAME
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Forum du Nord"
    assert entry["DTSTART"].dt == north.start_date  # a DATE: an all-day event
    assert entry["DTEND"].dt == north.start_date + datetime.timedelta(days=1)  # exclusive
    assert str(entry["UID"]) == f"event-{north.pk}@industry-morocco"
    categories = [str(c) for c in entry["CATEGORIES"].cats]
    assert "Forum" in categories and any("utomobile" in c for c in categories)
    assert entry["URL"].endswith(north.get_absolute_url().replace("/ar/", "/fr/"))


def test_an_invalid_filter_gives_400_to_the_calendar_and_the_feed(client, events):
    assert client.get("/fr/events/calendar.ics?date_from=yesterday").status_code == 400
    assert client.get("/fr/feeds/events/?date_from=yesterday").status_code == 400


def test_the_feed_takes_the_list_s_filters_and_says_when_and_where(client, events):
    response = client.get("/fr/feeds/events/?region=tanger-tetouan-al-hoceima")
    assert response.status_code == 200
    feed = ET.fromstring(response.content)
    titles = [e.find(f"{ATOM}title").text for e in feed.iter(f"{ATOM}entry")]
    assert sorted(titles) == ["Forum du Nord", "Forum sans date"]
    summary = next(
        e.find(f"{ATOM}summary").text
        for e in feed.iter(f"{ATOM}entry")
        if e.find(f"{ATOM}title").text == "Forum du Nord"
    )
    assert "Tanger" in summary and str(events[0].start_date.year) in summary
    self_link = next(link for link in feed.iter(f"{ATOM}link") if link.get("rel") == "self")
    assert "region=tanger-tetouan-al-hoceima" in self_link.get("href")


def test_the_list_offers_its_calendar_and_feed_with_its_filters(client, events):
    html = client.get("/fr/events/?region=tanger-tetouan-al-hoceima&page=1").content.decode()
    assert (
        'href="webcal://testserver/fr/events/calendar.ics?region=tanger-tetouan-al-hoceima"' in html
    )
    assert (
        'value="http://testserver/fr/events/calendar.ics?region=tanger-tetouan-al-hoceima"' in html
    )
    assert 'href="/fr/feeds/events/?region=tanger-tetouan-al-hoceima"' in html
