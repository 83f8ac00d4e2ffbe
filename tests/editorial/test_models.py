"""The one definition of "public": the queryset, lookups across relations and instances."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import Status, public_q
from events.models import Event, Participation
from tests.events.factories import EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

NOW = timezone.now()
SCHEDULES = {
    "none": None,
    "past": NOW - datetime.timedelta(hours=1),
    "future": NOW + datetime.timedelta(hours=1),
}


@pytest.mark.parametrize("status", Status.values)
@pytest.mark.parametrize("schedule", SCHEDULES)
def test_instances_the_queryset_and_relations_agree(db, status, schedule):
    event = EventFactory(status=status, publish_at=SCHEDULES[schedule])
    organization = OrganizationFactory(status=status, publish_at=SCHEDULES[schedule])
    Participation.objects.create(event=event, person=PersonFactory(), organization=organization)

    in_queryset = Event.objects.public().filter(pk=event.pk).exists()
    across_relation = Participation.objects.filter(public_q("organization__"), event=event).exists()

    expected = status == Status.PUBLISHED and schedule != "future"
    assert event.is_public is in_queryset is across_relation is expected
