"""What the read API answers around its records: conditional GET (ETag, Last-Modified, 304),
caching, CORS on /api/ only, the rate limit, its OpenAPI document and its docs page."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date, parse_http_date

from editorial.models import Status
from portal.api import THROTTLE
from tests.events.factories import EventFactory

EVENTS = "/api/v1/events/"
ORIGIN = "https://data.example.org"


def test_an_unchanged_response_is_304_on_its_etag(client, chemistry_forum):
    first = client.get(EVENTS)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(EVENTS, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again.content == b""
    assert client.get(f"{EVENTS}?kind=exhibition", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_a_change_changes_the_etag(client, chemistry_forum):
    etag = client.get(EVENTS)["ETag"]
    chemistry_forum.title_fr = "Forum de la chimie, édition révisée"
    chemistry_forum.save()
    response = client.get(EVENTS, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_an_unchanged_response_is_304_since_its_last_modified(client, chemistry_forum):
    first = client.get(f"{EVENTS}{chemistry_forum.slug}/")
    last_modified = first["Last-Modified"]
    assert parse_http_date(last_modified) <= timezone.now().timestamp()
    again = client.get(f"{EVENTS}{chemistry_forum.slug}/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=60"


def test_a_publish_moves_last_modified_at_once(client, chemistry_forum):
    """Even within the second of the last change: HTTP dates count whole seconds."""
    last_modified = client.get(EVENTS)["Last-Modified"]
    draft = EventFactory(status=Status.DRAFT)
    draft.status = Status.PUBLISHED
    draft.save()
    response = client.get(EVENTS, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert response.status_code == 200
    assert draft.slug in {event["slug"] for event in response.json()["results"]}
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(last_modified)


def test_a_scheduled_go_live_moves_last_modified(client, db):
    went_live = timezone.now() - datetime.timedelta(minutes=5)
    EventFactory(publish_at=went_live)
    earlier = http_date(went_live.timestamp() - 60)
    assert client.get(EVENTS, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_errors_are_not_cached(client, db):
    response = client.get(f"{EVENTS}?region=nowhere")
    assert response.status_code == 400
    assert "Cache-Control" not in response


def test_cors_allows_any_site_to_read_the_api(client, db):
    response = client.get(EVENTS, HTTP_ORIGIN=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    preflight = client.options(EVENTS, HTTP_ORIGIN=ORIGIN, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET")
    assert preflight.status_code == 200
    allowed = {method.strip() for method in preflight["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


@pytest.mark.parametrize("path", ["/ar/events/", "/healthz", "/admin/login/"])
def test_no_cors_headers_outside_the_api(client, db, path):
    response = client.get(path, HTTP_ORIGIN=ORIGIN)
    assert "Access-Control-Allow-Origin" not in response


def test_head_gives_the_headers_of_get(client, chemistry_forum):
    get = client.get(EVENTS)
    head = client.head(EVENTS)
    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]


def test_writes_are_not_allowed(client, db):
    assert client.post(EVENTS, {}).status_code == 405


def test_too_many_requests_get_429_json_with_when_to_retry(client, db, monkeypatch):
    monkeypatch.setattr(THROTTLE, "num_requests", 3)
    for _n in range(3):
        assert client.get("/api/v1/sectors/").status_code == 200
    response = client.get("/api/v1/regions/")
    assert response.status_code == 429
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]
    assert 0 < int(response["Retry-After"]) <= 60
    other_client = client.get("/api/v1/regions/", REMOTE_ADDR="192.0.2.7")
    assert other_client.status_code == 200


def test_the_default_rate_limit_is_a_per_minute_budget(settings):
    assert settings.API_RATE_LIMIT == "120/min"
    assert (THROTTLE.num_requests, THROTTLE.duration) == (120, 60)


def test_the_openapi_document_describes_every_resource(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["info"]["version"] == "1"
    assert set(document["paths"]) == {
        f"/api/v1/{resource}/{suffix}"
        for resource, key in [
            ("events", "{key}"),
            ("agreements", "{key}"),
            ("organisations", "{key}"),
            ("people", "{key}"),
            ("regions", "{slug}"),
            ("sectors", "{slug}"),
        ]
        for suffix in ("", f"{key}/")
    }
    events = document["paths"]["/api/v1/events/"]["get"]
    assert {p["name"] for p in events["parameters"]} >= {
        "region",
        "sector",
        "kind",
        "when",
        "date_from",
        "date_to",
        "q",
        "page",
        "limit",
    }
    assert set(events["responses"]) >= {"200", "400", "429"}


def test_the_docs_page_serves_swagger_ui_from_this_site(client, db):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<script src="/static/ninja/swagger-ui-bundle.js">' in html
    assert "/api/v1/openapi.json" in html
    assert "cdn" not in html.lower()
