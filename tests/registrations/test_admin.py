"""Registrants' data in the admin: only Registration managers and superusers."""

import csv
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.core import mail

from events.models import Event
from registrations.exports import XLSX_CONTENT_TYPE, csv_cell
from registrations.models import OutgoingEmail, Registration, RegistrationStatus
from registrations.services import seats
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory

from ..admin_forms import form_data
from .conftest import SITE_URL

CHANGELIST = "/admin/registrations/registration/"


@pytest.fixture
def event_with_registrations(db, register):
    event = OpenEventFactory(capacity=2)
    register(event, "amina@example.ma", full_name="أمينة العلوي", organization_name="OCP")
    register(event, "yassine@example.ma", full_name='=HYPERLINK("http://evil")')
    register(event, "nadia@example.ma", full_name="Nadia", job_title="+cmd|' /C calc'!A0")
    register(event, "omar@example.ma", full_name="Omar", organization_name="@SUM(1+1)")
    return event


def staff_in(group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    return user


def urls_for(event):
    registration = Registration.objects.filter(event=event).first()
    return [
        CHANGELIST,
        f"{CHANGELIST}{registration.pk}/change/",
        f"{CHANGELIST}event/{event.pk}/export/",
        f"{CHANGELIST}event/{event.pk}/capacity/",
    ]


@pytest.mark.parametrize("who", ["Editors", "Publishers", "staff without group"])
def test_others_get_403_and_never_see_registrants(client, event_with_registrations, who):
    event = event_with_registrations
    user = UserFactory() if who == "staff without group" else staff_in(who)
    client.force_login(user)
    for url in urls_for(event):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"amina@example.ma" not in response.content
    assert b"/admin/registrations/registration/" not in client.get("/admin/").content
    if who != "staff without group":
        # The event's own admin page shows no registrant data either.
        page = client.get(f"/admin/events/event/{event.pk}/change/")
        assert page.status_code == 200
        html = page.content.decode()
        for secret in ("amina@example.ma", "أمينة العلوي", "yassine@example.ma"):
            assert secret not in html


def test_the_groups_give_registration_rights_only_to_managers(db):
    for name in ("Editors", "Publishers"):
        codenames = set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))
        assert not {c for c in codenames if c.endswith("_registration")}, name
    managers = set(
        Group.objects.get(name="Registration managers").permissions.values_list(
            "codename", flat=True
        )
    )
    assert {
        "view_registration",
        "change_registration",
        "export_registration",
        "checkin_registration",
    } <= managers


@pytest.mark.parametrize("who", ["manager", "superuser"])
def test_managers_and_superusers_see_registrations_and_counts(
    client, event_with_registrations, registration_manager, django_user_model, who
):
    event = event_with_registrations
    user = (
        registration_manager
        if who == "manager"
        else django_user_model.objects.create_superuser("root", "root@example.org", "x" * 12)
    )
    client.force_login(user)
    for url in urls_for(event):
        assert client.get(url).status_code == 200, url
    html = client.get(f"{CHANGELIST}?event__id__exact={event.pk}").content.decode()
    assert "amina@example.ma" in html
    summary = html.split('class="module registration-summary"')[1].split("</table>")[0]
    cells = [c.strip() for c in summary.split('<td class="number">')[1:6]]
    assert [c.split("<")[0] for c in cells] == ["2", "2", "0", "0", "2"]  # capacity…waiting
    assert client.get(f"{CHANGELIST}?q=amina").content.decode().count("amina@example.ma") >= 1
    assert client.get(f"{CHANGELIST}?status__exact=waiting").status_code == 200


def test_nobody_adds_or_deletes_registrations_in_the_admin(
    client, event_with_registrations, django_user_model
):
    client.force_login(
        django_user_model.objects.create_superuser("root", "r@example.org", "x" * 12)
    )
    registration = Registration.objects.filter(event=event_with_registrations).first()
    assert client.get(f"{CHANGELIST}add/").status_code == 403
    assert client.get(f"{CHANGELIST}{registration.pk}/delete/").status_code == 403
    html = client.get(CHANGELIST).content.decode()
    assert "delete_selected" not in html


def read_csv(response):
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_csv_export_is_excel_friendly_and_formula_safe(
    client, event_with_registrations, registration_manager
):
    client.force_login(registration_manager)
    response = client.get(f"{CHANGELIST}event/{event_with_registrations.pk}/export/")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = read_csv(response)
    assert len(rows) == 5
    cells = [cell for row in rows[1:] for cell in row]
    assert "أمينة العلوي" in cells
    assert '\'=HYPERLINK("http://evil")' in cells
    assert "'+cmd|' /C calc'!A0" in cells
    assert "'@SUM(1+1)" in cells
    for cell in cells:
        assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def read_xlsx(response):
    """The workbook's only sheet, and its cells' XML (to see that no formula is in it)."""
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    assert response["Content-Disposition"].endswith('.xlsx"')
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
    return openpyxl.load_workbook(io.BytesIO(response.content)).active, sheet_xml


@pytest.mark.parametrize(("language", "right_to_left"), [("ar", True), ("fr", False)])
def test_xlsx_export_keeps_every_cell_as_text(
    client, event_with_registrations, registration_manager, language, right_to_left
):
    client.force_login(registration_manager)
    response = client.get(
        f"{CHANGELIST}event/{event_with_registrations.pk}/export/xlsx/",
        HTTP_ACCEPT_LANGUAGE=language,
    )
    sheet, sheet_xml = read_xlsx(response)
    rows = list(sheet.iter_rows())
    assert len(rows) == 5
    cells = [cell for row in rows[1:] for cell in row if cell.value is not None]
    assert all(cell.data_type == "s" for cell in cells)
    values = [cell.value for cell in cells]
    # As typed, without the apostrophe CSV needs: a string cell never runs.
    assert "أمينة العلوي" in values
    assert '=HYPERLINK("http://evil")' in values
    assert "+cmd|' /C calc'!A0" in values
    assert "@SUM(1+1)" in values
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml
    assert bool(sheet.sheet_view.rightToLeft) is right_to_left
    header = [cell.value for cell in rows[0]]
    assert ("الاسم الكامل" in header) is (language == "ar")


@pytest.mark.parametrize(
    ("value", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+212612345678", "'+212612345678"),
        ("-2", "'-2"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("أمينة", "أمينة"),
        ("a=b", "a=b"),
        (None, ""),
        (3, "3"),
    ],
)
def test_csv_cell(value, safe):
    assert csv_cell(value) == safe


def test_export_needs_its_own_permission(client, event_with_registrations, django_user_model):
    viewer = UserFactory()
    from django.contrib.auth.models import Permission

    viewer.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(viewer)
    assert client.get(CHANGELIST).status_code == 200
    for export in ("export/", "export/xlsx/"):
        url = f"{CHANGELIST}event/{event_with_registrations.pk}/{export}"
        assert client.get(url).status_code == 403
    html = client.get(CHANGELIST).content.decode()
    assert "export_selected" not in html and "export/xlsx/" not in html
    response = client.post(
        CHANGELIST,
        {
            "action": "export_selected_xlsx",
            "_selected_action": [Registration.objects.filter(event=event_with_registrations)[0].pk],
        },
    )
    assert response.get("Content-Type") != XLSX_CONTENT_TYPE


def action(client, name, registrations):
    return client.post(
        CHANGELIST,
        {"action": name, "_selected_action": [r.pk for r in registrations]},
        follow=True,
    )


def test_actions_cancel_promote_attend_resend_export(
    client,
    english,
    event_with_registrations,
    registration_manager,
    django_capture_on_commit_callbacks,
):
    event = event_with_registrations
    client.force_login(registration_manager)
    by_email = {r.email: r for r in Registration.objects.filter(event=event)}
    with django_capture_on_commit_callbacks(execute=True):
        response = action(client, "cancel_selected", [by_email["amina@example.ma"]])
    assert "1 cancelled, 1 promoted" in response.content.decode()
    assert Registration.objects.get(email="nadia@example.ma").status == RegistrationStatus.CONFIRMED
    assert Registration.objects.get(email="omar@example.ma").waiting_position == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = action(client, "promote_selected", [by_email["omar@example.ma"]])
    assert "1 promoted; capacity raised by 1" in response.content.decode()
    assert Event.objects.get(pk=event.pk).capacity == 3

    response = action(client, "mark_attended", [by_email["yassine@example.ma"]])
    assert "1 checked in, 0 already were" in response.content.decode()
    response = action(client, "mark_attended", [by_email["yassine@example.ma"]])
    assert "0 checked in, 1 already were" in response.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = action(
            client, "resend_email", [by_email["yassine@example.ma"], by_email["amina@example.ma"]]
        )
    html = response.content.decode()
    assert "1 e-mails queued for sending" in html and "already cancelled" in html
    assert [m.to for m in mail.outbox] == [["yassine@example.ma"]]

    response = client.post(
        CHANGELIST,
        {"action": "export_selected", "_selected_action": [by_email["omar@example.ma"].pk]},
    )
    rows = read_csv(response)
    assert len(rows) == 2 and "omar@example.ma" in rows[1]
    response = client.post(
        CHANGELIST,
        {"action": "export_selected_xlsx", "_selected_action": [by_email["omar@example.ma"].pk]},
    )
    sheet, _xml = read_xlsx(response)
    rows = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(rows) == 2 and "omar@example.ma" in rows[1]


def test_raising_capacity_in_the_admin_promotes_in_order(
    client, english, event_with_registrations, registration_manager
):
    event = event_with_registrations
    client.force_login(registration_manager)
    response = client.post(
        f"{CHANGELIST}event/{event.pk}/capacity/", {"capacity": "3"}, follow=True
    )
    assert "1 promoted from the waiting list" in response.content.decode()
    assert Registration.objects.get(email="nadia@example.ma").status == RegistrationStatus.CONFIRMED
    assert Registration.objects.get(email="omar@example.ma").waiting_position == 1
    response = client.post(f"{CHANGELIST}event/{event.pk}/capacity/", {"capacity": "-4"})
    assert response.status_code == 200 and Event.objects.get(pk=event.pk).capacity == 3


def test_raising_capacity_in_the_event_form_promotes_in_order(
    client,
    english,
    event_with_registrations,
    django_user_model,
    django_capture_on_commit_callbacks,
):
    event = event_with_registrations  # 2 seats taken; nadia waits first, omar second
    mail.outbox.clear()
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org"))
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(client.get(url))
    data.update(title_ar="منتدى الاختبار", capacity="3")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data, follow=True)
    assert "1 promoted from the waiting list" in response.content.decode()
    nadia = Registration.objects.get(email="nadia@example.ma")
    assert nadia.status == RegistrationStatus.CONFIRMED
    assert [m.to for m in mail.outbox] == [["nadia@example.ma"]]
    assert nadia.emails.get(kind="promoted").status == "sent"
    omar = Registration.objects.get(email="omar@example.ma")
    assert omar.status == RegistrationStatus.WAITING and omar.waiting_position == 1


def test_a_stale_event_form_does_not_undo_seats_added_meanwhile(
    client, english, register, django_user_model
):
    event = OpenEventFactory(capacity=1)
    register(event, "seat@example.ma")
    waiting = register(event, "next@example.ma")
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org"))
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(client.get(url))
    seats.registration_promote(registration=waiting, site_url=SITE_URL)  # capacity 1 -> 2
    data["title_en"] = "Renamed meanwhile"
    response = client.post(url, data)
    assert response.status_code == 200 and "changed this record" in response.content.decode()
    assert Event.objects.get(pk=event.pk).capacity == 2
    assert Registration.objects.get(pk=waiting.pk).emails.filter(kind="promoted").exists()


def test_a_malformed_event_filter_is_no_server_error(
    client, event_with_registrations, registration_manager
):
    client.force_login(registration_manager)
    for value in ("²", "١", "x", ""):
        assert client.get(CHANGELIST, {"event__id__exact": value}).status_code != 500


def test_editing_a_registrant_normalises_the_phone_and_keeps_seats_read_only(
    client, english, event_with_registrations, registration_manager
):
    registration = Registration.objects.get(email="amina@example.ma")
    client.force_login(registration_manager)
    url = f"{CHANGELIST}{registration.pk}/change/"
    data = {
        "full_name": "أمينة العلوي",
        "email": "amina@example.ma",
        "phone": "06 61 23 45 67",
        "organization_name": "OCP",
        "job_title": "",
        "language": "fr",
        "status": "cancelled",  # read-only: ignored
    }
    assert client.post(url, data).status_code == 302
    registration.refresh_from_db()
    assert registration.phone == "+212661234567" and registration.language == "fr"
    assert registration.status == RegistrationStatus.CONFIRMED
    taken = {**data, "email": "YASSINE@example.ma"}
    response = client.post(url, taken)
    assert response.status_code == 200
    assert "already registered" in response.content.decode()


def test_failed_emails_are_listed_and_sent_again_from_the_admin(
    client, english, event_with_registrations, registration_manager, settings, committed
):
    """A message the mail server refused shows as failed (on the registration list and in the
    e-mails list, with its error); "Send again" queues it anew and the worker sends it."""
    client.force_login(registration_manager)
    yassine = Registration.objects.get(email="yassine@example.ma")
    settings.EMAIL_BACKEND = "tests.registrations.mail_backends.FailingBackend"
    with committed():
        action(client, "resend_email", [yassine])
    failed = client.get(CHANGELIST, {"email_state": "failed"}).content.decode()
    assert "yassine@example.ma" in failed and "amina@example.ma" not in failed
    emails_list = "/admin/registrations/outgoingemail/"
    page = client.get(emails_list, {"status__exact": "failed"}).content.decode()
    assert "yassine@example.ma" in page
    (bad,) = OutgoingEmail.objects.filter(status="failed")
    assert "SMTPServerDisconnected" in client.get(f"{emails_list}{bad.pk}/change/").content.decode()

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    with committed():
        response = client.post(
            emails_list, {"action": "resend", "_selected_action": [bad.pk]}, follow=True
        )
    assert "1 e-mails queued for sending" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["yassine@example.ma"]]
    assert yassine.emails.order_by("-pk").first().status == "sent"
    assert client.get(CHANGELIST, {"email_state": "failed"}).status_code == 200


def test_the_emails_list_is_for_registration_managers_only(client, english, django_user_model):
    editor = django_user_model.objects.create_user("ed", "ed@example.org", "pw-long-enough-1")
    editor.is_staff = True
    editor.save()
    client.force_login(editor)
    assert client.get("/admin/registrations/outgoingemail/").status_code == 403


def test_the_list_shows_each_waiting_registrants_place(
    client, english, event_with_registrations, registration_manager
):
    """The waiting position is in the status column (one column less at 1280 px)."""
    client.force_login(registration_manager)
    html = client.get(f"{CHANGELIST}?status__exact=waiting").content.decode()
    waiting = Registration.objects.filter(
        event=event_with_registrations, status=RegistrationStatus.WAITING
    )
    assert sorted(waiting.values_list("waiting_position", flat=True)) == [1, 2]
    for registration in waiting:
        row = html.split(f">{registration.reference}</a>")[1].split("</tr>")[0]
        assert f"On the waiting list (no. {registration.waiting_position})" in row
