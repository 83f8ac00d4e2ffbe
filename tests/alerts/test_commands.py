"""`send_alert_digests`: who is due, nothing sent twice or when nothing is new, and the
addresses never confirmed deleted."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db.models import F
from django.utils import timezone

from alerts.models import Frequency, Subscription
from events.models import Event
from tests.events.factories import EventFactory

from .factories import SubscriptionFactory

DAY = datetime.timedelta(days=1)


def run(committed, frequency="weekly") -> str:
    out = io.StringIO()
    with committed():
        call_command("send_alert_digests", frequency=frequency, stdout=out)
    return out.getvalue()


def test_a_digest_is_sent_once_per_period_and_never_repeats_a_record(db, committed):
    subscription = SubscriptionFactory(frequency=Frequency.DAILY)
    first = EventFactory()
    run(committed, "daily")
    assert len(mail.outbox) == 1
    subscription.refresh_from_db()
    assert subscription.last_sent_at is not None

    between = EventFactory()
    run(committed, "daily")  # the same day: not due yet
    assert len(mail.outbox) == 1

    # A day passes; tonight's cron runs a few minutes earlier than yesterday's.
    elapsed = DAY - datetime.timedelta(minutes=5)
    Subscription.objects.update(last_sent_at=F("last_sent_at") - elapsed)
    Event.objects.update(published_at=F("published_at") - elapsed)
    newer = EventFactory()
    run(committed, "daily")
    assert len(mail.outbox) == 2
    assert between.title in mail.outbox[1].body
    assert newer.title in mail.outbox[1].body
    assert first.title not in mail.outbox[1].body


def test_nothing_new_sends_nothing(db, committed):
    subscription = SubscriptionFactory()
    EventFactory(published_at=subscription.confirmed_at - DAY)  # before the subscription
    assert "Queued 1 weekly digest(s)" in run(committed)
    assert not mail.outbox
    subscription.refresh_from_db()
    assert subscription.last_sent_at is None


def test_only_confirmed_subscriptions_of_that_frequency_get_a_digest(db, committed):
    SubscriptionFactory(email="weekly@example.ma", frequency=Frequency.WEEKLY)
    SubscriptionFactory(email="daily@example.ma", frequency=Frequency.DAILY)
    SubscriptionFactory(email="unconfirmed@example.ma", confirmed_at=None)
    Subscription.objects.update(confirmed_at=timezone.now() - DAY)
    Subscription.objects.filter(email="unconfirmed@example.ma").update(confirmed_at=None)
    EventFactory()
    run(committed, "weekly")
    assert [message.to for message in mail.outbox] == [["weekly@example.ma"]]


def test_unconfirmed_subscriptions_are_deleted_after_the_link_expires(db, committed, settings):
    old = SubscriptionFactory(confirmed_at=None)
    recent = SubscriptionFactory(confirmed_at=None)
    confirmed = SubscriptionFactory()
    expired = timezone.now() - datetime.timedelta(days=settings.ALERTS_CONFIRM_DAYS, hours=1)
    Subscription.objects.filter(pk__in=[old.pk, confirmed.pk]).update(created_at=expired)
    assert "deleted 1 unconfirmed" in run(committed)
    assert set(Subscription.objects.values_list("pk", flat=True)) == {recent.pk, confirmed.pk}


def test_the_command_needs_the_site_address(db, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL"):
        call_command("send_alert_digests", frequency="daily")
