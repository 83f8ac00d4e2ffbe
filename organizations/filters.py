"""The directories' filters. Organisations: kind, region, sector (of the events they took part
in) and words; people: words and organisation. Unknown values make the form invalid; the
view answers 400 with its messages."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from core.search import QUERY_MAX_LENGTH, search_queryset
from editorial.models import public_q
from taxonomy.models import Region, Sector

from .models import Organization, OrganizationKind, Person
from .search import ORGANIZATION_FIELDS, PERSON_FIELDS


class OrganizationFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_q",
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=OrganizationKind.choices, empty_label=_("All kinds")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.all(),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        method="filter_sector",
        empty_label=_("All sectors"),
    )

    class Meta:
        model = Organization
        fields = ["q", "kind", "region", "sector"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.form.fields.values():
            field.error_messages["invalid_choice"] = _(
                "“%(value)s” is not one of the choices: pick one from the list."
            )

    def filter_sector(self, queryset, name, value):
        """Organisations with a role in a public event of that sector (one join, so the
        conditions hold for the same event)."""
        return queryset.filter(
            public_q("event_roles__event__"), event_roles__event__sectors=value
        ).distinct()

    def filter_q(self, queryset, name, value):
        return search_queryset(queryset, ORGANIZATION_FIELDS, value, rank=False)


class PersonFilter(django_filters.FilterSet):
    """The people directory: words (names in any language, aliases) and an organisation they
    hold a position at (its slug, public organisations only)."""

    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_q",
        max_length=QUERY_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Organisation"),
        queryset=Organization.objects.public(),
        to_field_name="slug",
        method="filter_organization",
        widget=forms.HiddenInput,
    )

    class Meta:
        model = Person
        fields = ["q", "organization"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["organization"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not an organisation of this directory."
        )

    def filter_organization(self, queryset, name, value):
        return queryset.filter(positions__organization=value).distinct()

    def filter_q(self, queryset, name, value):
        return search_queryset(queryset, PERSON_FIELDS, value, rank=False)
