"""Real concurrency on PostgreSQL: threads, each with its own connection, sign up at once.

The e-mails go as in production: tasks in the database (DatabaseBackend), sent by
`manage.py db_worker`.

PostgreSQL's default max_connections is 100 and other test databases share the server, so at
most WORKERS connections are open: every sign-up is still in flight at the same moment as
the others (a barrier releases them together) and they contend on the one event row.
"""

import io
import signal
import threading
from collections import Counter

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django_tasks_db.models import DBTaskResult

from registrations import exceptions
from registrations.models import OutgoingEmail, Registration, RegistrationStatus
from registrations.services import seats
from tests.registrations.factories import OpenEventFactory

from .conftest import SITE_URL

# transactional_db (what django_db(transaction=True) gives) requested by name, so that
# tests/conftest.py reloads the reference data after the flush that ends each test.
pytestmark = [pytest.mark.postgres, pytest.mark.usefixtures("transactional_db")]

WORKERS = 40


@pytest.fixture(autouse=True)
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def mail_worker():
    """Run the standard worker until no task is left, as the `worker` service does."""
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def run():
        call_command(
            "db_worker", "--batch", "--no-reload", "--no-startup-delay", stdout=io.StringIO()
        )
        for sig, handler in handlers.items():  # the worker installs its own
            signal.signal(sig, handler)

    return run


def run_together(jobs):
    """Run the callables on WORKERS threads released together by a barrier; each thread has
    its own database connection and closes it at the end. Returns each job's result or the
    exception it raised, in the jobs' order."""
    queue = list(enumerate(jobs))
    outcomes = [None] * len(jobs)
    lock = threading.Lock()
    workers = min(WORKERS, len(jobs))
    barrier = threading.Barrier(workers)

    def worker():
        try:
            barrier.wait(timeout=30)
            while True:
                with lock:
                    if not queue:
                        return
                    index, job = queue.pop(0)
                try:
                    outcomes[index] = job()
                except Exception as error:  # noqa: BLE001 - the outcome is what is checked
                    outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _n in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return outcomes


def sign_up(event, email):
    return lambda: seats.registration_create(
        event=event, full_name="مشارك", email=email, site_url=SITE_URL
    )


def test_200_simultaneous_sign_ups_for_50_seats(mail_worker):
    event = OpenEventFactory(capacity=50, waiting_list=True)
    outcomes = run_together([sign_up(event, f"p{n}@example.ma") for n in range(200)])
    errors = [o for o in outcomes if isinstance(o, Exception)]
    assert errors == []
    rows = Registration.objects.filter(event=event)
    assert Counter(rows.values_list("status", flat=True)) == {
        RegistrationStatus.CONFIRMED: 50,
        RegistrationStatus.WAITING: 150,
    }
    positions = sorted(
        rows.filter(status=RegistrationStatus.WAITING).values_list("waiting_position", flat=True)
    )
    assert positions == list(range(1, 151))
    assert len(set(rows.values_list("email", flat=True))) == 200
    assert len(set(rows.values_list("reference", flat=True))) == 200
    # Every sign-up queued exactly one e-mail, which the worker sends.
    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 200
    mail_worker()
    assert Counter(m.to[0] for m in mail.outbox) == {f"p{n}@example.ma": 1 for n in range(200)}
    assert Counter(OutgoingEmail.objects.values_list("status", flat=True)) == {"sent": 200}
    assert Counter(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL": 200}


def test_100_simultaneous_sign_ups_with_one_email_make_one_registration(mail_worker):
    event = OpenEventFactory(capacity=50)
    outcomes = run_together([sign_up(event, "same@example.ma") for _n in range(100)])
    registrations = [o for o in outcomes if isinstance(o, Registration)]
    refusals = [o for o in outcomes if isinstance(o, exceptions.AlreadyRegistered)]
    assert len(registrations) == 1 and len(refusals) == 99
    assert Registration.objects.filter(event=event).count() == 1
    mail_worker()
    assert len(mail.outbox) == 1


def test_concurrent_cancellations_promote_each_waiting_person_once(mail_worker):
    event = OpenEventFactory(capacity=20)
    seated = [sign_up(event, f"s{n}@example.ma")() for n in range(20)]
    waiting = [sign_up(event, f"w{n}@example.ma")() for n in range(30)]
    mail_worker()  # the sign-ups' messages
    mail.outbox.clear()
    # Each seat is cancelled twice at once (a double click, two tabs), all at the same time.
    jobs = [
        lambda r=registration: seats.registration_cancel(registration=r, site_url=SITE_URL)
        for registration in seated + seated
    ]
    outcomes = run_together(jobs)
    promoted = [r.pk for o in outcomes if isinstance(o, list) for r in o]
    already = [o for o in outcomes if isinstance(o, exceptions.AlreadyCancelled)]
    assert len(already) == 20
    assert [o for o in outcomes if isinstance(o, Exception) and o not in already] == []
    assert sorted(promoted) == sorted(r.pk for r in waiting[:20])  # each one once, in order
    rows = Registration.objects.filter(event=event)
    assert rows.filter(status=RegistrationStatus.CONFIRMED).count() == 20
    assert sorted(
        rows.filter(status=RegistrationStatus.WAITING).values_list("waiting_position", flat=True)
    ) == list(range(1, 11))
    mail_worker()
    # Each cancelled person is told once, each promoted person once.
    assert Counter(m.to[0] for m in mail.outbox) == {
        **{f"s{n}@example.ma": 1 for n in range(20)},
        **{f"w{n}@example.ma": 1 for n in range(20)},
    }
