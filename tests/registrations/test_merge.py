"""A merge of events moves every registration to the survivor (editorial.merge,
registrations.merge): none is lost, a person signed up for both keeps one place."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from editorial.merge import MergeForbidden, merge_plan, records_merge
from editorial.models import Status
from events.models import Event
from registrations.models import OutgoingEmail, Registration, RegistrationEmail, RegistrationStatus
from registrations.services import seats
from tests.editorial.conftest import make_record, make_user
from tests.registrations.factories import OpenEventFactory, RegistrationFactory

from .conftest import SITE_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def publisher(db):
    return make_user("publisher")


def test_registrations_all_move_and_one_person_keeps_one_place(publisher):
    kept = make_record("event", Status.PUBLISHED, capacity=1)  # full: nobody is promoted
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


def notes_of(survivor, others) -> list[str]:
    """The confirmation page's warnings, read in English."""
    with translation.override("en"):
        return merge_plan(survivor=survivor, others=others).notes


def waiting(event, email, position):
    return RegistrationFactory(
        event=event, email=email, status=RegistrationStatus.WAITING, waiting_position=position
    )


def test_the_earlier_of_two_waiting_places_keeps_the_better_place_in_the_queue(publisher):
    kept = OpenEventFactory(capacity=1)
    dup = OpenEventFactory(capacity=1)
    RegistrationFactory(event=kept)
    RegistrationFactory(event=dup)
    first = waiting(dup, "salma@example.ma", 1)  # signed up first, on the other record
    waiting(kept, "ali@example.ma", 1)
    later = waiting(kept, "SALMA@example.ma", 2)
    waiting(kept, "omar@example.ma", 3)
    Registration.objects.filter(pk=first.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )

    records_merge(survivor=kept, others=[dup], user=publisher)

    queue = Registration.objects.filter(event=kept, status=RegistrationStatus.WAITING)
    assert list(queue.order_by("waiting_position").values_list("email", "waiting_position")) == [
        ("ali@example.ma", 1),
        ("salma@example.ma", 2),  # the place her later sign-up held, not the end of the queue
        ("omar@example.ma", 3),
    ]
    later.refresh_from_db()
    assert later.status == RegistrationStatus.CANCELLED


def test_seats_past_the_capacity_stay_confirmed_and_the_event_shows_full(publisher, register):
    kept = OpenEventFactory(capacity=2)
    dup = OpenEventFactory(capacity=2)
    for event, prefix in ((kept, "k"), (dup, "d")):
        for number in range(2):
            RegistrationFactory(event=event, email=f"{prefix}{number}@example.ma")
    assert any("4 seats taken for a capacity of 2" in note for note in notes_of(kept, [dup]))

    records_merge(survivor=kept, others=[dup], user=publisher)

    confirmed = Registration.objects.filter(event=kept, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 4  # nobody loses a seat
    kept.refresh_from_db()
    assert kept.capacity == 2 and seats.event_is_full(kept)
    latecomer = register(kept, "late@example.ma")
    assert latecomer.status == RegistrationStatus.WAITING and latecomer.waiting_position == 1


def test_free_seats_go_to_the_waiting_list_in_order_with_their_e_mails(
    publisher, django_capture_on_commit_callbacks
):
    kept = OpenEventFactory(capacity=5)
    dup = OpenEventFactory(capacity=2)
    RegistrationFactory(event=kept, email="kept@example.ma")
    RegistrationFactory(event=dup, email="d1@example.ma")
    RegistrationFactory(event=dup, email="D2@example.ma")
    for position, email in enumerate(["w1@example.ma", "w2@example.ma", "w3@example.ma"], 1):
        waiting(dup, email, position)
    twice = waiting(dup, "kept@example.ma", 4)  # already holds a seat on the kept record
    notes = notes_of(kept, [dup])
    assert any("2 people on the waiting list will get a seat" in note for note in notes)
    assert any("1 person registered for more than one" in note for note in notes)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        records_merge(survivor=kept, others=[dup], user=publisher, site_url=SITE_URL)

    by_email = {r.email: r for r in Registration.objects.filter(event=kept).exclude(pk=twice.pk)}
    assert by_email["w1@example.ma"].status == RegistrationStatus.CONFIRMED
    assert by_email["w2@example.ma"].status == RegistrationStatus.CONFIRMED
    assert by_email["w3@example.ma"].status == RegistrationStatus.WAITING
    assert by_email["w3@example.ma"].waiting_position == 1  # renumbered without a gap
    twice.refresh_from_db()
    assert twice.status == RegistrationStatus.CANCELLED and twice.waiting_position is None
    confirmed = Registration.objects.filter(event=kept, status=RegistrationStatus.CONFIRMED)
    assert confirmed.count() == 5  # the capacity, exactly
    # Queued like any promotion, sent by the task worker: only the promoted are written to.
    promoted = OutgoingEmail.objects.filter(kind=RegistrationEmail.PROMOTED)
    assert sorted(promoted.values_list("registration__email", flat=True)) == [
        "w1@example.ma",
        "w2@example.ma",
    ]
    assert set(promoted.values_list("site_url", flat=True)) == {SITE_URL}
    assert sorted(m.to[0] for m in mail.outbox) == ["w1@example.ma", "w2@example.ma"]


def test_the_survivor_takes_a_capacity_it_lacked_and_counts_seats_with_it(publisher):
    kept = OpenEventFactory(capacity=None)
    dup = OpenEventFactory(capacity=2)
    RegistrationFactory(event=kept)
    RegistrationFactory(event=dup)
    RegistrationFactory(event=dup)
    late = waiting(dup, "late@example.ma", 1)

    records_merge(survivor=kept, others=[dup], user=publisher)

    kept.refresh_from_db()
    late.refresh_from_db()
    assert kept.capacity == 2 and seats.event_is_full(kept)
    assert late.status == RegistrationStatus.WAITING and late.waiting_position == 1


def test_nobody_is_promoted_to_an_event_that_is_over(publisher):
    past = timezone.localdate() - datetime.timedelta(days=10)
    kept = make_record("event", Status.PUBLISHED, start_date=past, end_date=past, capacity=5)
    dup = make_record("event", Status.PUBLISHED, start_date=past, end_date=past, capacity=1)
    RegistrationFactory(event=dup)
    queued = waiting(dup, "queued@example.ma", 1)
    assert not any("waiting list" in note for note in notes_of(kept, [dup]))

    records_merge(survivor=kept, others=[dup], user=publisher)

    queued.refresh_from_db()
    assert queued.status == RegistrationStatus.WAITING and queued.event == kept
    assert not OutgoingEmail.objects.exists()


@pytest.mark.parametrize("role", ["editor", "registration_manager"])
def test_only_publishers_merge_and_registrations_stay_put_otherwise(role):
    kept = OpenEventFactory(capacity=5)
    dup = OpenEventFactory()
    moved = waiting(dup, "w@example.ma", 1)
    with pytest.raises(MergeForbidden):
        records_merge(survivor=kept, others=[dup], user=make_user(role))
    moved.refresh_from_db()
    assert moved.event == dup and moved.status == RegistrationStatus.WAITING
    assert Event.objects.get(pk=dup.pk).replaced_by is None
