"""A merge of events moves every registration to the survivor (editorial.merge,
registrations.merge): none is lost, a person signed up for both keeps one place."""

import pytest

from editorial.merge import records_merge
from editorial.models import Status
from registrations.models import Registration, RegistrationStatus
from tests.editorial.conftest import make_record, make_user
from tests.registrations.factories import RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(db):
    return make_user("publisher")


def test_registrations_all_move_and_one_person_keeps_one_place(publisher):
    kept = make_record("event", Status.PUBLISHED, capacity=10)
    dup = make_record("event", Status.PUBLISHED)
    both_kept = RegistrationFactory(event=kept, email="amina@example.ma")
    both_dup = RegistrationFactory(event=dup, email="Amina@Example.ma")
    waiting_kept = RegistrationFactory(
        event=kept, status=RegistrationStatus.WAITING, waiting_position=1
    )
    waiting_dup = RegistrationFactory(
        event=dup, status=RegistrationStatus.WAITING, waiting_position=1
    )
    cancelled = RegistrationFactory(event=dup, status=RegistrationStatus.CANCELLED)
    total = Registration.objects.count()

    records_merge(survivor=kept, others=[dup], user=publisher)

    assert Registration.objects.count() == total  # none lost
    assert Registration.objects.filter(event=kept).count() == total
    active = Registration.objects.filter(event=kept, email__iexact="amina@example.ma").exclude(
        status=RegistrationStatus.CANCELLED
    )
    assert list(active) == [both_kept]  # the earlier sign-up, same standing
    both_dup.refresh_from_db()
    assert both_dup.status == RegistrationStatus.CANCELLED and both_dup.cancelled_at
    waiting_kept.refresh_from_db()
    waiting_dup.refresh_from_db()
    assert (waiting_kept.waiting_position, waiting_dup.waiting_position) == (1, 2)
    cancelled.refresh_from_db()
    assert cancelled.event == kept and cancelled.status == RegistrationStatus.CANCELLED


def test_a_seat_is_kept_over_a_waiting_place_for_the_same_person(publisher):
    kept = make_record("event", Status.PUBLISHED)
    dup = make_record("event", Status.PUBLISHED)
    waiting = RegistrationFactory(
        event=kept, email="karim@example.ma", status=RegistrationStatus.WAITING, waiting_position=1
    )
    seat = RegistrationFactory(event=dup, email="karim@example.ma")
    records_merge(survivor=kept, others=[dup], user=publisher)
    waiting.refresh_from_db()
    seat.refresh_from_db()
    assert seat.event == kept and seat.status == RegistrationStatus.CONFIRMED
    assert waiting.status == RegistrationStatus.CANCELLED and waiting.waiting_position is None
