"""The signed links of the alert e-mails: confirm (expires) and unsubscribe (never expires),
so a subscriber acts without an account. Each purpose has its own salt: an unsubscribe token
cannot confirm, nor the reverse. Tokens travel in the query string, which the access log leaves
out (gunicorn.conf.py)."""

import datetime

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import Subscription

CONFIRM_SALT = "alerts.confirm"
UNSUBSCRIBE_SALT = "alerts.unsubscribe"


class LinkError(Exception):
    message = _("This link is not valid. Copy the whole link from the e-mail and try again.")


class ExpiredLink(LinkError):
    message = _("This confirmation link has expired. Subscribe again to receive a new one.")


def confirm_max_age() -> datetime.timedelta:
    return datetime.timedelta(days=settings.ALERTS_CONFIRM_DAYS)


def confirm_token(subscription: Subscription, *, frequency: str, language: str) -> str:
    """Carries the rhythm and language asked for: they apply once the mailbox owner confirms,
    so no one else can change a confirmed subscription."""
    payload = {"id": subscription.pk, "frequency": frequency, "language": language}
    return signing.dumps(payload, salt=CONFIRM_SALT)


def confirm_payload(token: str) -> dict:
    try:
        payload = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise ExpiredLink from error
    except signing.BadSignature as error:
        raise LinkError from error
    return payload


def unsubscribe_token(subscription: Subscription) -> str:
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def unsubscribe_id(token: str) -> int:
    try:
        return int(signing.loads(token, salt=UNSUBSCRIBE_SALT))
    except (signing.BadSignature, TypeError, ValueError) as error:
        raise LinkError from error


def _link(url_name: str, token: str, *, language: str, site_url: str) -> str:
    with translation.override(language):
        path = reverse(url_name)
    # URL-safe already: base64url and ":".
    return f"{site_url.rstrip('/')}{path}?token={token}"


def confirm_link(subscription: Subscription, *, frequency: str, language: str, site_url: str):
    token = confirm_token(subscription, frequency=frequency, language=language)
    return _link("alerts:confirm", token, language=language, site_url=site_url)


def unsubscribe_link(subscription: Subscription, *, site_url: str, one_click: bool = False) -> str:
    """The page with its button, or the RFC 8058 endpoint a mail client posts to."""
    name = "alerts:one_click" if one_click else "alerts:unsubscribe"
    token = unsubscribe_token(subscription)
    return _link(name, token, language=subscription.language, site_url=site_url)
