from django.contrib import admin

from core.translated_admin import TranslatedAdmin

from .models import Commune, Province, Region, Sector


@admin.register(Region)
class RegionAdmin(TranslatedAdmin):
    list_display = ["code", "name", "slug"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]


@admin.register(Province)
class ProvinceAdmin(TranslatedAdmin):
    list_display = ["code", "name", "region", "is_prefecture"]
    list_filter = ["region", "is_prefecture"]
    search_fields = ["name_ar", "name_fr", "code"]
    autocomplete_fields = ["region"]


@admin.register(Commune)
class CommuneAdmin(TranslatedAdmin):
    list_display = ["code", "name", "province", "region", "is_urban"]
    list_filter = ["region", "is_urban"]
    list_select_related = ["province", "region"]
    search_fields = ["name_ar", "name_fr", "slug", "code"]
    autocomplete_fields = ["province", "region"]


@admin.register(Sector)
class SectorAdmin(TranslatedAdmin):
    list_display = ["slug", "name"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]
