from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from portal.admin import PublishableAdmin

from .models import Organization, Person, Position


class PositionInline(TranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization", "person"]


@admin.register(Organization)
class OrganizationAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "kind", "region", "status"]
    list_filter = ["status", "kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_ar", "name_fr", "name_en", "acronym", "slug"]
    autocomplete_fields = ["region", "commune", "parent"]
    inlines = [PositionInline]


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "name_fr", "status"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]
    inlines = [PositionInline]


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["person", "title", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name_ar", "person__name_fr", "title_ar", "title_fr"]
    autocomplete_fields = ["person", "organization"]
