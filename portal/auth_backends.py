"""Brute-force protection of the login (django-axes), and the client address it counts by."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings


class LoginAttemptsBackend(AxesStandaloneBackend):
    """Axes' lockout check for every login made over HTTP.

    An authenticate() call without a request (the test client's login(), a shell, a
    management command) is not a web login and cannot be brute-forced from outside: Axes
    would raise on it, this backend lets the next backends decide.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request) -> str:
    """REMOTE_ADDR, or behind DJANGO_PROXY_COUNT trusted proxies the address the first of
    them saw in X-Forwarded-For (the entries before it can be forged by the client)."""
    count = settings.PROXY_COUNT
    if count:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")
