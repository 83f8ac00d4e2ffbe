from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Commune, Province, Region, Sector

admin.site.site_header = _("Industry Morocco — editorial desk")
admin.site.site_title = _("Industry Morocco")
admin.site.index_title = _("Editorial desk")


class PublishableAdmin(TabbedTranslationAdmin):
    """Shared list and bookkeeping for every record the public site shows."""

    list_filter = ["status"]
    readonly_fields = ["published_at", "created_by", "created_at", "updated_by", "updated_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


@admin.register(Region)
class RegionAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "slug"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]


@admin.register(Province)
class ProvinceAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "region", "is_prefecture"]
    list_filter = ["region", "is_prefecture"]
    search_fields = ["name_ar", "name_fr", "code"]
    autocomplete_fields = ["region"]


@admin.register(Commune)
class CommuneAdmin(TabbedTranslationAdmin):
    list_display = ["code", "name", "province", "region", "is_urban"]
    list_filter = ["region", "is_urban"]
    list_select_related = ["province", "region"]
    search_fields = ["name_ar", "name_fr", "slug", "code"]
    autocomplete_fields = ["province", "region"]


@admin.register(Sector)
class SectorAdmin(TabbedTranslationAdmin):
    list_display = ["slug", "name"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]
