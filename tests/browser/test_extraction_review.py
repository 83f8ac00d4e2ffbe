"""The extraction review screen in a real browser, in the Arabic (RTL) and French admin:
an editor reviews an article's proposals, unticks one, and accepts."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.models import Article
from editorial.models import Status
from events.models import Event
from organizations.models import Organization

PASSWORD = "a-long-test-password"
TEXT = Path(__file__).resolve().parents[2] / "extraction/corpus/106_fes_spanish_delegation.txt"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_review_screen_in_both_directions(live_server, browser, artifacts_dir, language):
    user = get_user_model().objects.create_user(
        f"review-{language}", password=PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors"))
    article = Article.objects.create(title="وفد إسباني بفاس", text=TEXT.read_text("utf-8"))
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    page = context.new_page()
    base = live_server.url
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_selector("#user-tools")

    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.click("a.extract-link")
    assert page.get_attribute("html", "dir") == ("rtl" if language == "ar" else "ltr")
    assert page.locator(".proposal").count() > 5
    assert page.locator(".evidence mark").count() > 5
    page.screenshot(path=str(artifacts_dir / f"extraction-review-{language}.png"), full_page=True)

    dropped = page.locator(".review-organization .proposal-label").last.inner_text()
    page.locator(".review-organization input[name=keep]").last.uncheck()
    page.click(".review-form input[type=submit]")
    page.wait_for_selector(".messagelist")
    page.screenshot(path=str(artifacts_dir / f"extraction-accepted-{language}.png"))
    assert article.mentions.exists()
    assert not Organization.objects.filter(name_ar=dropped).exists()
    kept = Organization.objects.filter(
        pk__in=[
            m.object_id for m in article.mentions.all() if m.content_type.model == "organization"
        ]
    )
    assert kept and all(o.status == Status.DRAFT for o in kept)
    context.close()


def test_an_editor_corrects_a_proposal_in_arabic_then_accepts(live_server, browser, artifacts_dir):
    """Open the event's corrections, fix its kind and title and add its French title, accept,
    and find the draft as corrected."""
    user = get_user_model().objects.create_user("review-fix", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    article = Article.objects.create(title="وفد إسباني بفاس", text=TEXT.read_text("utf-8"))
    context = browser.new_context(
        viewport={"width": 1280, "height": 900},
        locale="ar",
        extra_http_headers={"Accept-Language": "ar"},
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_selector("#user-tools")

    page.goto(f"{live_server.url}/admin/articles/article/{article.pk}/extract/")
    event = page.locator(".review-event .proposal").first
    event.locator(".proposal-correct summary").click()
    event.locator("input[name$='-title_ar']").fill("زيارة وفد اقتصادي إسباني إلى فاس")
    event.locator("input[name$='-title_fr']").fill("Visite d'une délégation espagnole à Fès")
    event.locator("select[name$='-kind']").select_option("delegation")
    assert event.locator("input[name$='-title_ar']").get_attribute("dir") == "rtl"
    page.screenshot(path=str(artifacts_dir / "extraction-correct-ar.png"), full_page=True)
    page.click(".review-form input[type=submit]")
    page.wait_for_selector(".messagelist")
    draft = Event.objects.get(title_ar="زيارة وفد اقتصادي إسباني إلى فاس")
    assert draft.title_fr == "Visite d'une délégation espagnole à Fès"
    assert draft.kind == "delegation" and draft.status == Status.DRAFT
    page.click(f".messagelist a[href$='/events/event/{draft.pk}/change/']")
    assert page.locator("input[name=title_ar]").input_value() == draft.title_ar
    context.close()
