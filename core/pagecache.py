"""The anonymous page cache: one cache read per hit.

A page is stored under its method, language and full URL (host and query string included),
with the content version (core.cache) and the day it was rendered beside it: one bump retires
every page, and "upcoming" turns into "past" at midnight. A hit is a single `get_many` of the
version and the page, one round trip to Redis; a page stored under an older version or day is
a miss, and the fresh render overwrites it. Django's per-view cache keys would cost two more
reads per hit (the version, then the Vary header list), and these views vary on nothing
but the URL (the language is in the path): a response that declares a Vary header is not
stored.

With a shared cache (Redis) each worker also keeps the pages it served for
PAGE_CACHE_LOCAL_SECONDS (micro-caching): that round trip was most of a hit's cost
(bench/README.md). A bump clears the bumping worker's copies at once; the other workers' age
out within those seconds, the delay after which a publish shows everywhere.

Wrapped around a view in the URLconf (not on the view class, so the editorial preview,
which subclasses the detail views, is never cached). Unlike cache_page it serves only
anonymous visitors (a request with a session or messages cookie — staff — renders fresh),
and sets no Cache-Control max-age, so a browser never keeps a page the next publish retires.

Only the query parameters a view reads make a page cacheable (`params`: the list's filters,
`page`, search's `q`...): a request carrying any other (`?utm_source=…`, a random name) is
served fresh and never stored, so a flood of made-up parameters cannot fill the cache.

Pages with a form or personal data are not wrapped at all; as a safeguard a response that
rendered a CSRF token or used the CSP nonce (both valid for one response only), set a cookie,
declares a Vary header or is marked private is never stored.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.utils import timezone, translation

from .cache import CONTENT_VERSION_KEY, LOCAL_PAGES, content_version

TIMEOUT = 300  # seconds: an upper bound on staleness for what no bump announces (a clock)
HEADER = "X-Page-Cache"


def _cacheable_request(request, params: frozenset) -> bool:
    return (
        getattr(settings, "PUBLIC_PAGE_CACHE", True)
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and params.issuperset(request.GET.keys())
    )


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Vary")
        and "private" not in response.get("Cache-Control", "")
        # django-csp's lazy nonce is truthy once the page has used it.
        and not getattr(request, "csp_nonce", None)
    )


def cache_public_page(view, params=()):
    """Serve `view` from the cache for anonymous visitors; see the module docstring. `params`
    names the query parameters the view reads: a request with any other is not cached."""
    known = frozenset(params)

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not _cacheable_request(request, known):
            return view(request, *args, **kwargs)
        url = hashlib.md5(request.build_absolute_uri().encode()).hexdigest()
        key = f"page:{request.method}:{translation.get_language()}:{url}"
        local_seconds = settings.PAGE_CACHE_LOCAL_SECONDS
        response = caches[LOCAL_PAGES].get(key) if local_seconds else None
        if response is not None:
            response[HEADER] = "hit"
            return response
        found = cache.get_many([CONTENT_VERSION_KEY, key])
        # Read once: a bump while the page renders retires the copy stored with it.
        stamp = (found.get(CONTENT_VERSION_KEY) or content_version(), timezone.localdate())

        def keep(response, state):
            if local_seconds:
                caches[LOCAL_PAGES].set(key, response, local_seconds)
            response[HEADER] = state
            return response

        if key in found and found[key][0] == stamp:
            return keep(found[key][1], "hit")

        def store(response):
            if not _storable(request, response):
                return response
            cache.set(key, (stamp, response), TIMEOUT)
            return keep(response, "miss")

        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.add_post_render_callback(store)
            return response
        return store(response)

    return wrapped
