"""Seat accounting rules, one service call at a time (concurrency: test_concurrency.py)."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from editorial.models import Status
from events.models import Event
from registrations import exceptions
from registrations.models import OutgoingEmail, Registration, RegistrationStatus
from registrations.services import check_in, emails, purge, seats
from tests.registrations.factories import OpenEventFactory, RegistrationFactory

from .conftest import SITE_URL

CONFIRMED, WAITING, CANCELLED, ATTENDED = (
    RegistrationStatus.CONFIRMED,
    RegistrationStatus.WAITING,
    RegistrationStatus.CANCELLED,
    RegistrationStatus.ATTENDED,
)


def states(event):
    """[(email, status, waiting position)] in sign-up order."""
    return list(
        Registration.objects.filter(event=event)
        .order_by("created_at", "pk")
        .values_list("email", "status", "waiting_position")
    )


def waiting_queue(event):
    return list(
        Registration.objects.filter(event=event, status=WAITING)
        .order_by("waiting_position")
        .values_list("email", "waiting_position")
    )


def test_seats_are_confirmed_up_to_capacity_then_queued_in_order(db, register):
    event = OpenEventFactory(capacity=3)
    for n in range(5):
        register(event, f"p{n}@example.ma")
    assert states(event) == [
        ("p0@example.ma", CONFIRMED, None),
        ("p1@example.ma", CONFIRMED, None),
        ("p2@example.ma", CONFIRMED, None),
        ("p3@example.ma", WAITING, 1),
        ("p4@example.ma", WAITING, 2),
    ]


def test_full_event_without_waiting_list_refuses_and_writes_nothing(db, register):
    event = OpenEventFactory(capacity=1, waiting_list=False)
    register(event, "first@example.ma")
    with pytest.raises(exceptions.EventFull):
        register(event, "second@example.ma")
    assert Registration.objects.filter(event=event).count() == 1


def test_no_capacity_means_no_limit(db, register):
    event = OpenEventFactory(capacity=None)
    for n in range(6):
        register(event, f"p{n}@example.ma")
    assert {s for _e, s, _p in states(event)} == {CONFIRMED}


def test_zero_capacity_with_waiting_list_queues_everyone(db, register):
    event = OpenEventFactory(capacity=0)
    register(event, "a@example.ma")
    assert states(event) == [("a@example.ma", WAITING, 1)]


@pytest.mark.parametrize(
    "fields",
    [
        pytest.param(
            {"registration_opens": timezone.now() + datetime.timedelta(hours=1)}, id="not-yet-open"
        ),
        pytest.param(
            {
                "registration_opens": timezone.now() - datetime.timedelta(days=3),
                "registration_closes": timezone.now() - datetime.timedelta(minutes=1),
            },
            id="closed",
        ),
        pytest.param({"registration_opens": None}, id="never-opened"),
        pytest.param({"status": Status.DRAFT}, id="unpublished"),
        pytest.param(
            {"publish_at": timezone.now() + datetime.timedelta(days=1)}, id="scheduled-later"
        ),
        pytest.param(
            {
                "start_date": timezone.localdate() - datetime.timedelta(days=3),
                "end_date": timezone.localdate() - datetime.timedelta(days=1),
                "registration_closes": None,
            },
            id="event-over",
        ),
    ],
)
def test_registration_outside_its_window_is_refused(db, register, fields):
    event = OpenEventFactory(**fields)
    with pytest.raises(exceptions.RegistrationClosed):
        register(event, "late@example.ma")
    assert not Registration.objects.filter(event=event).exists()


def test_registration_is_open_on_the_last_day_of_the_event(db, register):
    today = timezone.localdate()
    event = OpenEventFactory(start_date=today, end_date=today, registration_closes=None)
    assert register(event, "today@example.ma").status == CONFIRMED


def test_same_email_in_any_case_registers_once(db, register):
    event = OpenEventFactory()
    register(event, "Amina@Example.ma")
    with pytest.raises(exceptions.AlreadyRegistered):
        register(event, "amina@example.MA")
    assert Registration.objects.filter(event=event).count() == 1


def test_a_cancelled_registrant_may_register_again(db, register):
    event = OpenEventFactory()
    first = register(event, "back@example.ma")
    seats.registration_cancel(registration=first, site_url=SITE_URL)
    again = register(event, "back@example.ma")
    assert again.pk != first.pk and again.status == CONFIRMED


def test_cancelling_a_seat_promotes_the_first_waiting_person(db, register):
    event = OpenEventFactory(capacity=2)
    seated = [register(event, f"s{n}@example.ma") for n in range(2)]
    for n in range(3):
        register(event, f"w{n}@example.ma")
    promoted = seats.registration_cancel(registration=seated[0], site_url=SITE_URL)
    assert [r.email for r in promoted] == ["w0@example.ma"]
    assert Registration.objects.get(email="w0@example.ma").status == CONFIRMED
    assert waiting_queue(event) == [("w1@example.ma", 1), ("w2@example.ma", 2)]
    cancelled = Registration.objects.get(pk=seated[0].pk)
    assert cancelled.status == CANCELLED and cancelled.cancelled_at is not None


def test_leaving_the_waiting_list_moves_the_people_behind_up(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    waiting = [register(event, f"w{n}@example.ma") for n in range(4)]
    assert seats.registration_cancel(registration=waiting[1], site_url=SITE_URL) == []
    assert waiting_queue(event) == [
        ("w0@example.ma", 1),
        ("w2@example.ma", 2),
        ("w3@example.ma", 3),
    ]
    assert Registration.objects.get(email="seat@example.ma").status == CONFIRMED


def test_cancelling_twice_is_refused_and_promotes_nobody_twice(db, register):
    event = OpenEventFactory(capacity=1)
    seat = register(event, "seat@example.ma")
    register(event, "w0@example.ma")
    register(event, "w1@example.ma")
    seats.registration_cancel(registration=seat, site_url=SITE_URL)
    with pytest.raises(exceptions.AlreadyCancelled):
        seats.registration_cancel(registration=seat, site_url=SITE_URL)
    assert waiting_queue(event) == [("w1@example.ma", 1)]


def test_registrations_of_a_past_event_cannot_be_cancelled(db):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    registration = RegistrationFactory(
        event=OpenEventFactory(start_date=yesterday, end_date=yesterday)
    )
    with pytest.raises(exceptions.EventOver):
        seats.registration_cancel(registration=registration, site_url=SITE_URL)


def test_raising_capacity_promotes_from_the_waiting_list_in_order(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    for n in range(4):
        register(event, f"w{n}@example.ma")
    promoted = seats.event_capacity_change(event=event, capacity=3, site_url=SITE_URL)
    assert [r.email for r in promoted] == ["w0@example.ma", "w1@example.ma"]
    assert waiting_queue(event) == [("w2@example.ma", 1), ("w3@example.ma", 2)]
    assert Event.objects.get(pk=event.pk).capacity == 3
    # No limit at all: everyone still waiting gets a seat.
    seats.event_capacity_change(event=event, capacity=None, site_url=SITE_URL)
    assert waiting_queue(event) == []


def test_lowering_capacity_takes_no_seat_away(db, register):
    event = OpenEventFactory(capacity=3)
    for n in range(3):
        register(event, f"s{n}@example.ma")
    assert seats.event_capacity_change(event=event, capacity=1, site_url=SITE_URL) == []
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3
    assert register(event, "next@example.ma").status == WAITING
    with pytest.raises(ValueError):
        seats.event_capacity_change(event=event, capacity=-1, site_url=SITE_URL)


def test_raising_the_capacity_of_a_past_event_promotes_nobody(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    waiting = register(event, "late@example.ma")
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(start_date=yesterday, end_date=yesterday)
    event.refresh_from_db()
    assert seats.event_capacity_change(event=event, capacity=5, site_url=SITE_URL) == []
    assert Event.objects.get(pk=event.pk).capacity == 5
    waiting.refresh_from_db()
    assert waiting.status == WAITING
    assert outgoing(event)[-1] == ("late@example.ma", "waiting", "sent")


def test_seats_freed_outside_the_services_go_to_the_queue_before_newcomers(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    register(event, "w0@example.ma")
    register(event, "w1@example.ma")
    Event.objects.filter(pk=event.pk).update(
        capacity=3
    )  # as a bulk update would, past the services
    newcomer = register(event, "new@example.ma")
    assert newcomer.status == WAITING and newcomer.waiting_position == 1
    assert Registration.objects.filter(event=event, status=CONFIRMED).count() == 3


def test_promoting_a_waiting_person_out_of_order(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    waiting = [register(event, f"w{n}@example.ma") for n in range(3)]
    result = seats.registration_promote(registration=waiting[1], site_url=SITE_URL)
    assert result.seats_added == 1
    assert Event.objects.get(pk=event.pk).capacity == 2  # never more seats taken than capacity
    assert Registration.objects.get(pk=waiting[1].pk).status == CONFIRMED
    assert waiting_queue(event) == [("w0@example.ma", 1), ("w2@example.ma", 2)]
    with pytest.raises(exceptions.NotOnWaitingList):
        seats.registration_promote(registration=waiting[1], site_url=SITE_URL)


def test_promoting_into_a_free_seat_keeps_the_capacity(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    waiting = register(event, "w0@example.ma")
    Event.objects.filter(pk=event.pk).update(capacity=2)
    assert seats.registration_promote(registration=waiting, site_url=SITE_URL).seats_added == 0
    assert Event.objects.get(pk=event.pk).capacity == 2


def test_check_in_marks_attended_once(db, register):
    event = OpenEventFactory()
    registration = register(event, "door@example.ma")
    first = check_in.registration_check_in(reference=registration.reference, event=event)
    assert not first.already and first.registration.status == ATTENDED
    again = check_in.registration_check_in(
        reference=f" {registration.reference.lower()[:4]}-{registration.reference[4:]} "
    )
    assert again.already
    assert again.registration.checked_in_at == first.registration.checked_in_at
    # A check-in keeps the seat: nobody is promoted, capacity counts are unchanged.
    counts = Registration.objects.filter(event=event).aggregate(n=Count("pk"))
    assert counts["n"] == 1


def test_check_in_refuses_waiting_cancelled_unknown_and_other_events(db, register):
    event = OpenEventFactory(capacity=1)
    seat = register(event, "seat@example.ma")
    waiting = register(event, "wait@example.ma")
    with pytest.raises(exceptions.CheckInRefused):
        check_in.registration_check_in(reference=waiting.reference)
    seats.registration_cancel(registration=waiting, site_url=SITE_URL)
    with pytest.raises(exceptions.CheckInRefused):
        check_in.registration_check_in(reference=waiting.reference)
    with pytest.raises(exceptions.UnknownReference):
        check_in.registration_check_in(reference="NOPE0000")
    with pytest.raises(exceptions.WrongEvent):
        check_in.registration_check_in(reference=seat.reference, event=OpenEventFactory())
    assert Registration.objects.get(pk=seat.pk).status == CONFIRMED


def test_lookup_folds_case_accents_and_arabic_forms_and_stays_in_the_event(db):
    event = OpenEventFactory()
    names = ["Hélène Benali", "HELENE DUPONT", "إبراهيم العلوي", "Karim"]
    for name in names:
        RegistrationFactory(event=event, full_name=name)
    RegistrationFactory(full_name="Hélène Elsewhere")

    def found(query):
        lookup = check_in.registrations_lookup(event=event, query=query)
        return [r.full_name for r in lookup.registrations]

    assert sorted(found("helene")) == ["HELENE DUPONT", "Hélène Benali"]
    assert found("ابراهيم") == ["إبراهيم العلوي"]
    assert found("  ") == [] and found("h") == []
    assert sorted(found("@example.org")) == sorted(names)  # the factory's addresses


def test_lookup_lists_at_most_the_limit_and_says_there_are_more(db):
    event = OpenEventFactory()
    for n in range(4):
        RegistrationFactory(event=event, full_name=f"Benali {n}")
    lookup = check_in.registrations_lookup(event=event, query="benali", limit=3)
    assert [r.full_name for r in lookup.registrations] == ["Benali 0", "Benali 1", "Benali 2"]
    assert lookup.more
    assert not check_in.registrations_lookup(event=event, query="benali", limit=4).more


def test_attended_registrations_cannot_be_cancelled(db, register, english):
    registration = register(OpenEventFactory(), "came@example.ma")
    check_in.registration_check_in(reference=registration.reference)
    with pytest.raises(exceptions.RegistrationError, match="already been checked in"):
        seats.registration_cancel(registration=registration, site_url=SITE_URL)


def test_purge_anonymises_old_events_and_keeps_counts(db):
    today = timezone.localdate()
    old = OpenEventFactory(
        start_date=today - datetime.timedelta(days=40),
        end_date=today - datetime.timedelta(days=39),
        capacity=2,
    )
    recent = OpenEventFactory(
        start_date=today - datetime.timedelta(days=5), end_date=today - datetime.timedelta(days=5)
    )
    for status in (CONFIRMED, ATTENDED, WAITING, CANCELLED):
        RegistrationFactory(
            event=old,
            status=status,
            phone="+212612345678",
            organization_name="OCP",
            job_title="مهندس",
            waiting_position=1 if status == WAITING else None,
        )
    kept = RegistrationFactory(event=recent, phone="+212612345678")
    confirmed = Registration.objects.get(event=old, status=CONFIRMED)
    unsent = OutgoingEmail.objects.create(
        registration=confirmed, kind="confirmed", site_url=SITE_URL, last_error="x@y refused"
    )
    before = dict(
        Registration.objects.filter(event=old).values_list("status").annotate(n=Count("pk"))
    )

    assert purge.registrations_purge(older_than_days=30) == 4
    after = dict(
        Registration.objects.filter(event=old).values_list("status").annotate(n=Count("pk"))
    )
    assert after == before
    for row in Registration.objects.filter(event=old):
        assert (row.full_name, row.phone, row.organization_name, row.job_title) == ("", "", "", "")
        assert row.email == f"{row.reference.lower()}@purged.invalid"
        assert row.consent_at is not None  # dates stay: counts per day still work
    assert Registration.objects.get(pk=kept.pk).phone == "+212612345678"
    unsent.refresh_from_db()  # never sent to the purged address; the error may quote it
    assert (unsent.status, unsent.last_error) == ("superseded", "")
    assert purge.registrations_purge(older_than_days=30) == 0  # idempotent


def test_purge_command_reads_days_and_defaults_to_the_setting(db, settings):
    today = timezone.localdate()
    event = OpenEventFactory(
        start_date=today - datetime.timedelta(days=20), end_date=today - datetime.timedelta(days=20)
    )
    registration = RegistrationFactory(event=event)
    settings.REGISTRATION_RETENTION_DAYS = 30
    from io import StringIO

    out = StringIO()
    call_command("purge_registrations", stdout=out)
    assert "Anonymised 0 registration" in out.getvalue()
    call_command("purge_registrations", "--older-than", "10", stdout=out)
    assert "Anonymised 1 registration" in out.getvalue()
    assert Registration.objects.get(pk=registration.pk).full_name == ""


# --- e-mails --------------------------------------------------------------------------------


def outgoing(event):
    """[(recipient, kind, status)] of the event's e-mails, oldest first."""
    return list(
        OutgoingEmail.objects.filter(registration__event=event)
        .order_by("pk")
        .values_list("registration__email", "kind", "status")
    )


def test_the_email_is_queued_with_the_change_and_sent_after_the_commit(
    db, django_capture_on_commit_callbacks
):
    event = OpenEventFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        seats.registration_create(
            event=event, email="mail@example.ma", full_name="Mail", site_url=SITE_URL
        )
    # Written in the sign-up's transaction; nothing leaves before the commit.
    assert outgoing(event) == [("mail@example.ma", "confirmed", "queued")]
    assert mail.outbox == [] and len(callbacks) == 1
    callbacks[0]()  # the commit
    assert [m.to for m in mail.outbox] == [["mail@example.ma"]]
    (email,) = OutgoingEmail.objects.filter(registration__event=event)
    assert (email.status, email.attempts, email.last_error) == ("sent", 1, "")
    assert email.sent_at is not None


def test_a_failing_mail_server_loses_and_duplicates_nothing(
    db, register, settings, caplog, django_capture_on_commit_callbacks
):
    event = OpenEventFactory()
    settings.EMAIL_BACKEND = "tests.registrations.mail_backends.FailingBackend"
    registration = register(event, "down@example.ma", language="fr")
    registration.refresh_from_db()
    assert registration.status == CONFIRMED
    (email,) = OutgoingEmail.objects.filter(registration=registration)
    # The ImmediateBackend cannot defer a retry: failed at once, for the admin to resend.
    assert (email.status, email.attempts) == ("failed", 1)
    assert "SMTPServerDisconnected" in email.last_error
    assert "failed" in caplog.text
    assert Registration.objects.filter(event=event).count() == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        emails.outgoing_email_resend(outgoing_email=email)
    assert outgoing(event) == [
        ("down@example.ma", "confirmed", "failed"),
        ("down@example.ma", "confirmed", "sent"),
    ]
    assert [m.to for m in mail.outbox] == [["down@example.ma"]]
    assert Registration.objects.filter(event=event).count() == 1


def test_promotion_sends_the_promoted_person_an_email(db, register, cancel):
    event = OpenEventFactory(capacity=1)
    seat = register(event, "seat@example.ma")
    register(event, "next@example.ma")
    mail.outbox.clear()
    cancel(seat)
    assert sorted(m.to[0] for m in mail.outbox) == ["next@example.ma", "seat@example.ma"]
    assert outgoing(event)[-2:] == [
        ("seat@example.ma", "cancelled", "sent"),
        ("next@example.ma", "promoted", "sent"),
    ]


def test_a_message_that_no_longer_applies_is_not_sent(db, register, committed):
    """A waiting-list notice still queued when its registrant gets a seat (or a confirmation
    when they cancel) is dropped, not sent."""
    event = OpenEventFactory(capacity=1)
    seat = register(event, "seat@example.ma")
    mail.outbox.clear()
    with committed():
        waiting = seats.registration_create(
            event=event, email="next@example.ma", full_name="Next", site_url=SITE_URL
        )
        seats.registration_cancel(registration=seat, site_url=SITE_URL)  # promotes `waiting`
    assert outgoing(event)[1:] == [
        ("next@example.ma", "waiting", "superseded"),
        ("seat@example.ma", "cancelled", "sent"),
        ("next@example.ma", "promoted", "sent"),
    ]
    assert sorted(m.to[0] for m in mail.outbox) == ["next@example.ma", "seat@example.ma"]
    assert Registration.objects.get(pk=waiting.pk).status == CONFIRMED


def test_cancelled_registrations_get_no_resend(db, register):
    registration = register(OpenEventFactory(), "gone@example.ma")
    seats.registration_cancel(registration=registration, site_url=SITE_URL)
    with pytest.raises(exceptions.AlreadyCancelled):
        emails.registration_resend_email(registration=registration, site_url=SITE_URL)


def test_purged_registrations_get_no_resend(db, english):
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    registration = RegistrationFactory(
        event=OpenEventFactory(start_date=long_ago, end_date=long_ago)
    )
    purge.registrations_purge(older_than_days=30)
    registration.refresh_from_db()
    with pytest.raises(exceptions.RegistrationError, match="purged"):
        emails.registration_resend_email(registration=registration, site_url=SITE_URL)


@pytest.mark.postgres
def test_a_sign_up_locks_the_event_before_it_counts_then_inserts(db, register):
    """One short transaction: the event row is locked first, so the count that follows sees
    every sign-up committed before it; then the registration and its e-mail are written."""
    event = OpenEventFactory(capacity=1, waiting_list=True)
    register(event, "first@example.ma")
    with CaptureQueriesContext(connection) as queries:  # the transaction, not its commit
        second = seats.registration_create(
            event=event, email="second@example.ma", full_name="Second", site_url=SITE_URL
        )
    # (The test's own transaction makes the service's a savepoint.)
    lock, count, insert, email = (q["sql"] for q in queries if "SAVEPOINT" not in q["sql"])
    assert lock.startswith('SELECT "events_event"') and lock.endswith("FOR NO KEY UPDATE")
    assert "COUNT(" in count and '"registrations_registration"' in count
    assert insert.startswith('INSERT INTO "registrations_registration"')
    assert email.startswith('INSERT INTO "registrations_outgoingemail"')
    assert (second.status, second.waiting_position) == (WAITING, 1)
