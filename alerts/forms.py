"""The public sign-up form: an address and a rhythm, nothing more."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.validators import email_address_clean

from .models import Frequency, Subscription


class SubscriptionForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=Subscription._meta.get_field("email").max_length,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean_email(self):
        return email_address_clean(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise ValidationError(
                _("Your subscription could not be accepted. Please try again."), code="honeypot"
            )
        return cleaned
