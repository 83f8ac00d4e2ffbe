"""The editorial workflow in a real browser: an editor writes an event in the Arabic admin,
submits it; a publisher approves it; it is then on the public lists in Arabic and French."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from editorial.models import Status
from events.models import Event

PASSWORD = "a-long-test-password"
TITLE_AR = "منتدى الصناعات الخضراء التجريبي"
TITLE_FR = "Forum d'essai des industries vertes"


def staff(username, group):
    user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


def log_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_selector("#user-tools")


def test_editor_writes_publisher_approves(live_server, browser, artifacts_dir):
    staff("editor-b", "Editors")
    staff("publisher-b", "Publishers")
    base = live_server.url
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="ar",
        extra_http_headers={"Accept-Language": "ar"},
    )
    page = context.new_page()

    # The editor, in the Arabic admin (right to left), writes the event.
    log_in(page, base, "editor-b")
    page.goto(f"{base}/admin/events/event/add/")
    assert page.get_attribute("html", "dir") == "rtl"
    title_ar = page.locator("#id_title_ar")
    assert title_ar.get_attribute("dir") == "rtl"
    title_ar.fill(TITLE_AR)
    # The French tab: its input is left to right even in the Arabic admin.
    page.locator(".mt-tablist").first.get_by_role("tab", name="Français").click()
    title_fr = page.locator("#id_title_fr")
    assert title_fr.is_visible() and not title_ar.is_visible()
    assert title_fr.get_attribute("dir") == "ltr"
    assert title_fr.evaluate("el => getComputedStyle(el).direction") == "ltr"
    title_fr.fill(TITLE_FR)
    page.select_option("#id_kind", "forum")
    start = timezone.localdate() + datetime.timedelta(days=40)
    page.fill("#id_start_date", start.isoformat())
    page.click("input[name=_continue]")
    page.wait_for_selector(".editorial-panel")
    event = Event.objects.get(title_ar=TITLE_AR)
    assert event.status == Status.DRAFT and event.title_fr == TITLE_FR

    page.locator(".mt-tablist").first.get_by_role("tab", name="العربية").click()
    page.screenshot(path=artifacts_dir / "editorial-change-form-ar.png", full_page=True)
    steps = page.locator("button[name=step]")
    assert [steps.nth(i).get_attribute("value") for i in range(steps.count())] == ["submit"]
    page.fill("#comment-submit", "جاهز للمراجعة")
    page.click("button[name=step][value=submit]")
    page.wait_for_selector(".messagelist .success")
    event.refresh_from_db()
    assert event.status == Status.REVIEW

    # The same desk in French: left to right, the record now waits for a publisher.
    page.click(".admin-language button[value=fr]")
    page.wait_for_selector("html[lang=fr]")
    assert page.get_attribute("html", "dir") == "ltr"
    assert page.locator("#id_title_ar").get_attribute("dir") == "rtl"
    assert page.locator("button[name=step]").count() == 0  # editors cannot publish
    page.screenshot(path=artifacts_dir / "editorial-change-form-fr.png", full_page=True)
    page.click("#logout-form button")

    # The publisher approves it from the awaiting-review block on the admin index.
    log_in(page, base, "publisher-b")
    page.locator(".editorial-dashboard a", has_text=TITLE_FR).click()
    page.wait_for_selector("button[name=step][value=publish]")
    page.click("button[name=step][value=publish]")
    page.wait_for_selector(".messagelist .success")
    event.refresh_from_db()
    assert event.status == Status.PUBLISHED and event.is_public
    page.screenshot(path=artifacts_dir / "editorial-published-fr.png", full_page=True)

    # Visitors see it, in Arabic and in French.
    visitor = browser.new_context(viewport={"width": 1280, "height": 900})
    public = visitor.new_page()
    public.goto(f"{base}/ar/events/")
    assert TITLE_AR in public.content()
    public.goto(f"{base}/fr/events/")
    assert TITLE_FR in public.content()
    public.goto(f"{base}/fr/events/{event.slug}/")
    assert TITLE_FR in public.content()
    visitor.close()
    context.close()
