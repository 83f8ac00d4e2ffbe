"""Middleware for running in production: request ids, replica routing, request body limits,
and database outages."""

import logging
import re
import uuid

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from .logging import current_request
from .routers import public_read

logger = logging.getLogger("portal.outage")

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


class RequestIdMiddleware:
    """Takes the proxy's X-Request-ID (when it is a plain token) or makes one, exposes it as
    request.request_id for logs and error pages, and returns it in the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = incoming if _VALID_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        token = current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            current_request.reset(token)
        response[REQUEST_ID_HEADER] = request.request_id
        return response


class ReplicaRoutingMiddleware:
    """Marks public reads (GET/HEAD outside the admin) for portal.routers.ReplicaRouter.

    A client that has just written (any other method) is pinned to the primary for
    DATABASE_REPLICA_PIN_SECONDS by a cookie, so the page it is redirected to shows its write.
    """

    PIN_COOKIE = "primary_pin"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.DATABASE_REPLICAS:
            return self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and not request.path.startswith("/admin/")
            and self.PIN_COOKIE not in request.COOKIES
        ):
            with public_read():
                return self.get_response(request)
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            response.set_cookie(
                self.PIN_COOKIE,
                "1",
                max_age=settings.DATABASE_REPLICA_PIN_SECONDS,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response


class RequestBodyLimitMiddleware:
    """Refuses a request whose Content-Length is over its path's limit with a translated 413,
    before anything reads the body: Django would otherwise spool a multipart upload to disk
    (or a form body into memory) before the view, its CSRF check or a validator says no.

    The admin allows REQUEST_BODY_MAX_BYTES_ADMIN (an article's text and its .txt upload);
    every other path, public forms included, REQUEST_BODY_MAX_BYTES. A body without a
    Content-Length (chunked) is never read by Django: nothing to check."""

    ADMIN_PREFIX = "/admin/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            size = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            size = 0  # Django reads no body for an invalid length either
        limit = (
            settings.REQUEST_BODY_MAX_BYTES_ADMIN
            if request.path_info.startswith(self.ADMIN_PREFIX)
            else settings.REQUEST_BODY_MAX_BYTES
        )
        if size > limit:
            return request_too_large_response(request, limit)
        return self.get_response(request)


def request_too_large_response(request, limit: int) -> HttpResponse:
    """The 413 page in the request's language, saying how much the page accepts."""
    with translation.override(translation.get_language() or settings.LANGUAGE_CODE):
        html = loader.render_to_string(
            "413.html",
            {"limit": filesizeformat(limit), "request_id": getattr(request, "request_id", "")},
        )
    response = HttpResponse(html, status=413)
    response["Cache-Control"] = "no-store"
    return response


def database_unavailable_response(request) -> HttpResponse:
    """The friendly 503 page, in the request's language, rendered without the database."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        html = loader.render_to_string(
            "503.html", {"request_id": getattr(request, "request_id", "")}
        )
    response = HttpResponse(html, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """A view that loses its database answers the 503 page instead of a 500 traceback."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error(
            "Database unavailable while serving %s %s: %s",
            request.method,
            request.path,
            exception.__class__.__name__,
        )
        return database_unavailable_response(request)
