"""Structured logs with request ids; the 500 page shows the id; a lost database answers the
friendly 503 page and the app reconnects by itself."""

import io
import json
import logging.config
import re
import socket

import psycopg
import pytest
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.db import connections
from django.test import Client, RequestFactory

from portal.logging import logging_config, redact
from registrations.models import Registration
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory, registration_form_data

pytestmark = pytest.mark.urls("tests.portal.urls")


@pytest.fixture
def json_logs():
    """The project's logging in JSON mode (LOG_FORMAT=json), its console read back."""
    logging.config.dictConfig(logging_config(log_format="json", level="INFO"))
    [console] = logging.getLogger().handlers
    assert logging.getLogger("django").handlers == [console]
    buffer = io.StringIO()
    console.setStream(buffer)

    def records():
        return [json.loads(line) for line in buffer.getvalue().splitlines()]

    yield records
    logging.config.dictConfig(django_settings.LOGGING)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_personal_data_is_masked():
    text = "sent to amina.test@example.org, phone +212 661-234567 or 0661234567 on 2026-05-14"
    assert redact(text) == "sent to [email], phone [phone] or [phone] on 2026-05-14"


@pytest.mark.django_db
def test_a_500_logs_the_traceback_and_shows_the_request_id(json_logs):
    client = Client(raise_request_exception=False)
    response = client.get("/fr/broken/", HTTP_X_REQUEST_ID="edge-7f3a-01")
    assert response.status_code == 500
    assert response["X-Request-ID"] == "edge-7f3a-01"
    html = response.content.decode()
    assert "edge-7f3a-01" in html
    assert '<html lang="fr" dir="ltr">' in html
    assert "Traceback" not in html and "RuntimeError" not in html

    [error] = [r for r in json_logs() if r["logger"] == "django.request"]
    assert error["level"] == "ERROR"
    assert error["request_id"] == "edge-7f3a-01"
    assert "RuntimeError: broken on purpose" in error["traceback"]
    assert "amina.test@example.org" not in json.dumps(error)
    assert "[email]" in error["traceback"]


@pytest.mark.django_db
def test_request_ids_are_generated_when_absent_or_malformed(client):
    generated = client.get("/ar/")["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", generated)
    forged = client.get("/ar/", HTTP_X_REQUEST_ID='x" onload=alert(1)')["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", forged)


@pytest.mark.django_db
def test_staff_requests_log_the_user_id(client, json_logs):
    staff = UserFactory(is_superuser=True)
    client.force_login(staff)
    response = client.get("/admin/no-such-page/")
    assert response.status_code == 404
    [record] = [r for r in json_logs() if r["logger"] == "django.request"]
    assert record["user_id"] == staff.pk
    assert record["request_id"] == response["X-Request-ID"]


@pytest.mark.django_db
def test_a_registration_logs_nothing_personal(
    client, json_logs, django_capture_on_commit_callbacks
):
    event = OpenEventFactory()
    data = registration_form_data(email="amina.logs@example.ma")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/ar/events/{event.slug}/register/", data)
    assert response.status_code == 303
    assert Registration.objects.filter(email="amina.logs@example.ma").exists()
    logged = json.dumps(json_logs(), ensure_ascii=False)
    for personal in ("amina.logs@example.ma", "أمينة العلوي", "0661234567"):
        assert personal not in logged


def test_a_view_that_loses_the_database_answers_503_in_the_page_language():
    client = Client(raise_request_exception=False)
    response = client.get("/ar/database-gone/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert re.search(r'<code dir="ltr">[0-9a-f]{32}</code>', html)
    assert "OperationalError" not in html and "Traceback" not in html


@pytest.mark.postgres
def test_database_down_then_back(settings, transactional_db):
    """PostgreSQL unreachable: public pages answer 503 (in their language), /healthz 503;
    back: the next requests are served again, without a restart."""
    settings.PUBLIC_PAGE_CACHE = False
    client = Client(raise_request_exception=False)
    connection = connections["default"]
    real_port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = free_port()
    try:
        for path, language in (
            ("/ar/", "ar"),
            ("/fr/events/", "fr"),
            ("/en/search/?q=x", "en"),
        ):
            response = client.get(path)
            assert response.status_code == 503, path
            assert f'<html lang="{language}"' in response.content.decode()
        assert client.get("/healthz").status_code == 503
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real_port
    assert client.get("/ar/").status_code == 200
    assert client.get("/healthz").status_code == 200


def wsgi_get(path: str) -> int:
    """A request through Django's real WSGI handler: unlike the test client, it runs
    close_old_connections (the health check) when the request starts and ends."""
    statuses = []
    environ = RequestFactory().get(path).environ
    body = WSGIHandler()(environ, lambda status, headers: statuses.append(status))
    b"".join(body)
    body.close()
    return int(statuses[0].split()[0])


def terminate_backend(connection) -> int:
    """What a PostgreSQL restart does to a kept connection: its server process ends it."""
    pid = connection.connection.info.backend_pid
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    return pid


@pytest.mark.postgres
def test_a_dropped_connection_is_replaced_by_itself(settings, transactional_db):
    """CONN_MAX_AGE keeps connections; CONN_HEALTH_CHECKS notices one that PostgreSQL closed
    (a restart) and opens a new one instead of failing the request."""
    settings.PUBLIC_PAGE_CACHE = False
    connection = connections["default"]
    assert wsgi_get("/fr/events/") == 200
    assert connection.connection is not None  # kept between requests
    pid = terminate_backend(connection)
    assert wsgi_get("/fr/events/") == 200
    assert connection.connection.info.backend_pid != pid
