"""Helpers shared by the bench scripts: a loopback port, the server's environment, manage.py,
Django in the driving process, the bench forum and the registration form a client posts."""

import atexit
import datetime
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
COOKIE = re.compile(rb"csrftoken=([^;]+)")
LOCATION = re.compile(rb"\r\n[Ll]ocation: ([^\r]+)")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, **overrides: str) -> dict:
    """Production settings on loopback: no HTTPS, e-mails in memory, no rate limit."""
    static_root = tempfile.mkdtemp(prefix="portal-bench-static-")
    atexit.register(shutil.rmtree, static_root, ignore_errors=True)
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "600",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_STATIC_ROOT": static_root,
        "DJANGO_EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "REGISTRATION_RATE_LIMIT_ENABLED": "0",
        "GUNICORN_ACCESS_LOG": "0",
        **overrides,
    }


def manage(env: dict, *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
        stdout=subprocess.DEVNULL,
    )  # fmt: skip


def django_setup(env: dict) -> None:
    """Django in this process, on the server's database, to prepare and check the data."""
    names = (
        "DATABASE_URL",
        "DJANGO_SECRET_KEY",
        "DJANGO_DEBUG",
        "DJANGO_EMAIL_BACKEND",
        "REGISTRATION_RATE_LIMIT_ENABLED",
    )
    os.environ.update({k: env[k] for k in names if k in env})
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def forum_open(*, title: str, title_fr: str, **fields):
    """A published forum in a month, registration open since an hour ago."""
    from django.db import connection
    from django.utils import timezone

    from editorial.models import Status
    from events.models import Event, EventKind

    now = timezone.now()
    event = Event.objects.create(
        title=title,
        title_fr=title_fr,
        kind=EventKind.FORUM,
        status=Status.PUBLISHED,
        published_at=now,
        start_date=timezone.localdate() + datetime.timedelta(days=30),
        registration_opens=now - datetime.timedelta(hours=1),
        **fields,
    )
    connection.close()  # the server, not this process, talks to the database from now on
    return event


def registration_form(csrf_token: bytes, n: int, email: str, phone: str = "") -> bytes:
    """Registrant number n's filled-in form, url-encoded."""
    return urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": csrf_token.decode(),
            "full_name": f"مشارك رقم {n}",
            "email": email,
            "phone": phone,
            "organization_name": "شركة الاختبار",
            "job_title": "مهندس",
            "language": "ar",
            "consent": "on",
            "homepage": "",
        }
    ).encode()
