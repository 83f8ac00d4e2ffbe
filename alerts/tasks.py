"""Background work of the alerts, on django-tasks (settings.TASKS): the confirmation e-mail and
each subscriber's digest. A failed send raises, so the task backend records it; a digest that
failed leaves `last_sent_at` as it was, so the next run lists the same records again."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .messages import confirmation_message, digest_message
from .models import Subscription
from .topics import digest_records


@task()
def send_alert_confirmation(
    subscription_id: int, *, frequency: str, language: str, site_url: str
) -> str:
    subscription = (
        Subscription.objects.select_related("region", "sector", "organization")
        .filter(pk=subscription_id)
        .first()
    )
    if subscription is None:
        return "missing"
    confirmation_message(
        subscription, frequency=frequency, language=language, site_url=site_url
    ).send()
    return "sent"


@task()
def send_alert_digest(subscription_id: int) -> str:
    """Send what was published on the topic since the last digest (or the confirmation), or
    nothing when nothing was. The row is locked while it is sent: a second task for the same
    subscription waits, then finds nothing new."""
    with transaction.atomic():
        subscription = (
            Subscription.objects.confirmed()
            .select_for_update(of=("self",))
            .select_related("region", "sector", "organization")
            .filter(pk=subscription_id)
            .first()
        )
        if subscription is None:  # unsubscribed since the digest was queued
            return "missing"
        until = timezone.now()
        since = subscription.last_sent_at or subscription.confirmed_at
        events, agreements = digest_records(subscription, since=since, until=until)
        if not events and not agreements:
            return "nothing new"
        digest_message(
            subscription, events=events, agreements=agreements, site_url=settings.SITE_URL
        ).send()
        subscription.last_sent_at = until
        subscription.save(update_fields=["last_sent_at"])
    return "sent"
