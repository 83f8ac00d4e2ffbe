"""What every public form shares."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class PublicForm(forms.Form):
    """A form for visitors: labels without a colon (the templates place them), and a honeypot
    field hidden from people (CSS and aria-hidden) that naive bots fill in; a filled one is
    refused with the subclass's `rejected_message`."""

    rejected_message: str

    homepage = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("homepage"):
            raise ValidationError(self.rejected_message, code="honeypot")
        return cleaned
