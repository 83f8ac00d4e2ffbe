from django.contrib import admin

from core.translated_admin import DirectionalTranslationTabularInline, TranslatedAdmin
from editorial.admin import ApprovedRowsAdminMixin, ApprovedRowsInlineMixin, PublishableAdmin

from . import views
from .models import Organization, Person, Position

# A position shows on its person's and its organisation's public pages when both are public.
POSITION_GATES = ("person", "organization")


class PositionInline(ApprovedRowsInlineMixin, DirectionalTranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization", "person"]
    row_gates = POSITION_GATES


@admin.register(Organization)
class OrganizationAdmin(PublishableAdmin):
    list_display = ["name", "acronym", "kind", "region", "status_badge"]
    list_filter = ["kind", "region"]
    list_select_related = ["region"]
    search_fields = ["name_ar", "name_fr", "name_en", "acronym", "slug"]
    autocomplete_fields = ["region", "commune", "parent"]
    inlines = [PositionInline]
    public_view = views.OrganizationDetailView


@admin.register(Person)
class PersonAdmin(PublishableAdmin):
    list_display = ["name", "name_fr", "status_badge"]
    search_fields = ["name_ar", "name_fr", "name_en", "slug"]
    inlines = [PositionInline]
    public_view = views.PersonDetailView


@admin.register(Position)
class PositionAdmin(ApprovedRowsAdminMixin, TranslatedAdmin):
    """A person's role on its own; usually edited inline on the person or organisation."""

    list_display = ["person", "title", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name_ar", "person__name_fr", "title_ar", "title_fr"]
    autocomplete_fields = ["person", "organization"]
    row_gates = POSITION_GATES
