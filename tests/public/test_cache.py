"""The anonymous page cache: per language, bypassed for staff and CSRF forms, invalidated
by content_version_bump()."""

from django.http import HttpResponse
from django.template import engines

from events.models import Event
from portal.cache import content_version, content_version_bump
from portal.pagecache import cache_public_page

from ..factories import EventFactory, UserFactory


def test_a_page_is_cached_per_language(client, db):
    assert client.get("/ar/events/")["X-Page-Cache"] == "miss"
    arabic = client.get("/ar/events/")
    assert arabic["X-Page-Cache"] == "hit"
    french = client.get("/fr/events/")
    assert french["X-Page-Cache"] == "miss"
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/events/").content.decode()
    assert client.get("/fr/events/")["X-Page-Cache"] == "hit"


def test_the_query_string_is_part_of_the_key(client, db):
    client.get("/ar/events/?region=oriental")
    assert client.get("/ar/events/?region=souss-massa")["X-Page-Cache"] == "miss"


def test_a_bump_invalidates_every_page(client, db):
    event = Event.objects.get(slug="forum-international-de-la-chimie-2024")
    client.get(event.get_absolute_url())
    # a write the signals cannot see (a raw UPDATE), then the editorial services' bump
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
