"""The public read API at /api/v1/: the routers each app declares in its `api.py`, composed
into one NinjaAPI with its OpenAPI document (/api/v1/openapi.json) and interactive docs
(/api/v1/docs). Published records only, read-only, rate-limited per client, cacheable."""

import datetime
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import condition, conditional_page
from ninja import NinjaAPI
from ninja.errors import Throttled, ValidationError
from ninja.throttling import AnonRateThrottle

from core.api import InvalidFilters
from core.cache import content_version
from core.http import client_ip
from core.ratelimit import rate_limit_hit
from events.api import router as events_router
from events.models import Agreement, Event
from organizations.api import router as organizations_router
from organizations.models import Organization, Person
from taxonomy.api import router as taxonomy_router

PUBLISHABLE_MODELS = (Event, Agreement, Organization, Person)
VERSION_SEEN_KEY = "api:content-version-seen"
GO_LIVE_KEY = "api:latest-go-live"
# How long a go-live found in the database is trusted before it is looked up again.
GO_LIVE_SECONDS = 60


class ClientRateThrottle(AnonRateThrottle):
    """settings.API_RATE_LIMIT per client address, on the project's fixed-window counter
    (core.ratelimit): atomic increments in CACHES["ratelimit"], which every server shares and
    no flood of cached pages evicts, and no state on this instance, which every thread
    shares. The address is the one the login lockout and the registration limit read
    (core.http.client_ip, behind DJANGO_PROXY_COUNT proxies)."""

    def allow_request(self, request) -> bool:
        return not rate_limit_hit(
            "api", client_ip(request), limit=self.num_requests, window=self.duration
        )

    def wait(self) -> float:
        """Seconds until the current window ends."""
        return self.duration - time.time() % self.duration


THROTTLE = ClientRateThrottle(settings.API_RATE_LIMIT)


def content_last_modified(request, *args, **kwargs) -> datetime.datetime:
    """When the public content last changed, for Last-Modified. Every write of content bumps
    the content version (core.cache), so the moment a version is first seen is no earlier
    than any write, deletions included (which leave no row to date). Each new version is
    dated at least a second after the one before: HTTP dates count whole seconds, and two
    changes within one must not share a date. A scheduled go-live writes nothing, so the
    latest one past is read from the records (kept a minute)."""
    version = content_version()
    known = cache.get(VERSION_SEEN_KEY)
    if known is None or known[0] != version:
        now = timezone.now().replace(microsecond=0)
        seen = now if known is None else max(now, known[1] + datetime.timedelta(seconds=1))
        known = (version, seen)
        cache.set(VERSION_SEEN_KEY, known, timeout=None)
    go_live = cache.get(GO_LIVE_KEY)
    if go_live is None:
        go_live = max(
            filter(None, (model.objects.latest_go_live() for model in PUBLISHABLE_MODELS)),
            default=known[1],
        )
        cache.set(GO_LIVE_KEY, go_live, GO_LIVE_SECONDS)
    return max(known[1], go_live)


def cacheable(run):
    """Conditional GET on every operation: If-Modified-Since is answered 304 before any
    query; the ETag is a hash of the body (ConditionalGetMiddleware's), answered 304 on
    If-None-Match; and shared caches may keep a response for API_CACHE_SECONDS."""
    conditional = conditional_page(condition(last_modified_func=content_last_modified)(run))

    @wraps(run)
    def wrapped(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if response.status_code in (200, 304):
            patch_cache_control(response, public=True, max_age=settings.API_CACHE_SECONDS)
        return response

    return wrapped


api = NinjaAPI(
    title="Morocco's industrial events",
    version="1",
    description=(
        "The portal's published records, read-only: events (with the site list's filters), "
        "agreements, organisations, people, regions and sectors. Texts come in every language "
        "(ar, fr, en; empty where not translated), with the source articles behind each "
        "record. Rate-limited per client; responses carry ETag and Last-Modified."
    ),
    urls_namespace="api-v1",
    openapi_url="/openapi.json",
    docs_url="/docs",
    throttle=THROTTLE,
)
api.add_decorator(cacheable, mode="view")
api.add_router("", taxonomy_router)
api.add_router("", organizations_router)
api.add_router("", events_router)


def error(request, status: int, detail: str, errors: dict | None = None):
    return api.create_response(request, {"detail": detail, "errors": errors or {}}, status=status)


@api.exception_handler(InvalidFilters)
def invalid_filters(request, exc: InvalidFilters):
    return error(request, 400, _("These filters are not valid."), exc.errors)


@api.exception_handler(ValidationError)
def invalid_parameters(request, exc: ValidationError):
    """A parameter of the wrong type (a date that is not one, an unknown kind): 400 in the
    filters' own shape, each parameter with its messages."""
    errors = {}
    for item in exc.errors:
        errors.setdefault(str(item["loc"][-1]), []).append(item["msg"])
    return error(request, 400, _("These filters are not valid."), errors)


@api.exception_handler(Http404)
def not_found(request, exc: Http404):
    return error(request, 404, _("This record does not exist."))


@api.exception_handler(Throttled)
def throttled(request, exc: Throttled):
    return error(request, 429, _("Too many requests: please wait before trying again."))


def head_as_get(view):
    """HEAD answered as GET, as Django's class-based views do (the server sends the headers
    only); django-ninja routes GET alone, and the document lists GET alone."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method != "HEAD":
            return view(request, *args, **kwargs)
        request.method = "GET"
        try:
            return view(request, *args, **kwargs)
        finally:
            request.method = "HEAD"

    return wrapped


def api_urls() -> tuple[list, str, str]:
    """What portal/urls.py includes at /api/v1/: the API's URLs, each answering HEAD too."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        pattern.callback = head_as_get(pattern.callback)
    return patterns, app_name, namespace
