"""Loaded with `-p` before Django's settings, so the suite runs with safe test defaults."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-key-for-tests-only")
os.environ.setdefault("DJANGO_DEBUG", "0")
# The test client speaks plain HTTP; tests/portal checks the HTTPS settings explicitly.
os.environ.setdefault("DJANGO_HTTPS", "0")
# Debug is off, so settings.py asks for a real mail backend and shared rate-limit counters:
# pytest-django keeps mail in memory, and the suite runs in one process.
os.environ.setdefault("DJANGO_EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
os.environ.setdefault("REGISTRATION_RATE_LIMIT_LOCAL", "1")
# Background tasks run in the process, once the transaction that enqueued them commits (tests
# wrap the change in django_capture_on_commit_callbacks); one test runs the database worker.
os.environ.setdefault("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")
