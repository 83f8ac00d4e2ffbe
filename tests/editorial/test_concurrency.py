"""Two publishers at once on one record, each in its own thread and database connection:
exactly one step wins, the other fails cleanly, the record and the log agree."""

import threading

import pytest
from django.db import close_old_connections, connection

from editorial import transitions
from editorial.models import Status, Transition
from events.models import Event

from .conftest import make_record, make_user

# The `transactional_db` fixture (not the marker): tests/conftest.py reloads the reference
# data after the flush that ends such a test when it sees that fixture.
pytestmark = pytest.mark.postgres


def run_together(*calls):
    """Start every call at the same instant; collect what each returned or raised."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, call):
        try:
            barrier.wait()
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    close_old_connections()
    return results


@pytest.mark.parametrize("attempt", range(2))
def test_concurrent_publish_and_send_back_end_in_one_state(transactional_db, attempt):
    first, second = make_user("publisher"), make_user("superuser")
    event = make_record("event", Status.REVIEW)

    def publish():
        record = Event.objects.get(pk=event.pk)
        return transitions.record_publish(record=record, user=first, expected_status=Status.REVIEW)

    def send_back():
        record = Event.objects.get(pk=event.pk)
        return transitions.record_send_back(
            record=record, user=second, comment="مرفوض", expected_status=Status.REVIEW
        )

    results = run_together(publish, send_back)
    winners = [r for r in results if isinstance(r, Transition)]
    losers = [r for r in results if isinstance(r, Exception)]
    assert len(winners) == 1 and len(losers) == 1, results
    assert isinstance(losers[0], transitions.TransitionError)

    event.refresh_from_db()
    log = list(Transition.objects.filter(object_id=event.pk, content_type__model="event"))
    assert log == winners
    assert event.status == winners[0].to_status
    assert (event.published_at is not None) == (event.status == Status.PUBLISHED)


def test_concurrent_publishes_log_one_approval(transactional_db):
    event = make_record("event", Status.REVIEW)
    users = [make_user("publisher"), make_user("superuser")]

    def publish(user):
        return lambda: transitions.record_publish(record=Event.objects.get(pk=event.pk), user=user)

    results = run_together(*(publish(user) for user in users))
    assert sum(isinstance(r, Transition) for r in results) == 1, results
    assert Transition.objects.filter(object_id=event.pk, content_type__model="event").count() == 1
