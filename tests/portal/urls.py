"""The project's URLs plus views that fail on purpose (500, lost database) and a cached page
with an inline script (its CSP nonce)."""

from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from core.pagecache import cache_public_page
from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns


def broken(request):
    raise RuntimeError("broken on purpose while serving registrant amina.test@example.org")


def database_gone(request):
    raise OperationalError("connection to server at 127.0.0.1 failed: Connection refused")


def nonce_page(request):
    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">document.title = "ok";</script>'
    )
    return HttpResponse(template.render({}, request))


urlpatterns = [
    *portal_urlpatterns,
    *i18n_patterns(
        path("broken/", broken),
        path("database-gone/", database_gone),
        path("nonce-page/", cache_public_page(nonce_page)),
        prefix_default_language=True,
    ),
]
__all__ = ["handler404", "handler500", "urlpatterns"]
