"""The subscription table keeps one topic per row and one row per address and topic."""

import pytest
from django.db import IntegrityError, transaction

from alerts.models import Subscription
from taxonomy.models import Region, Sector
from tests.organizations.factories import OrganizationFactory

from .factories import SubscriptionFactory


@pytest.fixture
def rabat_region(db):
    return Region.objects.get(slug="rabat-sale-kenitra")


@pytest.mark.parametrize("case", ["none", "region and sector", "region and filter"])
def test_a_subscription_follows_exactly_one_topic(rabat_region, case):
    fields = {
        "none": {},
        "region and sector": {
            "region": rabat_region,
            "sector": Sector.objects.get(slug="chemistry"),
        },
        "region and filter": {"region": rabat_region, "filter_query": "kind=forum"},
    }[case]
    with pytest.raises(IntegrityError, match="subscription_one_topic"), transaction.atomic():
        Subscription.objects.create(email="a@example.ma", **fields)


@pytest.mark.parametrize("topic", ["region", "sector", "organization", "filter_query"])
def test_one_row_per_address_and_topic_whatever_the_case(db, topic):
    value = {
        "region": lambda: Region.objects.get(slug="oriental"),
        "sector": lambda: Sector.objects.get(slug="chemistry"),
        "organization": OrganizationFactory,
        "filter_query": lambda: "kind=forum&region=oriental",
    }[topic]()
    others = {"region": None} if topic != "region" else {}
    SubscriptionFactory(email="amina@example.ma", **others, **{topic: value})
    with pytest.raises(IntegrityError, match="unique"), transaction.atomic():
        SubscriptionFactory(email="Amina@Example.ma", **others, **{topic: value})


def test_the_same_address_may_follow_several_topics(rabat_region):
    SubscriptionFactory(email="amina@example.ma", region=rabat_region)
    SubscriptionFactory(email="amina@example.ma", region=Region.objects.get(slug="oriental"))
    assert Subscription.objects.filter(email="amina@example.ma").count() == 2


def test_a_subscription_points_at_the_list_it_follows(rabat_region):
    by_region = SubscriptionFactory(region=rabat_region)
    by_filter = SubscriptionFactory(region=None, filter_query="kind=forum&sector=chemistry")
    assert by_region.get_absolute_url() == "/ar/events/?region=rabat-sale-kenitra"
    assert by_filter.get_absolute_url() == "/ar/events/?kind=forum&sector=chemistry"
