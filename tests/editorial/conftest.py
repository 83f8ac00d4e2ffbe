"""Users in each editorial role, and records in each state, for the workflow tests."""

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from editorial.groups import EDITORS, PUBLISHERS, REGISTRATION_MANAGERS
from editorial.models import Status
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

ROLES = ["anonymous", "staff", "editor", "publisher", "registration_manager", "superuser"]
GROUP_OF_ROLE = {
    "editor": EDITORS,
    "publisher": PUBLISHERS,
    "registration_manager": REGISTRATION_MANAGERS,
}
FACTORIES = {
    "event": EventFactory,
    "agreement": AgreementFactory,
    "organization": OrganizationFactory,
    "person": PersonFactory,
}


def make_user(role: str):
    """A staff user in the role's group; no password hashing (tests log in with force_login)."""
    if role == "anonymous":
        return None
    user = get_user_model().objects.create_user(
        username=f"{role}-user",
        password=None,
        is_staff=True,
        is_superuser=role == "superuser",
    )
    if role in GROUP_OF_ROLE:
        user.groups.add(Group.objects.get(name=GROUP_OF_ROLE[role]))
    return user


@pytest.fixture(autouse=True)
def _english():
    """Messages are checked in English, whatever translations the locale files hold."""
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def users(db):
    return {role: make_user(role) for role in ROLES}


@pytest.fixture
def editor(users):
    return users["editor"]


@pytest.fixture
def publisher(users):
    return users["publisher"]


def make_record(kind: str = "event", status: str = Status.DRAFT, **fields):
    """A record in `status`, saved once inside a revision (so it has a history)."""
    published = {"published_at": None} if status != Status.PUBLISHED else {}
    # The factories' untranslated `title`/`name` go to the active language's column: Arabic.
    with translation.override("ar"), reversion.create_revision():
        return FACTORIES[kind](status=status, **published, **fields)
