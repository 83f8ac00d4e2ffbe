"""Input and output hygiene of the public event pages (issue 13): addresses that would split
a mail header, markup and bidi controls typed by editors reaching plain-text outputs, the
organisation filter's clock, and calendars for events that have no date."""

import datetime
import io
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django.core import mail
from django.utils import timezone

from core.arabic import strip_bidi
from events.models import EventRole
from registrations import messages
from registrations.exports import registrations_csv, registrations_xlsx
from registrations.models import Registration
from tests.events.factories import EventFactory
from tests.organizations.factories import OrganizationFactory
from tests.registrations.factories import (
    OpenEventFactory,
    RegistrationFactory,
    registration_form_data,
)

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
SCRIPT = "<script>alert(1)</script>"


def has_bidi(text: str) -> bool:
    return any(char in text for char in BIDI)


def test_strip_bidi_drops_every_control_and_keeps_the_text():
    assert strip_bidi(f"\u202eمنتدى{BIDI} Forum\u2066 2026\u2069") == "منتدى Forum 2026"


def test_registration_refuses_an_email_with_control_characters(
    client, django_capture_on_commit_callbacks
):
    event = OpenEventFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/en/events/{event.slug}/register/",
            registration_form_data(email='"a\x0bb"@example.com', language="en"),
        )
    assert response.status_code in (200, 400)
    assert "without invisible or control characters" in response.content.decode()
    assert not Registration.objects.filter(event=event).exists()
    assert mail.outbox == []


def test_feeds_carry_titles_and_summaries_as_inert_text(client):
    event = EventFactory(
        title=f"\u202e{SCRIPT}منتدى",
        summary='<img src=x onerror="alert(2)"> & ملخص\u2067',
        published_at=timezone.now() + datetime.timedelta(minutes=1),  # first in the feeds
    )
    atom = client.get("/ar/feeds/events/")
    assert b'type="html"' not in atom.content
    entry = next(ET.fromstring(atom.content).iter(f"{ATOM}entry"))
    title, summary = entry.find(f"{ATOM}title"), entry.find(f"{ATOM}summary")
    assert title.get("type", "text") == "text" and summary.get("type") == "text"
    assert title.text == f"{SCRIPT}منتدى"  # shown as typed, never parsed as markup
    # When and where, then the summary as typed.
    assert summary.text.endswith('\n\n<img src=x onerror="alert(2)"> & ملخص')

    rss = client.get("/ar/feeds/events/rss/")
    item = next(ET.fromstring(rss.content).iter("item"))
    # RSS readers take both as HTML: escaped, they show the text and run nothing.
    assert item.find("title").text == "&lt;script&gt;alert(1)&lt;/script&gt;منتدى"
    assert "&lt;img src=x onerror=&quot;alert(2)" in item.find("description").text
    assert "<img" not in item.find("description").text
    for text in (atom.content.decode(), rss.content.decode()):
        assert not has_bidi(text)
    assert f"/events/{event.slug}/" in atom.content.decode()


def test_organization_filter_finds_a_record_that_went_live_after_startup(client):
    """events.filters was imported when the test session started; this record went live
    after that, as one approved today does on a server started yesterday."""
    organization = OrganizationFactory(publish_at=timezone.now() - datetime.timedelta(seconds=1))
    event = EventFactory()
    event.organizations.add(organization, through_defaults={"role": EventRole.ORGANIZER})
    response = client.get(f"/en/events/?organization={organization.slug}")
    assert response.status_code == 200
    assert f"/en/events/{event.slug}/" in response.content.decode()


def test_calendar_has_no_bidi_controls(client):
    event = EventFactory(
        title="\u202eمنتدى\u202c الصناعة", summary="\u2067ملخص\u2069", venue="\u200fقاعة"
    )
    response = client.get(f"/ar/events/{event.slug}/calendar.ics")
    text = response.content.decode()
    assert response.status_code == 200
    assert not has_bidi(text)
    assert "SUMMARY:منتدى الصناعة" in text and "ملخص" in text and "قاعة" in text


def test_email_subject_has_no_bidi_controls():
    event = OpenEventFactory(title="\u202eمنتدى\u202c الصناعة\u061c")
    registration = RegistrationFactory(event=event, language="ar")
    message = messages.registration_email_message(
        registration, kind="confirmed", site_url="http://testserver"
    )
    assert not has_bidi(message.subject)
    assert "منتدى الصناعة" in message.subject
    assert "\u202e" not in message.message()["Subject"]


def test_registration_exports_have_no_bidi_controls():
    event = OpenEventFactory(title="\u202eمنتدى")
    RegistrationFactory(
        event=event, full_name='\u202e=HYPERLINK("http://evil")', job_title="مهندسة\u200f"
    )
    response = registrations_csv(Registration.objects.filter(event=event), "r.csv")
    text = response.content.decode("utf-8-sig")
    assert not has_bidi(text)
    # Without its bidi control the cell starts with "=": still neutralised as a formula.
    assert "'=HYPERLINK" in text and "مهندسة" in text
    workbook = openpyxl.load_workbook(
        io.BytesIO(registrations_xlsx(Registration.objects.filter(event=event), "r.xlsx").content)
    )
    values = [cell.value for row in workbook.active.iter_rows() for cell in row if cell.value]
    assert not any(has_bidi(value) for value in values)
    assert '=HYPERLINK("http://evil")' in values and "مهندسة" in values


def test_an_undated_event_offers_no_calendar(client):
    event = EventFactory(start_date=None, end_date=None)
    detail = client.get(f"/en/events/{event.slug}/")
    assert detail.status_code == 200
    assert "calendar.ics" not in detail.content.decode()
    assert client.get(f"/en/events/{event.slug}/calendar.ics").status_code == 404
    dated = EventFactory()
    assert "calendar.ics" in client.get(f"/en/events/{dated.slug}/").content.decode()
    assert client.get(f"/en/events/{dated.slug}/calendar.ics").status_code == 200
