"""The personal link in every e-mail: a signed, expiring token of the registration's reference,
so a registrant sees or cancels their registration without an account."""

import datetime

from django.core import signing
from django.urls import reverse
from django.utils import translation

from ..exceptions import BadToken, ExpiredToken
from ..models import Registration

TOKEN_SALT = "registrations.personal-link"
# The personal link outlives any registration window; past this age it must be re-sent.
TOKEN_MAX_AGE = datetime.timedelta(days=400)

DUPLICATE_SALT = "registrations.duplicate-outcome"
# Long enough to read the page after the redirect, short enough that a copied address soon
# says nothing.
DUPLICATE_MAX_AGE = datetime.timedelta(hours=1)


def registration_token(registration: Registration) -> str:
    return signing.dumps(registration.reference, salt=TOKEN_SALT)


def registration_from_token(token: str) -> Registration:
    try:
        reference = signing.loads(token, salt=TOKEN_SALT, max_age=TOKEN_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise BadToken from error
    try:
        return Registration.objects.select_related("event__commune", "event__region").get(
            reference=reference
        )
    except Registration.DoesNotExist as error:
        raise BadToken from error


def duplicate_outcome_token(*, event_id: int, email: str) -> str:
    """The "already registered" page after a sign-up is refused: it shows back the address the
    visitor typed, for that event only, and nothing of the registration that holds it."""
    return signing.dumps({"event": event_id, "email": email}, salt=DUPLICATE_SALT)


def duplicate_outcome_email(token: str, *, event_id: int) -> str:
    """The address signed for this event; BadToken or ExpiredToken otherwise."""
    try:
        value = signing.loads(token, salt=DUPLICATE_SALT, max_age=DUPLICATE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken from error
    except signing.BadSignature as error:
        raise BadToken from error
    if not isinstance(value, dict) or value.get("event") != event_id:
        raise BadToken
    return str(value.get("email", ""))


def registration_link(registration: Registration, *, site_url: str) -> str:
    """The personal page, in the registrant's language. The token is in the query string, which
    the access log leaves out (gunicorn.conf.py), not in the path."""
    with translation.override(registration.language):
        path = reverse("registrations:registration")
    # URL-safe already: base64url and ":".
    return f"{site_url.rstrip('/')}{path}?token={registration_token(registration)}"
