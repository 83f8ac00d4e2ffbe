import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from events import services

SITE_URL = "http://testserver"

REGISTRATION_MANAGER_PERMISSIONS = [
    "view_registration",
    "change_registration",
    "export_registration",
    "checkin_registration",
]


@pytest.fixture
def register():
    """Sign someone up through the service, with defaults for what a test doesn't care about."""

    def sign_up(event, email, **fields):
        fields.setdefault("full_name", f"مشارك {email.split('@')[0]}")
        return services.registration_create(event=event, email=email, site_url=SITE_URL, **fields)

    return sign_up


@pytest.fixture
def mail_worker():
    """Run the mail worker until the outbox is empty, as the `mailer` service does: sign-ups,
    cancellations and promotions only queue their e-mails (REGISTRATION_EMAIL_WORKER)."""

    def run():
        out = io.StringIO()
        call_command("send_registration_emails", "--once", "--site-url", SITE_URL, stdout=out)
        return out.getvalue()

    return run


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
