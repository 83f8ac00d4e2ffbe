"""Seat accounting: every change to who holds a seat (sign-up, cancellation, promotion,
capacity change) is one short transaction that first locks the event row (SELECT ... FOR NO
KEY UPDATE: it excludes every other seat change but not the foreign-key checks of inserts),
then counts. Concurrent sign-ups for one event queue on that row and can never overbook; the
partial unique index `registration_one_active_per_email` stops a duplicate even if a caller
bypasses these functions. Waiting-list positions stay dense (1..N), so the position a
registrant is told is their real place in the queue. The e-mails each change owes are queued
in the same transaction (services.emails).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Lower
from django.utils import timezone

from events.models import Event

from ..exceptions import (
    AlreadyCancelled,
    AlreadyCheckedIn,
    AlreadyRegistered,
    EventFull,
    EventOver,
    NotOnWaitingList,
    RegistrationClosed,
)
from ..models import Registration, RegistrationEmail, RegistrationStatus
from .emails import outgoing_emails_queue

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)


@dataclass
class Promotion:
    registration: Registration
    seats_added: int = 0


@dataclass
class SeatCounts:
    taken: int
    waiting: int
    registered: bool  # whether the e-mail address asked about holds an active registration


def _event_locked(event_id: int) -> Event:
    """The event row, locked until the transaction ends: every count happens after this."""
    return Event.objects.select_for_update(no_key=True).get(pk=event_id)


def _seat_counts(event: Event, email: str = "") -> SeatCounts:
    """Seats taken, people waiting and whether `email` is registered, in one aggregate over the
    event's registrations; the event must be locked."""
    counts = (
        Registration.objects.filter(event=event)
        .alias(email_lower=Lower("email"))
        .aggregate(
            taken=Count("pk", filter=Q(status__in=ACTIVE)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            registered=Count(
                "pk",
                filter=Q(email_lower=Lower(Value(email))) & ~Q(status=RegistrationStatus.CANCELLED),
            ),
        )
    )
    return SeatCounts(counts["taken"], counts["waiting"], counts["registered"] > 0)


SEAT_STATE_SECONDS = 10


def _seat_state_key(event: Event) -> str:
    # Capacity and waiting list are in the key: an edit of either starts afresh.
    return f"registration:full:{event.pk}:{event.capacity}:{event.waiting_list}"


def event_is_full(event: Event) -> bool:
    """Whether every seat is taken, for the form page. Cached: the seat services forget it
    after any commit that can change it, so with a shared cache it is exact, and with a
    per-process one at most SEAT_STATE_SECONDS late. A sign-up always counts under the lock."""
    if event.capacity is None:
        return False
    key = _seat_state_key(event)
    full = cache.get(key)
    if full is None:
        full = event.registrations.filter(status__in=ACTIVE).count() >= event.capacity
        cache.set(key, full, timeout=SEAT_STATE_SECONDS)
    return full


def _seat_state_forget(event: Event) -> None:
    """Now, and again after the commit, when another process may have cached the state this
    transaction is changing."""
    key = _seat_state_key(event)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key), robust=True)


def _free_seats(event: Event, taken: int) -> int | None:
    """None means no limit."""
    return None if event.capacity is None else max(event.capacity - taken, 0)


def event_is_over(event: Event) -> bool:
    last_day = event.end_date or event.start_date
    return last_day is not None and last_day < timezone.localdate()


def _waiting_close_gap(event: Event, position: int) -> None:
    """Everyone behind a position that left the queue moves up one place."""
    Registration.objects.filter(
        event=event, status=RegistrationStatus.WAITING, waiting_position__gt=position
    ).update(waiting_position=F("waiting_position") - 1)


def _fill_free_seats(event: Event, *, taken: int, site_url: str) -> list[Registration]:
    """Give free seats to the head of the waiting list, in order; the event must be locked."""
    free = _free_seats(event, taken)
    if free == 0:
        return []
    queue = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).order_by(
        "waiting_position", "pk"
    )
    promoted = list(queue if free is None else queue[:free])
    if not promoted:
        return []
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=RegistrationStatus.CONFIRMED, waiting_position=None
    )
    Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).update(
        waiting_position=F("waiting_position") - len(promoted)
    )
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_position = None
    outgoing_emails_queue(
        registrations=promoted, kind=RegistrationEmail.PROMOTED, site_url=site_url
    )
    _seat_state_forget(event)
    return promoted


@transaction.atomic
def registration_create(
    *,
    event: Event,
    full_name: str,
    email: str,
    phone: str = "",
    organization_name: str = "",
    job_title: str = "",
    language: str = "ar",
    site_url: str,
) -> Registration:
    """Confirm a seat, or queue on the waiting list, or refuse; never more than capacity.

    Seats freed by a capacity change made elsewhere go to the people already waiting before
    the newcomer is counted.
    """
    locked = _event_locked(event.pk)
    if not locked.registration_is_open:
        raise RegistrationClosed
    counts = _seat_counts(locked, email)
    if counts.registered:
        raise AlreadyRegistered
    taken, waiting = counts.taken, counts.waiting
    if waiting:
        promoted = _fill_free_seats(locked, taken=taken, site_url=site_url)
        taken, waiting = taken + len(promoted), waiting - len(promoted)
    free = _free_seats(locked, taken)
    if free is None or free > 0:
        status, position, kind = RegistrationStatus.CONFIRMED, None, RegistrationEmail.CONFIRMED
        if free == 1:  # the last seat: the form page now says the event is full
            _seat_state_forget(locked)
    elif locked.waiting_list:
        status, position, kind = RegistrationStatus.WAITING, waiting + 1, RegistrationEmail.WAITING
    else:
        raise EventFull
    try:
        # No savepoint: an IntegrityError rolls back this whole transaction with it.
        registration = Registration.objects.create(
            event=locked,
            status=status,
            waiting_position=position,
            full_name=full_name,
            email=email,
            phone=phone,
            organization_name=organization_name,
            job_title=job_title,
            language=language,
            consent_at=timezone.now(),
        )
    except IntegrityError as error:
        # Only reachable if someone wrote without the lock; the index still says no.
        raise AlreadyRegistered from error
    outgoing_emails_queue(registrations=[registration], kind=kind, site_url=site_url)
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, site_url: str) -> list[Registration]:
    """Cancel, tell the registrant, and give the freed seat to the first person waiting;
    returns who was promoted."""
    event = _event_locked(registration.event_id)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        raise AlreadyCancelled
    if event_is_over(event):
        raise EventOver
    if current.status == RegistrationStatus.ATTENDED:
        raise AlreadyCheckedIn
    was_waiting_at = current.waiting_position
    current.status = RegistrationStatus.CANCELLED
    current.waiting_position = None
    current.cancelled_at = timezone.now()
    current.save(update_fields=["status", "waiting_position", "cancelled_at"])
    registration.status, registration.waiting_position = current.status, None
    registration.cancelled_at = current.cancelled_at
    outgoing_emails_queue(
        registrations=[current], kind=RegistrationEmail.CANCELLED, site_url=site_url
    )
    if was_waiting_at is not None:
        _waiting_close_gap(event, was_waiting_at)
        return []
    _seat_state_forget(event)
    return _fill_free_seats(event, taken=_seat_counts(event).taken, site_url=site_url)


@transaction.atomic
def registration_promote(*, registration: Registration, site_url: str) -> Promotion:
    """An organiser gives this waiting person a seat now, ahead of the queue.

    When the event is full the capacity is raised by one in the same locked transaction, so
    confirmed seats never exceed capacity.
    """
    event = _event_locked(registration.event_id)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status != RegistrationStatus.WAITING:
        raise NotOnWaitingList
    if event_is_over(event):
        raise EventOver
    taken = _seat_counts(event).taken
    seats_added = 0
    if event.capacity is not None and taken >= event.capacity:
        seats_added = taken + 1 - event.capacity
        event.capacity = taken + 1
        event.save(update_fields=["capacity", "updated_at"])
    position = current.waiting_position
    current.status = RegistrationStatus.CONFIRMED
    current.waiting_position = None
    current.save(update_fields=["status", "waiting_position"])
    if position is not None:
        _waiting_close_gap(event, position)
    _seat_state_forget(event)
    outgoing_emails_queue(
        registrations=[current], kind=RegistrationEmail.PROMOTED, site_url=site_url
    )
    return Promotion(registration=current, seats_added=seats_added)


@transaction.atomic
def event_capacity_change(
    *, event: Event, capacity: int | None, site_url: str
) -> list[Registration]:
    """Set the capacity; seats it frees go to the waiting list in order. Lowering it never
    takes a seat from anyone, it only stops new confirmations until enough people cancel.
    Once the event is over, nobody is promoted (nor told of a seat at a past event)."""
    if capacity is not None and capacity < 0:
        raise ValueError("capacity cannot be negative")
    locked = _event_locked(event.pk)
    locked.capacity = capacity
    locked.save(update_fields=["capacity", "updated_at"])
    event.capacity = capacity
    _seat_state_forget(locked)
    return _waiting_list_advance(locked, site_url=site_url)


def _waiting_list_advance(event: Event, *, site_url: str) -> list[Registration]:
    """Free seats to the waiting list, in order, unless the event is over; it must be locked."""
    if event_is_over(event):
        return []
    return _fill_free_seats(event, taken=_seat_counts(event).taken, site_url=site_url)


@transaction.atomic
def event_waiting_list_advance(*, event: Event, site_url: str) -> list[Registration]:
    """Give the seats free now to the waiting list, in order, with their e-mails: after
    registrations arrived from elsewhere (a merged event's), with a capacity they brought."""
    locked = _event_locked(event.pk)
    _seat_state_forget(locked)
    return _waiting_list_advance(locked, site_url=site_url)
