"""Revisions: every admin save is one, the diff shows each changed field per language, a
publisher's restore brings the content back (not the status) and is logged."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.urls import reverse
from reversion.models import Revision, Version

from editorial import transitions
from editorial.models import Status, Transition
from editorial.revisions import version_diff
from events.models import EventOrganization

from ..admin_forms import form_data
from .conftest import make_record
from .test_admin import change_url

pytestmark = pytest.mark.django_db


def versions(record):
    return list(Version.objects.get_for_object(record).order_by("pk"))


@pytest.fixture
def edited(client, editor):
    """A draft an editor changed once in the admin: new French title and Arabic summary,
    one more organiser."""
    record = make_record(
        "event", Status.DRAFT, title_fr="Forum d'origine", summary="ملخص أول", title_en=""
    )
    organizer = make_record("organization", Status.PUBLISHED)
    client.force_login(editor)
    data = form_data(client.get(change_url(record)))
    data.update(
        {
            "title_fr": "Forum corrigé",
            "summary_ar": "ملخص مصحح",
            "title_en": "Corrected forum",
            "event_organizations-TOTAL_FORMS": "1",
            "event_organizations-0-organization": str(organizer.pk),
            "event_organizations-0-role": "organizer",
        }
    )
    response = client.post(change_url(record), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    record.refresh_from_db()
    return record


def test_each_admin_save_is_one_revision(edited, editor):
    first, second = versions(edited)
    assert second.revision.user == editor
    assert "Changed" in second.revision.get_comment()
    assert second.field_dict["title_fr"] == "Forum corrigé"
    assert first.field_dict["title_fr"] == "Forum d'origine"
    # Every language's column is in the snapshot.
    assert {"title_ar", "title_fr", "title_en", "summary_ar", "body_en"} <= set(first.field_dict)
    # The inline rows are followed into the revision.
    assert any(
        v.content_type.model == "eventorganization" for v in second.revision.version_set.all()
    )


def test_diff_shows_each_changed_field_in_each_language(edited):
    first, second = versions(edited)
    changes = {(c.label, c.language): (c.old, c.new) for c in version_diff(first, second)}
    assert changes[("title", "fr")] == ("Forum d'origine", "Forum corrigé")
    assert changes[("title", "en")] == ("", "Corrected forum")
    assert changes[("summary", "ar")] == ("ملخص أول", "ملخص مصحح")
    assert ("title", "ar") not in changes  # unchanged
    assert not any(label in ("updated at", "updated by") for label, _lang in changes)


def test_diff_view(client, edited, users):
    first, second = versions(edited)
    client.force_login(users["editor"])  # may view, not restore
    url = reverse("admin:events_event_revision", args=[edited.pk, second.pk])
    html = client.get(url).content.decode()
    assert "Forum d&#x27;origine" in html and "Forum corrigé" in html
    assert "ملخص مصحح" in html and 'dir="rtl" lang="ar"' in html
    assert 'dir="ltr" lang="fr"' in html
    assert "Restore this revision" not in html
    html = client.get(url, {"against": first.pk}).content.decode()
    assert "Forum corrigé" in html
    other = make_record("event", Status.DRAFT)
    foreign = Version.objects.get_for_object(other).first()
    response = client.get(reverse("admin:events_event_revision", args=[edited.pk, foreign.pk]))
    assert response.status_code == 404


def test_publisher_restores_a_revision_and_it_is_logged(client, edited, publisher):
    transitions.record_submit(record=edited, user=publisher)
    first, _second = versions(edited)
    client.force_login(publisher)
    url = reverse("admin:events_event_revision", args=[edited.pk, first.pk])
    assert "Restore this revision" in client.get(url).content.decode()
    response = client.post(
        reverse("admin:events_event_revision_restore", args=[edited.pk, first.pk]),
        {"comment": "الرجوع إلى الصيغة الأولى"},
    )
    assert response.status_code == 302
    edited.refresh_from_db()
    assert edited.title_fr == "Forum d'origine" and edited.summary_ar == "ملخص أول"
    assert edited.title_en in ("", None)
    assert edited.status == Status.REVIEW  # the workflow state is not a revision's to change
    assert not EventOrganization.objects.filter(event=edited).exists()
    log = Transition.objects.filter(object_id=edited.pk, content_type__model="event").first()
    assert log.user == publisher and log.from_status == log.to_status == Status.REVIEW
    assert "الرجوع إلى الصيغة الأولى" in log.comment
    # The restore is itself a revision, so it can be undone.
    assert len(versions(edited)) == 3
    assert versions(edited)[-1].revision.user == publisher


def test_restoring_a_published_record_keeps_it_published(
    publisher, django_capture_on_commit_callbacks
):
    record = make_record("person", Status.PUBLISHED, name_fr="Nom exact")
    first = versions(record)[0]
    type(record).objects.filter(pk=record.pk).update(name_fr="Nom fautif")
    with django_capture_on_commit_callbacks() as callbacks:
        transitions.revision_restore(record=record, version=first, user=publisher)
    record.refresh_from_db()
    assert record.name_fr == "Nom exact" and record.status == Status.PUBLISHED and record.is_public
    assert callbacks  # the public pages' version is bumped


def test_only_publishers_restore(editor):
    record = make_record("event", Status.DRAFT, title_fr="Avant")
    first = versions(record)[0]
    type(record).objects.filter(pk=record.pk).update(title_fr="Après")
    with pytest.raises(transitions.TransitionForbidden):
        transitions.revision_restore(record=record, version=first, user=editor)
    record.refresh_from_db()
    assert record.title_fr == "Après"
    assert not Transition.objects.filter(object_id=record.pk).exists()


@pytest.mark.parametrize(
    ("language", "labels", "month"),
    [
        ("fr", ["Titre (français)", "Titre (anglais)", "Résumé (arabe)"], "juillet"),
        ("ar", ["العنوان (الفرنسية)", "العنوان (الإنجليزية)", "الملخص (العربية)"], "يوليوز"),
    ],
)
def test_history_reads_in_the_admins_language_and_local_time(
    client, edited, users, language, labels, month
):
    """The change message names each language's column as "Title (French)" in the reader's
    language (not modeltranslation's "Title [fr]"); times are the site's, not UTC."""
    first, second = versions(edited)
    saved = datetime.datetime(2026, 7, 15, 12, 5, tzinfo=datetime.UTC)
    local = saved.astimezone(ZoneInfo(settings.TIME_ZONE)).strftime("%H:%M")
    assert local != "12:05"
    LogEntry.objects.filter(object_id=str(edited.pk)).update(action_time=saved)
    Revision.objects.filter(pk=second.revision_id).update(date_created=saved)
    client.force_login(users["publisher"])
    history = client.get(
        reverse("admin:events_event_history", args=[edited.pk]), HTTP_ACCEPT_LANGUAGE=language
    ).content.decode()
    log_table = history.split('id="change-history"')[1]
    panel = history.split('id="editorial-history-title"')[1].split('id="change-history"')[0]
    for part in (log_table, panel):  # Django's log, then the revisions' comments
        assert all(label in part for label in labels), part
        assert "[fr]" not in part and "[ar]" not in part
        assert local in part and "12:05" not in part
    assert month in log_table
    diff = client.get(
        reverse("admin:events_event_revision", args=[edited.pk, second.pk]),
        HTTP_ACCEPT_LANGUAGE=language,
    ).content.decode()
    saved_on = diff.split('class="editorial-meta"')[1].split("</p>")[0]
    assert f"{month} 2026" in saved_on and local in saved_on
    field_column = [row.split("</th>")[0] for row in diff.split('<th scope="row">')[1:]]
    assert labels[0].split(" (")[0] in field_column
