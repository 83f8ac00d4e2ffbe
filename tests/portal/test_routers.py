"""DATABASE_REPLICA_URLS: public read-only pages read from a replica, everything else from the
primary. The replica here is a second alias on the same test database (TEST MIRROR)."""

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from portal.ops_middleware import ReplicaRoutingMiddleware
from tests.editorial.factories import UserFactory

from .conftest import REPLICA

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", REPLICA])


def tables_read(captured) -> set[str]:
    return {
        table
        for query in captured.captured_queries
        for table in ("events_event", "auth_user", "django_session", "taxonomy_region")
        if f'"{table}"' in query["sql"]
    }


def get(client, path, **extra):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections[REPLICA]) as replica,
    ):
        response = client.get(path, **extra)
    return response, tables_read(primary), tables_read(replica)


@pytest.fixture(autouse=True)
def _reference_data_reloaded(transactional_db):
    """Requested by name so tests/conftest.py reloads the reference data after the flush."""


@pytest.fixture
def replicated(settings):
    settings.DATABASE_REPLICAS = [REPLICA]
    settings.PUBLIC_PAGE_CACHE = False  # every request renders, so every read is seen


def test_public_pages_read_from_the_replica(client, replicated):
    for path in ("/fr/events/", "/ar/"):
        response, primary, replica = get(client, path)
        assert response.status_code == 200
        assert "events_event" in replica, path
        assert "events_event" not in primary, path


def test_admin_and_sessions_stay_on_the_primary(client, replicated):
    client.force_login(UserFactory(is_superuser=True))
    response, primary, replica = get(client, "/admin/events/event/")
    assert response.status_code == 200
    assert replica == set()
    assert {"events_event", "django_session", "auth_user"} <= primary

    # A staff member on a public page: content from the replica, never the session or user.
    response, primary, replica = get(client, "/fr/events/")
    assert "events_event" in replica
    assert not replica & {"django_session", "auth_user"}


def test_after_a_write_the_client_reads_from_the_primary(client, replicated):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/fr/events/"})
    assert response.status_code == 302
    assert ReplicaRoutingMiddleware.PIN_COOKIE in response.cookies
    response, primary, replica = get(client, "/fr/events/")
    assert response.status_code == 200
    assert "events_event" in primary
    assert replica == set()


def test_without_replicas_everything_reads_from_the_primary(client):
    response, primary, replica = get(client, "/fr/events/")
    assert response.status_code == 200
    assert "events_event" in primary
    assert replica == set()
