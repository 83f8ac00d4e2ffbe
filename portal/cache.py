"""The site-wide content version: part of every cached public page's key, so one bump
(publish, unpublish, edit of a published record, scheduled go-live) invalidates them all."""

from django.core.cache import cache

CONTENT_VERSION_KEY = "portal:content-version"


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, 1, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY, 1)
    return version


def content_version_bump() -> None:
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)
