"""Preview links: the public page of a draft, for staff who may see it; signed, expiring."""

import time

import pytest
from django.core.signing import TimestampSigner, b62_encode
from django.urls import reverse

from editorial.models import Status
from editorial.preview import SALT, preview_token, preview_url

from .conftest import FACTORIES, make_record

pytestmark = pytest.mark.django_db

TITLE = {"event": "title", "agreement": "title", "organization": "name", "person": "name"}


class PastSigner(TimestampSigner):
    """Signs as if a day and an hour ago."""

    def timestamp(self):
        return b62_encode(int(time.time()) - 25 * 3600)


@pytest.mark.parametrize("kind", sorted(FACTORIES))
@pytest.mark.parametrize("status", [Status.DRAFT, Status.REVIEW, Status.ARCHIVED])
def test_staff_see_the_public_template_with_a_banner(client, editor, kind, status):
    record = make_record(kind, status, **{f"{TITLE[kind]}_fr": f"Brouillon {kind} {status}"})
    client.force_login(editor)
    admin_url = reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_preview", args=[record.pk]
    )
    response = client.get(admin_url, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 302 and response["Location"].startswith("/fr/preview/")
    response = client.get(response["Location"])
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Brouillon {kind} {status}" in html
    assert 'class="preview-banner"' in html
    assert f"{record._meta.model_name}_detail.html" in [
        t.name.split("/")[-1] for t in response.templates
    ]
    assert "no-cache" in response["Cache-Control"] and "noindex" in response["X-Robots-Tag"]
    # The public page itself does not show it.
    assert client.get(record.get_absolute_url()).status_code == 404


def test_preview_in_arabic_is_right_to_left(client, editor):
    record = make_record("event", Status.DRAFT, title_ar="مسودة للمعاينة")
    client.force_login(editor)
    response = client.get(preview_url(record, "ar"))
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html and "مسودة للمعاينة" in html


def test_anonymous_visitors_are_sent_to_the_login(client):
    record = make_record("event", Status.DRAFT)
    url = preview_url(record, "ar")
    response = client.get(url)
    assert response.status_code == 302
    assert (
        response["Location"].startswith(reverse("admin:login")) and "next=" in response["Location"]
    )


def test_non_staff_and_staff_without_permission_are_refused(client, users, django_user_model):
    record = make_record("event", Status.DRAFT, title_ar="سري")
    url = preview_url(record, "ar")
    visitor = django_user_model.objects.create_user("visitor", password=None)
    for user in (visitor, users["staff"]):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 403
        assert "سري" not in response.content.decode()


def test_expired_links_are_refused(client, editor):
    record = make_record("event", Status.DRAFT, title_ar="قديم")
    token = PastSigner(salt=SALT).sign(f"events.event:{record.pk}")
    client.force_login(editor)
    response = client.get(reverse("preview", args=[token]))
    assert response.status_code == 403
    html = response.content.decode()
    assert "expired" in html and "قديم" not in html


def test_links_cannot_be_forged(client, editor):
    record = make_record("event", Status.DRAFT)
    other = make_record("event", Status.DRAFT, title_ar="مسودة أخرى")
    token = preview_token(record)
    _label, _pk, timestamp, signature = token.split(":")
    forged = [
        f"events.event:{other.pk}:{timestamp}:{signature}",  # another record, same signature
        token[:-2] + ("AA" if not token.endswith("AA") else "BB"),  # tampered signature
        TimestampSigner(salt="another-salt").sign(f"events.event:{other.pk}"),
        TimestampSigner(key="not-the-secret-key", salt=SALT).sign(f"events.event:{other.pk}"),
        "garbage",
    ]
    client.force_login(editor)
    for token in forged:
        response = client.get(reverse("preview", args=[token]))
        assert response.status_code == 404, token
        assert "not valid" in response.content.decode()
        assert "مسودة أخرى" not in response.content.decode()


def test_a_deleted_record_gives_a_clear_404(client, editor):
    record = make_record("event", Status.DRAFT)
    url = preview_url(record, "ar")
    record.delete()
    client.force_login(editor)
    assert client.get(url).status_code == 404


def test_the_preview_shows_the_whole_draft_and_the_public_page_does_not(client, editor):
    """A draft event's preview lists its draft organiser, person and agreement (with its draft
    party); the public page of a published event never shows drafts, nor does a preview show
    archived records."""
    event = make_record("event", Status.DRAFT, title_fr="Forum brouillon")
    organiser = make_record("organization", Status.DRAFT, name_fr="Organisateur brouillon")
    archived = make_record("organization", Status.ARCHIVED, name_fr="Partenaire archivé")
    person = make_record("person", Status.REVIEW, name_fr="Personne en relecture")
    agreement = make_record("agreement", Status.DRAFT, title_fr="Convention brouillon")
    agreement.signing_event = event
    agreement.save()
    agreement.parties.add(organiser)
    event.event_organizations.create(organization=organiser, role="organizer")
    event.event_organizations.create(organization=archived, role="partner")
    event.participations.create(person=person)
    drafts = ("Organisateur brouillon", "Personne en relecture", "Convention brouillon")

    client.force_login(editor)
    html = client.get(preview_url(event, "fr")).content.decode()
    assert all(name in html for name in drafts)
    assert "Partenaire archivé" not in html

    event.status = Status.PUBLISHED
    event.save()
    client.logout()
    public = client.get(event.get_absolute_url().replace("/ar/", "/fr/")).content.decode()
    assert "Forum brouillon" in public
    assert not any(name in public for name in drafts)
