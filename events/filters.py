"""The event list's filters: what the URL contract's query parameters mean.

Every value is validated by the form: an unknown slug, a malformed date or a start after the
end makes the form invalid and the view answers 400 with the form's messages, never a 500.
"""

import django_filters
from django import forms
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from core.cache import content_version
from core.search import QUERY_MAX_LENGTH, search_queryset
from organizations.models import Organization
from taxonomy.models import Commune, Region, Sector

from .models import Event, EventKind
from .search import EVENT_FIELDS

WHEN_CHOICES = [("upcoming", _("Upcoming")), ("past", _("Past"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A model choice named by its slug in the URL."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        super().__init__(*args, **kwargs)


class ReferenceSlugField(forms.ModelChoiceField):
    """Reference records (a dozen regions, a score of sectors) named by slug: read once per
    process and content version (any edit bumps it) instead of a query per request, as
    Django's ContentType manager keeps its rows."""

    _records: dict[str, tuple[str, dict]] = {}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        label, version = self.queryset.model._meta.label, content_version()
        kept_version, records = self._records.get(label, (None, {}))
        if kept_version != version:
            records = {record.slug: record for record in self.queryset}
            self._records[label] = (version, records)
        try:
            return records[str(value)]
        except KeyError:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            ) from None


class ReferenceChoiceFilter(SlugChoiceFilter):
    field_class = ReferenceSlugField


class EventFilterForm(forms.Form):
    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The “from” date must not be after the “to” date."))
        return data


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_q",
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    region = ReferenceChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        field_name="region",
        empty_label=_("All regions"),
    )
    sector = ReferenceChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        field_name="sectors",
        empty_label=_("All sectors"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds")
    )
    when = django_filters.ChoiceFilter(
        label=_("When"), choices=WHEN_CHOICES, method="filter_when", empty_label=_("Any time")
    )
    date_from = django_filters.DateFilter(
        label=_("From"), method="filter_date_from", widget=DateInput()
    )
    date_to = django_filters.DateFilter(label=_("To"), method="filter_date_to", widget=DateInput())
    city = SlugChoiceFilter(
        label=_("City"),
        queryset=Commune.objects.all(),
        field_name="commune",
        widget=forms.HiddenInput,
    )
    organization = SlugChoiceFilter(
        label=_("Organisation"),
        queryset=Organization.objects.public(),
        field_name="organizations",
        distinct=True,
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Event
        form = EventFilterForm
        fields = ["q", "region", "sector", "kind", "when", "date_from", "date_to"]

    def get_form_class(self):
        """Built once per process, not per request as django-filter does (a sixth of the
        list's time): the fields do not depend on the request, and public() reads the clock
        in the database, not when the queryset is made."""
        cls = type(self)
        if "_form_class" not in cls.__dict__:
            cls._form_class = super().get_form_class()
            messages = {
                "invalid_choice": _(
                    "“%(value)s” is not one of the choices: pick one from the list."
                ),
                "invalid": _("Enter a date as YYYY-MM-DD, for example 2025-05-15."),
            }
            for field in cls._form_class.base_fields.values():
                field.error_messages.update(messages)
        return cls._form_class

    def filter_q(self, queryset, name, value):
        return search_queryset(queryset, EVENT_FIELDS, value, rank=False) if value else queryset

    def filter_when(self, queryset, name, value):
        """Upcoming (not over yet), soonest first; past (over), latest first. Events without
        dates are neither (EventQuerySet)."""
        if value == "upcoming":
            return queryset.upcoming().order_by(Coalesce("start_date", "end_date"), "pk")
        return queryset.past().order_by(F("start_date").desc(nulls_last=True), F("pk").desc())

    def filter_date_from(self, queryset, name, value):
        """Events still running on or after that day."""
        return queryset.with_last_day().filter(last_day__gte=value)

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(start_date__lte=value)
