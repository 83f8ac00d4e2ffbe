from django.utils.translation import gettext_lazy as _

from core.search import SearchSpec

from .models import Organization, Person

# The searchable fields, in the order the migrations index them (migrations/0002).
ORGANIZATION_FIELDS = ("name_ar", "name_fr", "name_en", "acronym", "aliases")
PERSON_FIELDS = ("name_ar", "name_fr", "name_en", "aliases")

ORGANIZATIONS = SearchSpec(
    key="organizations",
    label=_("Organisations"),
    queryset=lambda: Organization.objects.public().select_related("region"),
    fields=ORGANIZATION_FIELDS,
    title_attr="name",
    text_attr="description",
)
PEOPLE = SearchSpec(
    key="people",
    label=_("People"),
    queryset=lambda: Person.objects.public(),
    fields=PERSON_FIELDS,
    title_attr="name",
    text_attr="bio",
)
