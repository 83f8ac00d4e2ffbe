"""Structured logs: every record carries the request id and, for staff, the user id; e-mail
addresses and phone numbers (registrants' personal data) are masked wherever they appear,
tracebacks included (a unique-violation message quotes the values it rejects), and so are
personal-link tokens (`?token=…`, or a bare signed token): whoever reads the logs must not be
able to open or cancel a registration.

LOG_FORMAT=json prints one JSON object per line; otherwise a plain line with the same fields.
"""

import json
import logging
import re
from contextvars import ContextVar
from datetime import UTC, datetime

from django.utils.functional import empty

# The request being served (set by portal.middleware.RequestIdMiddleware).
current_request: ContextVar = ContextVar("portal_current_request", default=None)

EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:=/]+@[^\s@<>()\[\]\"',;:=/]+\.[A-Za-z]{2,}")
PHONE = re.compile(
    r"(?<![\w+])(?:\+|00)\d(?:[\s.\-]?\d){7,13}(?!\d)|(?<!\d)0[5-8](?:[\s.\-]?\d){8}(?!\d)"
)

# The personal link's query parameter, and a django.core.signing token (value:timestamp:HMAC).
TOKEN_PARAMETER = re.compile(r"(?i)(\btoken=)[^\s&#\"'<>]+")
SIGNED_TOKEN = re.compile(r"[A-Za-z0-9_-]+:[0-9A-Za-z]{4,8}:[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])")


def redact(text: str) -> str:
    text = SIGNED_TOKEN.sub("[token]", TOKEN_PARAMETER.sub(r"\1[token]", text))
    return PHONE.sub("[phone]", EMAIL.sub("[email]", text))


def staff_user_id(request):
    """The id of a staff user already loaded for this request, else None. Never loads the
    user itself: a log call must not query the database (it may be down)."""
    user = getattr(request, "user", None)
    wrapped = getattr(user, "_wrapped", user)
    if wrapped is None or wrapped is empty:
        return None
    if getattr(wrapped, "is_authenticated", False) and getattr(wrapped, "is_staff", False):
        return wrapped.pk
    return None


class RequestContextFilter(logging.Filter):
    """Adds request_id and user_id to every record and masks personal data in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        # django.request logs 4xx answers after the middleware has finished: the record
        # carries its request then.
        request = getattr(record, "request", None)
        if not hasattr(request, "request_id"):
            request = current_request.get()
        record.request_id = getattr(request, "request_id", "-")
        record.user_id = staff_user_id(request)
        try:
            message = record.getMessage()
        except Exception:  # a malformed call: logging reports it itself when formatting
            return True
        redacted = redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


class PlainFormatter(logging.Formatter):
    def __init__(self):
        super().__init__(
            "%(asctime)s %(levelname)s %(name)s [request_id=%(request_id)s user_id=%(user_id)s]"
            " %(message)s"
        )

    def format(self, record: logging.LogRecord) -> str:
        record.__dict__.setdefault("request_id", "-")
        record.__dict__.setdefault("user_id", None)
        return super().format(record)


class JsonFormatter(logging.Formatter):
    """One JSON object per line; only the fields below, never the record's extras (the
    django.request logger attaches the whole request to its records)."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "-"),
            "user_id": getattr(record, "user_id", None),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(self.formatException(record.exc_info))
        if record.exc_text:
            entry["traceback"] = record.exc_text
        return json.dumps(entry, ensure_ascii=False)


def logging_config(*, log_format: str, level: str) -> dict:
    """The LOGGING setting: one console handler, with the request context on every record."""
    formatter = "json" if log_format == "json" else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_context": {"()": "portal.logging.RequestContextFilter"}},
        "formatters": {
            "json": {"()": "portal.logging.JsonFormatter"},
            "plain": {"()": "portal.logging.PlainFormatter"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_context"],
                "formatter": formatter,
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers would print the same records a second time.
            "django": {"handlers": ["console"], "level": level, "propagate": False},
            "django.server": {"handlers": ["console"], "level": level, "propagate": False},
            # django-axes announces its configuration at every start: keep its warnings only.
            "axes.apps": {"level": "WARNING"},
        },
    }
