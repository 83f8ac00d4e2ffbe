"""At the door: a reference typed or scanned marks the registrant attended, once."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from events.models import Event

from ..exceptions import CheckInRefused, UnknownReference, WrongEvent
from ..models import Registration, RegistrationStatus


@dataclass
class CheckIn:
    registration: Registration
    already: bool


def reference_normalize(value: str) -> str:
    """What a scanner or a person types: any case, spaces or dashes."""
    return "".join(ch for ch in value.upper() if ch.isalnum())[:12]


@transaction.atomic
def registration_check_in(*, reference: str, event: Event | None = None) -> CheckIn:
    """Mark attended once; a second scan reports the first time. Seats are unchanged
    (confirmed and attended both hold one), so only the registration row is locked."""
    try:
        registration = (
            Registration.objects.select_for_update(of=("self",))
            .select_related("event")
            .get(reference=reference_normalize(reference))
        )
    except Registration.DoesNotExist as error:
        raise UnknownReference from error
    if event is not None and registration.event_id != event.pk:
        raise WrongEvent(registration)
    if registration.status == RegistrationStatus.ATTENDED:
        return CheckIn(registration=registration, already=True)
    if registration.status != RegistrationStatus.CONFIRMED:
        raise CheckInRefused(registration)
    registration.status = RegistrationStatus.ATTENDED
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["status", "checked_in_at"])
    return CheckIn(registration=registration, already=False)
