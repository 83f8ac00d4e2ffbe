"""The admin login locks out after repeated failures (django-axes), and says so in the logs."""

import logging

import pytest
from axes.models import AccessAttempt

from tests.editorial.factories import UserFactory

LOGIN = "/admin/login/?next=/admin/"


def attempt(client, password, ip="198.51.100.7"):
    return client.post(LOGIN, {"username": "desk-editor", "password": password}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_repeated_failures_lock_the_login_out(client, settings, caplog):
    UserFactory(username="desk-editor")
    caplog.set_level(logging.INFO, logger="axes")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = attempt(client, "wrong-password")
        assert response.status_code == 200  # the form again, with its error
    assert attempt(client, "wrong-password").status_code == 429

    # Locked out: even the right password is refused now, from that address.
    response = attempt(client, "a-long-test-password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.get().failures_since_start >= settings.AXES_FAILURE_LIMIT
    assert any("Locking out" in record.getMessage() for record in caplog.records)

    # The lockout is per username and address: the editor's own office still gets in.
    response = attempt(client, "a-long-test-password", ip="203.0.113.20")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_behind_a_proxy_the_forwarded_address_is_counted(client, settings):
    settings.PROXY_COUNT = 1
    UserFactory(username="desk-editor")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN,
            {"username": "desk-editor", "password": "wrong"},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR="forged, 198.51.100.9",
        )
    assert AccessAttempt.objects.get().ip_address == "198.51.100.9"


@pytest.mark.django_db
def test_logins_without_a_request_still_work(client):
    """The test client's login() and management commands authenticate without a request."""
    UserFactory(username="desk-editor")
    assert client.login(username="desk-editor", password="a-long-test-password")
    assert not client.login(username="desk-editor", password="wrong")
