"""Slugs: readable, Latin, unique, never a bare number, within the field's length; the
migration that repairs old ones; editing them in the admin."""

import datetime
import re

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.urls import reverse
from reversion.models import Version

from editorial import transitions
from editorial.models import Status
from events.models import Agreement
from organizations.models import Person
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

from ..admin_forms import form_data

pytestmark = pytest.mark.django_db

ROUTABLE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # what <slug:> accepts, lower case


def test_the_french_name_is_preferred():
    org = OrganizationFactory(
        name="المركز الجهوي للاستثمار لجهة الشرق",
        name_fr="Centre régional d'investissement de l'Oriental",
        acronym="CRI",
    )
    assert org.slug == "centre-regional-dinvestissement-de-loriental"
    # Without a French name, a Latin acronym still beats a transliteration.
    acronym = OrganizationFactory(name="المركز الجهوي للاستثمار", name_fr="", acronym="CRI-O")
    assert acronym.slug == "cri-o"
    # French letters are folded, not dropped.
    agreement = AgreementFactory(title_fr="Œuvre de l’Économie « verte »")
    assert agreement.slug == "oeuvre-de-leconomie-verte"


@pytest.mark.parametrize(
    ("factory", "field", "arabic", "slug"),
    [
        (PersonFactory, "name", "كريم الزروالي", "krym-alzrwaly"),
        (
            OrganizationFactory,
            "name",
            "المركز الجهوي للاستثمار لجهة الشرق",
            "almrkz-aljhwy-llastthmar-ljha-alshrq",
        ),
        (AgreementFactory, "title", "اتفاقية شراكة", "atfaqya-shraka"),
    ],
)
def test_an_arabic_only_name_is_transliterated(factory, field, arabic, slug):
    record = factory(**{field: arabic, f"{field}_fr": "", f"{field}_en": ""})
    assert record.slug == slug
    assert record.get_absolute_url().endswith(f"/{slug}/")


def test_slugs_are_unique():
    first, second, third = (AgreementFactory(title="اتفاقية شراكة", title_fr="") for _ in range(3))
    assert [first.slug, second.slug, third.slug] == [
        "atfaqya-shraka",
        "atfaqya-shraka-2",
        "atfaqya-shraka-3",
    ]


def test_an_arabic_event_is_not_named_by_its_year():
    event = EventFactory(
        title="منتدى الشرق للصناعات الغذائية",
        title_fr="",
        start_date=datetime.date(2026, 3, 10),
        end_date=None,
    )
    assert event.slug == "mntda-alshrq-llsnaat-alghdhaiya-2026"


@pytest.mark.parametrize("title", ["2026", "٢٠٢٦", "« 2026 »", "!!!"])
def test_a_slug_is_never_a_bare_number(title):
    event = EventFactory(
        title=title, title_fr="", start_date=datetime.date(2026, 1, 1), end_date=None
    )
    assert ROUTABLE.match(event.slug) and re.search("[a-z]", event.slug)
    assert event.slug.startswith("event")


def test_a_slug_fits_its_field_even_with_a_suffix():
    title = "كلمة " * 60
    records = [AgreementFactory(title=title, title_fr="") for _ in range(12)]
    max_length = Agreement._meta.get_field("slug").max_length
    assert len({r.slug for r in records}) == 12
    assert all(len(r.slug) <= max_length and ROUTABLE.match(r.slug) for r in records)
    one_word = PersonFactory(name="", name_fr="x" * 200)
    assert len(one_word.slug) <= Person._meta.get_field("slug").max_length


def test_restoring_a_revision_with_an_old_slug_does_not_bring_it_back():
    """A revision may hold a slug the URLs refuse (an Arabic one, from before slugs were
    Latin); the restored record gets a routable one on save, or every page linking to it
    would answer 500."""
    publisher = get_user_model().objects.create_user(
        username="slug-publisher", password=None, is_staff=True, is_superuser=True
    )
    agreement = AgreementFactory(title="اتفاقية شراكة", title_fr="")
    Agreement.objects.filter(pk=agreement.pk).update(slug="اتفاقية-شراكة")
    agreement.refresh_from_db()
    with reversion.create_revision():
        reversion.add_to_revision(agreement)
    agreement.slug = ""  # blank: regenerated on save
    agreement.save()
    version = Version.objects.get_for_object(agreement).first()

    transitions.revision_restore(record=agreement, version=version, user=publisher)
    agreement.refresh_from_db()
    assert agreement.slug == "atfaqya-shraka"


# -- the admin -----------------------------------------------------------------------------


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_user(
        username="slug-admin", password=None, is_staff=True, is_superuser=True
    )
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def change_url(record):
    return reverse(
        f"admin:{record._meta.app_label}_{record._meta.model_name}_change", args=[record.pk]
    )


def post_slug(client, record, slug):
    url = change_url(record)
    return client.post(url, {**form_data(client.get(url)), "slug": slug})


def test_editors_edit_the_slug_in_the_admin(admin_client):
    agreement = AgreementFactory(
        status=Status.DRAFT, published_at=None, title="اتفاقية شراكة", title_fr=""
    )
    response = post_slug(admin_client, agreement, "convention-de-loriental")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.slug == "convention-de-loriental"

    # A slug the URLs cannot route is refused with the form's message; nothing changes.
    response = post_slug(admin_client, agreement, "اتفاقية-شراكة")
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slug"] == [
        "Enter a valid “slug” consisting of letters, numbers, underscores or hyphens."
    ]
    agreement.refresh_from_db()
    assert agreement.slug == "convention-de-loriental"

    # A bare year would read as a date in the address: refused too.
    response = post_slug(admin_client, agreement, "2026")
    assert response.status_code == 200
    assert "slug_without_letter" in [
        error.code for error in response.context["adminform"].form.errors.as_data()["slug"]
    ]
    agreement.refresh_from_db()
    assert agreement.slug == "convention-de-loriental"

    # A blank one is made again from the title.
    response = post_slug(admin_client, agreement, "")
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.slug == "atfaqya-shraka"
