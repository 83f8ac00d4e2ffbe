"""The Content-Security-Policy header: built once for the usual response, by django-csp for
any response with a nonce or a policy of its own."""

import pytest
from csp.constants import HEADER
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.utils import build_policy
from django.http import HttpResponse
from django.test import RequestFactory

from portal.ops_middleware import CSPMiddleware


def serve(view, *, use_nonce=False):
    """The response after the middleware, and the nonce the view used, if any."""
    middleware = CSPMiddleware(view)
    request = RequestFactory().get("/")
    middleware.process_request(request)
    nonce = str(request.csp_nonce) if use_nonce else None
    return middleware.process_response(request, view(request)), nonce


def page(request):
    return HttpResponse("<p>page</p>")


def test_the_usual_response_gets_the_policy_django_csp_builds():
    response, _nonce = serve(page)
    assert response[HEADER] == build_policy()
    assert "script-src 'self'" in response[HEADER] and "nonce-" not in response[HEADER]


def test_a_nonce_used_by_the_page_is_in_its_header():
    response, nonce = serve(page, use_nonce=True)
    assert f"'nonce-{nonce}'" in response[HEADER]
    assert response[HEADER] == build_policy(nonce=nonce)


def test_a_view_with_its_own_policy_keeps_it():
    response, _nonce = serve(csp_update({"img-src": ["https://maps.example.org"]})(page))
    assert "https://maps.example.org" in response[HEADER]
    assert HEADER not in serve(csp_exempt()(page))[0]


def test_a_nonce_asked_for_after_the_header_is_written_is_an_error():
    middleware = CSPMiddleware(page)
    request = RequestFactory().get("/")
    middleware.process_request(request)
    middleware.process_response(request, page(request))
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
