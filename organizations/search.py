from django.utils.translation import gettext_lazy as _

from core.search import ORGANIZATION_FIELDS, PERSON_FIELDS, SearchSpec

from .models import Organization, Person

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
