"""A visitor follows a filter of the event list by e-mail, in Arabic and in French."""

import re

import pytest
from django.core import mail

from alerts.models import Subscription


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_follow_a_filter_by_email_then_confirm(
    live_server, page, artifacts_dir, language, direction
):
    page.goto(f"{live_server.url}/{language}/events/?region=rabat-sale-kenitra&kind=forum")
    page.click(f"a[href^='/{language}/alerts/?']")
    assert page.locator("html").get_attribute("dir") == direction
    page.screenshot(path=artifacts_dir / f"alerts-form-{language}.png", full_page=True)

    # A bad address is explained and nothing is stored.
    page.fill(".alerts-form input[name=email]", "not-an-address")
    page.click(".alerts-form button[type=submit]")
    assert page.locator(".form-errors").is_visible()
    assert not Subscription.objects.exists()

    page.fill(".alerts-form input[name=email]", f"visitor-{language}@example.ma")
    page.check(".alerts-form input[value=daily]")
    page.click(".alerts-form button[type=submit]")
    page.wait_for_url(f"**/{language}/alerts/sent/")
    page.screenshot(path=artifacts_dir / f"alerts-sent-{language}.png", full_page=True)

    (message,) = [m for m in mail.outbox if m.to == [f"visitor-{language}@example.ma"]]
    link = re.search(r"https?://\S+/alerts/confirm/\?token=\S+", message.body).group(0)
    page.goto(link)
    page.click("article.alerts button[type=submit]")
    page.wait_for_selector(".outcome[role=status]")
    page.screenshot(path=artifacts_dir / f"alerts-confirmed-{language}.png", full_page=True)
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert (subscription.language, subscription.frequency) == (language, "daily")
    assert subscription.filter_query == "kind=forum&region=rabat-sale-kenitra"
