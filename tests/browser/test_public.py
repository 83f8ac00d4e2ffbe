"""The public site in a real browser, in Arabic and French: direction, no overflow at 375 px,
no axe-core violations (contrast included: axe checks it on the French pages, it skips Arabic
glyphs), a filter applied through the form. Screenshots go to test-artifacts/."""

import re
from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation

from articles.models import Mention
from events.models import Event

PAGES = {
    "home": "/{lang}/",
    "events": "/{lang}/events/",
    "event": "/{lang}/events/forum-international-de-la-chimie-2024/",
    "organization": "/{lang}/organizations/federation-de-la-chimie-et-de-la-parachimie-fcp/",
    "search": "/{lang}/search/?q=" + quote("المنتدى الدولى"),
}
DIRECTION = {"ar": "rtl", "fr": "ltr"}


def axe_violations(page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {[node['target'] for node in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_public_pages_on_desktop_and_phone(live_server, page, phone_page, artifacts_dir, lang):
    for name, path in PAGES.items():
        url = live_server.url + path.format(lang=lang)
        page.goto(url)
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == DIRECTION[lang]
        assert page.locator("main h1").count() == 1
        page.screenshot(path=artifacts_dir / f"public-{name}-{lang}-desktop.png", full_page=True)
        assert axe_violations(page) == [], f"{name} ({lang})"

        phone_page.goto(url)
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{name} ({lang}) overflows: {width}px"
        phone_page.screenshot(
            path=artifacts_dir / f"public-{name}-{lang}-phone.png", full_page=True
        )


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_filtering_the_list_through_the_form(live_server, page, artifacts_dir, lang):
    page.goto(f"{live_server.url}/{lang}/events/")
    total = page.locator(".card").count()
    page.select_option("#id_region", "casablanca-settat")
    page.select_option("#id_when", "past")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**region=casablanca-settat**")
    cards = page.locator(".card")
    assert 0 < cards.count() < total
    chips = page.locator(".active-filters .chip")
    assert chips.count() == 2
    page.screenshot(path=artifacts_dir / f"public-events-filtered-{lang}.png", full_page=True)
    assert axe_violations(page) == []
    # removing a filter keeps the other one
    chips.first.click()
    page.wait_for_load_state()
    assert "region=" not in page.url and "when=past" in page.url


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_on_a_phone_the_filters_fold_and_the_first_event_shows_at_once(
    live_server, page, phone_page, artifacts_dir, lang
):
    phone_page.goto(f"{live_server.url}/{lang}/events/?region=casablanca-settat")
    screen = phone_page.viewport_size["height"]
    first_title = phone_page.locator(".results .card .card-title").first.bounding_box()
    assert first_title["y"] + first_title["height"] < screen
    assert not phone_page.locator("#id_region").is_visible()
    assert phone_page.locator(".active-filters .chip").first.is_visible()
    phone_page.screenshot(path=artifacts_dir / f"public-events-phone-first-screen-{lang}.png")
    # One tap opens them.
    phone_page.click(".filters-panel summary")
    assert phone_page.locator("#id_region").is_visible()
    assert phone_page.input_value("#id_region") == "casablanca-settat"
    phone_page.screenshot(
        path=artifacts_dir / f"public-events-phone-filters-open-{lang}.png", full_page=True
    )
    assert axe_violations(phone_page) == []

    # A wide screen shows them without a tap.
    page.goto(f"{live_server.url}/{lang}/events/")
    assert page.locator("#id_region").is_visible()
    assert not page.locator(".filters-panel summary").is_visible()
    assert page.locator("#filters-heading").is_visible()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_an_event_prints_as_its_content_in_black_on_white(live_server, page, artifacts_dir, lang):
    forum = Event.objects.get(slug="forum-international-de-la-chimie-2024")
    article = Mention.objects.for_object(forum).first().article
    article.url = "https://www.example.ma/forum-chimie"
    article.save()
    page.goto(f"{live_server.url}/{lang}/events/{forum.slug}/")
    page.emulate_media(media="print")
    for hidden in (".header-nav", ".languages", ".actions", ".site-footer .footer-links"):
        assert not page.locator(hidden).is_visible(), hidden
    assert page.locator("main h1").is_visible() and page.locator(".sources").is_visible()
    colours = page.evaluate(
        """() => [...document.querySelectorAll('main *')].flatMap(el => {
            const style = getComputedStyle(el);
            return [style.color, style.backgroundColor];
        })"""
    )
    assert set(colours) <= {"rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"}
    address = page.evaluate(
        "getComputedStyle(document.querySelector('.source-title a'), '::after').content"
    )
    assert "https://www.example.ma/forum-chimie" in address
    page.set_viewport_size({"width": 680, "height": 960})  # A4's width within its margins
    assert page.evaluate("document.documentElement.scrollWidth") <= 680
    page.screenshot(path=artifacts_dir / f"public-event-print-{lang}.png", full_page=True)
    pdf = page.pdf(format="A4")
    (artifacts_dir / f"public-event-print-{lang}.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    assert 1 <= pages <= 2, f"{pages} pages"


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_subscribing_to_the_filtered_calendar(live_server, page, artifacts_dir, lang):
    """The list's subscribe button is a webcal:// address of the calendar with the list's
    filters; the copyable address serves that calendar, parsed as RFC 5545."""
    from icalendar import Calendar

    page.goto(f"{live_server.url}/{lang}/events/?region=casablanca-settat&page=1")
    button = page.locator(".follow a.button[href^='webcal://']")
    assert button.count() == 1
    host = live_server.url.split("://", 1)[1]
    assert button.get_attribute("href") == (
        f"webcal://{host}/{lang}/events/calendar.ics?region=casablanca-settat"
    )
    address = page.locator("#calendar-address").input_value()
    assert address == f"{live_server.url}/{lang}/events/calendar.ics?region=casablanca-settat"
    page.locator(".follow").screenshot(path=artifacts_dir / f"calendar-subscribe-{lang}.png")

    response = page.request.get(address)
    assert response.ok and response.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.body())
    titles = {str(event["SUMMARY"]) for event in calendar.walk("VEVENT")}
    expected = Event.objects.public().filter(
        region__slug="casablanca-settat", start_date__isnull=False
    )
    with translation.override(lang):
        assert titles and titles == {event.title for event in expected}
