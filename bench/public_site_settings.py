"""Settings for bench/public_site.py: the project's own, plus a bare view to compare with.

BENCH_PAGE_CACHE=0 turns the anonymous page cache off, to measure what it saves."""

import os

from portal.settings import *  # noqa: F403

ROOT_URLCONF = "public_site_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
PUBLIC_PAGE_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") == "1"
# Static files are not measured: plain storage needs no collectstatic.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "ERROR"}}
