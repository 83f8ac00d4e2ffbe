from django.contrib import admin

from core.translated_admin import DirectionalTranslationTabularInline
from editorial.admin import (
    ApprovedRowsInlineMixin,
    PublishableAdmin,
    PublishableForm,
)

from . import views
from .models import Agreement, Event, EventOrganization, Participation


class EventOrganizationInline(ApprovedRowsInlineMixin, admin.TabularInline):
    model = EventOrganization
    extra = 0
    autocomplete_fields = ["organization"]
    row_gates = ("event", "organization")  # listed on both pages when both are public


class ParticipationInline(ApprovedRowsInlineMixin, DirectionalTranslationTabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["person", "organization"]
    row_gates = ("event", "person")  # the organisation is a detail of the row


@admin.register(Event)
class EventAdmin(PublishableAdmin):
    list_display = ["title", "kind", "start_date", "commune", "region", "status_badge"]
    list_filter = ["kind", "region", "sectors"]
    list_select_related = ["commune", "region"]
    search_fields = ["title_ar", "title_fr", "title_en", "slug"]
    date_hierarchy = "start_date"
    autocomplete_fields = ["commune", "region", "sectors"]
    inlines = [EventOrganizationInline, ParticipationInline]
    public_view = views.EventDetailView
    form = PublishableForm


@admin.register(Agreement)
class AgreementAdmin(PublishableAdmin):
    list_display = [
        "title",
        "kind",
        "signed_on",
        "amount_mad",
        "period_start",
        "period_end",
        "status_badge",
    ]
    list_filter = ["kind"]
    search_fields = ["title_ar", "title_fr", "title_en", "slug"]
    autocomplete_fields = ["parties", "signing_event", "commune", "previous"]
    public_view = views.AgreementDetailView
