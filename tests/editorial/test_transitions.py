"""The workflow's service layer: permissions, states, the log, scheduling, the cache bump."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from core.cache import content_version
from editorial import transitions
from editorial.models import Status, Transition

from .conftest import FACTORIES, ROLES, make_record

pytestmark = pytest.mark.django_db

# Who may take each step (anonymous: nobody; the Registration managers have no editorial
# permission; staff in no group neither).
ALLOWED = {
    "submit": {"editor", "publisher", "superuser"},
    "publish": {"publisher", "superuser"},
    "send_back": {"publisher", "superuser"},
    "archive": {"publisher", "superuser"},
    "restore": {"publisher", "superuser"},
}
SOURCE = {
    "submit": Status.DRAFT,
    "publish": Status.REVIEW,
    "send_back": Status.REVIEW,
    "archive": Status.PUBLISHED,
    "restore": Status.ARCHIVED,
}


def log_of(record):
    return list(
        Transition.objects.filter(object_id=record.pk, content_type__model=record._meta.model_name)
    )


def snapshot(record):
    record.refresh_from_db()
    return (record.status, record.published_at, record.updated_at, record.updated_by_id)


@pytest.mark.parametrize("kind", sorted(FACTORIES))
@pytest.mark.parametrize("step", sorted(ALLOWED))
def test_permission_matrix_over_every_step(users, kind, step):
    for role in ROLES:
        record = make_record(kind, SOURCE[step])
        before = snapshot(record)
        call = {"record": record, "user": users[role], "step": step, "comment": "سبب"}
        if role in ALLOWED[step]:
            transition = transitions.record_transition(**call)
            record.refresh_from_db()
            assert record.status == transitions.STEPS[step].target, (role, step)
            assert (transition.from_status, transition.to_status) == (SOURCE[step], record.status)
            assert transition.user == users[role]
            assert transition.comment == "سبب"
            assert log_of(record) == [transition]
        else:
            with pytest.raises(transitions.TransitionForbidden):
                transitions.record_transition(**call)
            assert snapshot(record) == before, (role, step)
            assert log_of(record) == []


ILLEGAL = [
    (status, step)
    for step, spec in transitions.STEPS.items()
    for status in Status.values
    if status not in spec.sources
]


@pytest.mark.parametrize(("status", "step"), ILLEGAL)
def test_illegal_transitions_raise_and_change_nothing(users, status, step):
    record = make_record("event", status)
    before = snapshot(record)
    with pytest.raises(transitions.TransitionError) as error:
        transitions.record_transition(
            record=record, user=users["superuser"], step=step, comment="x"
        )
    assert not isinstance(error.value, transitions.TransitionForbidden)
    assert "cannot" in str(error.value)
    assert snapshot(record) == before
    assert log_of(record) == []


def test_editor_takes_a_record_to_the_public_only_through_a_publisher(editor, publisher):
    record = make_record("event", Status.DRAFT)
    transitions.record_submit(record=record, user=editor, comment="جاهز للمراجعة")
    assert record.status == Status.REVIEW and not record.is_public
    with pytest.raises(transitions.TransitionForbidden):
        transitions.record_publish(record=record, user=editor)
    transitions.record_publish(record=record, user=publisher)
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and record.is_public
    assert record.published_at is not None and record.updated_by == publisher
    steps = [(t.from_status, t.to_status, t.user) for t in reversed(log_of(record))]
    assert steps == [
        (Status.DRAFT, Status.REVIEW, editor),
        (Status.REVIEW, Status.PUBLISHED, publisher),
    ]


def test_send_back_needs_a_comment(publisher):
    record = make_record("event", Status.REVIEW)
    for empty in ("", "   "):
        with pytest.raises(transitions.TransitionError, match="comment"):
            transitions.record_send_back(record=record, user=publisher, comment=empty)
    record.refresh_from_db()
    assert record.status == Status.REVIEW and log_of(record) == []
    transitions.record_send_back(record=record, user=publisher, comment="ترجمة ناقصة")
    assert record.status == Status.DRAFT
    assert log_of(record)[0].comment == "ترجمة ناقصة"


def test_unpublish_is_a_send_back_from_published(publisher):
    record = make_record("organization", Status.PUBLISHED)
    transitions.record_send_back(record=record, user=publisher, comment="خطأ في الاسم")
    record.refresh_from_db()
    assert record.status == Status.DRAFT and not record.is_public


def test_a_step_chosen_on_a_stale_page_fails(publisher):
    record = make_record("event", Status.REVIEW)
    other_view = type(record).objects.get(pk=record.pk)
    transitions.record_publish(record=record, user=publisher, expected_status=Status.REVIEW)
    with pytest.raises(transitions.TransitionError, match="meantime"):
        transitions.record_send_back(
            record=other_view, user=publisher, comment="لا", expected_status=Status.REVIEW
        )
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and len(log_of(record)) == 1


def test_unknown_step(publisher):
    record = make_record("event", Status.REVIEW)
    with pytest.raises(transitions.TransitionError):
        transitions.record_transition(record=record, user=publisher, step="delete")


def test_inactive_users_have_no_permission(publisher):
    publisher.is_active = False
    record = make_record("event", Status.REVIEW)
    with pytest.raises(transitions.TransitionForbidden):
        transitions.record_publish(record=record, user=publisher)


def test_steps_available_are_what_the_buttons_show(users):
    record = make_record("event", Status.REVIEW)
    names = {
        role: [s.name for s in transitions.steps_available(users[role], record)] for role in ROLES
    }
    assert names["editor"] == []
    assert names["publisher"] == names["superuser"] == ["publish", "send_back", "archive"]
    assert names["staff"] == names["registration_manager"] == names["anonymous"] == []
    draft = make_record("event", Status.DRAFT)
    assert [s.name for s in transitions.steps_available(users["editor"], draft)] == ["submit"]


def test_publish_and_unpublish_bump_the_content_version(
    publisher, django_capture_on_commit_callbacks
):
    record = make_record("event", Status.REVIEW)
    for step in (transitions.record_publish, transitions.record_archive):
        version = content_version()
        with django_capture_on_commit_callbacks(execute=True):
            step(record=record, user=publisher)
        assert content_version() > version


# -- scheduling ----------------------------------------------------------------------------
def test_publishing_with_a_future_publish_at_schedules(publisher):
    go_live = timezone.now() + datetime.timedelta(days=2)
    record = make_record("event", Status.REVIEW, publish_at=go_live)
    transitions.record_publish(record=record, user=publisher, comment="في موعده")
    record.refresh_from_db()
    assert record.status == Status.PUBLISHED and transitions.is_scheduled(record)
    assert not record.is_public and record.published_at is None
    assert type(record).objects.public().filter(pk=record.pk).count() == 0
    assert log_of(record)[0].comment.endswith("في موعده")
    assert "2" in log_of(record)[0].comment  # the date is in the log


def test_publish_due_marks_due_records_and_is_safe_to_repeat(publisher, capsys):
    record = make_record(
        "event", Status.REVIEW, publish_at=timezone.now() + datetime.timedelta(hours=1)
    )
    later = make_record(
        "agreement", Status.REVIEW, publish_at=timezone.now() + datetime.timedelta(days=9)
    )
    transitions.record_publish(record=record, user=publisher)
    transitions.record_publish(record=later, user=publisher)
    assert transitions.scheduled_publish_due() == 0

    # The hour has passed: visible already, with no command run.
    type(record).objects.filter(pk=record.pk).update(
        publish_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    record.refresh_from_db()
    assert record.is_public and type(record).objects.public().filter(pk=record.pk).exists()
    version = content_version()

    call_command("publish_due")
    assert "1" in capsys.readouterr().out
    record.refresh_from_db()
    assert record.published_at == record.publish_at
    went_live = log_of(record)[0]
    assert (went_live.from_status, went_live.to_status, went_live.user) == (
        Status.PUBLISHED,
        Status.PUBLISHED,
        None,
    )
    assert content_version() > version

    call_command("publish_due")
    call_command("publish_due")
    assert len(log_of(record)) == 2  # approval and go-live, once
    later.refresh_from_db()
    assert later.published_at is None and len(log_of(later)) == 1


def test_reschedule_logs_and_hides_until_the_new_time(publisher, editor):
    record = make_record("person", Status.PUBLISHED)
    previous = record.publish_at
    record.publish_at = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(transitions.TransitionForbidden):
        transitions.record_reschedule(record=record, user=editor, previous_publish_at=previous)
    transition = transitions.record_reschedule(
        record=record, user=publisher, previous_publish_at=previous
    )
    record.save()
    assert transition.comment and record.published_at is None and not record.is_public
