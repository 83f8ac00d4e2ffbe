"""Property-based fuzzing of every public query parameter and form (hypothesis).

Thousands of generated inputs (Arabic, RTL and bidi marks, NUL bytes, huge strings, bad and
impossible dates, SQL and HTML, numbers of every shape) over the events filters, search,
the directories, pagination, unknown paths, the registration form, the personal (cancel)
links and the language switch. The property: never a 5xx; an HTML answer is in the page's
language; bad input writes nothing. The number of inputs tried is printed at the end and
written to test-artifacts/fuzz.json.
"""

import json
import urllib.parse
from collections import Counter

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events.models import Event
from organizations.models import Organization
from registrations.models import Registration
from registrations.services import links, seats
from tests.registrations.factories import OpenEventFactory, registration_form_data

from .conftest import ROOT

pytestmark = pytest.mark.django_db

TRIED: Counter = Counter()
SERVER_ERRORS: Counter = Counter()
LANGUAGES = ("ar", "fr", "en")
NASTY = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "%00",
    "\u200f",  # right-to-left mark
    "\u202e\u202d\u2066\u2069",  # bidi overrides and isolates
    "\ufeff",
    "\u0640\u0640",  # tatweel
    "مُنْتَدَى",
    "الدار البيضاء",
    "أإآٱىة",
    "١٢٣٤",  # Arabic-Indic digits
    "2025-02-30",
    "2025-13-01",
    "0000-00-00",
    "9999-12-31",
    "10000-01-01",
    "-1",
    "0",
    "1e309",
    "NaN",
    "99999999999999999999999",
    "' OR 1=1 --",
    '"; DROP TABLE events_event; --',
    "<script>alert(1)</script>",
    "{{ request }}",
    "../../etc/passwd",
    "casablanca-settat",
    "chemistry",
    "forum",
    "upcoming",
    "ا" * 5000,
    "x" * 100_000,
]
nasty_text = st.one_of(
    st.sampled_from(NASTY),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=80),
    st.text(st.characters(min_codepoint=0x0600, max_codepoint=0x06FF), max_size=60),
    st.text(st.sampled_from("\u200e\u200f\u202a\u202b\u202c\u061c ا-0\x00"), max_size=20),
    st.dates().map(lambda d: d.isoformat()),
    st.from_regex(r"\A-?[0-9]{1,6}-[0-9]{1,3}-[0-9]{1,3}\Z"),
    st.integers().map(str),
)


def fuzz(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


def report() -> str:
    """The summary line (printed by tests/portal/conftest.py at the end of the run)."""
    total = sum(TRIED.values())
    errors = sum(SERVER_ERRORS.values())
    artifacts = ROOT / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    (artifacts / "fuzz.json").write_text(
        json.dumps({"inputs": dict(TRIED), "total": total, "5xx": errors})
    )
    return (
        f"fuzzing: {total} generated inputs, {errors} answers >= 500"
        f" ({', '.join(f'{k} {v}' for k, v in sorted(TRIED.items()))})"
    )


@pytest.fixture
def fuzz_settings(settings):
    settings.REGISTRATION_RATE_LIMIT_ENABLED = False
    return settings


def assert_sane(response, language: str) -> None:
    if response.status_code >= 500:
        SERVER_ERRORS[response.status_code] += 1
    assert response.status_code < 500, response.content[:2000]
    if response.status_code in (200, 400, 404) and "text/html" in response.get("Content-Type", ""):
        assert f'<html lang="{language}"'.encode() in response.content[:1000]


def counts() -> tuple[int, ...]:
    return (Registration.objects.count(), Event.objects.count(), Organization.objects.count())


@fuzz(400)
@given(
    language=st.sampled_from(LANGUAGES),
    params=st.dictionaries(
        st.sampled_from(
            [
                "q",
                "region",
                "sector",
                "kind",
                "when",
                "date_from",
                "date_to",
                "city",
                "organization",
                "page",
            ]
        ),
        nasty_text,
        max_size=5,
    ),  # fmt: skip
    accept_language=nasty_text,
)
def test_event_filters(client, language, params, accept_language):
    TRIED["events filters"] += 1
    response = client.get(
        f"/{language}/events/", params, HTTP_ACCEPT_LANGUAGE=accept_language[:200]
    )
    assert_sane(response, language)


@fuzz(300)
@given(language=st.sampled_from(LANGUAGES), q=nasty_text, page=nasty_text)
def test_search(client, language, q, page):
    TRIED["search"] += 1
    assert_sane(client.get(f"/{language}/search/", {"q": q, "page": page}), language)


@fuzz(200)
@given(
    language=st.sampled_from(LANGUAGES),
    section=st.sampled_from(["organizations/", "agreements/", ""]),
    params=st.dictionaries(
        st.sampled_from(["q", "kind", "region", "sector", "page"]), nasty_text, max_size=4
    ),
)
def test_directories_and_home(client, language, section, params):
    TRIED["directories"] += 1
    assert_sane(client.get(f"/{language}/{section}", params), language)


@fuzz(250)
@given(
    language=st.sampled_from(LANGUAGES),
    section=st.sampled_from(["events", "organizations", "people", "agreements", "registration"]),
    segment=nasty_text,
)
def test_unknown_paths(client, language, section, segment):
    TRIED["paths"] += 1
    path = f"/{language}/{section}/{urllib.parse.quote(segment[:300], safe='')}/"
    assert_sane(client.get(path), language)


@pytest.fixture
def open_event(db):
    return OpenEventFactory(capacity=None)


@fuzz(450)
@given(
    language=st.sampled_from(LANGUAGES),
    fields=st.dictionaries(st.sampled_from(list(registration_form_data())), nasty_text, min_size=1),
)
def test_registration_form(client, fuzz_settings, open_event, language, fields):
    TRIED["registration form"] += 1
    data = registration_form_data(**fields)
    before = counts()
    response = client.post(f"/{language}/events/{open_event.slug}/register/", data)
    assert_sane(response, language)
    if response.status_code == 303:
        # Valid after all: exactly one registration, with what was sent.
        assert counts() == (before[0] + 1, *before[1:])
        Registration.objects.filter(event=open_event).delete()
    else:
        assert counts() == before


@pytest.fixture
def registration(open_event):
    return seats.registration_create(
        event=open_event, full_name="مشارك", email="link@example.ma", site_url="http://testserver"
    )


@fuzz(250)
@given(
    language=st.sampled_from(LANGUAGES),
    token=nasty_text,
    action=nasty_text,
    kind=st.sampled_from(["nasty", "tampered", "real"]),
)
def test_personal_links(client, registration, language, token, action, kind):
    """The e-mailed link, /<language>/registration/?token=…: a nasty, a tampered (a real token
    with something appended or cut) or the real token, read then posted with a nasty action."""
    TRIED["personal links"] += 1
    real = links.registration_token(registration)
    if kind == "tampered":
        token = real[: len(real) // 2] + token if token else real[:-3]
    elif kind == "real":
        token = real
    query = f"?token={urllib.parse.quote(token[:500], safe='')}"
    before = counts()
    assert_sane(client.get(f"/{language}/registration/{query}"), language)
    # The personal page never writes (cancelling has a page of its own).
    assert_sane(client.post(f"/{language}/registration/{query}", {"action": action}), language)
    if kind != "real":
        assert_sane(client.get(f"/{language}/registration/cancel/{query}"), language)
        assert_sane(client.post(f"/{language}/registration/cancel/{query}"), language)
    registration.refresh_from_db()
    assert counts() == before
    assert registration.status != "cancelled"


@fuzz(150)
@given(language=nasty_text, next_url=nasty_text)
def test_language_switch(language, next_url):
    TRIED["language switch"] += 1
    client = Client()
    response = client.post("/i18n/setlang/", {"language": language, "next": next_url})
    assert_sane(response, "")
    if response.status_code == 302:
        target = urllib.parse.urlsplit(response["Location"])
        assert not target.netloc or target.netloc == "testserver"  # no open redirect
