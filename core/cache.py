"""The site's one cache invalidation: a content version, bumped by one signal receiver.

Every cached public page (portal.pagecache) and every cached piece of public content (the
home page's counts, a registration page's event) is keyed by the version, so one bump
invalidates them all. The receiver below bumps it on every save, delete or many-to-many
change of a content model — publish, unpublish, a scheduled go-live, an edit of a published
record or of what it shows (a region, a sector) — whatever path wrote it (the editorial
services, the admin, a command), so nothing else has to remember to. A write that sends no
signal (a queryset's update(), bulk_create) calls content_version_bump() itself.

The bump happens at once and again when the transaction commits: a request rendering between
the write and its commit (which still reads the old rows) keys its page with the first bumped
version, which the second bump retires. It is connected in CoreConfig.ready(); the apps
whose records public pages show say so with `public_content = True` on their AppConfig.
"""

import time

from django.core.cache import cache, caches
from django.db import transaction

CONTENT_VERSION_KEY = "portal:content-version"
LOCAL_PAGES = "pages-local"


def _fresh_version() -> int:
    """A version no earlier one can equal: if the cache loses the key (evicted, restarted),
    it must not start again at a number whose pages and fragments are still stored."""
    return time.time_ns() // 1000


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, _fresh_version(), timeout=None)
        version = cache.get(CONTENT_VERSION_KEY) or _fresh_version()
    return version


def content_version_bump() -> None:
    caches[LOCAL_PAGES].clear()  # this worker's copies of pages (core.pagecache)
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # no version yet (or the cache is down: nothing cached to retire)
        cache.set(CONTENT_VERSION_KEY, _fresh_version(), timeout=None)


def content_changed(sender, **kwargs) -> None:
    """The receiver of post_save, post_delete and m2m_changed (see the module docstring)."""
    if getattr(sender._meta.app_config, "public_content", False):
        content_version_bump()
        transaction.on_commit(content_version_bump)
