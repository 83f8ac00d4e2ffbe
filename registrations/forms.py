"""The public registration form and the staff check-in form."""

import phonenumbers
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info, gettext
from django.utils.translation import gettext_lazy as _

from core.forms import PublicForm
from core.validators import email_address_clean

from .models import Registration
from .services.check_in import LOOKUP_MIN_LENGTH


def phone_normalize(value: str, *, region: str = "MA") -> str:
    """A Moroccan (06…, 05…, +212…, 00212…) or international (+33…, 0033…) number in E.164,
    e.g. '+212612345678'; raises ValidationError when it is not a valid number."""
    value = value.strip()
    if not value:
        return ""
    if value.startswith("00"):
        value = "+" + value[2:]
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as error:
        raise ValidationError(_("Enter a valid phone number."), code="invalid") from error
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("Enter a valid phone number."), code="invalid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _single_line(value: str) -> str:
    """Collapse whitespace and drop control characters (no line breaks in a name)."""
    return " ".join("".join(ch for ch in value if ch.isprintable() or ch.isspace()).split())


PHONE_EXAMPLES = {"local": "06 12 34 56 78", "international": "+33 6 12 34 56 78"}


def phone_help_text() -> str:
    """The examples isolated left to right: bare in an Arabic sentence, the groups of digits
    read backwards ("78 56 34 12 6 33+")."""
    examples = {
        name: format_html('<bdi dir="ltr">{}</bdi>', number)
        for name, number in PHONE_EXAMPLES.items()
    }
    sentence = gettext("A Moroccan or international number, e.g. %(local)s or %(international)s.")
    return mark_safe(conditional_escape(sentence) % examples)


def language_choices() -> list[tuple[str, str]]:
    """Each language in its own name, so everyone finds theirs."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class RegistrationForm(PublicForm):
    rejected_message = _("Your registration could not be accepted. Please try again.")

    full_name = forms.CharField(
        label=_("Full name"),
        min_length=2,
        max_length=Registration._meta.get_field("full_name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "name", "dir": "auto"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=Registration._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"),
        required=False,
        max_length=30,
        help_text=lazy(phone_help_text, str)(),
        widget=forms.TextInput(
            attrs={"type": "tel", "autocomplete": "tel", "dir": "ltr", "inputmode": "tel"}
        ),
    )
    organization_name = forms.CharField(
        label=_("Organisation"),
        max_length=Registration._meta.get_field("organization_name").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "organization", "dir": "auto"}),
    )
    job_title = forms.CharField(
        label=_("Job title"),
        max_length=Registration._meta.get_field("job_title").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "organization-title", "dir": "auto"}),
    )
    language = forms.ChoiceField(label=_("Language of correspondence"), choices=language_choices)
    consent = forms.BooleanField(
        label=_(
            "I agree to the processing of my personal data for this registration, "
            "as described above."
        ),
        error_messages={"required": _("Your consent is needed to register.")},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("language", get_language())
        super().__init__(*args, **kwargs)

    def clean_full_name(self):
        name = _single_line(self.cleaned_data["full_name"])
        if len(name) < 2:
            raise ValidationError(_("Enter your full name."), code="invalid")
        return name

    def clean_email(self):
        return email_address_clean(self.cleaned_data["email"])

    def clean_phone(self):
        return phone_normalize(self.cleaned_data["phone"])

    def clean_organization_name(self):
        return _single_line(self.cleaned_data["organization_name"])

    def clean_job_title(self):
        return _single_line(self.cleaned_data["job_title"])


class CheckInForm(forms.Form):
    reference = forms.CharField(
        label=_("Reference code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autofocus": True,
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "dir": "ltr",
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CheckInLookupForm(forms.Form):
    """A registrant without their code, found by name or e-mail (GET q=)."""

    q = forms.CharField(
        label=_("Name or e-mail"),
        min_length=LOOKUP_MIN_LENGTH,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "dir": "auto"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class CapacityForm(forms.Form):
    capacity = forms.IntegerField(
        label=_("Capacity"),
        min_value=0,
        max_value=1_000_000,
        required=False,
        help_text=_("Empty means no limit. Seats it frees go to the waiting list in order."),
    )
