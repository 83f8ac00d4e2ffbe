"""Brute-force protection of the login (django-axes; it counts by core.http.client_ip)."""

from axes.backends import AxesStandaloneBackend


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
