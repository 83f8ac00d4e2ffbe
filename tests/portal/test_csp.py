"""The Content-Security-Policy header (django-csp's middleware and CONTENT_SECURITY_POLICY):
on every page, with the nonce of the page's own inline scripts, which is never cached."""

import re

import pytest
from csp.constants import HEADER
from csp.utils import build_policy


@pytest.mark.django_db
def test_a_public_page_gets_the_configured_policy(client):
    for path in ("/ar/", "/fr/events/"):
        for _request in range(2):  # rendered, then from the page cache
            policy = client.get(path)[HEADER]
            assert policy == build_policy()
            assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy
            assert "nonce-" not in policy


@pytest.mark.django_db
@pytest.mark.urls("tests.portal.urls")
def test_a_page_using_a_nonce_has_it_in_its_header_and_is_never_cached(client):
    nonces = []
    for _request in range(2):
        response = client.get("/en/nonce-page/")
        [nonce] = re.findall(r'<script nonce="([^"]+)">', response.content.decode())
        assert f"'nonce-{nonce}'" in response[HEADER]
        assert "X-Page-Cache" not in response  # a nonce is good for one response only
        nonces.append(nonce)
    assert nonces[0] != nonces[1]
