"""Subscribe, confirm, unsubscribe, and what each digest holds. Mail goes out from tasks, once
the transaction that calls for it commits (alerts/tasks.py)."""

import datetime
import functools

from django.conf import settings
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from .links import LinkError, confirm_max_age, confirm_payload, unsubscribe_id
from .models import FREQUENCY_PERIODS, Frequency, Subscription
from .tasks import send_alert_confirmation, send_alert_digest
from .topics import Topic


@transaction.atomic
def subscription_request(
    *, email: str, topic: Topic, frequency: str, language: str, site_url: str
) -> Subscription:
    """Ask the address's owner to confirm. Subscribing again to the same topic finds the same
    row and sends the confirmation again (its link carries the new rhythm and language), so
    the page never tells whether an address was already subscribed. A confirmed row keeps its
    settings until the new link is followed."""
    subscription, created = Subscription.objects.get_or_create(
        email__iexact=email,
        **topic.as_fields(),
        defaults={"email": email, "frequency": frequency, "language": language},
    )
    if not created and subscription.confirmed_at is None:
        subscription.frequency, subscription.language = frequency, language
        subscription.save(update_fields=["frequency", "language"])
    send = functools.partial(
        send_alert_confirmation.enqueue,
        subscription.pk,
        frequency=frequency,
        language=language,
        site_url=site_url,
    )
    transaction.on_commit(send, robust=True)
    return subscription


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    """Follow the link of a confirmation e-mail: the subscription starts (or takes the rhythm
    and language the link carries). Raises LinkError or ExpiredLink."""
    payload = confirm_payload(token)
    subscription = Subscription.objects.select_for_update().filter(pk=payload.get("id")).first()
    if subscription is None:  # unsubscribed, or purged unconfirmed, since
        raise LinkError
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
    if payload.get("frequency") in Frequency.values:
        subscription.frequency = payload["frequency"]
    if payload.get("language") in dict(settings.LANGUAGES):
        subscription.language = payload["language"]
    subscription.save(update_fields=["confirmed_at", "frequency", "language"])
    return subscription


def subscription_for_unsubscribe(*, token: str) -> Subscription | None:
    """The subscription an unsubscribe link names; None once it is gone. Raises LinkError."""
    return Subscription.objects.filter(pk=unsubscribe_id(token)).first()


@transaction.atomic
def subscription_unsubscribe(*, token: str) -> bool:
    """Delete the subscription and with it every personal datum kept (law 09-08); True when
    there was one. Following the link again is harmless. Raises LinkError."""
    deleted, _per_model = Subscription.objects.filter(pk=unsubscribe_id(token)).delete()
    return bool(deleted)


def subscriptions_purge_unconfirmed(*, now: datetime.datetime) -> int:
    """Addresses never confirmed within the link's lifetime: nobody asked for them, keep none."""
    deleted, _per_model = Subscription.objects.unconfirmed_before(now - confirm_max_age()).delete()
    return deleted


def subscriptions_due(*, frequency: str, now: datetime.datetime) -> QuerySet[Subscription]:
    """Confirmed subscriptions of that rhythm whose last digest is at least a period old."""
    return Subscription.objects.confirmed().filter(
        Q(last_sent_at__isnull=True) | Q(last_sent_at__lte=now - FREQUENCY_PERIODS[frequency]),
        frequency=frequency,
    )


def digests_enqueue(*, frequency: str, now: datetime.datetime) -> int:
    """One task per due subscription; each finds for itself whether there is anything new."""
    count = 0
    for pk in subscriptions_due(frequency=frequency, now=now).values_list("pk", flat=True):
        send_alert_digest.enqueue(pk)
        count += 1
    return count
