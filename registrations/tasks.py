"""Background work of registration, on django-tasks: sending the registrants' e-mails.

The backend is settings.TASKS (the database, run by `manage.py db_worker`, by default). A
message is an OutgoingEmail row written with the change that owes it; the task sends it, records
the outcome on the row and, on a backend that can defer work, tries again later.
"""

import datetime
import functools
import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .messages import email_applies, registration_email_message
from .models import OutgoingEmail, OutgoingEmailStatus

logger = logging.getLogger(__name__)

# After a failure the message is tried again after each of these delays, then marked failed
# (the admin's "Send again" queues it anew).
RETRY_DELAYS = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
)


@task()
def send_registration_email(outgoing_email_id: int) -> str:
    """Send one queued message once; returns its status. A failure is recorded on the row, then
    raised, so the task backend shows it too. The row is locked while it is sent: a second task
    for the same message (a double click on "Send again") waits, then finds it sent."""
    error = None
    with transaction.atomic():
        try:
            email = (
                OutgoingEmail.objects.select_for_update(of=("self",))
                .select_related("registration__event__commune", "registration__event__region")
                .get(pk=outgoing_email_id)
            )
        except OutgoingEmail.DoesNotExist:
            return "missing"
        if email.status != OutgoingEmailStatus.QUEUED:
            return email.status
        registration = email.registration
        if not email_applies(registration, email.kind):
            email.status = OutgoingEmailStatus.SUPERSEDED
            email.save(update_fields=["status", "updated_at"])
            return email.status
        email.attempts += 1
        try:
            message = registration_email_message(
                registration, kind=email.kind, site_url=email.site_url
            )
            message.send()
        except Exception as failure:  # noqa: BLE001 - whatever the mail backend raises
            error = failure
            email.last_error = f"{timezone.now():%Y-%m-%d %H:%M} {type(error).__name__}: {error}"
            email.last_error = email.last_error[:2000]
            retry = email.attempts <= len(RETRY_DELAYS) and send_registration_email.get_backend()
            retry = bool(retry and retry.supports_defer)
            email.status = OutgoingEmailStatus.QUEUED if retry else OutgoingEmailStatus.FAILED
            logger.exception(
                "Registration e-mail %s to %s failed (attempt %d): %s",
                email.kind,
                registration.reference,
                email.attempts,
                email.last_error,
            )
            if retry:
                later = send_registration_email.using(
                    run_after=timezone.now() + RETRY_DELAYS[email.attempts - 1]
                )
                transaction.on_commit(functools.partial(later.enqueue, email.pk), robust=True)
        else:
            email.status = OutgoingEmailStatus.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save()
    if error is not None:
        raise error
    return email.status
