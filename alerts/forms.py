"""The public sign-up form: an address and a rhythm, nothing more."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import PublicForm
from core.validators import email_address_clean

from .models import Frequency, Subscription


class SubscriptionForm(PublicForm):
    rejected_message = _("Your subscription could not be accepted. Please try again.")

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

    def clean_email(self):
        return email_address_clean(self.cleaned_data["email"])
