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
    page.click(".cancel-form button")
    page.wait_for_selector(".outcome[role=status]")
    page.screenshot(path=artifacts_dir / "registration-cancelled-ar.png", full_page=True)
    assert Registration.objects.get(pk=registration.pk).status == RegistrationStatus.CANCELLED
    assert page.locator(".cancel-form").count() == 0


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


def test_staff_check_in_at_the_door_and_the_email_as_sent(
    live_server, page, artifacts_dir, django_user_model, register_for_browser
):
    from django.contrib.auth.models import Group
    from django.test import Client

    event, registration = register_for_browser
    manager = django_user_model.objects.create_user("door", "door@example.org", "x" * 12)
    manager.is_staff = True
    manager.save()
    manager.groups.add(Group.objects.get(name="Registration managers"))
    client = Client()
    client.force_login(manager)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

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
