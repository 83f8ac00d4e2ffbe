"""The whole alerts flow as a visitor lives it: subscribe, confirm by the e-mailed link, receive
a digest in their language, unsubscribe from any message (page or one-click), data gone."""

import datetime
import time

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from alerts import links
from alerts.models import Frequency, Subscription
from taxonomy.models import Region
from tests.events.factories import EventFactory
from tests.organizations.factories import OrganizationFactory

from .conftest import link_in
from .factories import SubscriptionFactory

RABAT = "rabat-sale-kenitra"


@pytest.fixture
def subscribe(client, committed):
    """POST the sign-up form as it commits (the confirmation task runs then)."""

    def send(query: str, language="ar", client=client, **fields):
        data = {"email": "amina@example.ma", "frequency": "weekly", "homepage": "", **fields}
        with committed():
            return client.post(f"/{language}/alerts/?{query}", data)

    return send


def confirm(client, message) -> Subscription:
    path = link_in(message.body, "confirm")
    page = client.get(path)
    assert page.status_code == 200
    assert Subscription.objects.get().confirmed_at is None  # a GET (a mail scanner) does nothing
    assert client.post(path).status_code == 200
    return Subscription.objects.get()


def make_due(subscription: Subscription) -> None:
    """Move the confirmation back, so records published just now fall in the next digest."""
    earlier = timezone.now() - datetime.timedelta(hours=1)
    Subscription.objects.filter(pk=subscription.pk).update(confirmed_at=earlier)


def run_digests(committed, frequency="weekly"):
    with committed():
        call_command("send_alert_digests", frequency=frequency)


@pytest.mark.parametrize(
    ("language", "title_field", "direction"),
    [("ar", "title", "rtl"), ("fr", "title_fr", "ltr")],
)
def test_subscribe_confirm_digest_in_the_page_language_and_unsubscribe(
    client, db, subscribe, committed, language, title_field, direction
):
    page = client.get(f"/{language}/alerts/", {"region": RABAT})
    assert page.status_code == 200
    assert Region.objects.get(slug=RABAT).name in page.content.decode()

    response = subscribe(f"region={RABAT}", language=language)
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/alerts/sent/"
    assert client.get(response["Location"]).status_code == 200
    (confirmation,) = mail.outbox
    assert confirmation.to == ["amina@example.ma"]
    assert confirmation.extra_headers["Content-Language"] == language
    assert "/alerts/unsubscribe/?token=" in confirmation.body
    assert confirmation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    subscription = confirm(client, confirmation)
    assert subscription.confirmed_at is not None
    assert subscription.language == language
    assert subscription.region.slug == RABAT
    make_due(subscription)

    event = EventFactory()  # in Rabat, published now
    elsewhere = EventFactory(commune=None, region=Region.objects.get(slug="oriental"))
    run_digests(committed)
    digest = mail.outbox[-1]
    assert len(mail.outbox) == 2
    html = digest.alternatives[0][0]
    title = getattr(event, title_field)
    assert title in digest.body and escape(title) in html
    assert getattr(elsewhere, title_field) not in digest.body
    assert f'<html lang="{language}" dir="{direction}">' in html
    assert f"https://industry.example.ma/{language}/events/{event.slug}/" in digest.body
    assert "/alerts/unsubscribe/?token=" in digest.body
    assert "/alerts/unsubscribe/?token=" in html
    assert Region.objects.get(slug=RABAT).name in digest.subject

    # The mail client's one-click button: a POST without CSRF token nor session.
    one_click = digest.extra_headers["List-Unsubscribe"].strip("<>")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(one_click, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()


def test_the_arabic_digest_writes_arabic(client, db, committed):
    subscription = SubscriptionFactory(language="ar")
    make_due(subscription)
    event = EventFactory(start_date=datetime.date(2030, 5, 15), end_date=datetime.date(2030, 5, 16))
    run_digests(committed)
    (digest,) = mail.outbox
    assert event.title in digest.body
    assert "15–16 ماي 2030" in digest.body  # Moroccan month, Western digits
    assert "الرباط" in digest.body  # the city, in Arabic


def test_the_unsubscribe_page_asks_then_deletes(client, db):
    subscription = SubscriptionFactory()
    path = links.unsubscribe_link(subscription, site_url="")
    page = client.get(path)
    assert page.status_code == 200
    assert Subscription.objects.filter(pk=subscription.pk).exists()  # a GET changes nothing
    assert client.post(path).status_code == 200
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    again = client.post(path)  # following it twice is harmless
    assert again.status_code == 200


def test_the_organisation_page_offers_to_follow_it(client, db, subscribe):
    organization = OrganizationFactory()
    page = client.get(organization.get_absolute_url())
    assert f"/ar/alerts/?organization={organization.slug}" in page.content.decode()
    assert subscribe(f"organization={organization.slug}").status_code == 302
    assert Subscription.objects.get().organization == organization


def test_the_event_list_offers_alerts_for_its_filters(client, db):
    page = client.get("/ar/events/", {"region": RABAT, "kind": "forum"})
    assert f"/ar/alerts/?region={RABAT}&amp;kind=forum" in page.content.decode()
    unfiltered = client.get("/ar/events/")
    assert "/ar/alerts/" not in unfiltered.content.decode()


def test_a_saved_filter_is_stored_normalised(db, subscribe):
    assert subscribe(f"region={RABAT}&kind=forum&page=3&utm_source=x").status_code == 302
    assert subscribe(f"kind=forum&region={RABAT}").status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.filter_query == f"kind=forum&region={RABAT}"
    assert subscription.region is None


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Choose at least one filter"),
        ("region=atlantis", "is not one of the choices"),
        ("date_from=2030-02-30", "Enter a date as YYYY-MM-DD"),
    ],
)
def test_a_topic_the_list_refuses_is_explained_and_nothing_is_stored(
    db, english, subscribe, query, message
):
    response = subscribe(query, language="en")
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"email": "a\x0bb@example.ma"}, "Enter a valid email address."),
        ({"frequency": "hourly"}, "Select a valid choice."),
        ({"homepage": "http://spam.example"}, "could not be accepted"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(db, english, subscribe, fields, message):
    response = subscribe(f"region={RABAT}", language="en", **fields)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Subscription.objects.exists()
    assert not mail.outbox


def test_subscribing_again_resends_the_confirmation_and_reveals_nothing(client, db, subscribe):
    first = subscribe(f"region={RABAT}")
    again = subscribe(f"region={RABAT}", email="AMINA@example.ma", frequency="daily")
    assert first["Location"] == again["Location"]
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 2
    subscription = confirm(client, mail.outbox[1])
    assert subscription.frequency == Frequency.DAILY


def test_a_confirmed_subscription_changes_only_through_the_new_link(client, db, subscribe):
    SubscriptionFactory(email="amina@example.ma", frequency=Frequency.WEEKLY)
    assert subscribe(f"region={RABAT}", frequency="daily").status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.frequency == Frequency.WEEKLY
    client.post(link_in(mail.outbox[0].body, "confirm"))
    subscription.refresh_from_db()
    assert subscription.frequency == Frequency.DAILY


def test_forged_and_misused_tokens_are_refused_and_change_nothing(client, db, english):
    subscription = SubscriptionFactory(confirmed_at=None)
    unsubscribe = links.unsubscribe_token(subscription)
    confirm_token = links.confirm_token(subscription, frequency="daily", language="en")
    for path, token in [
        ("/en/alerts/confirm/", confirm_token[:-2] + "xx"),
        ("/en/alerts/confirm/", unsubscribe),  # another purpose's token
        ("/en/alerts/unsubscribe/", confirm_token),
        ("/en/alerts/unsubscribe/", ""),
        ("/en/alerts/unsubscribe/one-click/", unsubscribe + "x"),
    ]:
        response = client.post(path + f"?token={token}")
        assert response.status_code == 400, path
        assert "This link is not valid" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert subscription.frequency == Frequency.WEEKLY


def test_an_expired_confirmation_link_is_refused_clearly(client, db, english, settings):
    subscription = SubscriptionFactory(confirmed_at=None)

    class LongAgo(signing.TimestampSigner):
        def timestamp(self):
            age = datetime.timedelta(days=settings.ALERTS_CONFIRM_DAYS, minutes=1)
            return signing.b62_encode(int(time.time() - age.total_seconds()))

    payload = {"id": subscription.pk, "frequency": "weekly", "language": "en"}
    token = LongAgo(salt=links.CONFIRM_SALT).sign_object(payload)
    for method in (client.get, client.post):
        response = method(f"/en/alerts/confirm/?token={token}")
        assert response.status_code == 400
        assert "This confirmation link has expired" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None


def test_the_one_click_endpoint_only_accepts_post(client, db):
    path = links.unsubscribe_link(SubscriptionFactory(), site_url="", one_click=True)
    assert client.get(path).status_code == 405
    assert Subscription.objects.exists()


def test_sign_ups_are_rate_limited_per_address(db, english, subscribe, settings):
    settings.ALERTS_RATE_LIMIT_PER_EMAIL = 2
    for region in ("oriental", "souss-massa"):
        assert subscribe(f"region={region}", language="en").status_code == 302
    refused = subscribe(f"region={RABAT}", language="en")
    assert refused.status_code == 429
    assert "Too many subscription attempts" in refused.content.decode()
    assert not Subscription.objects.filter(region__slug=RABAT).exists()
    assert len(mail.outbox) == 2


def test_sign_ups_are_rate_limited_per_client(db, english, subscribe, settings):
    settings.ALERTS_RATE_LIMIT_PER_IP = 2
    for n in range(2):
        response = subscribe(f"region={RABAT}", language="en", email=f"p{n}@example.ma")
        assert response.status_code == 302
    refused = subscribe(f"region={RABAT}", language="en", email="p3@example.ma")
    assert refused.status_code == 429
    assert not Subscription.objects.filter(email="p3@example.ma").exists()
