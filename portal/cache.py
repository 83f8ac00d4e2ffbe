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
version, which the second bump retires. It is connected in PortalConfig.ready().
"""

from django.core.cache import cache
from django.db import transaction

CONTENT_VERSION_KEY = "portal:content-version"
# The apps whose records public pages show (those whose modules move into new apps included;
# not a registrations app) and, within them, the models that public pages do not show: a
# sign-up (its registration, its queued e-mail) must not empty the page cache.
CONTENT_APPS = {"portal", "core", "taxonomy", "editorial", "organizations", "events", "articles"}
NOT_CONTENT = {"events.registration", "events.outgoingemail"}


def content_version() -> int:
    version = cache.get(CONTENT_VERSION_KEY)
    if version is None:
        cache.add(CONTENT_VERSION_KEY, 1, timeout=None)
        version = cache.get(CONTENT_VERSION_KEY, 1)
    return version


def content_version_bump() -> None:
    try:
        cache.incr(CONTENT_VERSION_KEY)
    except ValueError:  # no version yet (or the cache is down: nothing cached to retire)
        cache.set(CONTENT_VERSION_KEY, 2, timeout=None)


def content_changed(sender, **kwargs) -> None:
    """The receiver of post_save, post_delete and m2m_changed (see the module docstring)."""
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_CONTENT:
        content_version_bump()
        transaction.on_commit(content_version_bump)
