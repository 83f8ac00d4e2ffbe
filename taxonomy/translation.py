from modeltranslation.translator import TranslationOptions, register

from .models import Commune, Province, Region, Sector


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Province)
class ProvinceTranslation(TranslationOptions):
    fields = ("name",)


@register(Commune)
class CommuneTranslation(TranslationOptions):
    fields = ("name",)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)
