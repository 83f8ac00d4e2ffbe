import pytest
from django.contrib.auth.models import Group, Permission

from registrations.services import seats

SITE_URL = "http://testserver"

REGISTRATION_MANAGER_PERMISSIONS = [
    "view_registration",
    "change_registration",
    "export_registration",
    "checkin_registration",
]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the commit of a change runs: the e-mail tasks it enqueues (on the test suite's
    ImmediateBackend, they send at once)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def register(committed):
    """Sign someone up through the service and commit, with defaults for what a test doesn't
    care about."""

    def sign_up(event, email, **fields):
        fields.setdefault("full_name", f"مشارك {email.split('@')[0]}")
        with committed():
            return seats.registration_create(event=event, email=email, site_url=SITE_URL, **fields)

    return sign_up


@pytest.fixture
def cancel(committed):
    def cancel(registration):
        with committed():
            return seats.registration_cancel(registration=registration, site_url=SITE_URL)

    return cancel


def group_named(name: str, codenames: list[str]) -> Group:
    """The editorial desk's group when it exists; else one with the documented permissions."""
    group, created = Group.objects.get_or_create(name=name)
    if created:
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="events", codename__in=codenames)
        )
    return group


@pytest.fixture
def registration_manager(django_user_model):
    user = django_user_model.objects.create_user(
        "registration-manager", "rm@example.org", "a-long-test-password", is_staff=True
    )
    user.groups.add(group_named("Registration managers", REGISTRATION_MANAGER_PERMISSIONS))
    return user
