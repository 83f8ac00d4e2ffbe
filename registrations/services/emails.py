"""What a registrant is owed: each message is an OutgoingEmail row written in the transaction of
the change that calls for it (so no commit can lose it, and no rollback sends it), and a
background task enqueued once that transaction commits (Django's recommended way: a task
enqueued earlier could run before the row it reads exists)."""

import functools
import logging
from collections.abc import Iterable

from django.db import transaction

from ..exceptions import AlreadyCancelled, EmailNoLongerApplies, PersonalDataPurged
from ..messages import email_applies
from ..models import OutgoingEmail, Registration, RegistrationEmail, RegistrationStatus
from ..tasks import send_registration_email
from .purge import registration_is_purged

logger = logging.getLogger(__name__)


def _enqueue(outgoing_email_ids: list[int]) -> None:
    for pk in outgoing_email_ids:
        send_registration_email.enqueue(pk)


@transaction.atomic(savepoint=False)
def outgoing_emails_queue(
    *, registrations: Iterable[Registration], kind: str, site_url: str
) -> list[OutgoingEmail]:
    """Queue one message of a kind to each registrant. No savepoint: it is called while the seat
    services hold the event lock, and fails with the transaction it belongs to. If enqueueing
    fails after the commit (the task backend down), the rows stay queued, for the admin."""
    emails = OutgoingEmail.objects.bulk_create(
        [OutgoingEmail(registration=r, kind=kind, site_url=site_url) for r in registrations]
    )
    if emails:
        ids = [email.pk for email in emails]
        transaction.on_commit(functools.partial(_enqueue, ids), robust=True)
    return emails


@transaction.atomic
def outgoing_email_resend(*, outgoing_email: OutgoingEmail, site_url: str = "") -> OutgoingEmail:
    """Queue the same message again (a new row: the failed or sent one stays as history)."""
    registration = outgoing_email.registration
    if registration_is_purged(registration):
        raise PersonalDataPurged
    if not email_applies(registration, outgoing_email.kind):
        raise EmailNoLongerApplies
    (email,) = outgoing_emails_queue(
        registrations=[registration],
        kind=outgoing_email.kind,
        site_url=site_url or outgoing_email.site_url,
    )
    return email


@transaction.atomic
def registration_resend_email(*, registration: Registration, site_url: str) -> OutgoingEmail:
    """Send the message that matches the registration's current status again."""
    if registration.status == RegistrationStatus.CANCELLED:
        raise AlreadyCancelled
    if registration_is_purged(registration):
        raise PersonalDataPurged
    kind = (
        RegistrationEmail.WAITING
        if registration.status == RegistrationStatus.WAITING
        else RegistrationEmail.CONFIRMED
    )
    (email,) = outgoing_emails_queue(registrations=[registration], kind=kind, site_url=site_url)
    return email
