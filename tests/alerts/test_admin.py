"""Subscribers' addresses in the admin: only for superusers and the Registration managers;
the change list counts subscriptions per topic."""

import pytest
from django.contrib.auth.models import Group

from taxonomy.models import Region
from tests.editorial.factories import UserFactory

from .factories import SubscriptionFactory

CHANGELIST = "/admin/alerts/subscription/"


def staff_in(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def subscriptions(db):
    oriental = Region.objects.get(slug="oriental")
    SubscriptionFactory(email="amina@example.ma")
    SubscriptionFactory(email="omar@example.ma", confirmed_at=None)
    SubscriptionFactory(email="nadia@example.ma", region=oriental)
    SubscriptionFactory(email="yassine@example.ma", region=None, filter_query="kind=forum")


@pytest.mark.parametrize("who", ["Editors", "Publishers", "staff without group"])
def test_others_get_403_and_never_see_subscribers(client, subscriptions, who):
    client.force_login(UserFactory() if who == "staff without group" else staff_in(who))
    response = client.get(CHANGELIST)
    assert response.status_code == 403
    assert b"amina@example.ma" not in response.content
    assert CHANGELIST.encode() not in client.get("/admin/").content


@pytest.mark.parametrize("who", ["Registration managers", "superuser"])
def test_permitted_staff_see_addresses_and_counts_per_topic(
    client, english, subscriptions, django_user_model, who
):
    if who == "superuser":
        user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-1234567")
    else:
        user = staff_in(who)
    client.force_login(user)
    response = client.get(CHANGELIST)
    assert response.status_code == 200
    page = response.content.decode()
    assert "amina@example.ma" in page
    counts = {
        (row["topic"], row["total"], row["confirmed"]) for row in response.context["topic_counts"]
    }
    assert counts == {
        ("Rabat-Salé-Kénitra", 2, 1),
        ("Oriental", 1, 1),
        ("Forum", 1, 1),
    }
    assert "Subscriptions per topic" in page


def test_the_admin_neither_adds_nor_edits_subscriptions(client, subscriptions):
    client.force_login(staff_in("Registration managers"))
    assert client.get(f"{CHANGELIST}add/").status_code == 403
