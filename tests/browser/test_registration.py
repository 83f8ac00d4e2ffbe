"""A registrant signs up through the Arabic form and cancels through the personal link."""

import re

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from registrations.models import Registration, RegistrationStatus
from tests.registrations.factories import OpenEventFactory


@pytest.fixture
def register_for_browser():
    from registrations.services import seats

    event = OpenEventFactory(title="منتدى الطيران التجريبي", title_fr="Forum d’essai aéronautique")
    registration = seats.registration_create(
        event=event,
        full_name="يوسف الإدريسي",
        email="youssef@example.ma",
        organization_name="Safran",
        job_title="مهندس",
        language="ar",
        site_url="http://testserver",
    )
    return event, registration


def test_register_in_arabic_then_cancel_through_the_personal_link(live_server, page, artifacts_dir):
    event = OpenEventFactory(
        title="منتدى الكيمياء التجريبي",
        title_fr="Forum d’essai de la chimie",
        capacity=1,
    )
    page.goto(f"{live_server.url}/ar/events/{event.slug}/register/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=artifacts_dir / "registration-form-ar.png", full_page=True)

    # Submitting without consent keeps what was typed and explains.
    page.fill("#id_full_name", "أمينة العلوي")
    page.fill("#id_email", "amina@example.ma")
    page.fill("#id_phone", "06 61 23 45 67")
    page.fill("#id_organization_name", "المكتب الشريف للفوسفاط")
    page.fill("#id_job_title", "مهندسة")
    page.click(".registration-form button[type=submit]")
    assert page.locator(".form-errors").is_visible()
    assert page.input_value("#id_email") == "amina@example.ma"
    assert not Registration.objects.filter(event=event).exists()
    page.screenshot(path=artifacts_dir / "registration-form-errors-ar.png", full_page=True)

    page.check("#id_consent")
    page.click(".registration-form button[type=submit]")
    reference = page.locator(".outcome-confirmed .reference").inner_text()
    assert "/register/done/?token=" in page.url
    page.reload()  # a GET: nothing is sent again
    assert page.locator(".outcome-confirmed .reference").inner_text() == reference
    assert page.locator(f'a[href="/ar/events/{event.slug}/calendar.ics"]').is_visible()
    page.screenshot(path=artifacts_dir / "registration-confirmed-ar.png", full_page=True)
    registration = Registration.objects.get(event=event)
    assert reference == registration.reference
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.language == "ar" and registration.phone == "+212661234567"

    # The commit ran the e-mail task (the test suite runs tasks in the process).
    (message,) = [m for m in mail.outbox if m.to == ["amina@example.ma"]]
    link = re.search(r"https?://\S+/ar/registration/\?token=\S+", message.body).group(0)
    page.goto(link)
    assert reference in page.locator(".registration-details").inner_text()
    assert page.locator(".qr svg").is_visible()
    page.screenshot(path=artifacts_dir / "registration-manage-ar.png", full_page=True)
    page.click(".cancel-link")
    assert event.title in page.locator("h1").inner_text()
    page.screenshot(path=artifacts_dir / "registration-cancel-question-ar.png", full_page=True)
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CONFIRMED
    page.click(".cancel-form button[type=submit]")
    page.wait_for_selector(".outcome[role=status]")
    page.screenshot(path=artifacts_dir / "registration-cancelled-ar.png", full_page=True)
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CANCELLED
    assert page.locator(".cancel-link").count() == 0
    (notice,) = [m for m in mail.outbox if m.to == ["amina@example.ma"] and m is not message]
    with translation.override("ar"):
        assert notice.subject == gettext("Registration cancelled: %(event)s") % {
            "event": event.title
        }


def test_french_form_waiting_list_and_phone_layout(live_server, page, phone_page, artifacts_dir):
    event = OpenEventFactory(title_fr="Forum de l'automobile", capacity=0)
    url = f"{live_server.url}/fr/events/{event.slug}/register/"
    page.goto(url)
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.input_value("#id_language") == "fr"
    page.screenshot(path=artifacts_dir / "registration-form-fr.png", full_page=True)
    page.fill("#id_full_name", "Karim Idrissi")
    page.fill("#id_email", "karim@example.ma")
    page.fill("#id_organization_name", "Renault Maroc")
    page.fill("#id_job_title", "Ingénieur")
    page.check("#id_consent")
    page.click(".registration-form button[type=submit]")
    assert page.locator(".outcome-waiting .position").inner_text() == "1"
    page.screenshot(path=artifacts_dir / "registration-waiting-fr.png", full_page=True)

    phone_page.goto(f"{live_server.url}/ar/events/{event.slug}/register/")
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375  # no sideways scrolling on a phone
    phone_page.screenshot(path=artifacts_dir / "registration-form-ar-phone.png", full_page=True)


@pytest.fixture
def door_staff_cookie(live_server, django_user_model):
    """The session cookie of a staff member of the "Registration managers" group."""
    from django.contrib.auth.models import Group
    from django.test import Client

    manager = django_user_model.objects.create_user("door", "door@example.org", "x" * 12)
    manager.is_staff = True
    manager.save()
    manager.groups.add(Group.objects.get(name="Registration managers"))
    client = Client()
    client.force_login(manager)
    return {"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}


def test_staff_check_in_at_the_door_and_the_email_as_sent(
    live_server, page, artifacts_dir, door_staff_cookie, register_for_browser
):
    event, registration = register_for_browser
    page.context.add_cookies([door_staff_cookie])

    page.goto(f"{live_server.url}/fr/events/{event.slug}/check-in/")
    page.fill("#id_reference", registration.reference.lower())
    page.press("#id_reference", "Enter")  # what a keyboard-wedge scanner does
    with translation.override("fr"):
        checked_in, already = gettext("Checked in"), gettext("Already checked in at %(time)s")
    assert checked_in != "Checked in"  # the French page speaks French
    assert checked_in in page.locator(".outcome-confirmed h2").inner_text()
    page.fill("#id_reference", registration.reference)
    page.press("#id_reference", "Enter")
    assert already.split("%(time)s")[0].strip() in page.locator(".outcome-warning h2").inner_text()
    page.screenshot(path=artifacts_dir / "registration-check-in-fr.png", full_page=True)

    page.goto(f"{live_server.url}/admin/registrations/registration/?event__id__exact={event.pk}")
    assert registration.email in page.content()
    page.screenshot(path=artifacts_dir / "registration-admin.png", full_page=True)

    # The Arabic confirmation as a mail client shows it (the QR inline as a data URI here).
    import base64

    (message,) = [m for m in mail.outbox if m.to == [registration.email]]
    html = message.alternatives[0].content
    png = next(p for p in message.message().walk() if p.get_content_type() == "image/png")
    data = base64.b64encode(png.get_payload(decode=True)).decode()
    page.goto("about:blank")  # not under the site's CSP: mail clients allow inline styles
    page.set_content(re.sub(r'src="cid:[^"]+"', f'src="data:image/png;base64,{data}"', html))
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=artifacts_dir / "registration-email-ar.png", full_page=True)


def y4m_video(path, luma_rows, *, width=640, height=480, frames=10):
    """A YUV4MPEG2 file (what Chromium's fake camera plays) of a still grey picture: `luma_rows`
    (rows of 0-255 values) centred on white, chroma neutral (128)."""
    picture = bytearray(b"\xff" * (width * height))
    top, left = (height - len(luma_rows)) // 2, (width - len(luma_rows[0])) // 2
    for y, row in enumerate(luma_rows):
        start = (top + y) * width + left
        picture[start : start + len(row)] = bytes(row)
    chroma = b"\x80" * (width // 2 * (height // 2))
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{width} H{height} F10:1 Ip A1:1 C420jpeg\n".encode())
        for _ in range(frames):
            video.write(b"FRAME\n" + picture + chroma + chroma)
    return path


def test_checking_in_with_the_phone_camera(
    live_server, camera_page, tmp_path, door_staff_cookie, register_for_browser, artifacts_dir
):
    """The QR code of the confirmation e-mail, filmed: jsQR reads it (as in every browser
    without a BarcodeDetector, headless Chromium on Linux among them), the form submits and the
    server checks the registrant in."""
    from registrations.formatting import reference_qr

    event, registration = register_for_browser
    qr = reference_qr(registration.reference)  # what the e-mail and the personal page show
    rows = [[0 if dark else 255 for dark in row] for row in qr.matrix_iter(scale=12, border=4)]
    page = camera_page(y4m_video(tmp_path / "qr.y4m", rows))
    page.context.add_cookies([door_staff_cookie])
    page.add_init_script("delete window.BarcodeDetector;")
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/fr/events/{event.slug}/check-in/")
    assert not any("jsQR" in url for url in requested)  # loaded only when needed
    page.click(".camera-start")
    page.wait_for_selector(".outcome-confirmed", timeout=15_000)
    with translation.override("fr"):
        checked_in = gettext("Checked in")
    assert checked_in in page.locator(".outcome-confirmed h2").inner_text()
    assert registration.full_name in page.locator(".outcome-confirmed .person").inner_text()
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    assert any(url.endswith("/jsqr/jsQR.min.js") for url in requested)
    page.screenshot(path=artifacts_dir / "registration-check-in-camera-fr.png", full_page=True)
