from modeltranslation.translator import TranslationOptions, register

from .models import Organization, Person, Position


@register(Organization)
class OrganizationTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("name", "bio")


@register(Position)
class PositionTranslation(TranslationOptions):
    fields = ("title",)
