"""The public pages: form, outcome, personal link, and the staff check-in page."""

import datetime
import re
import time
from html import unescape
from urllib.parse import urlencode

import pytest
from django.core import mail, signing
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from editorial.models import Status
from events.models import Event
from registrations.models import Registration, RegistrationStatus
from registrations.services import links, seats
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory, registration_form_data

from ..i18n import translated


def register_url(event, language="ar"):
    return f"/{language}/events/{event.slug}/register/"


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """POST the form as it commits (the e-mail task it enqueues runs then), and follow the
    redirect to the outcome as a browser does."""

    def send(event, language="ar", client=client, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                register_url(event, language), registration_form_data(**fields), follow=True
            )
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
    ((outcome_url, status),) = response.redirect_chain
    assert status == 303  # a refresh of the outcome does not post again
    assert outcome_url.startswith(f"/fr/events/{event.slug}/register/done/?token=")
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
    assert response.status_code == 303
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


# --- the outcome page -----------------------------------------------------------------------


def test_refreshing_the_outcome_shows_it_again_and_registers_nothing_more(db, post, client):
    event = OpenEventFactory(capacity=1)
    post(event, email="first@example.ma")
    response = post(event, language="en", email="second@example.ma")
    ((outcome_url, _status),) = response.redirect_chain
    for _refresh in range(2):
        html = client.get(outcome_url).content.decode()
        assert "You are on the waiting list" in html and re.search(r'class="position">1<', html)
        assert 'name="robots" content="noindex"' in html  # its address holds a personal token
    assert Registration.objects.filter(event=event).count() == 2
    assert len(mail.outbox) == 2


def test_the_outcome_shows_only_the_registration_its_token_signs(db, register, client):
    event = OpenEventFactory()
    mine = register(event, "mine@example.ma", full_name="Amina")
    outcome = f"/en/events/{event.slug}/register/done/"
    assert client.get(outcome).status_code == 400
    forged = signing.dumps(mine.reference, salt="another-salt")
    response = client.get(outcome, {"token": forged})
    assert response.status_code == 400 and mine.reference not in response.content.decode()
    # Under another event's address it goes to its own event's page.
    elsewhere = f"/en/events/{OpenEventFactory().slug}/register/done/"
    response = client.get(elsewhere, {"token": links.registration_token(mine)})
    assert response.status_code == 302
    assert response["Location"].startswith(outcome + "?token=")
    # Cancelled since: the personal page tells it.
    seats.registration_cancel(registration=mine, site_url="http://testserver")
    response = client.get(outcome, {"token": links.registration_token(mine)})
    assert response.status_code == 302
    assert response["Location"].startswith("/en/registration/?token=")


def test_the_already_registered_outcome_holds_only_the_typed_address_for_a_while(db, post, client):
    event = OpenEventFactory()
    post(event, email="amina@example.ma")
    response = post(event, language="en", email="AMINA@example.ma")
    ((outcome_url, status),) = response.redirect_chain
    assert status == 303 and "AMINA@example.ma" in response.content.decode()
    assert "Already registered" in client.get(outcome_url).content.decode()
    # Signed for another event, or an hour old: back to the form, which shows nothing of it.
    other = OpenEventFactory()
    token = links.duplicate_outcome_token(event_id=other.pk, email="x@example.ma")
    response = client.get(f"/en/events/{event.slug}/register/done/", {"duplicate": token})
    assert response.status_code == 302 and response["Location"] == register_url(event, "en")

    class HourAgo(signing.TimestampSigner):
        def timestamp(self):
            age = links.DUPLICATE_MAX_AGE.total_seconds() + 1
            return signing.b62_encode(int(time.time() - age))

    old = HourAgo(salt=links.DUPLICATE_SALT).sign_object(
        {"event": event.pk, "email": "amina@example.ma"}
    )
    response = client.get(f"/en/events/{event.slug}/register/done/", {"duplicate": old})
    assert response.status_code == 302 and response["Location"] == register_url(event, "en")


def test_the_outcome_and_the_personal_page_offer_the_events_calendar(db, post, client):
    event = OpenEventFactory(title_en="Calendar forum")
    html = post(event, language="en", email="cal@example.ma").content.decode()
    calendar = f"/en/events/{event.slug}/calendar.ics"
    assert f'href="{calendar}" download' in html and "Add to calendar" in html
    ics = client.get(calendar)
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Calendar forum" in ics.content
    assert b"DTSTART;VALUE=DATE:" + event.start_date.strftime("%Y%m%d").encode() in ics.content
    registration = Registration.objects.get(event=event)
    personal = client.get(link_path(registration)).content.decode()  # in Arabic
    assert f'href="/ar/events/{event.slug}/calendar.ics" download' in personal


def test_an_undated_event_offers_no_calendar(db, post, client):
    event = OpenEventFactory(start_date=None, end_date=None)
    html = post(event, language="en", email="undated@example.ma").content.decode()
    assert "You are registered" in html and "calendar.ics" not in html
    registration = Registration.objects.get(event=event)
    assert "calendar.ics" not in client.get(link_path(registration)).content.decode()


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


def cancel_path(registration):
    token = links.registration_token(registration)
    return "/en/registration/cancel/?" + urlencode({"token": token})


def test_cancelling_asks_first_then_frees_the_seat_and_tells_by_email(
    client, db, register, django_capture_on_commit_callbacks
):
    event = OpenEventFactory(capacity=1, title_en="Aerospace forum")
    mine = register(event, "me@example.ma", language="fr")
    next_one = register(event, "next@example.ma")
    personal = client.get(link_path(mine)).content.decode()
    assert "<form" not in personal.split('class="registration-event"')[1]  # a link, not a POST
    href = re.search(r'class="[^"]*cancel-link" href="([^"]+)"', personal).group(1)
    assert unescape(href).startswith("/fr/registration/cancel/?token=")

    assert client.get(unescape(href)).status_code == 200
    question = client.get(cancel_path(mine))
    html = question.content.decode()
    assert question.status_code == 200 and "Cancel your registration?" in html
    assert "Aerospace forum" in html and 'method="post"' in html
    # GET is safe.
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CONFIRMED

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_path(mine))
    assert response.status_code == 303
    assert response["Location"].startswith("/en/registration/?token=")
    html = client.get(response["Location"]).content.decode()
    assert "Your registration has been cancelled" in html
    assert "Cancel my registration" not in html and "Add to calendar" not in html
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CANCELLED
    assert Registration.objects.get(pk=next_one.pk).status == RegistrationStatus.CONFIRMED
    (notice,) = [m for m in mail.outbox if m.to == ["me@example.ma"]]
    assert notice.subject == translated("Registration cancelled: %(event)s", "fr") % {
        "event": event.title_fr
    }  # in the registrant's language, not the page's
    assert [m.to for m in mail.outbox if m is not notice] == [["next@example.ma"]]

    # Again, or a refresh of the question: nothing more happens.
    assert client.post(cancel_path(mine))["Location"].startswith("/en/registration/?token=")
    assert client.get(cancel_path(mine)).status_code == 302
    assert len(mail.outbox) == 2


def test_a_cancellation_that_is_refused_says_why_and_changes_nothing(client, db, register):
    event = OpenEventFactory()
    mine = register(event, "me@example.ma")
    Event.objects.filter(pk=event.pk).update(
        start_date=datetime.date(2020, 5, 1), end_date=datetime.date(2020, 5, 2)
    )
    assert client.get(cancel_path(mine)).status_code == 302  # nothing to ask any more
    response = client.post(cancel_path(mine))
    assert response.status_code == 409
    assert "This event is over" in response.content.decode()
    assert Registration.objects.get(pk=mine.pk).status == RegistrationStatus.CONFIRMED


def test_the_cancel_step_refuses_a_bad_link(client, db):
    response = client.post("/en/registration/cancel/", {"token": "garbage"})
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()


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
        follow=True,
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


def test_finding_a_registrant_by_name_or_email_and_checking_them_in(
    client, db, register, registration_manager
):
    event = OpenEventFactory(capacity=None)
    helene = register(event, "h.benali@example.ma", full_name="Hélène Benali", language="en")
    ahmed = register(event, "ahmed@example.ma", full_name="أحمد الإدريسي")
    register(event, "other@example.ma", full_name="Karim Tazi")
    register(OpenEventFactory(), "helene@example.ma", full_name="Hélène Elsewhere")
    client.force_login(registration_manager)

    html = client.get(check_in_url(event), {"q": "HELENE"}).content.decode()
    assert "Hélène Benali" in html and "h.benali@example.ma" in html
    assert "Karim Tazi" not in html and "Hélène Elsewhere" not in html
    assert "أحمد الإدريسي" not in html
    html = client.get(check_in_url(event), {"q": "احمد"}).content.decode()
    assert "أحمد الإدريسي" in html and "Hélène" not in html
    html = client.get(check_in_url(event), {"q": "benali@EXAMPLE"}).content.decode()
    assert "Hélène Benali" in html

    # Checked in from the list: the same service as a typed code, and the list stays.
    response = client.post(
        check_in_url(event) + "?q=helene", {"reference": helene.reference}
    ).content.decode()
    assert "Checked in" in response and "Hélène Benali" in response
    assert 'class="lookup-results"' in response
    assert Registration.objects.get(pk=helene.pk).status == RegistrationStatus.ATTENDED
    assert Registration.objects.get(pk=ahmed.pk).status == RegistrationStatus.CONFIRMED


def test_the_lookup_explains_a_too_short_or_fruitless_search(
    client, db, register, registration_manager
):
    event = OpenEventFactory()
    register(event, "a@example.ma", full_name="Amina")
    client.force_login(registration_manager)
    html = client.get(check_in_url(event), {"q": "a"}).content.decode()
    assert 'id="id_q_error"' in html and "at least 2 characters" in html
    assert 'class="lookup-results"' not in html
    html = client.get(check_in_url(event), {"q": "zz"}).content.decode()
    assert "No registration of this event matches." in html


def test_the_check_in_page_offers_the_camera_with_its_scripts(client, db, registration_manager):
    from django.contrib.staticfiles import finders

    event = OpenEventFactory()
    client.force_login(registration_manager)
    response = client.get(check_in_url(event))
    html = response.content.decode()
    script = re.search(r'<script src="([^"]+check-in-camera[^"]*\.js)" defer>', html).group(1)
    jsqr = re.search(r'data-jsqr="([^"]+)"', html).group(1)
    for url in (script, jsqr):
        assert finders.find(url.removeprefix("/static/"))
    assert "Scan with camera" in html
    # Served from this site: the Content-Security-Policy lets it run.
    assert "script-src 'self'" in response["Content-Security-Policy"]
