import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from registrations.forms import RegistrationForm, phone_normalize
from tests.registrations.factories import registration_form_data


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("06 12 34 56 78", "+212612345678"),
        ("0612345678", "+212612345678"),
        ("07.00.11.22.33", "+212700112233"),
        ("0522-12-34-56", "+212522123456"),
        ("+212 6 12 34 56 78", "+212612345678"),
        ("00212612345678", "+212612345678"),
        ("+212 (0)6 12 34 56 78", "+212612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0033 1 42 68 53 00", "+33142685300"),
        ("+1 (202) 555-0143", "+12025550143"),
        ("", ""),
    ],
)
def test_phone_numbers_are_normalised_to_e164(typed, e164):
    assert phone_normalize(typed) == e164


@pytest.mark.parametrize("typed", ["12345", "06 12", "+212 1 23", "not a phone", "+999 123456789"])
def test_invalid_phone_numbers_are_refused(typed):
    with pytest.raises(ValidationError):
        phone_normalize(typed)


def valid_data(**overrides):
    """Typed as people do: extra spaces, capitals, a spaced-out phone number."""
    typed = {
        "full_name": "  أمينة   العلوي ",
        "email": "Amina.Alaoui@Example.MA",
        "phone": "06 61 23 45 67",
    }
    return registration_form_data(**{**typed, **overrides})


def test_a_valid_form_is_cleaned():
    form = RegistrationForm(valid_data())
    assert form.is_valid(), form.errors
    assert form.cleaned_data["full_name"] == "أمينة العلوي"
    assert form.cleaned_data["email"] == "Amina.Alaoui@example.ma"
    assert form.cleaned_data["phone"] == "+212661234567"


def test_phone_is_optional():
    form = RegistrationForm(valid_data(phone=""))
    assert form.is_valid(), form.errors
    assert form.cleaned_data["phone"] == ""


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "x" * 151),
        ("email", "a" * 250 + "@example.ma"),
        ("phone", "0" * 31),
        ("organization_name", "x" * 201),
        ("job_title", "x" * 151),
    ],
)
def test_fields_have_an_upper_bound(field, value):
    form = RegistrationForm(valid_data(**{field: value}))
    assert not form.is_valid()
    assert field in form.errors


@pytest.mark.parametrize("missing", ["full_name", "email", "organization_name", "job_title"])
def test_required_fields(missing):
    form = RegistrationForm(valid_data(**{missing: ""}))
    assert not form.is_valid() and missing in form.errors


def test_consent_is_required(english):
    data = valid_data()
    del data["consent"]
    form = RegistrationForm(data)
    assert not form.is_valid()
    assert form.errors["consent"] == ["Your consent is needed to register."]


def test_the_honeypot_refuses_the_submission():
    form = RegistrationForm(valid_data(homepage="http://spam.example"))
    assert not form.is_valid()
    assert [e.code for e in form.non_field_errors().as_data()] == ["honeypot"]


def test_unknown_language_is_refused():
    form = RegistrationForm(valid_data(language="de"))
    assert not form.is_valid() and "language" in form.errors


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_language_of_correspondence_defaults_to_the_page(language):
    with translation.override(language):
        form = RegistrationForm()
    assert form["language"].value() == language


def test_languages_are_offered_in_their_own_names():
    choices = dict(RegistrationForm().fields["language"].choices)
    assert choices == {"ar": "العربيّة", "fr": "français", "en": "English"}


def test_django_messages_follow_the_page_language():
    with translation.override("fr"):
        form = RegistrationForm(valid_data(email="not-an-email"))
        assert not form.is_valid()
        assert form.errors["email"] == ["Saisissez une adresse de courriel valide."]
