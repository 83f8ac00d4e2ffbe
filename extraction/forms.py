"""The review screen's corrections: each proposal's facts as a small form, prefilled with what
the extractor read, so an editor fixes a title, a date, a kind or a role (and adds the other
languages' names) before accepting, instead of fixing the draft field by field afterwards."""

from django import forms
from django.utils.translation import gettext_lazy as _

from events.models import AgreementKind, EventKind, EventRole
from organizations.models import OrganizationKind
from taxonomy.models import Region

LANGUAGES = ("ar", "fr", "en")
LANGUAGE_LABELS = {"ar": _("in Arabic"), "fr": _("in French"), "en": _("in English")}


def _translated(form: forms.Form, field: str, max_length: int, label, language: str) -> None:
    """One input per language; the article's language is the one the extractor filled."""
    for code in LANGUAGES:
        form.fields[f"{field}_{code}"] = forms.CharField(
            label=f"{label} ({LANGUAGE_LABELS[code]})",
            max_length=max_length,
            required=code == language,
            widget=forms.TextInput(attrs={"dir": "rtl" if code == "ar" else "ltr", "lang": code}),
        )


class ProposalForm(forms.Form):
    """Base: `data` is the proposal's record; cleaned values replace its facts."""

    translated: tuple[tuple[str, int, object], ...] = ()

    def __init__(self, *args, proposal, language: str, **kwargs):
        self.proposal = proposal
        self.language = language if language in LANGUAGES else "ar"
        initial = self.initial_from(proposal.data)
        super().__init__(*args, prefix=proposal.key, initial=initial, **kwargs)
        for field, max_length, label in self.translated:
            _translated(self, field, max_length, label, self.language)

    def initial_from(self, data: dict) -> dict:
        initial = {k: data.get(k) for k in self.base_fields}
        for field, _max, _label in self.translated:
            initial[f"{field}_{self.language}"] = data.get(field)
        return initial

    def corrected(self) -> dict:
        """The proposal's record with the editor's corrections (call after is_valid)."""
        data = dict(self.proposal.data)
        for name, value in self.cleaned_data.items():
            data[name] = value.isoformat() if hasattr(value, "isoformat") else value
        for field, _max, _label in self.translated:
            data[field] = self.cleaned_data.get(f"{field}_{self.language}") or data.get(field)
        return data


class EventProposalForm(ProposalForm):
    translated = (("title", 255, _("title")),)
    kind = forms.ChoiceField(label=_("kind"), choices=EventKind.choices)
    edition = forms.IntegerField(label=_("edition"), required=False, min_value=1, max_value=999)
    start_date = forms.DateField(label=_("start date"), required=False)
    end_date = forms.DateField(label=_("end date"), required=False)
    region = forms.ChoiceField(label=_("region"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        regions = [(r.slug, str(r)) for r in Region.objects.order_by("code")]
        self.fields["region"].choices = [("", "—"), *regions]
        for i, org in enumerate(self.proposal.data.get("organizations") or ()):
            self.fields[f"role_{i}"] = forms.ChoiceField(
                label=org["name"], choices=EventRole.choices, initial=org.get("role")
            )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The event cannot end before it starts."))
        return cleaned

    def corrected(self) -> dict:
        data = super().corrected()
        organizations = [dict(org) for org in data.get("organizations") or ()]
        for i, org in enumerate(organizations):
            org["role"] = data.pop(f"role_{i}", org.get("role"))
        data["organizations"] = organizations
        return data


class OrganizationProposalForm(ProposalForm):
    translated = (("name", 255, _("name")),)
    kind = forms.ChoiceField(label=_("kind"), choices=OrganizationKind.choices)
    acronym = forms.CharField(label=_("acronym"), max_length=30, required=False)


class PersonProposalForm(ProposalForm):
    translated = (("name", 200, _("name")),)


class PositionProposalForm(ProposalForm):
    title = forms.CharField(label=_("title"), max_length=255)


class AgreementProposalForm(ProposalForm):
    translated = (("title", 300, _("title")),)
    kind = forms.ChoiceField(label=_("kind"), choices=AgreementKind.choices)
    signed_on = forms.DateField(label=_("signed on"), required=False)
    amount_mad = forms.IntegerField(label=_("amount (MAD)"), required=False, min_value=0)
    period_start = forms.IntegerField(label=_("from"), required=False, min_value=1900)
    period_end = forms.IntegerField(label=_("to"), required=False, max_value=2200)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("period_start"), cleaned.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period cannot end before it starts."))
        return cleaned


FORMS = {
    "event": EventProposalForm,
    "organization": OrganizationProposalForm,
    "person": PersonProposalForm,
    "position": PositionProposalForm,
    "agreement": AgreementProposalForm,
}


def proposal_form(proposal, language: str, data=None) -> ProposalForm:
    """The proposal's form; bound to `data` (the review screen's POST), where a field that was
    not sent at all keeps what the extractor read: only what is sent is a correction."""
    form = FORMS[proposal.kind](proposal=proposal, language=language)
    if data is None:
        return form
    sent = data.copy()
    for name in form.fields:
        key = form.add_prefix(name)
        if key not in sent:
            value = form[name].value()
            sent[key] = "" if value is None else value
    return FORMS[proposal.kind](sent, proposal=proposal, language=language)
