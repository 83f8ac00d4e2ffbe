"""A publisher merges two records of one forum from the events list, in Arabic and in French:
the confirmation page shows, side by side, the facts the two records disagree on, and the
value picked there is the one the kept record takes."""

import datetime

from django.utils import timezone, translation

from editorial.models import Status
from events.models import Event
from tests.events.factories import EventFactory

from .test_editorial import log_in, staff

OPENS = timezone.localdate() + datetime.timedelta(days=60)


def merge_page(page, base, records):
    """The events list showing `records`, all ticked, the merge action run."""
    page.goto(f"{base}/admin/events/event/?id__in={','.join(str(r.pk) for r in records)}")
    for record in records:
        page.check(f"input.action-select[value='{record.pk}']")
    page.select_option("select[name=action]", "merge_selected")
    page.click("button[name=index]")
    page.wait_for_selector("table.merge-conflicts")


def test_publisher_sees_the_differences_and_picks_a_value(live_server, browser, artifacts_dir):
    staff("publisher-m", "Publishers")
    with translation.override("ar"):
        kept = EventFactory(
            title="منتدى الكيمياء الخضراء",
            title_fr="Forum de la chimie verte",
            start_date=OPENS,
            end_date=None,
            venue="قصر المؤتمرات",
            venue_fr="",
        )
        dup = EventFactory(
            status=Status.DRAFT,
            published_at=None,
            title="المنتدى الدولي للكيمياء الخضراء",
            title_fr="Forum international de la chimie verte",
            start_date=OPENS + datetime.timedelta(days=1),
            end_date=OPENS + datetime.timedelta(days=2),
            venue="فندق هيلتون",
            venue_fr="Hôtel Hilton",
        )
    base = live_server.url
    for language in ("ar", "fr"):
        context = browser.new_context(
            viewport={"width": 1280, "height": 900},
            locale=language,
            extra_http_headers={"Accept-Language": language},
        )
        page = context.new_page()
        log_in(page, base, "publisher-m")
        merge_page(page, base, [kept, dup])
        assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
        table = page.locator("table.merge-conflicts")
        assert table.locator(f"input[name=take_title_ar][value='{kept.pk}']").is_checked()
        assert "المنتدى الدولي للكيمياء الخضراء" in table.inner_text()
        assert table.locator("input[name=take_end_date]").count() == 0  # taken, not disputed
        page.screenshot(path=artifacts_dir / f"merge-confirmation-{language}.png", full_page=True)
        if language == "ar":
            context.close()

    # In French, the publisher keeps the other record's start date and merges.
    page.check(f"input[name=take_start_date][value='{dup.pk}']")
    page.click("button[name=confirm]")
    page.wait_for_selector(".messagelist .success")
    kept.refresh_from_db()
    assert Event.objects.get(pk=dup.pk).replaced_by == kept
    assert kept.start_date == dup.start_date and kept.end_date == dup.end_date
    assert kept.venue_ar == "قصر المؤتمرات" and kept.venue_fr == "Hôtel Hilton"
    context.close()
