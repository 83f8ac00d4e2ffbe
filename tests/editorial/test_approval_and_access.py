"""Approval is of the version the publisher saw (change page, bulk actions, a racing save),
and drafts are only for the people who may see them (not registration managers)."""

import html as html_lib
import re
import threading
import time

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import close_old_connections, connection, transaction
from django.test import Client
from django.urls import reverse

from editorial import transitions
from editorial.models import Status, Transition
from editorial.preview import preview_url
from events.models import Event

from ..admin_forms import form_data
from .conftest import make_record, make_user
from .test_admin import change_url, changelist_url

STALE = "This record was changed after you opened it; review the new version."


def hidden_inputs(fragment: str) -> dict[str, str]:
    """The hidden inputs of an HTML fragment, as a browser posts them back."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", fragment):
        if 'type="hidden"' not in tag:
            continue
        name = re.search(r'name="([^"]*)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            data[html_lib.unescape(name.group(1))] = html_lib.unescape(
                value.group(1) if value else ""
            )
    return data


def step_form(page: str, step: str) -> tuple[str, dict[str, str]]:
    """The action and the hidden fields of a workflow button's form on a change page."""
    match = re.search(
        rf'<form method="post" action="([^"]+)" class="editorial-step step-{step}">(.*?)</form>',
        page,
        re.S,
    )
    assert match, f"no {step} button"
    return html_lib.unescape(match.group(1)), hidden_inputs(match.group(2))


def changelist_form(page: str) -> dict[str, str]:
    match = re.search(r'<form id="changelist-form"(.*?)</form>', page, re.S)
    assert match
    return hidden_inputs(match.group(1))


def editor_renames(client, editor, record, title_ar):
    """An editor saves the record in the admin, as a browser would."""
    client.force_login(editor)
    data = form_data(client.get(change_url(record)))
    data["title_ar"] = title_ar
    response = client.post(change_url(record), data)
    assert response.status_code == 302, response.content.decode()[:2000]


def publish_log(record):
    return Transition.objects.filter(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        to_status=Status.PUBLISHED,
    )


@pytest.mark.django_db
def test_approving_from_a_change_page_opened_before_an_edit_is_refused(client, users):
    record = make_record("event", Status.REVIEW, title_ar="منتدى كما راجعه الناشر")
    publisher_client = Client(HTTP_ACCEPT_LANGUAGE="en")
    publisher_client.force_login(users["publisher"])
    action, data = step_form(publisher_client.get(change_url(record)).content.decode(), "publish")

    # Meanwhile an editor renames the record the publisher is reading.
    editor_renames(client, users["editor"], record, "اسم لم يره الناشر")

    response = publisher_client.post(action, {**data, "comment": ""}, follow=True)
    assert STALE in [str(m) for m in response.context["messages"]]
    record.refresh_from_db()
    assert record.status == Status.REVIEW and record.published_at is None
    assert not publish_log(record).exists()
    assert client.get(record.get_absolute_url()).status_code == 404

    # Reloaded, the page carries the new version: approving it now is approving what was read.
    action, data = step_form(publisher_client.get(change_url(record)).content.decode(), "publish")
    publisher_client.post(action, data)
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and record.title_ar == "اسم لم يره الناشر"


@pytest.mark.django_db
def test_bulk_approval_skips_rows_changed_after_the_list_was_shown(client, users):
    edited = make_record("event", Status.REVIEW, title_ar="منتدى سيعدل")
    untouched = make_record("event", Status.REVIEW, title_ar="منتدى لم يعدل")
    publisher_client = Client(HTTP_ACCEPT_LANGUAGE="en")
    publisher_client.force_login(users["publisher"])
    page = publisher_client.get(changelist_url() + "?status=review").content.decode()
    data = changelist_form(page)

    editor_renames(client, users["editor"], edited, "منتدى عدله محرر بعد العرض")

    data.update(action="publish_selected", _selected_action=[edited.pk, untouched.pk])
    response = publisher_client.post(changelist_url() + "?status=review", data, follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any(STALE in m for m in messages), messages
    edited.refresh_from_db()
    untouched.refresh_from_db()
    assert edited.status == Status.REVIEW and not publish_log(edited).exists()
    assert untouched.status == Status.PUBLISHED

    # A row that was not on the page (no version posted for it) is not approved either.
    unseen = make_record("event", Status.REVIEW)
    publisher_client.post(
        changelist_url(), {"action": "publish_selected", "_selected_action": [unseen.pk]}
    )
    unseen.refresh_from_db()
    assert unseen.status == Status.REVIEW


@pytest.mark.django_db
def test_approving_after_a_row_of_the_record_was_edited_on_its_own_page_is_refused(client, users):
    """A position added on the position admin changes the person a publisher is reading."""
    person = make_record("person", Status.REVIEW)
    organization = make_record("organization", Status.DRAFT)
    publisher_client = Client(HTTP_ACCEPT_LANGUAGE="en")
    publisher_client.force_login(users["publisher"])
    action, data = step_form(publisher_client.get(change_url(person)).content.decode(), "publish")

    client.force_login(users["editor"])
    response = client.post(
        reverse("admin:organizations_position_add"),
        {"person": person.pk, "organization": organization.pk, "title_ar": "لقب لم يره الناشر"},
    )
    assert response.status_code == 302

    response = publisher_client.post(action, {**data, "comment": ""}, follow=True)
    assert STALE in [str(m) for m in response.context["messages"]]
    person.refresh_from_db()
    assert person.status == Status.REVIEW


def _lock_waiters() -> int:
    """Connections waiting for a lock this one holds (pg_locks is live; pg_stat_activity is
    a snapshot taken once per transaction)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(DISTINCT pid) FROM pg_locks "
            "WHERE NOT granted AND pg_backend_pid() = ANY(pg_blocking_pids(pid))"
        )
        return cursor.fetchone()[0]


@pytest.mark.postgres
def test_an_editors_save_racing_an_approval_does_not_undo_it(transactional_db):
    """The approval commits while the editor's save is under way (after the admin checked
    that the record was still editable): the save must not write over it. The editor's
    request carries no version token, so only the row lock and the status check stop it."""
    editor, publisher = make_user("editor"), make_user("publisher")
    record = make_record("event", Status.REVIEW, title_ar="منتدى قيد المراجعة")
    editor_client = Client(HTTP_ACCEPT_LANGUAGE="en")
    editor_client.force_login(editor)
    data = form_data(editor_client.get(change_url(record)))
    data.pop("loaded_version")
    data["title_ar"] = "تعديل يسابق الموافقة"
    result = {}

    def editor_saves():
        try:
            result["response"] = editor_client.post(change_url(record), data)
        finally:
            connection.close()

    with transaction.atomic():
        Event.objects.select_for_update().get(pk=record.pk)  # the approval holds the row
        thread = threading.Thread(target=editor_saves)
        thread.start()
        deadline = time.monotonic() + 10
        while _lock_waiters() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _lock_waiters() == 1  # the editor's save waits for the row
        approved = Event.objects.get(pk=record.pk)
        transitions.record_publish(
            record=approved, user=publisher, expected_version=transitions.record_version(approved)
        )
    thread.join(timeout=30)
    close_old_connections()

    assert result["response"].status_code == 200  # the form again, with the message
    assert STALE in result["response"].content.decode()
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and record.title_ar == "منتدى قيد المراجعة"


@pytest.mark.django_db
def test_registration_managers_do_not_see_drafts(client, users):
    draft = make_record("event", Status.DRAFT, title_ar="مسودة سرية", title_fr="Brouillon secret")
    draft.registration_opens = draft.created_at
    draft.save()
    published = make_record(
        "event", Status.PUBLISHED, title_ar="منتدى منشور للتسجيل", title_fr="Forum public géré"
    )
    client.force_login(users["registration_manager"])

    # The change page and the list.
    response = client.get(change_url(draft), follow=True)
    assert "مسودة سرية" not in response.content.decode()
    assert response.redirect_chain and response.redirect_chain[-1][0] == reverse("admin:index")
    listing = client.get(changelist_url()).content.decode()
    assert "مسودة سرية" not in listing and "منتدى منشور للتسجيل" in listing
    assert "Forum public géré" in client.get(change_url(published)).content.decode()
    # The registrations page names no draft either.
    assert "مسودة سرية" not in client.get("/admin/registrations/registration/").content.decode()

    # The preview, from the admin and by its link.
    admin_preview = reverse("admin:events_event_preview", args=[draft.pk])
    assert client.get(admin_preview).status_code == 404
    response = client.get(preview_url(draft, "fr"))
    assert response.status_code == 403 and "Brouillon secret" not in response.content.decode()

    # The admin's "view on site" shortcut does not hand out the draft's address.
    content_type = ContentType.objects.get_for_model(Event)
    shortcut = reverse("admin:view_on_site", args=[content_type.pk, draft.pk])
    response = client.get(shortcut)
    assert response.status_code == 404 and draft.slug not in response.get("Location", "")
    response = client.get(reverse("admin:view_on_site", args=[content_type.pk, published.pk]))
    assert response.status_code == 302 and published.slug in response["Location"]

    # Editors, who may see drafts, still get all three.
    client.force_login(users["editor"])
    assert client.get(change_url(draft)).status_code == 200
    assert client.get(preview_url(draft, "fr")).status_code == 200
    response = client.get(shortcut)
    assert response.status_code == 302 and draft.slug in response["Location"]
