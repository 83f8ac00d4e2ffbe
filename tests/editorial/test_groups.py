from django.contrib.auth.models import Group, Permission
from django.core.management.sql import emit_post_migrate_signal

from editorial.groups import editorial_groups_ensure, group_permissions


def group_perms(name):
    group = Group.objects.get(name=name)
    return sorted(
        f"{p.content_type.app_label}.{p.codename}"
        for p in group.permissions.select_related("content_type")
    )


def test_groups_have_their_permissions(db):
    for name, perms in group_permissions().items():
        assert group_perms(name) == sorted(set(perms)), name
    editors, publishers = group_perms("Editors"), group_perms("Publishers")
    assert not any(
        ".publish_" in p or p.startswith("events.") and "registration" in p for p in editors
    )
    assert (
        "events.publish_event" in publishers and "registrations.view_registration" not in publishers
    )
    assert "events.delete_event" not in editors
    assert set(group_perms("Registration managers")) >= {
        "registrations.view_registration",
        "registrations.change_registration",
        "registrations.export_registration",
        "registrations.checkin_registration",
    }


def test_ensure_is_idempotent_and_keeps_what_admins_add(db):
    extra = Group.objects.get(name="Editors")
    manual = Permission.objects.get(codename="delete_event")
    extra.permissions.add(manual)
    editorial_groups_ensure()
    editorial_groups_ensure()
    assert Group.objects.filter(name="Editors").count() == 1
    assert manual in Group.objects.get(name="Editors").permissions.all()


def test_groups_come_back_after_a_flush(transactional_db):
    """What the test suite's flush does: every row gone, then post_migrate."""
    Group.objects.all().delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    for name, perms in group_permissions().items():
        assert group_perms(name) == sorted(set(perms))
