"""The project's URLs plus /bench/bare: the cheapest Django response through the same
middleware stack, the baseline of bench/public_site.py."""

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401
from portal.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare", bare), *site_urlpatterns]
