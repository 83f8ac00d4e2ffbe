"""The change form, list and actions: buttons, status, filters, concurrency, directions."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from editorial import transitions
from editorial.models import Status, Transition
from events.models import Event

from ..admin_forms import form_data
from .conftest import make_record

pytestmark = pytest.mark.django_db


def change_url(record):
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def changelist_url(model=Event):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def bulk_versions(*records):
    """The versions the changelist shows for these rows, as its form posts them."""
    return {f"_version_{r.pk}": transitions.record_version(r) for r in records}


def step_buttons(html):
    return re.findall(r'name="step" value="(\w+)"', html)


def test_buttons_are_the_steps_the_user_may_take(client, users):
    draft = make_record("event", Status.DRAFT)
    review = make_record("event", Status.REVIEW)
    published = make_record("event", Status.PUBLISHED)
    expected = {
        "editor": {draft: ["submit"], review: [], published: []},
        "publisher": {
            draft: ["submit", "archive"],
            review: ["publish", "send_back", "archive"],
            published: ["send_back", "archive"],
        },
        # Registration managers see published records only (drafts: test_approval_and_access).
        "registration_manager": {published: []},
    }
    for role, by_record in expected.items():
        client.force_login(users[role])
        for record, buttons in by_record.items():
            response = client.get(change_url(record))
            assert response.status_code == 200
            assert step_buttons(response.content.decode()) == buttons, (role, record.status)


def test_editor_submits_from_the_change_form_and_sees_the_history(client, editor):
    record = make_record("event", Status.DRAFT)
    client.force_login(editor)
    response = client.post(
        reverse("admin:events_event_transition", args=[record.pk, "submit"]),
        {
            "comment": "الترجمة الفرنسية جاهزة",
            "expected_status": Status.DRAFT,
            "expected_version": transitions.record_version(record),
        },
        follow=True,
    )
    record.refresh_from_db()
    assert record.status == Status.REVIEW
    html = response.content.decode()
    assert "was submitted for review" in html
    assert "الترجمة الفرنسية جاهزة" in html  # the history panel
    assert "status-review" in html


def test_a_stale_button_changes_nothing(client, publisher):
    record = make_record("event", Status.REVIEW)
    client.force_login(publisher)
    url = reverse("admin:events_event_transition", args=[record.pk, "send_back"])
    Event.objects.filter(pk=record.pk).update(status=Status.PUBLISHED)
    response = client.post(url, {"comment": "x", "expected_status": Status.REVIEW}, follow=True)
    assert "in the meantime" in response.content.decode()
    record.refresh_from_db()
    assert (
        record.status == Status.PUBLISHED
        and not Transition.objects.filter(object_id=record.pk).exists()
    )


def test_send_back_without_comment_is_refused_with_a_message(client, publisher):
    record = make_record("event", Status.REVIEW)
    client.force_login(publisher)
    url = reverse("admin:events_event_transition", args=[record.pk, "send_back"])
    response = client.post(url, {"comment": " ", "expected_status": Status.REVIEW}, follow=True)
    assert "comment" in str(list(response.context["messages"])[0])
    record.refresh_from_db()
    assert record.status == Status.REVIEW


def test_status_cannot_be_set_by_hand(client, users):
    for role in ("editor", "publisher", "superuser"):
        client.force_login(users[role])
        record = make_record("event", Status.DRAFT)
        response = client.get(change_url(record))
        assert "status" not in response.context["adminform"].form.fields
        data = form_data(response)
        data.update(status=Status.PUBLISHED, title_fr="Titre modifié")
        response = client.post(change_url(record), data)
        assert response.status_code == 302, role
        record.refresh_from_db()
        assert record.status == Status.DRAFT and record.title_fr == "Titre modifié"


def test_new_records_start_as_drafts_by_their_creator(client, editor):
    client.force_login(editor)
    response = client.post(
        reverse("admin:organizations_organization_add"),
        {
            "name_ar": "جمعية جديدة",
            "name_fr": "Nouvelle association",
            "kind": "association",
            "aliases": "[]",
            "positions-TOTAL_FORMS": "0",
            "positions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    from organizations.models import Organization

    org = Organization.objects.get(name_ar="جمعية جديدة")
    assert org.status == Status.DRAFT and org.created_by == editor and not org.is_public


def test_editors_cannot_schedule_nor_edit_approved_records(client, editor):
    client.force_login(editor)
    draft = make_record("event", Status.DRAFT)
    response = client.get(change_url(draft))
    assert "publish_at" not in response.context["adminform"].form.fields
    published = make_record("event", Status.PUBLISHED)
    response = client.get(change_url(published))
    assert response.status_code == 200 and not response.context["has_change_permission"]
    response = client.post(change_url(published), {"title_ar": "تغيير"})
    assert response.status_code == 403
    published.refresh_from_db()
    assert published.title_ar != "تغيير"


def test_publisher_reschedules_and_it_is_logged(client, publisher):
    record = make_record("event", Status.PUBLISHED)
    client.force_login(publisher)
    response = client.get(change_url(record))
    data = form_data(response)
    later = timezone.localtime() + datetime.timedelta(days=3)
    data["publish_at_0"], data["publish_at_1"] = later.date().isoformat(), "10:00:00"
    assert client.post(change_url(record), data).status_code == 302
    record.refresh_from_db()
    assert not record.is_public and record.published_at is None
    log = Transition.objects.get(object_id=record.pk, content_type__model="event")
    assert log.user == publisher and log.from_status == log.to_status == Status.PUBLISHED


def test_saving_over_someone_elses_change_warns_first(client, editor, publisher):
    record = make_record("event", Status.DRAFT)
    client.force_login(editor)
    data = form_data(client.get(change_url(record)))
    assert data["loaded_version"]

    # Meanwhile a publisher fixes the French title.
    record.title_fr = "Titre du publieur"
    record.updated_by = publisher
    record.save()

    data["title_en"] = "Editor's English title"
    response = client.post(change_url(record), data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "changed this record" in html and publisher.username in html
    record.refresh_from_db()
    assert record.title_fr == "Titre du publieur" and record.title_en != "Editor's English title"

    # Saving again is a knowing overwrite: the form now carries the newer version.
    data["loaded_version"] = response.context["adminform"].form["loaded_version"].value()
    assert client.post(change_url(record), data).status_code == 302
    record.refresh_from_db()
    assert record.title_en == "Editor's English title"


@pytest.mark.parametrize("admin_language", ["ar", "fr"])
def test_each_language_input_keeps_its_direction(client, editor, admin_language):
    record = make_record("event", Status.DRAFT)
    client.force_login(editor)
    response = client.get(change_url(record), HTTP_ACCEPT_LANGUAGE=admin_language)
    html = response.content.decode()
    assert f'<html lang="{admin_language}"' in html
    assert ('dir="rtl"' in html.split(">", 3)[1]) == (admin_language == "ar")
    for name, direction in (("title_ar", "rtl"), ("title_fr", "ltr"), ("title_en", "ltr")):
        tag = re.search(rf'<input[^>]+name="{name}"[^>]*>', html).group(0)
        assert f'dir="{direction}"' in tag and f'lang="{name[-2:]}"' in tag
    textarea = re.search(r'<textarea[^>]+name="summary_ar"[^>]*>', html).group(0)
    assert 'dir="rtl"' in textarea
    assert "editorial/admin.js" in html


def test_admin_language_can_be_switched(client, editor):
    client.force_login(editor)
    html = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="ar" dir="rtl">' in html and 'action="/i18n/setlang/"' in html
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<html lang="fr" dir="ltr">' in html


@pytest.mark.parametrize(
    ("admin_language", "count"), [("ar", "التظاهرات: 3"), ("fr", "Événements : 3")]
)
def test_list_count_reads_as_a_label(client, editor, admin_language, count):
    """Django writes "3 الفعاليات"; a count before a definite plural is not Arabic."""
    for _ in range(3):
        make_record("event", Status.DRAFT)
    client.force_login(editor)
    html = client.get(changelist_url(), HTTP_ACCEPT_LANGUAGE=admin_language).content.decode()
    paginator = re.search(r'<p class="paginator">(.*?)</p>', html, re.S).group(1)
    assert " ".join(paginator.split()) == count


def test_list_shows_badges_and_filters(client, publisher, editor):
    mine = make_record("event", Status.DRAFT, title_ar="مسودتي", created_by=editor)
    waiting = make_record("event", Status.REVIEW, title_ar="ينتظر")
    scheduled = make_record(
        "event",
        Status.PUBLISHED,
        title_ar="مبرمج",
        publish_at=timezone.now() + datetime.timedelta(days=1),
    )
    untranslated = make_record("event", Status.DRAFT, title_ar="بلا ترجمة", title_fr="")
    published = make_record("event", Status.PUBLISHED, title_ar="منشور")
    client.force_login(publisher)

    def titles(query):
        response = client.get(changelist_url() + query)
        assert response.status_code == 200
        return {e.title_ar for e in response.context["cl"].result_list}

    html = client.get(changelist_url()).content.decode()
    assert 'class="status-badge status-review"' in html
    assert 'class="status-badge status-scheduled"' in html
    assert titles("?status=review") == {waiting.title_ar}
    assert titles("?review=waiting") == {waiting.title_ar}
    assert titles("?status=scheduled") == {scheduled.title_ar}
    assert scheduled.title_ar not in titles("?status=published")
    assert titles("?status=published") == {published.title_ar}
    assert untranslated.title_ar in titles("?missing=fr")
    assert mine.title_ar not in titles("?missing=fr")
    client.force_login(editor)
    assert titles("?mine=created") == {mine.title_ar}


def test_bulk_publish_reports_each_record(client, publisher):
    review = make_record("event", Status.REVIEW, title_ar="للنشر")
    draft = make_record("event", Status.DRAFT, title_ar="مسودة")
    client.force_login(publisher)
    response = client.post(
        changelist_url(),
        {
            "action": "publish_selected",
            "_selected_action": [review.pk, draft.pk],
            **bulk_versions(review, draft),
        },
        follow=True,
    )
    messages = [str(m) for m in response.context["messages"]]
    assert any("للنشر" in m and "approved" in m for m in messages)
    assert any("مسودة" in m and "cannot" in m for m in messages)
    review.refresh_from_db()
    draft.refresh_from_db()
    assert review.status == Status.PUBLISHED and draft.status == Status.DRAFT


def test_bulk_send_back_asks_for_a_comment(client, publisher):
    records = [make_record("event", Status.REVIEW) for _ in range(2)]
    ids = [r.pk for r in records]
    versions = bulk_versions(*records)
    client.force_login(publisher)
    response = client.post(
        changelist_url(), {"action": "send_back_selected", "_selected_action": ids, **versions}
    )
    html = response.content.decode()
    assert response.status_code == 200 and 'name="comment"' in html
    # The confirmation carries the versions the list showed.
    assert all(f'name="{name}" value="{value}"' in html for name, value in versions.items())
    response = client.post(
        changelist_url(),
        {
            "action": "send_back_selected",
            "_selected_action": ids,
            "confirm": "1",
            "comment": "",
            **versions,
        },
    )
    assert response.status_code == 200  # asked again
    assert all(Event.objects.get(pk=pk).status == Status.REVIEW for pk in ids)
    response = client.post(
        changelist_url(),
        {
            "action": "send_back_selected",
            "_selected_action": ids,
            "confirm": "1",
            "comment": "أكملوا الترجمة",
            **versions,
        },
    )
    assert response.status_code == 302
    assert all(Event.objects.get(pk=pk).status == Status.DRAFT for pk in ids)
    assert Transition.objects.filter(object_id__in=ids, comment="أكملوا الترجمة").count() == 2


def test_editors_do_not_get_publishing_actions(client, editor):
    client.force_login(editor)
    response = client.get(changelist_url())
    actions = [value for value, _label in response.context["action_form"].fields["action"].choices]
    assert "submit_selected" in actions
    assert not {"publish_selected", "send_back_selected", "archive_selected"} & set(actions)
    record = make_record("event", Status.REVIEW)
    response = client.post(
        changelist_url(), {"action": "publish_selected", "_selected_action": [record.pk]}
    )
    record.refresh_from_db()
    assert record.status == Status.REVIEW


def test_dashboard_lists_what_awaits_review(client, publisher):
    record = make_record("event", Status.REVIEW, title_ar="منتدى ينتظر")
    client.force_login(publisher)
    html = client.get(reverse("admin:index")).content.decode()
    assert "Awaiting review" in html and "منتدى ينتظر" in html
    assert change_url(record) in html
    assert "?review=waiting" in html


def test_messages_are_never_lost(client, publisher):
    """Sanity: the admin's messages framework is wired (the workflow reports through it)."""
    client.force_login(publisher)
    response = client.get(changelist_url())
    assert list(get_messages(response.wsgi_request)) == []


def test_other_translated_admins_render(client, users):
    client.force_login(users["superuser"])
    names = ("taxonomy_region", "taxonomy_sector", "taxonomy_commune", "organizations_position")
    for name in names:
        assert client.get(reverse(f"admin:{name}_changelist")).status_code == 200, name
        assert client.get(reverse(f"admin:{name}_add")).status_code == 200, name
    html = client.get(reverse("admin:taxonomy_region_change", args=[1])).content.decode()
    assert re.search(r'<input[^>]+name="name_fr"[^>]+dir="ltr"', html)


def test_positions_of_approved_people_are_for_publishers(client, users):
    from organizations.models import Position

    draft_person = make_record("person", Status.DRAFT)
    public_person = make_record("person", Status.PUBLISHED)
    draft_position = Position.objects.create(person=draft_person, title="مدير")
    public_position = Position.objects.create(person=public_person, title="رئيس")
    client.force_login(users["editor"])
    url = reverse("admin:organizations_position_change", args=[public_position.pk])
    assert client.post(url, {"title_ar": "تغيير"}).status_code == 403
    response = client.get(reverse("admin:organizations_position_change", args=[draft_position.pk]))
    assert response.context["has_change_permission"]
    client.force_login(users["publisher"])
    assert client.get(url).context["has_change_permission"]
