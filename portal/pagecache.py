"""The anonymous page cache: public pages, per URL and language, invalidated by the
site-wide content version (portal.cache).

Wrapped around a view in the URLconf (not on the view class, so the editorial preview,
which subclasses the detail views, is never cached). A request is served from the cache
only when it is a GET or HEAD from a visitor without a session or messages cookie
(logged-in users and staff always carry a session cookie, so they always get a fresh
page); a response is stored only when it is a 200 that set no cookie and rendered no CSRF
token (a page with a POST form is personal). The key holds the content version, the
language, the host, the day (so "upcoming" turns into "past" at midnight) and the full
path with its query string.

Only the query parameters a view reads make a page cacheable (`params`: the list's filters,
`page`, search's `q`...): a request carrying any other (`?utm_source=…`, a random name) is
served fresh and never stored, so a flood of made-up parameters cannot fill the cache. The
rate-limit counters live in a cache of their own (CACHES["ratelimit"], settings.py), which
page entries can never evict.

Besides the editorial services' explicit bumps, any save or delete of a content model (every
model of portal, organizations, events and articles but registrations) bumps the version,
at once and again when its transaction commits, so no path of writing can leave a stale
page behind (a request rendering between the two bumps cannot keep its stale copy). The
receivers are connected when this module is imported, that is with the URLconf: no page can
be cached before then.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .cache import content_version, content_version_bump

CONTENT_APPS = {"portal", "organizations", "events", "articles"}
NOT_CONTENT = {"events.registration"}
TIMEOUT = 300  # seconds: an upper bound on staleness for what no bump announces (a clock)
HEADER = "X-Page-Cache"


def _enabled() -> bool:
    return getattr(settings, "PUBLIC_PAGE_CACHE", True)


def _cacheable_request(request, params: frozenset) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and params.issuperset(request.GET.keys())
    )


def page_cache_key(request) -> str:
    path = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    host = request.get_host()
    day = timezone.localdate().isoformat()
    return f"page:{content_version()}:{get_language()}:{host}:{day}:{path}"


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "cookie" not in response.get("Vary", "").lower()
        # An inline script's CSP nonce is valid for this response's header only.
        and not isinstance(getattr(request, "_csp_nonce", None), str)
    )


def _store(request, key: str, response) -> None:
    if _storable(request, response):
        headers = {
            name: response[name]
            for name in ("Content-Type", "Content-Language", "Content-Disposition")
            if name in response
        }
        cache.set(key, (response.content, headers), TIMEOUT)
        response[HEADER] = "miss"


def cache_public_page(view, params=()):
    """Serve `view` from the cache for anonymous visitors; see the module docstring. `params`
    names the query parameters the view reads: a request with any other is not cached."""
    known = frozenset(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _enabled() or not _cacheable_request(request, known):
            return view(request, *args, **kwargs)
        key = page_cache_key(request)
        hit = cache.get(key)
        if hit is not None:
            content, headers = hit
            response = HttpResponse(content, headers=headers)
            response[HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.add_post_render_callback(lambda rendered: _store(request, key, rendered))
        else:
            _store(request, key, response)
        return response

    return wrapped


def _content_changed(sender, **kwargs) -> None:
    meta = sender._meta
    if meta.app_label in CONTENT_APPS and meta.label_lower not in NOT_CONTENT:
        content_version_bump()
        transaction.on_commit(content_version_bump)


for _name, _signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
    _signal.connect(_content_changed, dispatch_uid=f"portal.pagecache.{_name}")
