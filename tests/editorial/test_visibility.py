"""Nothing unreviewed reaches visitors: drafts, records in review, archived records and
records scheduled for later appear on no public page, feed, sitemap, calendar or search
result, even where a published record links to them; once published, they do."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from editorial import transitions
from editorial.models import Status
from events.models import EventOrganization, Participation

from .conftest import make_record

pytestmark = pytest.mark.django_db

LANGUAGES = ["ar", "fr", "en"]
HIDDEN_STATES = [Status.DRAFT, Status.REVIEW, Status.ARCHIVED, "scheduled"]
KINDS = ["event", "agreement", "organization", "person"]
TITLE = {"event": "title", "agreement": "title", "organization": "name", "person": "name"}
# One rare word in every hidden record's name, so a search for it finds only them.
WORD = "Zirconite"


def hidden_record(kind, state):
    field = TITLE[kind]
    fields = {
        f"{field}_ar": f"سجل {state} {kind} {WORD}",
        f"{field}_fr": f"{WORD} {state} {kind} fr",
        f"{field}_en": f"{WORD} {state} {kind} en",
    }
    if state == "scheduled":
        fields["publish_at"] = timezone.now() + datetime.timedelta(days=2)
        fields["published_at"] = None  # approved, not live yet
        return make_record(kind, Status.PUBLISHED, **fields)
    return make_record(kind, state, **fields)


@pytest.fixture
def world(db):
    """Hidden records of every kind in every hidden state, linked from published ones."""
    event = make_record("event", Status.PUBLISHED)
    organization = make_record("organization", Status.PUBLISHED)
    EventOrganization.objects.create(event=event, organization=organization, role="organizer")
    person = make_record("person", Status.PUBLISHED)
    published_agreement = make_record("agreement", Status.PUBLISHED)
    published_agreement.parties.add(organization)
    records = {(k, s): hidden_record(k, s) for k in KINDS for s in HIDDEN_STATES}
    for state in HIDDEN_STATES:
        EventOrganization.objects.create(
            event=event, organization=records[("organization", state)], role="partner"
        )
        EventOrganization.objects.create(
            event=records[("event", state)], organization=organization, role="organizer"
        )
        Participation.objects.create(event=event, person=records[("person", state)])
        agreement = records[("agreement", state)]
        agreement.signing_event = event
        agreement.save()
        agreement.parties.add(organization)
        published_agreement.parties.add(records[("organization", state)])
    return {
        "event": event,
        "organization": organization,
        "person": person,
        "agreement": published_agreement,
        "records": records,
    }


def public_urls(world, language):
    """Every public page a hidden record could leak into, in one language."""
    with translation.override(language):
        urls = [
            reverse("home"),
            reverse("events:list"),
            reverse("events:list") + "?when=upcoming",
            reverse("events:agreements"),
            reverse("organizations:list"),
            reverse("organizations:list") + "?page=2",
            reverse("search") + f"?q={WORD}",
            reverse("search") + "?q=%D8%B3%D8%AC%D9%84",  # سجل
            reverse("events:feed"),
            reverse("events:feed_rss"),
            world["event"].get_absolute_url(),
            reverse("events:calendar", args=[world["event"].slug]),
            world["organization"].get_absolute_url(),
            world["person"].get_absolute_url(),
            world["agreement"].get_absolute_url(),
        ]
    return (
        urls
        + ["/sitemap.xml"]
        + [
            f"/sitemap-{section}.xml"
            for section in ("pages", "events", "organizations", "people", "agreements")
        ]
    )


def own_urls(record, language):
    with translation.override(language):
        urls = [record.get_absolute_url()]
        if record._meta.model_name == "event":
            urls.append(reverse("events:calendar", args=[record.slug]))
    return urls


def markers(record):
    field = TITLE[record._meta.model_name]
    return [getattr(record, f"{field}_{code}") for code in LANGUAGES] + [record.slug]


def fetch(client, url):
    response = client.get(url)
    assert response.status_code in (200, 404), (url, response.status_code)
    content = response.content.decode()
    return response.status_code, content


def test_hidden_records_never_appear_and_do_after_publish(
    client, world, publisher, django_capture_on_commit_callbacks
):
    hidden = list(world["records"].values())
    for language in LANGUAGES:
        for url in public_urls(world, language):
            status, content = fetch(client, url)
            if url.endswith(("page=2",)) and status == 404:
                continue
            assert status == 200, url
            for record in hidden:
                for marker in markers(record):
                    assert marker not in content, (url, marker)
        for record in hidden:
            for url in own_urls(record, language):
                assert client.get(url).status_code == 404, url

    # Publish them all through the workflow (the public pages' cache is bumped on commit).
    with django_capture_on_commit_callbacks(execute=True):
        for (_kind, state), record in world["records"].items():
            if state == Status.ARCHIVED:
                transitions.record_restore(record=record, user=publisher)
            if state in (Status.DRAFT, Status.ARCHIVED):
                transitions.record_submit(record=record, user=publisher)
            if state != "scheduled":
                transitions.record_publish(record=record, user=publisher)
    # The scheduled ones: their time comes (publish_due, run by cron, bumps the cache).
    for (_kind, state), record in world["records"].items():
        if state == "scheduled":
            type(record).objects.filter(pk=record.pk).update(
                publish_at=timezone.now() - datetime.timedelta(seconds=1)
            )
    assert transitions.scheduled_publish_due() == len(KINDS)

    for language in LANGUAGES:
        for record in hidden:
            for url in own_urls(record, language):
                assert client.get(url).status_code == 200, url
        with translation.override(language):
            event_page = fetch(client, world["event"].get_absolute_url())[1]
            search = fetch(client, reverse("search") + f"?q={WORD}")[1]
            feed = fetch(client, reverse("events:feed"))[1]
            listing = fetch(client, reverse("events:list"))[1]
        field = {"ar": "_ar", "fr": "_fr", "en": "_en"}[language]
        for state in HIDDEN_STATES:
            org = world["records"][("organization", state)]
            person = world["records"][("person", state)]
            agreement = world["records"][("agreement", state)]
            event = world["records"][("event", state)]
            assert getattr(org, "name" + field) in event_page
            assert getattr(person, "name" + field) in event_page
            assert getattr(agreement, "title" + field) in event_page
            assert getattr(event, "title" + field) in listing
            assert event.slug in feed
            for record in (org, person, agreement, event):
                assert own_urls(record, language)[0] in search  # titles are highlighted
    sitemap = fetch(client, "/sitemap-events.xml")[1]
    assert all(world["records"][("event", s)].slug in sitemap for s in HIDDEN_STATES)


def test_scheduled_records_go_public_on_time_without_any_command(client, publisher):
    record = make_record(
        "event",
        Status.REVIEW,
        title_fr=f"{WORD} programmé",
        publish_at=timezone.now() + datetime.timedelta(hours=3),
    )
    transitions.record_publish(record=record, user=publisher)
    assert client.get(f"/fr/events/{record.slug}/").status_code == 404
    type(record).objects.filter(pk=record.pk).update(
        publish_at=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = client.get(f"/fr/events/{record.slug}/")
    assert response.status_code == 200 and f"{WORD} programmé" in response.content.decode()
