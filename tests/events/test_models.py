import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from editorial.models import Status
from events.models import Agreement, Event
from registrations.models import Registration, RegistrationStatus
from tests.events.factories import AgreementFactory, EventFactory
from tests.registrations.factories import RegistrationFactory

from ..i18n import translated


def test_same_email_in_other_case_is_refused_by_the_database(db):
    event = EventFactory()
    RegistrationFactory(event=event, email="Amina@Example.ma")
    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            event=event, email="amina@example.MA", full_name="أمينة", status="confirmed"
        )


def test_cancelled_registration_frees_the_email(db):
    event = EventFactory()
    RegistrationFactory(event=event, email="a@example.ma", status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event, email="A@example.ma")
    assert Registration.objects.filter(event=event).count() == 2


def test_same_email_on_two_events_is_fine(db):
    RegistrationFactory(email="b@example.ma")
    RegistrationFactory(email="b@example.ma")
    assert Registration.objects.filter(email="b@example.ma").count() == 2


def test_event_ending_before_it_starts_is_refused(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(start_date=datetime.date(2025, 6, 21), end_date=datetime.date(2025, 6, 19))


def test_event_dates_are_reported_as_a_validation_error(db):
    event = EventFactory.build(
        start_date=datetime.date(2025, 6, 21), end_date=datetime.date(2025, 6, 19)
    )
    with pytest.raises(ValidationError) as excinfo:
        event.validate_constraints()
    # In the active language: Arabic, the site's default.
    assert excinfo.value.messages == [translated("The event cannot end before it starts.", "ar")]


@pytest.mark.parametrize("fields", [{"amount_mad": -1}, {"period_start": 2025, "period_end": 2022}])
def test_agreement_constraints(db, fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        AgreementFactory(**fields)


def test_unknown_vocabulary_is_refused(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        EventFactory(kind="party")


def test_slugs_are_unique_and_latin(db):
    first = EventFactory(
        title_fr="Salon de l'automobile", start_date=datetime.date(2030, 1, 1), end_date=None
    )
    second = EventFactory(
        title_fr="Salon de l'automobile", start_date=datetime.date(2030, 1, 1), end_date=None
    )
    assert first.slug == "salon-de-lautomobile-2030"
    assert second.slug == "salon-de-lautomobile-2030-2"


def test_public_hides_drafts_and_future_schedules(db):
    now = timezone.now()
    visible = EventFactory()
    draft = EventFactory(status=Status.DRAFT)
    review = EventFactory(status=Status.REVIEW)
    archived = EventFactory(status=Status.ARCHIVED)
    scheduled = EventFactory(publish_at=now + datetime.timedelta(hours=1))
    due = EventFactory(publish_at=now - datetime.timedelta(minutes=1))
    public = set(Event.objects.public().values_list("pk", flat=True))
    assert visible.pk in public and due.pk in public
    assert not {draft.pk, review.pk, archived.pk, scheduled.pk} & public
    assert (
        Agreement.objects.public().count()
        == Agreement.objects.filter(status=Status.PUBLISHED).count()
    )


def test_upcoming_past_and_undated_are_read_on_the_dates_alone(db):
    """An event the press gave no date for is never upcoming: its article may report it as
    held. It is neither past: it is listed apart."""
    today = timezone.localdate()
    day = datetime.timedelta(days=1)
    running = EventFactory(start_date=today - day, end_date=today + day)
    ends_today = EventFactory(start_date=today - 2 * day, end_date=today)
    tomorrow = EventFactory(start_date=today + day, end_date=None)
    over = EventFactory(start_date=today - 3 * day, end_date=today - day)
    yesterday = EventFactory(start_date=today - day, end_date=None)
    held_undated = EventFactory(start_date=None, end_date=None)

    def pks(queryset) -> set[int]:
        return set(queryset.values_list("pk", flat=True))

    assert pks(Event.objects.upcoming()) == {running.pk, ends_today.pk, tomorrow.pk}
    assert pks(Event.objects.past()) == {over.pk, yesterday.pk}
    assert pks(Event.objects.undated()) == {held_undated.pk}
