"""At the door: a reference typed or scanned marks the registrant attended, once; a
registrant without their code is found by name or e-mail."""

import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.arabic import normalize_arabic
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


LOOKUP_MIN_LENGTH = 2
LOOKUP_LIMIT = 20


@dataclass
class Lookup:
    registrations: list[Registration]
    more: bool  # more registrations matched than are listed


def _fold(text: str) -> str:
    """Case, Latin accents and Arabic marks folded away: "helene" finds "Hélène" and
    "احمد" finds "أحمد" (NFKD splits the accent or hamza off its letter, then it is dropped)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return normalize_arabic("".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def registrations_lookup(*, event: Event, query: str, limit: int = LOOKUP_LIMIT) -> Lookup:
    """The event's registrations whose name or e-mail contains the query, by name, at most
    `limit`. The folding runs in Python over the event's names and addresses (a door list of a
    few thousand at most), so it is the same on PostgreSQL and SQLite."""
    needle = _fold(query)
    if len(needle) < LOOKUP_MIN_LENGTH:
        return Lookup(registrations=[], more=False)
    candidates = (
        Registration.objects.filter(event=event)
        .order_by("full_name", "pk")
        .values_list("pk", "full_name", "email")
    )
    matches = [
        pk
        for pk, full_name, email in candidates.iterator()
        if needle in _fold(full_name) or needle in email.lower()
    ]
    found = Registration.objects.in_bulk(matches[:limit])
    return Lookup(registrations=[found[pk] for pk in matches[:limit]], more=len(matches) > limit)
