"""Law 09-08: registrants' personal data is anonymised once their event is long over."""

import datetime

from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Concat, Lower
from django.utils import timezone

from ..models import OutgoingEmail, OutgoingEmailStatus, Registration

PURGED_EMAIL_DOMAIN = "purged.invalid"


def registration_is_purged(registration: Registration) -> bool:
    return registration.email.endswith("@" + PURGED_EMAIL_DOMAIN)


@transaction.atomic
def registrations_purge(*, older_than_days: int) -> int:
    """Anonymise registrations to events that ended more than N days ago; statuses, dates and
    so every count stay. Their e-mails not yet sent are dropped and the errors (which may quote
    an address) cleared. Returns how many rows were anonymised (purged ones are skipped)."""
    if older_than_days < 0:
        raise ValueError("older_than_days cannot be negative")
    cutoff = timezone.localdate() - datetime.timedelta(days=older_than_days)
    ended = (
        Q(event__end_date__lt=cutoff)
        | Q(event__end_date__isnull=True, event__start_date__lt=cutoff)
        | Q(
            event__end_date__isnull=True,
            event__start_date__isnull=True,
            event__registration_closes__date__lt=cutoff,
        )
    )
    purged = Registration.objects.filter(ended).exclude(email__endswith="@" + PURGED_EMAIL_DOMAIN)
    emails = OutgoingEmail.objects.filter(registration__in=purged)
    emails.filter(status=OutgoingEmailStatus.QUEUED).update(status=OutgoingEmailStatus.SUPERSEDED)
    emails.exclude(last_error="").update(last_error="")
    return purged.update(
        full_name="",
        email=Concat(Lower("reference"), Value("@" + PURGED_EMAIL_DOMAIN)),
        phone="",
        organization_name="",
        job_title="",
    )
