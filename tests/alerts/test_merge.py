"""Merging two organisations carries their followers to the survivor, one row per address."""

from django.db import transaction

from alerts.models import Subscription
from editorial.merge import records_merge
from tests.editorial.conftest import make_user
from tests.organizations.factories import OrganizationFactory

from .factories import SubscriptionFactory


def test_followers_of_a_merged_organisation_follow_the_survivor(db):
    kept, duplicate = OrganizationFactory(), OrganizationFactory()
    both = SubscriptionFactory(email="both@example.ma", region=None, organization=kept)
    both.confirmed_at = None
    both.save()
    SubscriptionFactory(email="Both@example.ma", region=None, organization=duplicate)
    only = SubscriptionFactory(email="only@example.ma", region=None, organization=duplicate)

    with transaction.atomic():
        records_merge(survivor=kept, others=[duplicate], user=make_user("publisher"))

    assert not Subscription.objects.filter(organization=duplicate).exists()
    followers = Subscription.objects.filter(organization=kept)
    assert sorted(followers.values_list("email", flat=True)) == [
        "both@example.ma",
        "only@example.ma",
    ]
    both.refresh_from_db()
    assert both.confirmed_at is not None  # confirmed through the other organisation
    only.refresh_from_db()
    assert only.organization == kept
