import os
import subprocess
import sys
from pathlib import Path

from django.core.mail import get_connection

ROOT = Path(__file__).resolve().parents[2]


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_check(DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_starts_with_a_secret_key_a_mail_backend_and_shared_counters():
    result = run_check(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="x" * 50,
        DJANGO_EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        RATELIMIT_REDIS_URL="redis://127.0.0.1:6379/5",
    )
    assert result.returncode == 0, result.stderr


def test_language_and_time_settings(settings):
    assert settings.LANGUAGE_CODE == "ar"
    assert [code for code, _ in settings.LANGUAGES] == ["ar", "fr", "en"]
    assert settings.TIME_ZONE == "Africa/Casablanca"
    assert settings.INSTALLED_APPS.index("modeltranslation") < settings.INSTALLED_APPS.index(
        "portal.admin_input.PortalAdminConfig"
    )


def test_a_silent_mail_server_times_out():
    """Django's SMTP backend waits forever by default: a sign-up would hang with the server."""
    assert get_connection("django.core.mail.backends.smtp.EmailBackend").timeout == 10
