"""Event detail: facts, people, organisations, agreements, sources, calendar, structured data."""

import datetime
import json
import re

import icalendar
import pytest
from django.utils import timezone

from articles.models import Mention
from editorial.models import Status
from events.models import Event, EventOrganization, Participation
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

from ..i18n import translated

CHEMISTRY = "/{lang}/events/forum-international-de-la-chimie-2024/"


def json_ld(html: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_arabic_detail_uses_moroccan_month_names_and_western_digits(client, chemistry_forum):
    html = client.get(CHEMISTRY.format(lang="ar")).content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "<h1><bdi>المنتدى الدولي للكيمياء</bdi></h1>" in html
    assert (
        '<time datetime="2024-05-15">15</time>–<time datetime="2024-05-16">16 ماي 2024</time>'
        in html
    )
    assert "مايو" not in html


@pytest.mark.parametrize(("lang", "text"), [("fr", "16 mai 2024"), ("en", "16 May 2024")])
def test_french_and_english_detail_use_their_month_names(client, chemistry_forum, lang, text):
    html = client.get(CHEMISTRY.format(lang=lang)).content.decode()
    assert f'<time datetime="2024-05-16">{text}</time>' in html


def test_detail_shows_place_sectors_roles_and_sources(client, chemistry_forum):
    html = client.get(CHEMISTRY.format(lang="fr")).content.decode()
    edition = translated("edition %(edition)s", "fr") % {"edition": 2}
    assert f"Forum</a> · {edition}</p>" in html
    assert 'href="/fr/events/?city=rabat"' in html
    assert 'href="/fr/events/?region=rabat-sale-kenitra"' in html
    assert 'href="/fr/events/?sector=chemistry"' in html
    assert "Fédération de la Chimie et de la Parachimie (FCP)" in html
    assert 'href="/fr/organizations/federation-de-la-chimie-et-de-la-parachimie-fcp/"' in html
    # the source: outlet, and the quoted span, marked as Arabic inside the French page
    assert "هبة بريس" in html
    assert '<blockquote lang="ar" dir="rtl"><p>ستنظم فدرالية الكيمياء' in html


def test_people_with_the_title_they_held_and_agreements_signed(client, db):
    event = EventFactory()
    person = PersonFactory(name="سناء", name_fr="Sanaa")
    Participation.objects.create(event=event, person=person, title="رئيسة", title_fr="Présidente")
    agreement = AgreementFactory(signing_event=event, amount_mad=250_000_000)
    party = OrganizationFactory(name_fr="Partie publique")
    hidden = OrganizationFactory(name_fr="Partie brouillon", status=Status.DRAFT)
    agreement.parties.add(party, hidden)
    html = client.get(f"/fr{event.get_absolute_url()[3:]}").content.decode()
    assert f'href="{person.get_absolute_url().replace("/ar/", "/fr/")}"' in html
    assert "Présidente" in html
    assert agreement.title_fr in html and "250 millions MAD" in html
    assert "Partie publique" in html and "Partie brouillon" not in html


def test_register_button_only_while_registration_is_open(client, db):
    closed = EventFactory()
    assert "/register/" not in client.get(closed.get_absolute_url()).content.decode()
    opened = EventFactory(registration_opens=timezone.now() - datetime.timedelta(days=1))
    html = client.get(opened.get_absolute_url()).content.decode()
    assert f'href="/ar/events/{opened.slug}/register/"' in html


def test_draft_and_scheduled_events_are_404(client, db):
    draft = EventFactory(status=Status.DRAFT)
    later = EventFactory(publish_at=timezone.now() + datetime.timedelta(hours=1))
    for event in (draft, later):
        assert client.get(event.get_absolute_url()).status_code == 404
        assert client.get(f"{event.get_absolute_url()}calendar.ics").status_code == 404


def test_json_ld_describes_the_event(client, chemistry_forum):
    data = json_ld(client.get(CHEMISTRY.format(lang="fr")).content.decode())
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Forum international de la chimie"
    assert (data["startDate"], data["endDate"]) == ("2024-05-15", "2024-05-16")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["inLanguage"] == "fr"
    assert data["location"]["@type"] == "Place"
    assert data["location"]["address"]["addressLocality"] == "Rabat"
    assert data["location"]["address"]["addressCountry"] == "MA"
    assert data["organizer"][0]["name"] == "Fédération de la Chimie et de la Parachimie (FCP)"
    assert data["url"].endswith("/fr/events/forum-international-de-la-chimie-2024/")


def test_json_ld_cannot_close_its_script(client, db):
    event = EventFactory(title="</script><script>alert(1)</script>")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "</script><script>alert(1)" not in html
    assert json_ld(html)["name"] == "</script><script>alert(1)</script>"


def test_head_has_canonical_hreflang_and_open_graph(client, chemistry_forum):
    html = client.get(CHEMISTRY.format(lang="ar") + "?utm_source=x").content.decode()
    path = "/events/forum-international-de-la-chimie-2024/"
    assert f'<link rel="canonical" href="http://testserver/ar{path}">' in html
    for lang in ("ar", "fr", "en"):
        assert f'hreflang="{lang}" href="http://testserver/{lang}{path}' in html
    assert f'hreflang="x-default" href="http://testserver{path}' in html
    assert '<meta property="og:type" content="event">' in html
    assert '<meta property="og:title" content="المنتدى الدولي للكيمياء">' in html
    assert '<meta property="og:locale" content="ar_MA">' in html


def test_calendar_file_parses_back(client, chemistry_forum):
    response = client.get(CHEMISTRY.format(lang="fr") + "calendar.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (entry,) = calendar.walk("VEVENT")
    event = Event.objects.get(slug="forum-international-de-la-chimie-2024")
    assert str(entry["uid"]) == f"event-{event.pk}@industry-morocco"
    assert entry["dtstamp"].dt.tzinfo is not None
    assert entry["dtstart"].dt == datetime.date(2024, 5, 15)
    assert entry["dtend"].dt == datetime.date(2024, 5, 17)  # exclusive end
    assert entry["dtstart"].params.get("VALUE", "DATE") == "DATE"
    assert str(entry["summary"]) == "Forum international de la chimie"
    assert "Rabat" in str(entry["location"])
    assert str(entry["url"]) == "http://testserver/fr/events/forum-international-de-la-chimie-2024/"


def test_detail_runs_a_constant_number_of_queries(client, db, django_assert_max_num_queries):
    event = EventFactory()
    for _ in range(12):
        org = OrganizationFactory()
        EventOrganization.objects.create(event=event, organization=org, role="partner")
        Participation.objects.create(event=event, person=PersonFactory(), organization=org)
        AgreementFactory(signing_event=event).parties.add(org)
    with django_assert_max_num_queries(9):
        response = client.get(event.get_absolute_url())
    assert len(response.context["participations"]) == 12
    # what the page shows besides the event is cached for the other languages
    with django_assert_max_num_queries(1):
        response = client.get(event.get_absolute_url().replace("/ar/", "/fr/"))
    assert len(response.context["participations"]) == 12
    assert len(response.context["agreements"]) == 12


def test_a_new_organisation_of_the_event_shows_at_once(client, db):
    """The cached related records are keyed by the content version, which a write bumps."""
    event = EventFactory()
    assert "Cluster nouveau" not in client.get(event.get_absolute_url()).content.decode()
    org = OrganizationFactory(name="Cluster nouveau", name_ar="Cluster nouveau")
    EventOrganization.objects.create(event=event, organization=org, role="partner")
    assert "Cluster nouveau" in client.get(event.get_absolute_url()).content.decode()


def test_sources_are_read_in_two_queries_for_the_record(chemistry_forum, django_assert_num_queries):
    """Its Mentions, and what their articles reported of its facts (dates, city...)."""
    from articles.sources import attach_sources

    event = Event.objects.get(slug="forum-international-de-la-chimie-2024")
    with django_assert_num_queries(2):
        attach_sources(event)
    assert len(event.sources) == 1  # the fixture's article quotes it
    assert [m.pk for m in event.sources] == [m.pk for m in Mention.objects.for_object(event)]


@pytest.mark.parametrize(("lang", "separator"), [("ar", "، "), ("fr", ", ")])
def test_the_venue_is_set_off_by_the_language_s_comma(client, db, lang, separator):
    event = EventFactory(venue="قاعة العروض")
    html = client.get(event.get_absolute_url().replace("/ar/", f"/{lang}/")).content.decode()
    assert re.search(rf"<bdi>قاعة العروض</bdi>{separator}\s*<a href=", html)
