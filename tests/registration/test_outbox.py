"""The e-mail outbox: the message owed is written with the change, sent by the mail worker
(`send_registration_emails`, the default) or, with the worker switched off, after the commit by
the request; never lost nor sent twice."""

import io
import signal
import threading

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connections, transaction

from events import services
from events.management.commands import send_registration_emails
from events.models import Registration, RegistrationEmail, RegistrationStatus

from ..factories import OpenEventFactory
from .conftest import SITE_URL


@pytest.fixture
def worker_mode(settings):
    settings.REGISTRATION_EMAIL_WORKER = True
    settings.SITE_URL = SITE_URL
    return settings


def pending(event):
    return dict(Registration.objects.filter(event=event).values_list("email", "email_pending"))


def send_queued(*args):
    out = io.StringIO()
    call_command("send_registration_emails", "--once", *args, stdout=out)
    return out.getvalue()


def test_the_message_owed_is_written_with_the_sign_up(db, register):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    register(event, "queue@example.ma")
    assert pending(event) == {
        "seat@example.ma": RegistrationEmail.CONFIRMED,
        "queue@example.ma": RegistrationEmail.WAITING,
    }


def test_without_the_worker_it_is_sent_after_the_commit_and_leaves_the_outbox(
    db, register, settings, django_capture_on_commit_callbacks
):
    settings.REGISTRATION_EMAIL_WORKER = False
    event = OpenEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        registration = register(event, "now@example.ma")
    registration.refresh_from_db()
    assert registration.email_pending == "" and registration.email_sent_at is not None
    assert [m.to for m in mail.outbox] == [["now@example.ma"]]


def test_with_the_worker_the_request_sends_nothing_and_the_worker_everything(
    db, register, worker_mode, django_capture_on_commit_callbacks
):
    event = OpenEventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        register(event, "first@example.ma", language="fr")
        register(event, "second@example.ma", language="en")
    assert mail.outbox == []
    assert "Handled 2 queued e-mail(s)" in send_queued("--batch", "1")
    sent = {m.to[0]: m for m in mail.outbox}
    assert sent.keys() == {"first@example.ma", "second@example.ma"}
    assert "Inscription confirmée" in sent["first@example.ma"].subject
    assert "Waiting list, position 1" in sent["second@example.ma"].subject
    # Links come from SITE_URL: the worker has no request to read the host from.
    assert f"{SITE_URL}/fr/registration/?token=" in sent["first@example.ma"].body
    assert set(pending(event).values()) == {""}
    assert not Registration.objects.filter(event=event, email_sent_at__isnull=True).exists()
    assert "Handled 0" in send_queued()  # nothing is sent twice
    assert len(mail.outbox) == 2


def test_a_promotion_replaces_the_waiting_message_not_yet_sent(db, register, worker_mode):
    event = OpenEventFactory(capacity=1)
    seat = register(event, "seat@example.ma")
    register(event, "next@example.ma", language="en")
    services.registration_cancel(registration=seat, site_url=SITE_URL)
    assert pending(event)["next@example.ma"] == RegistrationEmail.PROMOTED
    send_queued()  # the cancelled seat's confirmation, never sent, is dropped with it
    assert [m.to for m in mail.outbox] == [["next@example.ma"]]
    assert mail.outbox[0].subject.startswith("A seat is now yours")


def test_a_cancelled_registration_is_sent_nothing_still_queued(db, register, worker_mode):
    event = OpenEventFactory()
    gone = register(event, "gone@example.ma")
    register(event, "stays@example.ma")
    services.registration_cancel(registration=gone, site_url=SITE_URL)
    assert pending(event)["gone@example.ma"] == ""
    send_queued()
    assert [m.to for m in mail.outbox] == [["stays@example.ma"]]


def test_a_failing_mail_server_is_recorded_and_the_admin_can_queue_again(db, register, worker_mode):
    event = OpenEventFactory()
    registration = register(event, "down@example.ma")
    worker_mode.EMAIL_BACKEND = "tests.registration.mail_backends.FailingBackend"
    send_queued()
    registration.refresh_from_db()
    assert "SMTPServerDisconnected" in registration.email_error
    assert registration.email_pending == "" and registration.email_sent_at is None
    assert registration.status == RegistrationStatus.CONFIRMED

    worker_mode.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    services.registration_resend_email(registration=registration, site_url=SITE_URL)
    assert pending(event) == {"down@example.ma": RegistrationEmail.CONFIRMED}
    send_queued()
    registration.refresh_from_db()
    assert registration.email_error == "" and registration.email_sent_at is not None
    assert [m.to for m in mail.outbox] == [["down@example.ma"]]


def test_a_failed_message_ends_the_batch_and_the_rest_stay_queued(db, register, worker_mode):
    event = OpenEventFactory()
    for n in range(3):
        register(event, f"r{n}@example.ma")
    worker_mode.EMAIL_BACKEND = "tests.registration.mail_backends.FailingBackend"
    assert services.registration_emails_send_queued(site_url=SITE_URL) == 1
    assert pending(event) == {
        "r0@example.ma": "",
        "r1@example.ma": RegistrationEmail.CONFIRMED,
        "r2@example.ma": RegistrationEmail.CONFIRMED,
    }


def test_an_unreachable_mail_server_leaves_the_batch_queued(db, register, worker_mode):
    event = OpenEventFactory()
    registration = register(event, "later@example.ma")
    worker_mode.EMAIL_BACKEND = "tests.registration.mail_backends.UnreachableBackend"
    with pytest.raises(CommandError, match="cannot be reached"):
        send_queued()
    registration.refresh_from_db()
    assert registration.email_pending == RegistrationEmail.CONFIRMED
    assert "ConnectionRefusedError" in registration.email_error

    worker_mode.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_queued()
    registration.refresh_from_db()
    assert registration.email_error == "" and registration.email_sent_at is not None
    assert [m.to for m in mail.outbox] == [["later@example.ma"]]


def test_the_worker_outlives_a_mail_server_outage_waiting_longer_each_time(
    db, register, worker_mode, monkeypatch
):
    register(OpenEventFactory(), "later@example.ma")
    worker_mode.EMAIL_BACKEND = "tests.registration.mail_backends.UnreachableBackend"
    command = send_registration_emails.Command(stdout=io.StringIO())
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        if len(waits) == 3:
            command.stop(signal.SIGTERM, None)

    monkeypatch.setattr(send_registration_emails.time, "sleep", sleep)
    call_command(command, "--interval", "1")
    assert waits == [2.0, 4.0, 8.0]
    assert "Handled 0 queued e-mail(s)" in command.stdout.getvalue()


def test_the_worker_needs_the_site_address(db, settings):
    settings.SITE_URL = ""
    with pytest.raises(CommandError, match="SITE_URL"):
        send_queued()
    with pytest.raises(CommandError, match="--batch"):
        send_queued("--site-url", SITE_URL, "--batch", "0")


@pytest.mark.postgres
@pytest.mark.usefixtures("transactional_db")
def test_workers_side_by_side_skip_what_another_is_sending(worker_mode):
    """A row another worker holds is skipped, not waited for and not sent twice; once released
    (here: its worker died before writing the outcome) it is still queued and goes out."""
    event = OpenEventFactory()
    held, free = (
        services.registration_create(event=event, email=email, full_name="x", site_url=SITE_URL)
        for email in ("held@example.ma", "free@example.ma")
    )
    claimed, release = threading.Event(), threading.Event()

    def other_worker():
        with transaction.atomic():
            Registration.objects.select_for_update().get(pk=held.pk)
            claimed.set()
            release.wait(timeout=30)
            transaction.set_rollback(True)
        connections.close_all()

    thread = threading.Thread(target=other_worker)
    thread.start()
    claimed.wait(timeout=30)
    try:
        assert services.registration_emails_send_queued(site_url=SITE_URL) == 1
        assert [m.to for m in mail.outbox] == [["free@example.ma"]]
    finally:
        release.set()
        thread.join(timeout=30)
    assert services.registration_emails_send_queued(site_url=SITE_URL) == 1
    assert [m.to for m in mail.outbox] == [["free@example.ma"], ["held@example.ma"]]
