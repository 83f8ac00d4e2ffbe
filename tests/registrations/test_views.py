"""The public pages: form, outcome, personal link, and the staff check-in page."""

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from editorial.models import Status
from registrations.models import Registration, RegistrationStatus
from registrations.services import links, seats
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory, registration_form_data

from ..i18n import translated


def register_url(event, language="ar"):
    return f"/{language}/events/{event.slug}/register/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST the form as it commits (the e-mail task it enqueues runs then)."""

    def send(event, language="ar", client=client, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(register_url(event, language), registration_form_data(**fields))
        return response

    return send


def test_the_form_in_arabic(client, db, settings):
    settings.REGISTRATION_RETENTION_DAYS = 180
    event = OpenEventFactory()
    response = client.get(register_url(event))
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "csrfmiddlewaretoken" in html
    for name in ("full_name", "email", "phone", "organization_name", "job_title", "consent"):
        assert f'name="{name}"' in html
    assert 'name="homepage"' in html and 'class="registration-hp" aria-hidden="true"' in html
    assert '<option value="ar" selected>' in html
    assert "09-08" in html and "180" in html  # what is kept, and for how long
    assert 'maxlength="150"' in html and 'type="tel"' in html
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_the_phone_examples_read_left_to_right_in_arabic(client, db):
    """Bare in an Arabic sentence, "+33 6 12 34 56 78" reads "78 56 34 12 6 33+"."""
    html = client.get(register_url(OpenEventFactory())).content.decode()
    phone_input = re.search(r'<input[^>]*name="phone"[^>]*>', html).group()
    assert 'dir="ltr"' in phone_input and 'aria-describedby="id_phone_helptext"' in phone_input
    help_text = re.search(r'<div class="helptext" id="id_phone_helptext">(.*?)</div>', html)
    examples = re.findall(r'<bdi dir="ltr">([^<]*)</bdi>', help_text.group(1))
    assert examples == ["06 12 34 56 78", "+33 6 12 34 56 78"]


def test_the_form_in_french_preselects_french(client, db):
    event = OpenEventFactory()
    html = client.get(register_url(event, "fr")).content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert '<option value="fr" selected>' in html
    assert escape(event.title_fr) in html


def test_unknown_and_unpublished_events_are_not_found(client, db):
    assert client.get("/ar/events/no-such-event/register/").status_code == 404
    draft = OpenEventFactory(status=Status.DRAFT)
    assert client.get(register_url(draft)).status_code == 404


def test_closed_registration_says_so(client, db):
    later = OpenEventFactory(registration_opens=timezone.now() + datetime.timedelta(days=2))
    html = client.get(register_url(later, "en")).content.decode()
    assert "Registration is closed" in html and "Registration opens on" in html
    assert 'name="email"' not in html
    closed = OpenEventFactory(
        registration_opens=timezone.now() - datetime.timedelta(days=5),
        registration_closes=timezone.now() - datetime.timedelta(days=1),
    )
    html = client.get(register_url(closed, "en")).content.decode()
    assert "Registration is closed" in html and "opens on" not in html


def test_a_full_event_without_waiting_list_says_so(client, db):
    event = OpenEventFactory(capacity=0, waiting_list=False)
    html = client.get(register_url(event, "en")).content.decode()
    assert "This event is full" in html and 'name="email"' not in html


def test_a_full_event_with_waiting_list_warns_before_signing_up(client, db):
    event = OpenEventFactory(capacity=0)
    html = client.get(register_url(event, "en")).content.decode()
    assert "placed on the waiting list" in html and "Join the waiting list" in html


def test_signing_up_confirms_with_a_reference(db, post):
    event = OpenEventFactory(capacity=1)
    response = post(event, language="fr", email="Amina@Example.MA")
    html = response.content.decode()
    registration = Registration.objects.get(event=event)
    assert response.status_code == 200
    assert translated("You are registered", "fr") in html and registration.reference in html
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.email == "Amina@example.ma"
    assert registration.phone == "+212661234567"
    assert registration.language == "ar"  # what the form said, not the page
    assert registration.consent_at is not None
    assert [m.to for m in mail.outbox] == [["Amina@example.ma"]]


def test_when_full_the_next_one_waits_and_is_told_the_position(db, post):
    event = OpenEventFactory(capacity=1)
    post(event, email="one@example.ma")
    post(event, email="two@example.ma")
    response = post(event, language="en", email="three@example.ma")
    html = response.content.decode()
    assert "You are on the waiting list" in html
    assert re.search(r'class="position">2<', html)


def test_a_second_sign_up_with_the_same_email_reveals_nothing(db, post):
    event = OpenEventFactory()
    post(event, email="amina@example.ma", full_name="أمينة العلوي", job_title="مديرة")
    first = Registration.objects.get(event=event)
    response = post(event, language="en", email="AMINA@example.ma", full_name="Someone Else")
    html = response.content.decode()
    assert "Already registered" in html
    for secret in (first.reference, "أمينة العلوي", "مديرة", first.get_status_display()):
        assert secret not in html
    assert Registration.objects.filter(event=event).count() == 1


def test_signing_up_when_full_without_waiting_list(db, post):
    event = OpenEventFactory(capacity=1, waiting_list=False)
    post(event, email="one@example.ma")
    html = post(event, language="en", email="two@example.ma").content.decode()
    assert "This event is full" in html
    assert Registration.objects.filter(event=event).count() == 1


def test_signing_up_after_closing_time(db, post):
    event = OpenEventFactory(registration_closes=timezone.now() - datetime.timedelta(seconds=1))
    html = post(event, language="en").content.decode()
    assert "Registration is closed" in html
    assert not Registration.objects.filter(event=event).exists()


@pytest.mark.parametrize(
    ("fields", "field", "french_message"),
    [
        ({"email": "amina@"}, "email", "Saisissez une adresse de courriel valide."),
        ({"full_name": ""}, "full_name", "Ce champ est obligatoire."),
        ({"phone": "12"}, "phone", None),
        ({"consent": ""}, "consent", None),
        ({"full_name": "x" * 500}, "full_name", "au plus 150 caractères"),
    ],
)
def test_bad_input_shows_the_form_again_and_writes_nothing(db, post, fields, field, french_message):
    event = OpenEventFactory()
    response = post(event, language="fr", **fields)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="form-errors" role="alert"' in html
    assert f'id="id_{field}_error"' in html or (field == "consent" and "consent-error" in html)
    if french_message:
        assert french_message in html
    assert 'value="amina@example.ma"' in html or field == "email"  # typed values are kept
    assert not Registration.objects.filter(event=event).exists()
    assert mail.outbox == []


def test_the_honeypot_writes_nothing(db, post):
    event = OpenEventFactory()
    html = post(event, language="en", homepage="https://spam.example").content.decode()
    assert "could not be accepted" in html
    assert not Registration.objects.filter(event=event).exists()


def test_csrf_is_enforced(db):
    event = OpenEventFactory()
    browser = Client(enforce_csrf_checks=True)
    assert browser.post(register_url(event), registration_form_data()).status_code == 403
    assert not Registration.objects.filter(event=event).exists()
    page = browser.get(register_url(event)).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = browser.post(
        register_url(event), {**registration_form_data(), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 200
    assert Registration.objects.filter(event=event).count() == 1


def test_rate_limit_per_ip(db, post, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = 2
    event = OpenEventFactory(capacity=None)
    assert post(event, email="a@example.ma").status_code == 200
    assert post(event, email="b@example.ma", full_name="").status_code == 200  # invalid counts too
    response = post(event, language="en", email="c@example.ma")
    assert response.status_code == 429
    assert "Too many registration attempts" in response.content.decode()
    other_ip = Client(REMOTE_ADDR="192.0.2.77")
    assert post(event, client=other_ip, email="d@example.ma").status_code == 200
    assert sorted(Registration.objects.filter(event=event).values_list("email", flat=True)) == [
        "a@example.ma",
        "d@example.ma",
    ]


def test_rate_limit_per_email_across_addresses(db, post, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = 2
    events = [OpenEventFactory() for _ in range(3)]
    clients = [Client(REMOTE_ADDR=f"198.51.100.{n}") for n in range(3)]
    assert post(events[0], client=clients[0], email="Same@example.ma").status_code == 200
    assert post(events[1], client=clients[1], email="same@example.ma").status_code == 200
    assert post(events[2], client=clients[2], email="SAME@example.ma").status_code == 429
    assert Registration.objects.filter(email__iexact="same@example.ma").count() == 2


def test_rate_limit_uses_the_proxy_header_when_configured(db, post, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = 1
    settings.PROXY_COUNT = 1  # one load balancer appends the client's address
    event = OpenEventFactory(capacity=None)
    behind_proxy = [
        Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.9, 203.0.113.{n}")
        for n in range(2)
    ]
    assert post(event, client=behind_proxy[0], email="a@example.ma").status_code == 200
    assert post(event, client=behind_proxy[1], email="b@example.ma").status_code == 200
    assert post(event, client=behind_proxy[1], email="c@example.ma").status_code == 429


def test_rate_limit_can_be_switched_off(db, post, settings):
    settings.REGISTRATION_RATE_LIMIT_PER_IP = 1
    settings.REGISTRATION_RATE_LIMIT_ENABLED = False
    event = OpenEventFactory(capacity=None)
    for n in range(3):
        assert post(event, email=f"p{n}@example.ma").status_code == 200
    assert Registration.objects.filter(event=event).count() == 3


# --- the personal link -----------------------------------------------------------------------


def link_path(registration):
    return links.registration_link(registration, site_url="")


def test_the_personal_link_shows_the_registration(client, db, register):
    registration = register(OpenEventFactory(), "me@example.ma", language="en")
    path = link_path(registration)
    assert path.startswith("/en/registration/?token=")
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert registration.reference in html and "Confirmed" in html
    assert "<svg" in html  # the QR code to show at the door
    assert "Cancel my registration" in html
    assert 'name="robots" content="noindex"' in html


def test_a_tampered_link_is_refused_clearly(client, db, register):
    registration = register(OpenEventFactory(), "me@example.ma")
    token = links.registration_token(registration)
    other = signing.dumps("ABCDEFGH", salt=links.TOKEN_SALT)
    forged = [
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        other.split(":")[0] + ":" + ":".join(token.split(":")[1:]),
        signing.dumps(registration.reference, salt="another-salt"),
        "garbage",
    ]
    for bad in forged:
        response = client.get("/en/registration/", {"token": bad})
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
        assert registration.reference not in response.content.decode()
    # A correctly signed token for a reference that does not exist.
    response = client.get("/en/registration/", {"token": other})
    assert response.status_code == 400


def test_an_expired_link_is_refused_clearly(client, db, register):
    registration = register(OpenEventFactory(), "me@example.ma")

    class LongAgo(signing.TimestampSigner):
        def timestamp(self):
            age = links.TOKEN_MAX_AGE.total_seconds() + 60
            return signing.b62_encode(int(time.time() - age))

    token = LongAgo(salt=links.TOKEN_SALT).sign_object(registration.reference)
    response = client.get("/en/registration/", {"token": token})
    assert response.status_code == 400
    assert "This link has expired" in response.content.decode()


def test_cancelling_through_the_link_frees_the_seat(
    client, db, register, django_capture_on_commit_callbacks
):
    event = OpenEventFactory(capacity=1)
    mine = register(event, "me@example.ma", language="en")
    next_one = register(event, "next@example.ma")
    path = link_path(mine)
    client.get(path)
    assert (
        Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CONFIRMED
    )  # GET is safe
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {"action": "cancel"})
    html = response.content.decode()
    assert "Your registration has been cancelled" in html
    assert "Cancel my registration" not in html
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(pk=next_one.pk).status == RegistrationStatus.CONFIRMED
    assert sorted(m.to[0] for m in mail.outbox[-2:]) == ["me@example.ma", "next@example.ma"]
    # Again: nothing more happens, and the page says why.
    html = client.post(path, {"action": "cancel"}).content.decode()
    assert "already cancelled" in html


def test_a_waiting_registrant_sees_the_position(client, db, register):
    event = OpenEventFactory(capacity=0)
    register(event, "first@example.ma")
    mine = register(event, "me@example.ma", language="en")
    html = client.get(link_path(mine)).content.decode()
    assert "On the waiting list" in html and "position 2" in html
    assert "<svg" not in html


# --- check-in at the door --------------------------------------------------------------------


def check_in_url(event, language="en"):
    return f"/{language}/events/{event.slug}/check-in/"


def test_check_in_needs_the_permission(client, db, django_user_model):
    event = OpenEventFactory()
    response = client.get(check_in_url(event))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    from django.contrib.auth.models import Group

    for group in (None, "Editors", "Publishers"):
        user = UserFactory()
        if group:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        assert client.get(check_in_url(event)).status_code == 403
        assert client.post(check_in_url(event), {"reference": "X"}).status_code == 403


def test_checking_in_once_then_already(client, db, register, registration_manager):
    event = OpenEventFactory()
    registration = register(
        event, "door@example.ma", full_name="Yassine Benali", organization_name="OCP"
    )
    client.force_login(registration_manager)
    html = client.post(check_in_url(event), {"reference": registration.reference.lower()})
    html = html.content.decode()
    assert "Checked in" in html and "Yassine Benali" in html and "OCP" in html
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.ATTENDED
    at = timezone.localtime(registration.checked_in_at).strftime("%H:%M")
    html = client.post(check_in_url(event), {"reference": registration.reference}).content.decode()
    assert f"Already checked in at {at}" in html
    assert "1 checked in out of 1 expected" in html


def test_check_in_refusals_are_explained(client, db, register, registration_manager):
    event = OpenEventFactory(capacity=0)
    waiting = register(event, "wait@example.ma", full_name="Nadia")
    client.force_login(registration_manager)
    html = client.post(check_in_url(event), {"reference": waiting.reference}).content.decode()
    assert "waiting list" in html and "Nadia" in html
    html = client.post(check_in_url(event), {"reference": "ZZZZ9999"}).content.decode()
    assert "No registration has this reference" in html
    elsewhere = register(OpenEventFactory(), "x@example.ma")
    html = client.post(check_in_url(event), {"reference": elsewhere.reference}).content.decode()
    assert "another event" in html
    assert Registration.objects.get(pk=elsewhere.pk).status == RegistrationStatus.CONFIRMED


def test_the_form_page_gets_a_fresh_csrf_token_and_follows_changes(db, register):
    event = OpenEventFactory(capacity=1)
    tokens = []
    for _n in range(2):
        browser = Client(enforce_csrf_checks=True)
        html = browser.get(register_url(event, "en")).content.decode()
        assert "Join the waiting list" not in html
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        tokens.append(token)
    assert tokens[0] != tokens[1]
    response = browser.post(
        register_url(event, "en"),
        {**registration_form_data(language="en"), "csrfmiddlewaretoken": tokens[1]},
    )
    assert "You are registered" in response.content.decode()
    # Full now: the page says the next sign-up goes to the waiting list.
    assert "Join the waiting list" in Client().get(register_url(event, "en")).content.decode()
    event.title_en = "Renamed forum"
    event.save()
    assert "Renamed forum" in Client().get(register_url(event, "en")).content.decode()


def test_the_form_page_follows_the_seats_without_asking_the_database_each_time(
    db, register, django_assert_num_queries
):
    event = OpenEventFactory(capacity=1)
    Client().get(register_url(event, "en"))
    with django_assert_num_queries(0):  # event, seats and page all come from the cache
        assert (
            "Join the waiting list" not in Client().get(register_url(event, "en")).content.decode()
        )
    seat = register(event, "seat@example.ma")
    assert "Join the waiting list" in Client().get(register_url(event, "en")).content.decode()
    seats.registration_cancel(registration=seat, site_url="http://testserver")
    assert "Join the waiting list" not in Client().get(register_url(event, "en")).content.decode()


def test_the_empty_forms_kept_fields_never_stand_in_for_a_form_with_errors(client, db, post):
    """The empty form's fields are kept in the cache per language (registrations/form.html):
    every visitor gets them with a CSRF token of their own, and a form sent back with errors
    shows its errors and what was typed."""
    event = OpenEventFactory()
    first = client.get(register_url(event, "fr")).content.decode()
    assert '<option value="fr" selected>' in first
    response = post(event, language="fr", email="amina@", full_name="Amina Alaoui")
    html = response.content.decode()
    assert 'id="id_email_error"' in html and 'value="Amina Alaoui"' in html
    again = Client().get(register_url(event, "fr")).content.decode()
    assert 'id="id_email_error"' not in again and 'value="Amina Alaoui"' not in again
    assert '<option value="ar" selected>' in Client().get(register_url(event)).content.decode()
    token = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
    assert token.search(first).group(1) != token.search(again).group(1)
