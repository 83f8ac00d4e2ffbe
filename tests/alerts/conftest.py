import re

import pytest

SITE_URL = "https://industry.example.ma"


@pytest.fixture(autouse=True)
def site_url(settings):
    """The digests' links are written outside a request, from settings.SITE_URL."""
    settings.SITE_URL = SITE_URL
    return SITE_URL


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what the commit of a change runs: the e-mail tasks it enqueues (on the test suite's
    ImmediateBackend, they send at once)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def link_in(text: str, name: str) -> str:
    """The path and query of the first link to alerts/<name>/ in an e-mail's text."""
    match = re.search(rf"https?://[^/\s]+(/\w\w/alerts/{name}/\?token=[\w:\-]+)", text)
    assert match, f"no {name} link in {text!r}"
    return match.group(1)
