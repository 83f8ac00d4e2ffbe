import factory

from organizations.models import Organization, OrganizationKind, Person
from tests.editorial.factories import PublishedMixin


class OrganizationFactory(PublishedMixin):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"منظمة {n}")
    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganizationKind.ASSOCIATION


class PersonFactory(PublishedMixin):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"شخص {n}")
    name_fr = factory.Sequence(lambda n: f"Personne {n}")
