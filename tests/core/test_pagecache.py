"""The anonymous page cache (core.pagecache): per URL and
language, bypassed for staff, never storing what is good for one response only, and
invalidated by the one receiver of core.cache on publish, unpublish and edits."""

import datetime
import time
from types import SimpleNamespace

from django.core.cache import cache
from django.core.cache.backends import locmem
from django.http import HttpResponse
from django.template import engines
from django.test import Client

from core import pagecache
from core.cache import CONTENT_VERSION_KEY, content_version, content_version_bump
from core.pagecache import cache_public_page
from editorial import transitions
from editorial.models import Status
from events.models import Event
from registrations.models import Registration
from tests.editorial.factories import UserFactory
from tests.events.factories import EventFactory
from tests.registrations.factories import OpenEventFactory, registration_form_data


def test_a_page_is_cached_per_language(client, db):
    assert client.get("/ar/events/")["X-Page-Cache"] == "miss"
    arabic = client.get("/ar/events/")
    assert arabic["X-Page-Cache"] == "hit"
    french = client.get("/fr/events/")
    assert french["X-Page-Cache"] == "miss"
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/events/").content.decode()
    assert client.get("/fr/events/")["X-Page-Cache"] == "hit"


def test_browsers_are_not_told_to_keep_a_page(client, db):
    """A publish retires the server's copy at once; a browser's would outlive it."""
    for state in ("miss", "hit"):
        response = client.get("/ar/")
        assert response["X-Page-Cache"] == state
        assert "max-age" not in response.get("Cache-Control", "")
        assert not response.has_header("Expires")


def test_the_query_string_is_part_of_the_key(client, db):
    client.get("/ar/events/?region=oriental")
    assert client.get("/ar/events/?region=souss-massa")["X-Page-Cache"] == "miss"


def test_a_bump_invalidates_every_page(client, db):
    event = EventFactory(title="عنوان قديم")
    client.get(event.get_absolute_url())
    # a write the signals cannot see (a raw UPDATE), then the bump such writers call
    Event.objects.filter(pk=event.pk).update(title_ar="عنوان جديد")
    assert "عنوان جديد" not in client.get(event.get_absolute_url()).content.decode()
    version = content_version()
    content_version_bump()
    assert content_version() == version + 1
    fresh = client.get(event.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss" and "عنوان جديد" in fresh.content.decode()


def test_saving_a_record_invalidates_too(client, db):
    client.get("/ar/events/")
    event = EventFactory(title="حدث جديد بعد التخزين")
    response = client.get("/ar/events/")
    assert response["X-Page-Cache"] == "miss" and event.title in response.content.decode()
    event.title = "عنوان معدل"
    event.save()
    assert "عنوان معدل" in client.get("/ar/events/").content.decode()


def test_publish_and_unpublish_on_the_editorial_desk_invalidate(client, db):
    """The workflow calls no cache code: the record's save is what retires the pages."""
    publisher = UserFactory(is_superuser=True)
    event = EventFactory(title="منتدى قيد المراجعة", status=Status.REVIEW, published_at=None)
    assert event.title not in client.get("/ar/events/").content.decode()
    assert client.get("/ar/events/")["X-Page-Cache"] == "hit"
    transitions.record_publish(record=event, user=publisher)
    published = client.get("/ar/events/")
    assert published["X-Page-Cache"] == "miss" and event.title in published.content.decode()
    transitions.record_archive(record=event, user=publisher)
    assert event.title not in client.get("/ar/events/").content.decode()


def test_a_sign_up_leaves_the_cached_pages_alone(client, db, django_capture_on_commit_callbacks):
    """A registration, its queued e-mail and its task are not content: pages stay cached."""
    event = OpenEventFactory()
    client.get("/ar/events/")
    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(f"/ar/events/{event.slug}/register/", registration_form_data())
    assert response.status_code == 303 and Registration.objects.filter(event=event).count() == 1
    assert client.get("/ar/events/")["X-Page-Cache"] == "hit"


def test_logged_in_staff_bypass_the_cache(client, db):
    client.get("/ar/")
    assert client.get("/ar/")["X-Page-Cache"] == "hit"
    client.force_login(UserFactory())
    response = client.get("/ar/")
    assert "X-Page-Cache" not in response and response.context is not None


def test_pages_rendering_a_csrf_token_are_never_stored(rf):
    template = engines["django"].from_string("<form method=post>{% csrf_token %}</form>")
    calls = []

    def form_view(request):
        calls.append(1)
        return HttpResponse(template.render({}, request))

    view = cache_public_page(form_view)
    for _ in range(2):
        response = view(rf.get("/ar/form/"))
        assert "csrfmiddlewaretoken" in response.content.decode()
        assert "X-Page-Cache" not in response
    assert len(calls) == 2


def test_errors_and_bad_requests_are_not_cached(client, db):
    client.get("/en/events/?region=atlantis")
    assert "X-Page-Cache" not in client.get("/en/events/?region=atlantis")
    client.get("/ar/events/no-such-event/")
    assert "X-Page-Cache" not in client.get("/ar/events/no-such-event/")


def test_a_page_rendered_yesterday_is_not_served_today(client, db, monkeypatch):
    """ "Upcoming" turns into "past" at midnight: the day is stored with the page."""
    today = datetime.date(2026, 3, 10)
    monkeypatch.setattr(pagecache.timezone, "localdate", lambda: today)
    client.get("/ar/events/")
    assert client.get("/ar/events/")["X-Page-Cache"] == "hit"
    today = datetime.date(2026, 3, 11)
    assert client.get("/ar/events/")["X-Page-Cache"] == "miss"
    assert client.get("/ar/events/")["X-Page-Cache"] == "hit"


def test_a_response_that_varies_is_not_stored(rf):
    """The key holds the URL and the language only: what varies on more is served fresh."""
    calls = []

    def varying_view(request):
        calls.append(1)
        response = HttpResponse("ok")
        response["Vary"] = "Accept-Encoding"
        return response

    view = cache_public_page(varying_view)
    for _ in range(2):
        assert "X-Page-Cache" not in view(rf.get("/ar/varying/"))
    assert len(calls) == 2


def test_a_worker_serves_its_own_copy_for_a_few_seconds(client, db, settings, monkeypatch):
    """Micro-caching with a shared cache: another worker's bump shows here once this worker's
    copy is older than PAGE_CACHE_LOCAL_SECONDS."""
    settings.PAGE_CACHE_LOCAL_SECONDS = 2
    event = EventFactory(title="عنوان قديم")
    client.get(event.get_absolute_url())
    Event.objects.filter(pk=event.pk).update(title_ar="عنوان جديد")
    cache.incr(CONTENT_VERSION_KEY)  # another worker's bump: this worker's copies stay
    assert "عنوان قديم" in client.get(event.get_absolute_url()).content.decode()
    later = time.time() + 3
    monkeypatch.setattr(locmem, "time", SimpleNamespace(time=lambda: later))
    fresh = client.get(event.get_absolute_url())
    assert fresh["X-Page-Cache"] == "miss" and "عنوان جديد" in fresh.content.decode()


def test_a_bump_retires_the_bumping_workers_copies_at_once(client, db, settings):
    settings.PAGE_CACHE_LOCAL_SECONDS = 2
    client.get("/ar/")
    assert client.get("/ar/")["X-Page-Cache"] == "hit"
    content_version_bump()
    assert client.get("/ar/")["X-Page-Cache"] == "miss"
