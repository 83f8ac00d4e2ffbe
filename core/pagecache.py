"""The anonymous page cache: Django's per-view cache (django.utils.cache's keys, which hold the
full URL with its host and query string, the language and the Vary headers), with the
content version (portal.cache) and the day in the key prefix: one bump retires every page,
and "upcoming" turns into "past" at midnight.

Wrapped around a view in the URLconf (not on the view class, so the editorial preview,
which subclasses the detail views, is never cached). Unlike cache_page it serves only
anonymous visitors (a request with a session or messages cookie — staff — renders fresh),
and sets no Cache-Control max-age, so a browser never keeps a page the next publish retires.

Only the query parameters a view reads make a page cacheable (`params`: the list's filters,
`page`, search's `q`...): a request carrying any other (`?utm_source=…`, a random name) is
served fresh and never stored, so a flood of made-up parameters cannot fill the cache.

Pages with a form or personal data are not wrapped at all; as a safeguard a response that
rendered a CSRF token or used the CSP nonce (both valid for one response only), set a cookie,
varies on cookies or is marked private is never stored.
"""

from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone
from django.utils.cache import get_cache_key, has_vary_header, learn_cache_key

from .cache import content_version

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
        and not has_vary_header(response, "Cookie")
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
        # Read once: a bump while the page renders retires the copy stored under it.
        prefix = f"page.{content_version()}.{timezone.localdate().isoformat()}"
        key = get_cache_key(request, prefix, request.method, cache=cache)
        response = cache.get(key) if key else None
        if response is not None:
            response[HEADER] = "hit"
            return response

        def store(response):
            if _storable(request, response):
                page_key = learn_cache_key(request, response, TIMEOUT, prefix, cache=cache)
                cache.set(page_key, response, TIMEOUT)
                response[HEADER] = "miss"
            return response

        response = view(request, *args, **kwargs)
        if getattr(response, "is_rendered", True) is False:
            response.add_post_render_callback(store)
            return response
        return store(response)

    return wrapped
