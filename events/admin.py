from django.contrib import admin
from modeltranslation.admin import TranslationTabularInline

from portal.admin import PublishableAdmin

from .models import Agreement, Event, EventOrganization, Participation, Registration


class EventOrganizationInline(admin.TabularInline):
    model = EventOrganization
    extra = 0
    autocomplete_fields = ["organization"]


class ParticipationInline(TranslationTabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization"]


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ["title", "kind", "start_date", "commune", "region", "status"]
    list_filter = ["status", "kind", "region", "sectors"]
    list_select_related = ["commune", "region"]
    search_fields = ["title_ar", "title_fr", "title_en", "slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["commune", "region", "sectors"]
    inlines = [EventOrganizationInline, ParticipationInline]


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    list_display = [
        "title",
        "kind",
        "signed_on",
        "amount_mad",
        "period_start",
        "period_end",
        "status",
    ]
    list_filter = ["status", "kind"]
    search_fields = ["title_ar", "title_fr", "title_en", "slug"]
    autocomplete_fields = ["parties", "signing_event", "commune", "previous"]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["reference", "event", "full_name", "email", "status", "created_at"]
    list_filter = ["status", "event"]
    list_select_related = ["event"]
    search_fields = ["reference", "full_name", "email"]
    readonly_fields = ["reference", "created_at"]
    autocomplete_fields = ["event"]
