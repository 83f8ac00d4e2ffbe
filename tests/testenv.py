"""Loaded with `-p` before Django's settings, so the suite runs with safe test defaults."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "insecure-key-for-tests-only")
os.environ.setdefault("DJANGO_DEBUG", "0")
# The test client speaks plain HTTP; tests/hardening checks the HTTPS settings explicitly.
os.environ.setdefault("DJANGO_HTTPS", "0")
