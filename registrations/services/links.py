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


def registration_link(registration: Registration, *, site_url: str) -> str:
    """The personal page, in the registrant's language. The token is in the query string, which
    the access log leaves out (gunicorn.conf.py), not in the path."""
    with translation.override(registration.language):
        path = reverse("registrations:registration")
    # URL-safe already: base64url and ":".
    return f"{site_url.rstrip('/')}{path}?token={registration_token(registration)}"
