"""The API keeps its contract: schemathesis generates requests from /api/v1/openapi.json for
every operation (parameters that fit the document and parameters that do not) and checks
each response against the document it serves (status codes, content types, bodies), on a
database holding public records, their relations and sources, and drafts.

schemathesis's own pytest plugin does not run under this pytest, so each operation is a
parametrized test that runs the operation's hypothesis strategy itself."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import positive_data_acceptance

from editorial.models import Status
from events.models import EventOrganization, Participation
from portal.api import THROTTLE, api
from tests.events.factories import AgreementFactory, EventFactory, chemistry_forum_create
from tests.organizations.factories import OrganizationFactory, PersonFactory

DOCUMENT = api.get_openapi_schema()
PATHS = sorted(DOCUMENT["paths"])
# Where a request can break the document: typed query parameters (a path's string key or no
# parameter at all leaves nothing to get wrong).
TYPED_PATHS = [
    path for path in PATHS if DOCUMENT["paths"][path]["get"].get("parameters") and "{" not in path
]


@pytest.fixture
def records(db, monkeypatch):
    """A public event with every kind of relation, a draft beside it; the rate limit is
    lifted, since hundreds of requests come from one address."""
    monkeypatch.setattr(THROTTLE, "num_requests", 100_000)
    forum = chemistry_forum_create()
    person = PersonFactory(name_en="Ahmed Test")
    Participation.objects.create(event=forum, person=person, title_fr="Président")
    draft_organization = OrganizationFactory(status=Status.DRAFT)
    EventOrganization.objects.create(event=forum, organization=draft_organization, role="host")
    agreement = AgreementFactory(signing_event=forum, amount_mad=1_000_000)
    agreement.parties.set(forum.organizations.all())
    EventFactory(status=Status.DRAFT)
    return {
        "events": forum,
        "agreements": agreement,
        "organisations": forum.organizations.first(),
        "people": person,
    }


@pytest.fixture
def served_schema(records):
    """Loaded and called through the WSGI application, in this test's transaction: as in
    Django's test client, requests leave the database connection open."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def test_the_document_is_served_as_the_api_describes_itself(served_schema):
    assert sorted(served_schema.raw_schema["paths"]) == PATHS
    assert served_schema.raw_schema["openapi"].startswith("3.")


@pytest.mark.parametrize(
    ("path", "mode"),
    [(path, GenerationMode.POSITIVE) for path in PATHS]
    + [(path, GenerationMode.NEGATIVE) for path in TYPED_PATHS],
)
def test_generated_requests_get_responses_the_document_allows(served_schema, path, mode):
    operation = served_schema[path]["GET"]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    def check(case):
        # Every check but one: a slug that names no region (sector, city, organisation) is a
        # well-formed string, yet the lists refuse it with a 400, as the site's lists do.
        case.call_and_validate(excluded_checks=[positive_data_acceptance])

    check()


@pytest.mark.parametrize("path", [path for path in PATHS if "{key}" in path])
def test_each_record_by_slug_and_by_id_matches_the_document(served_schema, records, path):
    record = records[path.split("/")[3]]
    operation = served_schema[path]["GET"]
    for key in (record.slug, str(record.pk)):
        response = operation.Case(path_parameters={"key": key}).call_and_validate()
        assert response.status_code == 200
