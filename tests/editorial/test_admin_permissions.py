"""Every editorial admin URL for every role: allowed ones succeed, the others get a 403
(staff) or a redirect to the login (anonymous) and change nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from modeltranslation.translator import translator
from reversion.models import Version

from editorial import transitions
from editorial.models import Status, Transition

from ..admin_forms import form_data
from .conftest import FACTORIES, ROLES, make_record
from .test_admin import change_url

pytestmark = pytest.mark.django_db

VIEWERS = {"editor", "publisher", "superuser"}
EDITORS = {"editor", "publisher", "superuser"}
PUBLISHERS = {"publisher", "superuser"}

# name: (method, state of the record, who may, admin URL name or None for a custom one)
CASES = {
    "changelist": ("get", Status.DRAFT, VIEWERS),
    "add": ("get", Status.DRAFT, EDITORS),
    "change": ("get", Status.DRAFT, VIEWERS),
    "history": ("get", Status.DRAFT, VIEWERS),
    "preview": ("get", Status.DRAFT, VIEWERS),
    "revision": ("get", Status.DRAFT, VIEWERS),
    "delete": ("get", Status.DRAFT, PUBLISHERS),
    "save": ("post", Status.DRAFT, EDITORS),
    "delete_confirmed": ("post", Status.DRAFT, PUBLISHERS),
    "submit": ("post", Status.DRAFT, EDITORS),
    "publish": ("post", Status.REVIEW, PUBLISHERS),
    "send_back": ("post", Status.REVIEW, PUBLISHERS),
    "archive": ("post", Status.PUBLISHED, PUBLISHERS),
    "restore": ("post", Status.ARCHIVED, PUBLISHERS),
    "revision_restore": ("post", Status.DRAFT, PUBLISHERS),
}
STEP_CASES = {"submit", "publish", "send_back", "archive", "restore"}


def url_for(case, record):
    opts = record._meta
    prefix = f"admin:{opts.app_label}_{opts.model_name}"
    if case == "changelist":
        return reverse(f"{prefix}_changelist")
    if case == "add":
        return reverse(f"{prefix}_add")
    if case in STEP_CASES:
        return reverse(f"{prefix}_transition", args=[record.pk, case])
    if case == "save":
        return reverse(f"{prefix}_change", args=[record.pk])
    if case == "delete_confirmed":
        return reverse(f"{prefix}_delete", args=[record.pk])
    if case in ("revision", "revision_restore"):
        version = Version.objects.get_for_object(record).first()
        return reverse(f"{prefix}_{case}", args=[record.pk, version.pk])
    return reverse(f"{prefix}_{case}", args=[record.pk])


def state(record):
    model = type(record)
    # Every column, each language's included (modeltranslation's values() leaves them out
    # unless named).
    translated = set(translator.get_options_for_model(model).fields)
    columns = [f.attname for f in model._meta.concrete_fields if f.name not in translated]
    row = model.objects.filter(pk=record.pk).values(*columns).first()
    log = Transition.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_id=record.pk
    ).count()
    return row, log


@pytest.mark.parametrize("kind", sorted(FACTORIES))
@pytest.mark.parametrize("role", ROLES)
def test_admin_url_matrix(client, users, kind, role):
    user = users[role]
    if user:
        client.force_login(user)
    superuser = Client(HTTP_ACCEPT_LANGUAGE="en")
    superuser.force_login(users["superuser"])
    for case, (method, status, allowed) in CASES.items():
        record = make_record(kind, status)
        url = url_for(case, record)
        before = state(record)
        data = None
        if method == "post":
            version = transitions.record_version(record)
            data = {"comment": "ملاحظة", "expected_status": status, "expected_version": version}
        if case == "save":
            # The form as a browser would post it back, with one translation changed.
            data = form_data(superuser.get(change_url(record)))
            field = "title_fr" if kind in ("event", "agreement") else "name_fr"
            data[field] = "Traduction modifiée"
        elif case == "delete_confirmed":
            data = {"post": "yes"}
        response = getattr(client, method)(url, data)
        # Registration managers may view events, but only public ones: a draft (in review,
        # archived) is not in their list, and its pages do not exist for them.
        viewer = role == "registration_manager" and kind == "event"
        may = role in allowed or (viewer and case == "changelist")
        where = f"{role} {case} {kind}"
        if viewer and case not in ("changelist", "add") and status != Status.PUBLISHED:
            assert response.status_code in (302, 403, 404), where
            if response.status_code == 302:
                assert response["Location"] == reverse("admin:index"), where
            assert state(record) == before, where
        elif role == "anonymous":
            assert response.status_code == 302, where
            assert response["Location"].startswith(reverse("admin:login")), where
            assert state(record) == before, where
        elif not may:
            assert response.status_code == 403, where
            assert state(record) == before, where
        elif case == "preview":
            assert response.status_code == 302, where
            assert "/preview/" in response["Location"], where
        elif method == "get":
            assert response.status_code == 200, where
        elif case == "save":
            assert response.status_code == 302, where
            assert "Traduction modifiée" in state(record)[0].values(), where
        elif case == "delete_confirmed":
            assert response.status_code == 302, where
            assert state(record)[0] is None, where
        else:
            assert response.status_code == 302, where
            assert response["Location"].endswith(f"/{record.pk}/change/"), where
            after_row, after_log = state(record)
            assert after_log == before[1] + 1, where
            if case in STEP_CASES:
                assert after_row["status"] != status, where


@pytest.mark.parametrize("role", ROLES)
def test_admin_index(client, users, role):
    make_record("event", Status.REVIEW, title="حدث ينتظر المراجعة")
    if users[role]:
        client.force_login(users[role])
    response = client.get(reverse("admin:index"))
    if role == "anonymous":
        assert response.status_code == 302
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert ("Awaiting review" in html) == (role in PUBLISHERS)
    assert ("حدث ينتظر المراجعة" in html) == (role in PUBLISHERS)


def test_get_on_a_step_url_is_refused(client, publisher):
    record = make_record("event", Status.REVIEW)
    client.force_login(publisher)
    response = client.get(url_for("publish", record))
    assert response.status_code == 405
    record.refresh_from_db()
    assert record.status == Status.REVIEW
