"""Reference data (regions, provinces, communes and sectors) is loaded once per session and is
always there: tests add their own records on top of it. The demo records are not: a test that
needs them asks for `demo_data`."""

import datetime

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.utils import timezone, translation
from pytest_django.plugin import blocking_manager_key

from extraction.demo import demo_load
from taxonomy.geography import geography_load
from tests.events.factories import EventFactory


def reference_data_load():
    geography_load()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        reference_data_load()


@pytest.fixture
def demo_data(db):
    """The five seed articles' records, as `make run` shows them (rolled back after the test)."""
    return demo_load()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Transactional tests end with a flush that empties every table: load it back.

    A hook, not an autouse fixture: live_server sets up transactional_db in pytest-django's
    own autouse fixture, whose flush would run after a fixture's reload and undo it."""
    yield
    if nextitem is None:  # the session is over and the test database is gone
        return
    if "transactional_db" in item.fixturenames or "live_server" in item.fixturenames:
        with item.config.stash[blocking_manager_key].unblock():
            reference_data_load()


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts and ends with empty caches: the page cache (and each worker's copies
    of pages), the content version and the rate limits of one test never leak into another."""
    for alias in ("default", "pages-local", "ratelimit"):
        caches[alias].clear()
    yield
    for alias in ("default", "pages-local", "ratelimit"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the site's default language (a request leaves its language active
    in the thread); the factories' untranslated fields go to the active language's column."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


@pytest.fixture
def english(client):
    """For tests that read messages of the admin and the services in English."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """The manifest storage needs collectstatic; tests render templates without it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def pytest_collection_modifyitems(config, items):
    if django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL: set DATABASE_URL=postgres://... (CI does)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture
def fifty_events(db):
    """Fifty public events, upcoming and past, in Casablanca-Settat's main city."""
    today = timezone.localdate()
    return [
        EventFactory(
            start_date=today + datetime.timedelta(days=n - 25),
            end_date=today + datetime.timedelta(days=n - 25),
        )
        for n in range(50)
    ]
