"""Registration: every change to who holds a seat goes through these functions.

Seat accounting (sign-up, cancellation, promotion, capacity change) locks the event row with
select_for_update (FOR NO KEY UPDATE: it excludes every other seat change but not the foreign
key checks of inserts) before counting, so concurrent sign-ups for one event queue on that row
and can never overbook; the partial unique index `registration_one_active_per_email` stops a
duplicate even if a caller bypasses these functions. Waiting-list positions stay dense (1..N)
so the position a registrant is told is their real place in the queue.

E-mails go through an outbox: the change that owes a registrant a message writes its kind to
`email_pending` in the same transaction, so no commit can lose it. The
`send_registration_emails` worker sends it, outside any request (REGISTRATION_EMAIL_WORKER, on
by default: a mail server that never answers must not hold up sign-ups); only with
REGISTRATION_EMAIL_WORKER=0 does the request send it after the commit. A failing mail server
never rolls back or repeats a registration: the failure is recorded on the row for a resend.
"""

import datetime
import functools
import logging
import re
import struct
import time
import zlib
from dataclasses import dataclass
from email.mime.image import MIMEImage

import segno
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.message import SafeMIMEMultipart
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Concat, Lower
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.translation import gettext_lazy as _

from portal.arabic import strip_bidi
from portal.templatetags.portal_tags import format_day

from .ics import event_ical
from .models import Event, Registration, RegistrationEmail, RegistrationStatus

logger = logging.getLogger(__name__)

ACTIVE = (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
TOKEN_SALT = "events.registration.personal-link"
# The personal link outlives any registration window; past this age it must be re-sent.
TOKEN_MAX_AGE = datetime.timedelta(days=400)
PURGED_EMAIL_DOMAIN = "purged.invalid"


class RegistrationError(Exception):
    """A refusal the registrant or organiser is told about in their language."""

    message = _("This registration cannot be changed.")

    def __init__(self, message=None):
        super().__init__()
        if message is not None:
            self.message = message

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")


class EventFull(RegistrationError):
    message = _("This event is full and has no waiting list.")


class AlreadyRegistered(RegistrationError):
    message = _("This e-mail address is already registered for this event.")


class AlreadyCancelled(RegistrationError):
    message = _("This registration is already cancelled.")


class EventOver(RegistrationError):
    message = _("This event is over: its registrations can no longer change.")


class NotOnWaitingList(RegistrationError):
    message = _("Only registrations on the waiting list can be promoted.")


class UnknownReference(RegistrationError):
    message = _("No registration has this reference.")


class CheckInRefused(RegistrationError):
    def __init__(self, registration: Registration):
        super().__init__()
        self.registration = registration
        if registration.status == RegistrationStatus.WAITING:
            self.message = _("This person is on the waiting list and has no seat.")
        else:
            self.message = _("This registration was cancelled.")


class WrongEvent(RegistrationError):
    def __init__(self, registration: Registration):
        super().__init__()
        self.registration = registration
        self.message = _("This reference belongs to another event: %(event)s") % {
            "event": registration.event.title
        }


class BadToken(RegistrationError):
    message = _("This link is not valid. Please use the link from your e-mail exactly as sent.")


class ExpiredToken(RegistrationError):
    message = _("This link has expired. Ask the organisers to send your e-mail again.")


@dataclass
class CheckIn:
    registration: Registration
    already: bool


@dataclass
class Promotion:
    registration: Registration
    seats_added: int = 0


# --- seat accounting -------------------------------------------------------------------------


SEAT_FIELDS = (
    "status",
    "publish_at",
    "registration_opens",
    "registration_closes",
    "start_date",
    "end_date",
    "capacity",
    "waiting_list",
    # Event.save() reads these when the capacity is saved.
    "slug",
    "commune",
    "region",
)


# The statements run while the event row is locked are written out once, from the models, rather
# than compiled by the ORM on every call: every sign-up to an event queues on that lock, so the
# Python time spent holding it bounds how many sign-ups per second an event can take.
@functools.cache
def _event_lock_sql() -> tuple[str, list[str], list]:
    """The statement, the attribute names it fills, and each column's converters from database
    values to the ORM's (SQLite, for one, returns naive datetimes)."""
    quote = connection.ops.quote_name
    fields = [f for f in Event._meta.concrete_fields if f.name in SEAT_FIELDS or f.primary_key]
    columns = ", ".join(quote(f.column) for f in fields)
    table, pk = quote(Event._meta.db_table), quote(Event._meta.pk.column)
    sql = f"SELECT {columns} FROM {table} WHERE {pk} = %s"
    if connection.features.has_select_for_update:
        sql += " " + connection.ops.for_update_sql(no_key=True)
    converters = []
    for field in fields:
        column = field.get_col(Event._meta.db_table)
        functions = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
        converters.append((column, functions))
    return sql, [f.attname for f in fields], converters


@functools.cache
def _seat_counts_sql() -> str:
    """Seats taken, people waiting and, through the partial unique index, whether an e-mail
    address already holds an active registration."""
    table = connection.ops.quote_name(Registration._meta.db_table)
    return (
        "SELECT COUNT(*) FILTER (WHERE status IN (%s, %s)),"
        " COUNT(*) FILTER (WHERE status = %s),"
        f" EXISTS (SELECT 1 FROM {table} WHERE event_id = %s AND LOWER(email) = LOWER(%s)"
        " AND NOT (status = %s))"
        f" FROM {table} WHERE event_id = %s"
    )


@functools.cache
def _registration_insert_sql() -> tuple[str, list]:
    quote = connection.ops.quote_name
    fields = [f for f in Registration._meta.concrete_fields if not f.primary_key]
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join(["%s"] * len(fields))
    table, pk = quote(Registration._meta.db_table), quote(Registration._meta.pk.column)
    return f"INSERT INTO {table} ({columns}) VALUES ({values}) RETURNING {pk}", fields


def _registration_insert(registration: Registration) -> None:
    """What `save(force_insert=True)` writes, less the ORM's compilation (and signals: like the
    queryset updates that change registrations, no receiver needs them)."""
    sql, fields = _registration_insert_sql()
    values = [f.get_db_prep_save(f.pre_save(registration, add=True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        (registration.pk,) = cursor.fetchone()
    registration._state.adding = False
    registration._state.db = connection.alias


def _event_from_row(row: tuple | None) -> Event:
    if row is None:
        raise Event.DoesNotExist
    _sql, attnames, converters = _event_lock_sql()
    values = []
    for value, (column, functions) in zip(row, converters, strict=True):
        for convert in functions:
            value = convert(value, column, connection)
        values.append(value)
    return Event.from_db(connection.alias, attnames, values)


def _seat_counts_params(event_id: int, email: str) -> list:
    return [
        *ACTIVE,
        RegistrationStatus.WAITING,
        event_id,
        email,
        RegistrationStatus.CANCELLED,
        event_id,
    ]


def _event_locked(event_id: int) -> Event:
    """The event row, locked until the transaction ends: every seat count happens after this.
    Only what seat accounting reads is loaded: the lock is held for as short a time as can be."""
    with connection.cursor() as cursor:
        cursor.execute(_event_lock_sql()[0], [event_id])
        return _event_from_row(cursor.fetchone())


def _seat_counts(event: Event, email: str = "") -> tuple[int, int, bool]:
    """(seats taken, people waiting, whether `email` is already registered) in one query on
    the (event, status) and e-mail indexes; the event must be locked."""
    with connection.cursor() as cursor:
        cursor.execute(_seat_counts_sql(), _seat_counts_params(event.pk, email))
        taken, waiting, registered = cursor.fetchone()
    return taken, waiting, bool(registered)


def _event_locked_and_counted(event_id: int, email: str) -> tuple[Event, int, int, bool]:
    """`_event_locked`, then `_seat_counts`, in one round trip where the database takes two
    statements in one query (PostgreSQL, with Django's default client-side binding): the
    server runs the count once the lock is granted, as a statement of its own that sees every
    commit made before it, and the lock is held one round trip less."""
    lock_sql, count_sql = _event_lock_sql()[0], _seat_counts_sql()
    count_params = _seat_counts_params(event_id, email)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql" and not connection.settings_dict["OPTIONS"].get(
            "server_side_binding"
        ):
            cursor.execute(f"{lock_sql}; {count_sql}", [event_id, *count_params])
            row = cursor.fetchone()
            cursor.nextset()
        else:
            cursor.execute(lock_sql, [event_id])
            row = cursor.fetchone()
            cursor.execute(count_sql, count_params)
        taken, waiting, registered = cursor.fetchone()
    return _event_from_row(row), taken, waiting, bool(registered)


SEAT_STATE_SECONDS = 10


def _seat_state_key(event: Event) -> str:
    # Capacity and waiting list are in the key: an edit of either starts afresh.
    return f"registration:full:{event.pk}:{event.capacity}:{event.waiting_list}"


def event_is_full(event: Event) -> bool:
    """Whether every seat is taken, for the form page. Cached: the seat services forget it
    after any commit that can change it (a last seat taken, a cancellation, a promotion), so
    with a shared cache it is exact, and with a per-process one at most SEAT_STATE_SECONDS
    late. The sign-up itself always counts under the lock."""
    if event.capacity is None:
        return False
    key = _seat_state_key(event)
    full = cache.get(key)
    if full is None:
        taken = event.registrations.filter(status__in=ACTIVE).count()
        full = taken >= event.capacity
        cache.set(key, full, timeout=SEAT_STATE_SECONDS)
    return full


def _seat_state_forget(event: Event) -> None:
    """Now, and again after the commit, when another process may have cached the state this
    transaction is changing."""
    key = _seat_state_key(event)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


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
        status=RegistrationStatus.CONFIRMED,
        waiting_position=None,
        email_pending=RegistrationEmail.PROMOTED,
    )
    Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).update(
        waiting_position=F("waiting_position") - len(promoted)
    )
    shown_event = Event.objects.select_related("commune", "region").get(pk=event.pk)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.waiting_position = None
        registration.email_pending = RegistrationEmail.PROMOTED
        registration.event = shown_event
        _email_after_commit(registration, site_url=site_url)
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
    # Built before the lock is taken: only the counts decide its status.
    registration = Registration(
        event=event,
        full_name=full_name,
        email=email,
        phone=phone,
        organization_name=organization_name,
        job_title=job_title,
        language=language,
        consent_at=timezone.now(),
    )
    locked, taken, waiting, registered = _event_locked_and_counted(event.pk, email)
    if not locked.registration_is_open:
        raise RegistrationClosed
    if registered:
        raise AlreadyRegistered
    if waiting:
        promoted = _fill_free_seats(locked, taken=taken, site_url=site_url)
        taken, waiting = taken + len(promoted), waiting - len(promoted)
    free = _free_seats(locked, taken)
    if free is None or free > 0:
        registration.status = RegistrationStatus.CONFIRMED
        registration.email_pending = RegistrationEmail.CONFIRMED
        if free == 1:  # the last seat: the form page now says the event is full
            _seat_state_forget(locked)
    elif locked.waiting_list:
        registration.status = RegistrationStatus.WAITING
        registration.waiting_position = waiting + 1
        registration.email_pending = RegistrationEmail.WAITING
    else:
        raise EventFull
    # No savepoint around the insert: an IntegrityError leaves this function at once, and the
    # exception rolls back the whole atomic block (or the caller's savepoint) with it.
    try:
        _registration_insert(registration)
    except IntegrityError as error:
        # Only reachable if someone wrote without the lock; the index still says no.
        raise AlreadyRegistered from error
    _email_after_commit(registration, site_url=site_url)
    return registration


@transaction.atomic
def registration_cancel(*, registration: Registration, site_url: str) -> list[Registration]:
    """Cancel and give the freed seat to the first person waiting; returns who was promoted."""
    event = _event_locked(registration.event_id)
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        raise AlreadyCancelled
    if event_is_over(event):
        raise EventOver
    if current.status == RegistrationStatus.ATTENDED:
        raise RegistrationError(_("This person has already been checked in."))
    was_waiting_at = current.waiting_position
    current.status = RegistrationStatus.CANCELLED
    current.waiting_position = None
    current.cancelled_at = timezone.now()
    current.email_pending = ""  # a message not sent yet would announce a seat no longer held
    current.save(update_fields=["status", "waiting_position", "cancelled_at", "email_pending"])
    registration.status, registration.waiting_position = current.status, None
    registration.cancelled_at, registration.email_pending = current.cancelled_at, ""
    if was_waiting_at is not None:
        _waiting_close_gap(event, was_waiting_at)
        return []
    _seat_state_forget(event)
    taken, _waiting, _registered = _seat_counts(event)
    return _fill_free_seats(event, taken=taken, site_url=site_url)


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
    taken, _waiting, _registered = _seat_counts(event)
    seats_added = 0
    if event.capacity is not None and taken >= event.capacity:
        seats_added = taken + 1 - event.capacity
        event.capacity = taken + 1
        event.save(update_fields=["capacity", "updated_at"])
    position = current.waiting_position
    current.status = RegistrationStatus.CONFIRMED
    current.waiting_position = None
    current.email_pending = RegistrationEmail.PROMOTED
    current.save(update_fields=["status", "waiting_position", "email_pending"])
    if position is not None:
        _waiting_close_gap(event, position)
    _seat_state_forget(event)
    _email_after_commit(current, site_url=site_url)
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
    if event_is_over(locked):
        return []
    taken, _waiting, _registered = _seat_counts(locked)
    return _fill_free_seats(locked, taken=taken, site_url=site_url)


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


@transaction.atomic
def registration_resend_email(*, registration: Registration, site_url: str) -> None:
    """Send the message that matches the registration's current status again."""
    if registration.status == RegistrationStatus.CANCELLED:
        raise AlreadyCancelled
    if registration.email.endswith("@" + PURGED_EMAIL_DOMAIN):
        raise RegistrationError(_("This registration's personal data has been purged."))
    kind = (
        RegistrationEmail.WAITING
        if registration.status == RegistrationStatus.WAITING
        else RegistrationEmail.CONFIRMED
    )
    Registration.objects.filter(pk=registration.pk).update(email_pending=kind, email_error="")
    registration.email_pending, registration.email_error = kind, ""
    _email_after_commit(registration, site_url=site_url)


@transaction.atomic
def registrations_purge(*, older_than_days: int) -> int:
    """Anonymise registrations to events that ended more than N days ago; statuses, dates
    and so every count stay. Returns how many rows were anonymised (already purged ones
    are skipped)."""
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
    return (
        Registration.objects.filter(ended)
        .exclude(email__endswith="@" + PURGED_EMAIL_DOMAIN)
        .update(
            full_name="",
            email=Concat(Lower("reference"), Value("@" + PURGED_EMAIL_DOMAIN)),
            phone="",
            organization_name="",
            job_title="",
            email_error="",
            email_pending="",
        )
    )


# --- the personal link -----------------------------------------------------------------------


def registration_token(registration: Registration) -> str:
    return signing.dumps(registration.reference, salt=TOKEN_SALT)


def registration_from_token(token: str) -> Registration:
    try:
        reference = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise BadToken from error
    try:
        return Registration.objects.select_related("event__commune", "event__region").get(
            reference=reference
        )
    except Registration.DoesNotExist as error:
        raise BadToken from error


def registration_link(registration: Registration, *, site_url: str) -> str:
    """The personal page, in the registrant's language. The token is in the query string, which
    the access log leaves out (gunicorn.conf.py), not in the path."""
    start = _registration_link_start(registration.language, site_url)
    return start + registration_token(registration)  # URL-safe already: base64url and ":"


def _registration_link_start(language: str, site_url: str) -> str:
    with translation.override(language):
        return f"{site_url.rstrip('/')}{reverse('events:registration')}?token="


# --- e-mails ---------------------------------------------------------------------------------


def event_dates_display(event: Event, language: str) -> str:
    """'12–13 ماي 2030' / '12–13 mai 2030' / '12–13 May 2030' as plain text (for e-mails), the
    way the site writes dates (portal_tags.date_range): Moroccan months, Western digits."""
    start, end = event.start_date, event.end_date
    if not start:
        return ""
    with translation.override(language):
        if not end or end == start:
            return format_day(start)
        if (start.year, start.month) == (end.year, end.month):
            return f"{format_day(start, year=False, month=False)}–{format_day(end)}"
        return f"{format_day(start, year=start.year != end.year)} – {format_day(end)}"


def event_place_display(event: Event) -> str:
    """Venue, city, region in the current language (Arabic comma in Arabic)."""
    separator = "، " if translation.get_language() == "ar" else ", "
    return separator.join(str(part) for part in (event.venue, event.commune, event.region) if part)


def reference_qr(reference: str) -> segno.QRCode:
    """The door's QR code. The mask is fixed: every mask is valid (a reader finds it in the
    format information) and evaluating all eight is 90% of the encoding time."""
    return segno.make(reference, error="m", micro=False, mask=0)


def reference_qr_png(reference: str, *, scale: int = 6, border: int = 4) -> bytes:
    """The QR code as a 1-bit greyscale PNG. Written here from segno's module matrix: segno's
    own PNG writer goes pixel by pixel and cost more than the rest of the e-mail."""
    matrix = reference_qr(reference).matrix
    size = len(matrix) + 2 * border
    width = size * scale
    quiet = bytes(size)
    rows = []
    padded = [bytes(border) + bytes(row) + bytes(border) for row in matrix]
    for modules in [quiet] * border + padded + [quiet] * border:
        bits = "".join(("0" if dark else "1") * scale for dark in modules)  # black is 0
        bits += "1" * (-len(bits) % 8)
        rows.append((b"\0" + int(bits, 2).to_bytes(len(bits) // 8, "big")) * scale)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, width, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


class RelatedEmail(EmailMultiAlternatives):
    """Text and HTML alternatives plus inline images (multipart/related), then attachments:
    the structure mail clients need to show a `cid:` image inside the HTML."""

    def __init__(self, *args, inline_images=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.inline_images = list(inline_images)

    def _create_alternatives(self, msg):
        msg = super()._create_alternatives(msg)
        if not self.inline_images:
            return msg
        related = SafeMIMEMultipart(
            _subtype="related", encoding=self.encoding or settings.DEFAULT_CHARSET
        )
        related.attach(msg)
        for content_id, png in self.inline_images:
            image = MIMEImage(png, "png")
            image.add_header("Content-ID", f"<{content_id}>")
            image.add_header("Content-Disposition", "inline", filename=f"{content_id}.png")
            related.attach(image)
        return related


_SHARED_PARTS: dict[tuple, object] = {}
SHARED_PARTS_SECONDS = 300


def _shared_part(event: Event, *key, build):
    """What every registrant of an event gets alike in one language (the .ics, the message
    bodies): built once per process for a few minutes (an .ics DTSTAMP is then at most that old,
    a renamed city is shown after that long), keyed by the event's last change so an edited event
    is never sent stale."""
    key = (event.pk, event.updated_at, *key, int(time.time() // SHARED_PARTS_SECONDS))
    part = _SHARED_PARTS.get(key)
    if part is None:
        if len(_SHARED_PARTS) >= 256:
            _SHARED_PARTS.clear()
        part = _SHARED_PARTS[key] = build()
    return part


def _event_ical_shared(event: Event, *, site_url: str) -> bytes:
    def build() -> bytes:
        return event_ical(event, url=site_url.rstrip("/") + event.get_absolute_url())

    return _shared_part(event, "ics", translation.get_language(), site_url, build=build)


EMAIL_SUBJECTS = {
    "confirmed": _("Registration confirmed: %(event)s"),
    "waiting": _("Waiting list, position %(position)s: %(event)s"),
    "promoted": _("A seat is now yours: %(event)s"),
}


# Stand for the registrant's own values in the bodies rendered once per event, kind and language.
EMAIL_PLACEHOLDERS = {
    name: f"registrant-{name}-placeholder-3c8e1f"
    for name in ("full_name", "reference", "waiting_position", "token", "qr_cid")
}
EMAIL_PLACEHOLDER_RE = re.compile("|".join(EMAIL_PLACEHOLDERS.values()))


def _email_bodies(event: Event, *, kind: str, language: str, site_url: str) -> tuple[str, str]:
    """The text and HTML bodies with placeholders: every registrant of an event gets the same
    message but for their name, reference, position and links, and rendering it was the largest
    share of the mail worker's time."""

    def render() -> tuple[str, str]:
        stand_in = Registration(
            full_name=EMAIL_PLACEHOLDERS["full_name"],
            reference=EMAIL_PLACEHOLDERS["reference"],
            waiting_position=EMAIL_PLACEHOLDERS["waiting_position"],
        )
        context = {
            "registration": stand_in,
            "event": event,
            "kind": kind,
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "dates": event_dates_display(event, language),
            "place": event_place_display(event),
            "event_url": site_url.rstrip("/") + event.get_absolute_url(),
            "personal_link": _registration_link_start(language, site_url)
            + EMAIL_PLACEHOLDERS["token"],
            "qr_cid": EMAIL_PLACEHOLDERS["qr_cid"] if kind != "waiting" else "",
        }
        return tuple(
            render_to_string(f"emails/registration_{kind}.{extension}", context)
            for extension in ("txt", "html")
        )

    return _shared_part(event, "bodies", kind, language, site_url, build=render)


def registration_email_message(
    registration: Registration, *, kind: str, site_url: str
) -> EmailMultiAlternatives:
    """The message of one kind (confirmed, waiting, promoted) in the registrant's language."""
    language = (
        registration.language
        if registration.language in dict(settings.LANGUAGES)
        else (settings.LANGUAGE_CODE)
    )
    event = registration.event
    with translation.override(language):
        seat = kind != "waiting"
        qr_id = f"qr-{registration.reference.lower()}"
        values = {
            "full_name": registration.full_name,
            "reference": registration.reference,
            "waiting_position": localize(registration.waiting_position),
            "token": registration_token(registration),
            "qr_cid": qr_id,
        }
        # One pass each, so a value that happens to contain a placeholder is left alone.
        by_placeholder = {EMAIL_PLACEHOLDERS[name]: str(value) for name, value in values.items()}
        text, html = _email_bodies(event, kind=kind, language=language, site_url=site_url)
        text = EMAIL_PLACEHOLDER_RE.sub(lambda match: by_placeholder[match[0]], text)
        html = EMAIL_PLACEHOLDER_RE.sub(
            lambda match: conditional_escape(by_placeholder[match[0]]), html
        )
        subject = str(EMAIL_SUBJECTS[kind]) % {
            "event": strip_bidi(event.title),
            "position": registration.waiting_position,
        }
        message = RelatedEmail(
            subject=" ".join(subject.split()),
            body=text,
            to=[registration.email],
            inline_images=[(qr_id, reference_qr_png(registration.reference))] if seat else [],
            headers={"Content-Language": language},
        )
        message.attach_alternative(html, "text/html")
        if seat and event.start_date:  # an undated event has no valid calendar entry
            ical = _event_ical_shared(event, site_url=site_url)
            message.attach(f"{event.slug}.ics", ical, "text/calendar")
    return message


def _email_deliver(
    registration: Registration, *, kind: str, site_url: str, mail_connection=None
) -> str:
    """Build and send one message; returns "" or, when it failed, what to record (logged)."""
    try:
        message = registration_email_message(registration, kind=kind, site_url=site_url)
        message.connection = mail_connection
        message.send()
    except Exception as error:  # noqa: BLE001 - any mail failure is recorded, not raised
        logger.exception("Registration e-mail %s for %s failed", kind, registration.reference)
        return _email_failure(kind, error)
    return ""


def _email_failure(what: str, error: Exception) -> str:
    return f"{timezone.now():%Y-%m-%d %H:%M} {what}: {type(error).__name__}: {error}"[:2000]


def registration_email_send(*, registration: Registration, kind: str, site_url: str) -> bool:
    """Send one message, then record the outcome on the row and take it out of the outbox
    (unless a newer message has been queued since). Never raises: the registration is already
    committed and stands whatever the mail server does."""
    error = _email_deliver(registration, kind=kind, site_url=site_url)
    sent = {"email_sent_at": timezone.now()} if not error else {}
    Registration.objects.filter(pk=registration.pk).update(
        email_error=error,
        email_pending=Case(When(email_pending=kind, then=Value("")), default=F("email_pending")),
        **sent,
    )
    return not error


class MailServerUnreachable(Exception):
    """No connection to the mail server: the batch stays queued, its rows say why."""


def registration_emails_send_queued(*, site_url: str, limit: int = 20) -> int:
    """Send up to `limit` queued messages, oldest first, over one mail server connection;
    returns how many were handled (sent or failed).

    The rows are claimed with SKIP LOCKED, so several workers share the outbox, and stay locked
    until their outcome is written: a worker that dies mid-batch leaves them queued, to be sent
    again (at least once, never lost). A failed message ends the batch, so a hung mail server
    holds the rows for one EMAIL_TIMEOUT, not one per message (a cancellation waits for them);
    the rest go out on a new connection. When no connection can be opened, nothing is marked
    failed: MailServerUnreachable is raised once the rows have noted the error, and the batch is
    tried again later."""
    unreachable, handled = None, 0
    with transaction.atomic():
        batch = list(
            Registration.objects.select_for_update(skip_locked=True, no_key=True)
            .exclude(email_pending="")
            .order_by("pk")[:limit]
        )
        if not batch:
            return 0
        # A batch is mostly one event's: each event is loaded once, not once a registration.
        events = Event.objects.select_related("commune", "region").in_bulk(
            {registration.event_id for registration in batch}
        )
        for registration in batch:
            registration.event = events[registration.event_id]
        mail_connection = get_connection()
        try:
            mail_connection.open()
        except Exception as error:  # noqa: BLE001 - whatever the backend raises, nothing left
            logger.exception("No mail server connection; %d e-mail(s) stay queued", len(batch))
            unreachable = _email_failure("mail server", error)
            Registration.objects.filter(pk__in=[r.pk for r in batch]).update(
                email_error=unreachable
            )
        else:
            try:
                handled = _emails_send_batch(batch, mail_connection, site_url=site_url)
            finally:
                mail_connection.close()
    if unreachable:
        raise MailServerUnreachable(unreachable)
    return handled


def _emails_send_batch(batch: list[Registration], mail_connection, *, site_url: str) -> int:
    """Send until the first failure, which is recorded; returns how many were tried."""
    sent, tried = [], 0
    for registration in batch:
        tried += 1
        error = _email_deliver(
            registration,
            kind=registration.email_pending,
            site_url=site_url,
            mail_connection=mail_connection,
        )
        if error:
            Registration.objects.filter(pk=registration.pk).update(
                email_error=error, email_pending=""
            )
            break
        sent.append(registration.pk)
    # The rows are locked: nothing can have been queued on them since.
    Registration.objects.filter(pk__in=sent).update(
        email_sent_at=timezone.now(), email_error="", email_pending=""
    )
    return tried


def _email_after_commit(registration: Registration, *, site_url: str) -> None:
    """The message (`email_pending`) is in the outbox already: the mail worker sends it (the
    default, REGISTRATION_EMAIL_WORKER); with the worker switched off, the request sends it once
    the transaction has committed."""
    if settings.REGISTRATION_EMAIL_WORKER:
        return
    kind = registration.email_pending
    transaction.on_commit(
        lambda: registration_email_send(registration=registration, kind=kind, site_url=site_url)
    )
