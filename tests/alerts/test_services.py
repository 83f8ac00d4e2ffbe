"""What a digest lists: only what went public on the topic in its window."""

import datetime

import pytest
from django.http import QueryDict
from django.utils import timezone

from alerts.topics import InvalidTopic, digest_records, topic_from_query
from editorial.models import Status
from events.models import EventRole
from taxonomy.models import Region, Sector
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory

from .factories import SubscriptionFactory

HOUR = datetime.timedelta(hours=1)


def records(subscription):
    now = timezone.now()
    events, agreements = digest_records(subscription, since=now - HOUR, until=now)
    return {e.title for e in events}, {a.title for a in agreements}


def test_a_record_alone_is_that_topic_anything_else_a_saved_filter(db):
    assert topic_from_query(QueryDict("region=oriental&page=2")).region.slug == "oriental"
    assert topic_from_query(QueryDict("sector=chemistry")).sector.slug == "chemistry"
    topic = topic_from_query(QueryDict("when=upcoming&sector=chemistry&q=  hydrogène "))
    assert topic.region is None and topic.sector is None
    assert topic.filter_query == "q=hydrog%C3%A8ne&sector=chemistry&when=upcoming"


def test_a_draft_organisation_cannot_be_followed(db):
    draft = OrganizationFactory(status=Status.DRAFT)
    with pytest.raises(InvalidTopic):
        topic_from_query(QueryDict(f"organization={draft.slug}"))


def test_drafts_reviews_and_future_go_lives_are_never_listed(db):
    subscription = SubscriptionFactory()
    published = EventFactory()
    EventFactory(status=Status.DRAFT, published_at=None)
    EventFactory(status=Status.REVIEW, published_at=None)
    EventFactory(publish_at=timezone.now() + HOUR)  # approved, not live yet
    AgreementFactory(status=Status.DRAFT, published_at=None, signing_event=published)
    assert records(subscription) == ({published.title}, set())


def test_a_scheduled_record_counts_from_its_go_live_before_publish_due_stamps_it(db):
    subscription = SubscriptionFactory()
    scheduled = EventFactory(published_at=None, publish_at=timezone.now() - HOUR / 2)
    EventFactory(published_at=None, publish_at=timezone.now() - 2 * HOUR)  # an earlier digest
    assert records(subscription) == ({scheduled.title}, set())


def test_only_what_went_public_in_the_window_is_listed(db):
    subscription = SubscriptionFactory()
    new = EventFactory()
    EventFactory(published_at=timezone.now() - 2 * HOUR)  # in the previous digest
    assert records(subscription) == ({new.title}, set())


def test_a_sector_topic_lists_its_events_and_the_agreements_signed_there(db):
    chemistry = Sector.objects.get(slug="chemistry")
    subscription = SubscriptionFactory(region=None, sector=chemistry)
    forum = EventFactory()
    forum.sectors.add(chemistry)
    EventFactory()  # no sector
    agreement = AgreementFactory(signing_event=forum)
    assert records(subscription) == ({forum.title}, {agreement.title})


def test_an_organisation_topic_lists_its_events_and_agreements_once_each(db):
    organization = OrganizationFactory()
    subscription = SubscriptionFactory(region=None, organization=organization)
    forum = EventFactory()
    for role in (EventRole.ORGANIZER, EventRole.HOST):
        forum.event_organizations.create(organization=organization, role=role)
    signed = AgreementFactory()
    signed.parties.add(organization)
    AgreementFactory()  # someone else's
    events, agreements = digest_records(
        subscription, since=timezone.now() - HOUR, until=timezone.now()
    )
    assert [e.pk for e in events] == [forum.pk]
    assert [a.pk for a in agreements] == [signed.pk]


def test_a_region_topic_lists_agreements_signed_there(db):
    subscription = SubscriptionFactory(region=Region.objects.get(slug="rabat-sale-kenitra"))
    there = AgreementFactory(signing_event=EventFactory(published_at=timezone.now() - 9 * HOUR))
    AgreementFactory(
        signing_event=EventFactory(commune=None, region=Region.objects.get(slug="oriental"))
    )
    assert records(subscription) == (set(), {there.title})


def test_a_saved_filter_lists_what_the_list_would_show(db):
    subscription = SubscriptionFactory(region=None, filter_query="kind=conference")
    conference = EventFactory(kind="conference")
    EventFactory(kind="forum")
    assert records(subscription) == ({conference.title}, set())


def test_a_saved_filter_the_list_no_longer_accepts_lists_nothing(db):
    subscription = SubscriptionFactory(region=None, filter_query="sector=renamed&kind=forum")
    EventFactory(kind="forum")
    assert records(subscription) == (set(), set())
