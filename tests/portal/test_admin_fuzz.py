"""The admin survives what staff can type into its query strings (issue 13).

Three inputs answered 500: a NUL byte in an autocomplete term (PostgreSQL `DataError`), a
year beyond Python's dates in a changelist filter (`OverflowError`) and an autocomplete on a
reverse relation or a plain field (`AttributeError`). Each has a test; then hypothesis
throws random values (NUL bytes, huge numbers, Arabic and bidi text, impossible dates) at
every list filter, the date hierarchy and the search of every registered ModelAdmin, and
random terms at every autocomplete, as a superuser: never a 5xx.
"""

import urllib.parse

import pytest
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "contains a NUL character"
NASTY = [
    "",
    "\x00",
    "a\x00b",
    "0",
    "-1",
    "1e309",
    "NaN",
    "99999999999",
    "-99999999999",
    "9223372036854775808",
    "99999999999999999999999999",
    "0000-00-00",
    "2025-02-30",
    "9999-12-31",
    "10000-01-01",
    "99999999999-01-01",
    "\u202e\u2066\u200f",
    "مُنْتَدَى",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "%",
    "_",
    "\\",
    "True",
    "1,2,3",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=20),
    st.integers().map(str),
    st.integers(min_value=10**9, max_value=10**30).map(str),
    st.dates().map(str),
)
FUZZ = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "x" * 20)


@pytest.fixture
def staff_client(client, superuser):
    client.force_login(superuser)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.raise_request_exception = False  # a 500 is an answer to count, not a crash
    return client


def autocomplete(client, app_label, model_name, field_name, term):
    query = {
        "app_label": app_label,
        "model_name": model_name,
        "field_name": field_name,
        "term": term,
    }
    return client.get("/admin/autocomplete/?" + urllib.parse.urlencode(query))


# -- the three findings --------------------------------------------------------------------
def test_autocomplete_with_a_nul_byte_is_a_clear_400(staff_client):
    response = autocomplete(staff_client, "events", "event", "region", "\x00")
    assert response.status_code == 400
    assert NUL_MESSAGE in response.json()["error"]
    # The same search without the NUL works.
    assert autocomplete(staff_client, "events", "event", "region", "Casa").status_code == 200


def test_changelist_year_out_of_range_is_a_clear_400(staff_client):
    response = staff_client.get("/admin/events/event/?start_date__year=99999999999")
    assert response.status_code == 400
    assert "must be between 1 and 9999" in response.content.decode()
    # Also where the year is the date hierarchy's (an AccessAttempt) and as a month.
    assert (
        staff_client.get("/admin/axes/accessattempt/?attempt_time__year=99999999999").status_code
        == 400
    )
    assert staff_client.get("/admin/events/event/?start_date__month=99999999999").status_code == 400
    assert staff_client.get("/admin/events/event/?start_date__year=2026").status_code == 200


def test_changelist_value_its_field_cannot_take_is_a_clear_400(staff_client):
    """Found by the hypothesis run below: an IP address filter with a number in it."""
    response = staff_client.get("/admin/axes/accesslog/?ip_address=0")
    assert response.status_code == 400
    assert "does not fit the field it filters" in response.content.decode()
    assert staff_client.get("/admin/axes/accesslog/?ip_address=127.0.0.1").status_code == 200


@pytest.mark.parametrize(
    ("app_label", "model_name", "field_name"),
    [
        ("organizations", "person", "positions"),  # reverse foreign key
        ("organizations", "organization", "events"),  # reverse many-to-many
        ("events", "event", "title"),  # no relation at all
    ],
)
def test_autocomplete_from_a_field_without_choices_is_a_clear_400(
    staff_client, app_label, model_name, field_name
):
    response = autocomplete(staff_client, app_label, model_name, field_name, "a")
    assert response.status_code == 400
    assert "does not point to another record" in response.json()["error"]


def test_the_guard_leaves_the_login_first(client):
    response = client.get("/admin/events/event/?start_date__year=99999999999&q=%00")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


# -- the hypothesis run --------------------------------------------------------------------
FILTERED_ADMINS = sorted(
    (
        model_admin
        for model_admin in admin.site._registry.values()
        if model_admin.list_filter or model_admin.date_hierarchy
    ),
    key=lambda model_admin: model_admin.opts.label,
)


def changelist_parameters(model_admin, superuser) -> list[str]:
    """What the changelist reads: its filters' own parameters, the date hierarchy, search,
    ordering and page, and lookups on every concrete field (the "remaining" parameters)."""
    request = RequestFactory().get("/")
    request.user = superuser
    changelist = model_admin.get_changelist_instance(request)
    names = {"o", "p", "all"}
    if model_admin.get_search_fields(request):
        names.add("q")
    for spec in changelist.filter_specs:
        names.update(spec.expected_parameters())
    if model_admin.date_hierarchy:
        names.update(f"{model_admin.date_hierarchy}__{part}" for part in ("year", "month", "day"))
    for field in model_admin.opts.concrete_fields:
        names.update({field.name, f"{field.name}__exact", f"{field.name}__gte"})
        if isinstance(field, models.DateField):
            names.update(f"{field.name}__{part}" for part in ("year", "month", "day"))
    return sorted(names)


@pytest.mark.parametrize(
    "model_admin", FILTERED_ADMINS, ids=[a.opts.label for a in FILTERED_ADMINS]
)
def test_list_filters_never_answer_5xx(staff_client, superuser, model_admin):
    names = changelist_parameters(model_admin, superuser)
    url = f"/admin/{model_admin.opts.app_label}/{model_admin.opts.model_name}/"

    @FUZZ
    @given(query=st.dictionaries(st.sampled_from(names), VALUES, min_size=1, max_size=4))
    def check(query):
        response = staff_client.get(url + "?" + urllib.parse.urlencode(query))
        assert response.status_code < 500, (url, query)

    check()


def autocomplete_targets() -> list[tuple[str, str, str]]:
    """Every field of every registered model: the relations the widgets search through,
    and the reverse relations and plain fields a hand-made URL may name."""
    return sorted(
        (model._meta.app_label, model._meta.model_name, field.name)
        for model in admin.site._registry
        for field in model._meta.get_fields()
    )


def test_autocomplete_never_answers_5xx(staff_client):
    targets = autocomplete_targets()

    @settings(FUZZ, max_examples=100)
    @given(target=st.sampled_from(targets), term=VALUES, page=VALUES)
    def check(target, term, page):
        app_label, model_name, field_name = target
        query = {
            "app_label": app_label,
            "model_name": model_name,
            "field_name": field_name,
            "term": term,
            "page": page,
        }
        response = staff_client.get("/admin/autocomplete/?" + urllib.parse.urlencode(query))
        assert response.status_code < 500, query

    check()
