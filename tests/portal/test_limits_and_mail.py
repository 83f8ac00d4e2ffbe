"""Caches, limits, mail and uploads (issue 13): a flood of URLs cannot fill the page cache nor
evict the rate-limit counters, production refuses per-worker counters and the console mail
backend, a 404 never links to another host, no mail is sent inside a request, no personal-link
token reaches the logs, and an oversized body is refused before it is read."""

import io
import json
import logging
import secrets
import shutil
import smtplib
import socket
import subprocess
import sys
import time

import pytest
import redis
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django_tasks_db.models import DBTaskResult

from portal.logging import JsonFormatter, PlainFormatter, RequestContextFilter
from portal.settings import redis_cache
from registrations.models import OutgoingEmail, Registration
from registrations.services import links, seats
from registrations.tasks import send_registration_email
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory, registration_form_data

from .conftest import ROOT, production_environment

SITE_URL = "http://testserver"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def register_url(event, language="ar") -> str:
    return f"/{language}/events/{event.slug}/register/"


# --- the page cache and the rate-limit counters ----------------------------------------------


def page_entries(cache) -> set[str]:
    """The stored pages (core.pagecache's keys) in the test run's local-memory cache."""
    return {key for key in cache._cache if ":page:" in key}


def test_unknown_query_parameters_add_no_page_cache_entries(client, db):
    from django.core.cache import cache

    for path in ("/ar/", "/ar/events/", "/fr/organizations/", "/en/search/?q=forum"):
        client.get(path)
    known = page_entries(cache)
    assert len(known) == 4
    for _n in range(10):
        junk = f"utm_x={secrets.token_hex(8)}"
        for path in ("/ar/", "/ar/events/?", "/fr/organizations/?", "/en/search/?q=forum&"):
            separator = "" if path.endswith(("?", "&")) else "?"
            response = client.get(f"{path}{separator}{junk}")
            assert response.status_code == 200
            assert "X-Page-Cache" not in response  # served fresh, never stored
    assert page_entries(cache) == known
    # The parameters a page reads still make their own entries.
    assert client.get("/ar/events/?region=oriental&page=1")["X-Page-Cache"] == "miss"
    assert client.get("/ar/events/?region=oriental&page=1")["X-Page-Cache"] == "hit"
    assert len(page_entries(cache)) == 5


@pytest.fixture
def evicting_redis():
    """A Redis of its own with little room and allkeys-lru, as docker-compose's cache: what
    does not fit pushes out the least recently used keys."""
    if shutil.which("redis-server") is None:
        pytest.skip("needs redis-server")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""],
        stdout=subprocess.DEVNULL,
    )
    connection = redis.Redis(port=port)
    for _ in range(100):
        try:
            connection.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    used = connection.info("memory")["used_memory"]
    connection.config_set("maxmemory", used + 256 * 1024)
    connection.config_set("maxmemory-policy", "allkeys-lru")
    try:
        yield port, connection
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_flood_of_cached_pages_cannot_evict_the_rate_limit_counters(db, settings, evicting_redis):
    port, connection = evicting_redis
    settings.CACHES = {
        "default": redis_cache(f"redis://127.0.0.1:{port}/0", "portal"),
        # The shared Redis of the test machine (no eviction), a database number of our own.
        "ratelimit": redis_cache("redis://127.0.0.1:6379/6", "hardening-ratelimit"),
        "pages-local": settings.CACHES["pages-local"],
    }
    from django.core.cache import caches

    caches["ratelimit"].clear()
    settings.REGISTRATION_RATE_LIMIT_PER_IP = 3
    event = OpenEventFactory(capacity=None)
    visitor = Client()
    for n in range(3):
        response = visitor.post(register_url(event), registration_form_data(email=f"v{n}@x.ma"))
        assert response.status_code == 303
    assert visitor.post(register_url(event), registration_form_data()).status_code == 429

    flood = Client()
    deadline = time.monotonic() + 60
    for sent in range(1, 2001):
        assert flood.get(f"/ar/search/?q={secrets.token_hex(6)}").status_code == 200
        if sent >= 20 and connection.info("stats")["evicted_keys"] >= 50:
            break
        assert time.monotonic() < deadline, "the cache never filled up"
    assert connection.info("stats")["evicted_keys"] >= 50  # the flood did push keys out

    blocked = visitor.post(register_url(event), registration_form_data(email="late@x.ma"))
    assert blocked.status_code == 429
    assert not Registration.objects.filter(email="late@x.ma").exists()
    caches["ratelimit"].clear()


# --- production settings ---------------------------------------------------------------------


def start_production(**extra: str) -> subprocess.CompletedProcess:
    """Load the settings (django.setup) with production's environment plus `extra`."""
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'ratelimit': settings.CACHES['ratelimit'],"
        " 'email': settings.EMAIL_BACKEND, 'worker': settings.TASKS['default']['BACKEND']}))"
    )
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**production_environment(**extra), "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )


def started(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_refuses_rate_limits_without_shared_counters():
    refused = start_production(RATELIMIT_REDIS_URL="")
    assert refused.returncode != 0
    assert "ImproperlyConfigured" in refused.stderr
    assert "RATELIMIT_REDIS_URL" in refused.stderr
    # A deliberate opt-out, or no rate limit at all, starts with counters per worker.
    for opt_out in (
        {"REGISTRATION_RATE_LIMIT_LOCAL": "1"},
        {"REGISTRATION_RATE_LIMIT_ENABLED": "0"},
    ):
        local = started(start_production(RATELIMIT_REDIS_URL="", **opt_out))
        assert local["ratelimit"]["BACKEND"].endswith("LocMemCache")
    shared = started(
        start_production(
            REDIS_URL="redis://cache.internal:6379/0",
            RATELIMIT_REDIS_URL="redis://counters.internal:6379/0",
        )
    )
    assert shared["ratelimit"]["LOCATION"] == "redis://counters.internal:6379/0"
    assert shared["ratelimit"]["BACKEND"] == "django_redis.cache.RedisCache"
    # Requests only queue e-mails: the database backend, run by `db_worker`.
    assert shared["worker"] == "django_tasks_db.DatabaseBackend"


def test_production_refuses_to_start_without_a_real_mail_backend():
    for backend in ("", "django.core.mail.backends.console.EmailBackend"):
        refused = start_production(DJANGO_EMAIL_BACKEND=backend)
        assert refused.returncode != 0
        assert "ImproperlyConfigured" in refused.stderr
        assert "DJANGO_EMAIL_BACKEND" in refused.stderr
    console = "django.core.mail.backends.console.EmailBackend"
    accepted = started(
        start_production(DJANGO_EMAIL_BACKEND=console, DJANGO_EMAIL_ALLOW_CONSOLE="1")
    )
    assert accepted["email"] == console
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    assert started(start_production(DJANGO_EMAIL_BACKEND=smtp))["email"] == smtp


# --- links built from the path ---------------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["//evil.example/", "//evil.example/ar/events/", "/\\evil.example/", "///evil.example/"]
)
def test_a_path_naming_another_host_gets_no_link_to_it(client, db, production_https, path):
    response = client.get("/", PATH_INFO=path, secure=True)
    html = response.content.decode()
    assert response.status_code == 404
    assert "evil.example" not in html
    assert '<link rel="alternate" hreflang="fr" href="https://testserver/fr/">' in html
    assert '<link rel="canonical" href="https://testserver/ar/">' in html
    assert '<meta property="og:url" content="https://testserver/ar/">' in html
    assert '<a href="/en/" hreflang="en" lang="en">' in html


def test_a_real_page_keeps_its_alternates_and_query(client, db):
    html = client.get("/ar/events/?region=oriental").content.decode()
    assert 'hreflang="fr" href="http://testserver/fr/events/?region=oriental"' in html
    assert '<a href="/en/events/?region=oriental" hreflang="en" lang="en">' in html
    assert '<meta property="og:url" content="http://testserver/ar/events/">' in html


# --- mail: never inside a request, no token in the logs --------------------------------------


@pytest.fixture
def silent_mail_server():
    """Accepts connections (the kernel's backlog) and never says a word."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server.getsockname()[1]


def test_a_sign_up_with_a_silent_mail_server_answers_at_once_and_queues(
    client, db, settings, silent_mail_server, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", silent_mail_server
    settings.EMAIL_TIMEOUT = 3
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    event = OpenEventFactory()
    started_at = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # as after the real commit
        response = client.post(register_url(event), registration_form_data(email="q@example.ma"))
    assert time.monotonic() - started_at < 1.5
    assert response.status_code == 303
    (queued,) = OutgoingEmail.objects.filter(registration__email="q@example.ma")
    assert (queued.status, queued.attempts) == ("queued", 0)  # for the worker
    assert DBTaskResult.objects.get().args_kwargs["args"] == [queued.pk]

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_registration_email.call(queued.pk)  # what the worker runs
    queued.refresh_from_db()
    assert queued.status == "sent" and queued.sent_at is not None


class QuotingRejectBackend(BaseEmailBackend):
    """A mail server that refuses the message and quotes it back (as some spam filters do)."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPDataError(554, f"Rejected: {email_messages[0].body}")


def test_no_personal_link_token_reaches_the_logs(db, settings):
    settings.EMAIL_BACKEND = "tests.portal.test_limits_and_mail.QuotingRejectBackend"
    registration = seats.registration_create(
        event=OpenEventFactory(), email="t@example.ma", full_name="Token", site_url=SITE_URL
    )
    token = links.registration_token(registration)
    link = links.registration_link(registration, site_url=SITE_URL)
    outputs = []
    root = logging.getLogger()
    for formatter in (PlainFormatter(), JsonFormatter()):
        stream = io.StringIO()
        handler = logging.StreamHandler(stream)
        handler.addFilter(RequestContextFilter())
        handler.setFormatter(formatter)
        root.addHandler(handler)
        try:
            email = OutgoingEmail.objects.create(
                registration=registration, kind="confirmed", site_url=SITE_URL
            )
            with pytest.raises(smtplib.SMTPDataError):
                send_registration_email.call(email.pk)
            logging.getLogger("events").warning("Sent the personal link %s", link)
            logging.getLogger("events").warning("Bare token %s", token)
        finally:
            root.removeHandler(handler)
        outputs.append(stream.getvalue())
    for output in outputs:
        assert "SMTPDataError" in output  # the failure is logged, with its traceback
        assert token not in output
        assert "token=[token]" in output and "Bare token [token]" in output


# --- request bodies --------------------------------------------------------------------------


class UnreadableBody:
    """A WSGI input that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def oversized(client, path, size, **extra):
    return client.post(
        path,
        CONTENT_LENGTH=str(size),
        CONTENT_TYPE="multipart/form-data; boundary=xyz",
        **{"wsgi.input": UnreadableBody()},
        **extra,
    )


def test_an_oversized_public_form_is_refused_before_it_is_read(client, db):
    event = OpenEventFactory()
    response = oversized(client, register_url(event), 200 * 1024 * 1024)
    assert response.status_code == 413
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "64" in html
    french = oversized(client, register_url(event, "fr"), 70 * 1024).content.decode()
    assert "Ce que vous avez envoyé est trop volumineux" in french
    assert not Registration.objects.exists()
    # A form of the usual size goes through.
    assert client.post(register_url(event), registration_form_data()).status_code == 303


def test_an_oversized_article_upload_is_refused_before_it_is_read(client, db, settings):
    client.force_login(UserFactory(is_superuser=True))
    for path in ("/admin/articles/article/add/", "/admin/login/"):
        response = oversized(client, path, 50 * 1024 * 1024, HTTP_ACCEPT_LANGUAGE="en")
        assert response.status_code == 413
        assert "What you sent is too large" in response.content.decode()
    # The admin still takes an article's text and its 1 MB upload.
    limit = settings.REQUEST_BODY_MAX_BYTES_ADMIN
    assert limit >= settings.DATA_UPLOAD_MAX_MEMORY_SIZE + settings.TEXT_UPLOAD_MAX_BYTES
    assert oversized(client, "/admin/articles/article/add/", limit + 1).status_code == 413
