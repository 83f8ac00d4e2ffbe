"""The public site in a real browser, in Arabic and French: direction, no overflow at 375 px,
no axe-core violations (contrast included: axe checks it on the French pages, it skips Arabic
glyphs), a filter applied through the form. Screenshots go to test-artifacts/."""

from urllib.parse import quote

import pytest
from axe_playwright_python.sync_playwright import Axe

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
