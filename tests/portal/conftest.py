"""Production settings, computed by the real settings module in a subprocess, and a read
replica alias that mirrors the default database (DATABASE_REPLICA_URLS in production)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connections

from tests.events.factories import chemistry_forum_create

ROOT = Path(__file__).resolve().parents[2]
REPLICA = "replica1"
PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "production-like-secret-" + "k7#Qz" * 10,
    "DJANGO_ALLOWED_HOSTS": "industrie.ma,testserver",
    "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    # Settings only: nothing connects to it when the settings load.
    "RATELIMIT_REDIS_URL": "redis://127.0.0.1:6379/5",
    "REGISTRATION_RATE_LIMIT_LOCAL": "0",
}


def production_environment(**extra: str) -> dict[str, str]:
    """This process's environment minus every DJANGO_* variable, plus production values."""
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith("DJANGO_") and k != "TASKS_BACKEND"  # the suite's, not production's
    }
    environment.update(PRODUCTION_ENV)
    environment.update(extra)
    return environment


def settings_under(names: list[str], **extra: str) -> dict:
    """The values the settings module gives `names` in a production environment."""
    code = (
        "import json, django; from django.conf import settings; django.setup();"
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {names!r}}}, default=repr))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**production_environment(**extra), "DJANGO_SETTINGS_MODULE": "portal.settings"},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def pytest_terminal_summary(terminalreporter):
    fuzz = sys.modules.get("tests.portal.test_fuzz")
    if fuzz is not None and fuzz.TRIED:
        terminalreporter.write_line(fuzz.report())


def pytest_configure(config):
    """A replica alias mirroring `default` in tests, as settings.py makes for each URL of
    DATABASE_REPLICA_URLS. It is idle until a test sets DATABASE_REPLICAS = [REPLICA]."""
    default = connections.settings["default"]
    connections.settings[REPLICA] = {**default, "TEST": {**default["TEST"], "MIRROR": "default"}}


@pytest.fixture(scope="session")
def production_security_settings():
    names = [
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SECURE_CONTENT_TYPE_NOSNIFF",
        "SECURE_REFERRER_POLICY",
        "SECURE_CROSS_ORIGIN_OPENER_POLICY",
        "X_FRAME_OPTIONS",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "LANGUAGE_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "CSRF_COOKIE_SAMESITE",
        "SESSION_COOKIE_AGE",
    ]
    return settings_under(names)


@pytest.fixture
def production_https(settings, production_security_settings):
    """This process's settings switched to what production has (HTTPS on)."""
    for name, value in production_security_settings.items():
        setattr(settings, name, value)
    return settings


@pytest.fixture
def chemistry_forum(db):
    """The International Chemistry Forum, with its organisers, sectors and source article."""
    return chemistry_forum_create()
