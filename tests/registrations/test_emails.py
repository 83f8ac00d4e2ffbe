"""The messages registrants get, in their own language, with the QR code and the calendar."""

import datetime
import email
import re
import struct
import zlib

import icalendar
import pytest
import segno
from django.core import mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape

from events.formatting import event_dates_display, event_place_display
from registrations import messages
from registrations.models import OutgoingEmail, Registration
from registrations.services import links
from tests.registrations.factories import OpenEventFactory

from ..i18n import translated
from .conftest import SITE_URL

START = datetime.date(2030, 5, 12)


@pytest.fixture
def event(db):
    return OpenEventFactory(
        title="المنتدى الدولي للكيمياء",
        title_fr="Forum international de la chimie",
        title_en="International Chemistry Forum",
        start_date=START,
        end_date=START + datetime.timedelta(days=1),
        capacity=1,
    )


@pytest.fixture
def sent(event, register):
    """Register someone in a language (the commit sends the e-mail) and return (registration,
    the MIME message sent)."""

    def one(language, email_address=None, page_language="en"):
        email_address = email_address or f"{language}-{len(mail.outbox)}@example.ma"
        # The request's language is not the registrant's: the e-mail must follow the latter.
        with translation.override(page_language):
            registration = register(event, email_address, language=language)
        registration.refresh_from_db()
        message = mail.outbox[-1]
        return registration, email.message_from_bytes(message.message().as_bytes())

    return one


def parts(mime):
    return {part.get_content_type(): part for part in mime.walk() if not part.is_multipart()}


def html_of(mime):
    return parts(mime)["text/html"].get_payload(decode=True).decode()


def text_of(mime):
    return parts(mime)["text/plain"].get_payload(decode=True).decode()


EXPECTED = {
    "ar": {
        "dir": "rtl",
        "title": "المنتدى الدولي للكيمياء",
        "dates": "12–13 ماي 2030",
        "place": "قصر المؤتمرات، الرباط",
    },
    "fr": {
        "dir": "ltr",
        "title": "Forum international de la chimie",
        "dates": "12–13 mai 2030",
        "place": "Palais des congrès, Rabat",
    },
    "en": {
        "dir": "ltr",
        "title": "International Chemistry Forum",
        "dates": "12–13 May 2030",
        "place": "Rabat",
    },
}


SHARED_SENTENCES = [
    "Reference code",
    "View or cancel my registration",
    "This personal link is yours alone: do not share it.",
]
CONFIRMED_TEXT = (
    "Your seat is reserved. Show your reference code (or the QR code in this e-mail) at the "
    "door. The event is in the attached calendar file."
)
CONFIRMED_HTML = "Your seat is reserved. The event is in the attached calendar file."


def subject_of(mime) -> str:
    return str(email.header.make_header(email.header.decode_header(mime["Subject"])))


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_confirmation_in_the_registrants_language(sent, language):
    registration, mime = sent(language)
    expected = EXPECTED[language]
    subject = translated("Registration confirmed: %(event)s", language)
    assert subject_of(mime) == subject % {"event": expected["title"]}
    assert mime["Content-Language"] == language
    html, text = html_of(mime), text_of(mime)
    assert f'<html lang="{language}" dir="{expected["dir"]}">' in html
    for sentence in ["Your registration is confirmed", *SHARED_SENTENCES]:
        shown = translated(sentence, language)
        assert shown in text and shown in html  # {% translate %} of a literal is not escaped
    assert translated(CONFIRMED_TEXT, language) in text
    assert translated(CONFIRMED_HTML, language) in html
    for body in (html, text):
        assert expected["title"] in body
        assert expected["dates"] in body
        assert expected["place"] in body
        assert registration.reference in body
    link = re.search(rf"{SITE_URL}/{language}/registration/\?token=([^\s]+)", text)
    assert link and f'href="{escape(link.group(0))}"' in html
    assert links.registration_from_token(link.group(1)) == registration
    assert f"{SITE_URL}/{language}/events/{registration.event.slug}/" in text


def test_arabic_text_is_in_arabic_and_french_in_french(sent):
    _registration, arabic = sent("ar")
    _registration, french = sent("fr")
    # Content we control: the Moroccan month names and Arabic comma; Django's French months.
    assert "ماي" in html_of(arabic) and "مايو" not in html_of(arabic)
    assert "، " in text_of(arabic)
    assert " mai " in text_of(french) and "ماي" not in text_of(french)


def png_pixels(png: bytes) -> list[list[bool]]:
    """Decode a 1-bit greyscale PNG (what the e-mail carries) into rows of dark pixels."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = {}, 8
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind = png[offset + 4 : offset + 8]
        chunks.setdefault(kind, b"")
        chunks[kind] += png[offset + 8 : offset + 8 + length]
        offset += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (1, 0)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = (width + 7) // 8
    pixels, previous = [], bytearray(stride)
    for y in range(height):
        line = raw[y * (stride + 1) : (y + 1) * (stride + 1)]
        kind, row = line[0], bytearray(line[1:])
        for x in range(stride):
            left = row[x - 1] if x else 0
            up, up_left = previous[x], previous[x - 1] if x else 0
            if kind == 1:
                row[x] = (row[x] + left) & 0xFF
            elif kind == 2:
                row[x] = (row[x] + up) & 0xFF
            elif kind == 3:
                row[x] = (row[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                p = left + up - up_left
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                row[x] = (row[x] + predictor) & 0xFF
        pixels.append([not (row[x // 8] >> (7 - x % 8)) & 1 for x in range(width)])
        previous = row
    return pixels


def test_the_qr_code_is_an_inline_image_of_the_reference(sent):
    registration, mime = sent("ar")
    html = html_of(mime)
    cid = re.search(r'src="cid:([^"]+)"', html).group(1)
    images = [p for p in mime.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 1 and images[0]["Content-ID"] == f"<{cid}>"
    assert images[0]["Content-Disposition"].startswith("inline")
    png = images[0].get_payload(decode=True)
    pixels = png_pixels(png)
    # A real decoder reads the reference back (zxing-cpp, a dev dependency).
    try:
        import zxingcpp
    except ImportError:
        zxingcpp = None
    if zxingcpp is not None:
        grey = bytes(0 if dark else 255 for row in pixels for dark in row)
        image = memoryview(grey).cast("B", (len(pixels), len(pixels[0])))
        assert zxingcpp.read_barcode(image).text == registration.reference
    # And the modules are exactly segno's symbol for the reference: one sample per module.
    symbol = segno.make(registration.reference, error="m", micro=False)
    scale, border = 6, 4
    size = len(symbol.matrix)
    sampled = [
        [
            pixels[(border + j) * scale + scale // 2][(border + i) * scale + scale // 2]
            for i in range(size)
        ]
        for j in range(size)
    ]
    assert sampled == [[bool(module) for module in row] for row in symbol.matrix]
    assert len(pixels) == (size + 2 * border) * scale


def test_the_calendar_file_is_attached_and_parses(sent):
    _registration, mime = sent("fr")
    attachment = parts(mime)["text/calendar"]
    assert attachment.get_filename().endswith(".ics")
    calendar = icalendar.Calendar.from_ical(attachment.get_payload(decode=True))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Forum international de la chimie"
    assert entry.decoded("DTSTART") == START
    assert entry.decoded("DTEND") == START + datetime.timedelta(days=2)
    assert "Rabat" in str(entry["LOCATION"])
    assert str(entry["URL"]).startswith(f"{SITE_URL}/fr/events/")


def test_the_waiting_list_message_has_the_position_and_no_ticket(sent):
    sent("fr")  # takes the only seat
    registration, mime = sent("ar")
    assert registration.waiting_position == 1
    html, text = html_of(mime), text_of(mime)
    assert '<html lang="ar" dir="rtl">' in html
    assert "1" in str(email.header.make_header(email.header.decode_header(mime["Subject"])))
    assert "cid:" not in html
    assert {"image/png", "text/calendar"}.isdisjoint(parts(mime))
    assert registration.reference in text


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_waiting_and_promotion_messages_are_translated(sent, language, cancel):
    seat, _mime = sent("en")
    waiting, mime = sent(language)
    title = EXPECTED[language]["title"]
    subject = translated("Waiting list, position %(position)s: %(event)s", language)
    assert subject_of(mime) == subject % {"position": 1, "event": title}
    heading = translated("You are on the waiting list", language)
    assert heading in text_of(mime) and heading in html_of(mime)

    cancel(seat)
    promoted = email.message_from_bytes(mail.outbox[-1].message().as_bytes())
    assert mail.outbox[-1].to == [waiting.email]
    assert subject_of(promoted) == translated("A seat is now yours: %(event)s", language) % {
        "event": title
    }
    for sentence in ["Good news: a seat is now yours", *SHARED_SENTENCES]:
        shown = translated(sentence, language)
        assert shown in text_of(promoted) and shown in html_of(promoted)


def test_the_promotion_message_carries_the_ticket(sent, cancel):
    first, _mime = sent("fr")
    waiting, _mime = sent("en")
    cancel(first)
    message = email.message_from_bytes(mail.outbox[-1].message().as_bytes())
    assert mail.outbox[-1].to == [waiting.email]
    assert subject_of(message).endswith("International Chemistry Forum")
    assert "a seat is now yours" in html_of(message).lower()
    assert {"image/png", "text/calendar"} <= set(parts(message))
    assert OutgoingEmail.objects.get(registration=waiting, kind="promoted").status == "sent"


def test_names_are_escaped_in_html_and_plain_in_text(sent, event, register):
    registration, mime = sent("en")
    Registration.objects.filter(pk=registration.pk).update(full_name="Ali <b>&</b> Co")
    registration.refresh_from_db()
    message = messages.registration_email_message(registration, kind="confirmed", site_url=SITE_URL)
    assert "Ali &lt;b&gt;&amp;&lt;/b&gt; Co" in message.alternatives[0].content
    assert "Ali <b>&</b> Co" in message.body


def test_each_registrant_gets_their_own_values(sent, event):
    """What differs between two registrants (name, reference, position, personal link) is
    theirs in each message, and an edit of the event reaches the next message."""
    sent("en")  # takes the only seat
    (second, second_mime), (third, third_mime) = sent("en"), sent("en")
    for registration, mime, other in ((second, second_mime, third), (third, third_mime, second)):
        html, text = html_of(mime), text_of(mime)
        link = links.registration_link(registration, site_url=SITE_URL)
        for body in (html, text):
            assert registration.reference in body and other.reference not in body
            assert registration.full_name in body and other.full_name not in body
            assert f"number {registration.waiting_position} on the waiting list" in body
        assert link in text and f'href="{escape(link)}"' in html
    event.title_en = "Chemistry Forum, second edition"
    event.save()
    message = messages.registration_email_message(
        Registration.objects.select_related("event").get(pk=second.pk),
        kind="waiting",
        site_url=SITE_URL,
    )
    assert "Chemistry Forum, second edition" in message.body


@pytest.mark.parametrize("kind", ["confirmed", "waiting", "promoted", "cancelled"])
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_the_body_is_the_template_rendered_for_the_registrant(
    event, register, monkeypatch, kind, language
):
    """The bodies are the templates rendered with the registrant's own values, in their
    language, special characters escaped in the HTML only."""
    event.title_en = event.title_fr = event.title = "Forum <chimie> & « co »"
    event.save()
    registration = register(event, f"{language}@example.ma", language=language)
    Registration.objects.filter(pk=registration.pk).update(full_name="Ali <b>&</b> 'عليّ'")
    registration = Registration.objects.select_related("event").get(pk=registration.pk)
    monkeypatch.setattr(links, "registration_token", lambda registration: "A:b_c-&x=<1>")
    link = links.registration_link(registration, site_url=SITE_URL)
    message = messages.registration_email_message(registration, kind=kind, site_url=SITE_URL)
    ticket = kind in ("confirmed", "promoted")
    with translation.override(language):
        context = {
            "registration": registration,
            "event": registration.event,
            "kind": kind,
            "language": language,
            "direction": "rtl" if language == "ar" else "ltr",
            "dates": event_dates_display(registration.event, language),
            "place": event_place_display(registration.event),
            "event_url": SITE_URL + registration.event.get_absolute_url(),
            "personal_link": link,
            "qr_cid": f"qr-{registration.reference.lower()}" if ticket else "",
        }
        assert message.body == render_to_string(
            f"registrations/emails/registration_{kind}.txt", context
        )
        html = render_to_string(f"registrations/emails/registration_{kind}.html", context)
        assert message.alternatives[0].content == html
    assert "Ali &lt;b&gt;&amp;&lt;/b&gt;" in html and "Ali <b>&</b>" in message.body


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_a_cancellation_is_confirmed_in_the_registrants_language(sent, cancel, language):
    registration, _mime = sent(language)
    mail.outbox.clear()
    cancel(registration)
    (message,) = mail.outbox
    mime = email.message_from_bytes(message.message().as_bytes())
    assert message.to == [registration.email]
    assert subject_of(mime) == translated("Registration cancelled: %(event)s", language) % {
        "event": EXPECTED[language]["title"]
    }
    heading = translated("Your registration is cancelled", language)
    assert heading in text_of(mime) and heading in html_of(mime)
    assert registration.reference in text_of(mime)
    # No ticket, and no link to cancel again.
    assert {"image/png", "text/calendar"}.isdisjoint(parts(mime))
    assert "token=" not in text_of(mime) and "token=" not in html_of(mime)
