"""Feeds, sitemap and robots.txt: only public records, every language."""

import xml.etree.ElementTree as ET

from editorial.models import Status
from events.models import Event
from tests.events.factories import EventFactory

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def test_atom_feed_lists_published_events_in_the_url_language(client, chemistry_forum):
    draft = EventFactory(status=Status.DRAFT, title_fr="Brouillon du flux")
    response = client.get("/fr/feeds/events/")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    titles = [entry.find(f"{ATOM}title").text for entry in root.iter(f"{ATOM}entry")]
    assert "Forum international de la chimie" in titles
    assert draft.title_fr not in titles
    assert len(titles) == Event.objects.public().count()
    links = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    assert all(link.startswith("http://testserver/fr/events/") for link in links)


def test_rss_feed(client, chemistry_forum):
    response = client.get("/ar/feeds/events/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    titles = [item.find("title").text for item in root.iter("item")]
    assert "المنتدى الدولي للكيمياء" in titles


def test_sitemap_index_and_sections_with_hreflang_alternates(client, chemistry_forum):
    draft = EventFactory(status=Status.DRAFT)
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert "http://testserver/sitemap-events.xml" in sections
    assert len(sections) == 5
    root = ET.fromstring(client.get("/sitemap-events.xml").content)
    urls = root.findall(f"{SITEMAP}url")
    locations = [u.find(f"{SITEMAP}loc").text for u in urls]
    assert len(urls) == 3 * Event.objects.public().count()
    chemistry = "http://testserver/ar/events/forum-international-de-la-chimie-2024/"
    assert chemistry in locations
    assert not any(draft.slug in loc for loc in locations)
    entry = urls[locations.index(chemistry)]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates == {
        "ar": chemistry,
        "fr": chemistry.replace("/ar/", "/fr/"),
        "en": chemistry.replace("/ar/", "/en/"),
        "x-default": chemistry.replace("/ar/", "/"),  # negotiated by LocaleMiddleware
    }
    assert entry.find(f"{SITEMAP}lastmod") is not None


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text
