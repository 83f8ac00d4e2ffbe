from django.contrib import admin

from portal import editorial
from portal.admin import (
    DirectionalTranslationTabularInline,
    PublishableAdmin,
    TranslatedAdmin,
)
from portal.models import Status

from . import views
from .models import Organization, Person, Position


class PositionInline(DirectionalTranslationTabularInline):
    model = Position
    extra = 0
    autocomplete_fields = ["organization", "person"]


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
class PositionAdmin(TranslatedAdmin):
    """A person's role on its own; usually edited inline on the person or organisation."""

    list_display = ["person", "title", "organization", "start_date", "end_date"]
    list_select_related = ["person", "organization"]
    search_fields = ["person__name_ar", "person__name_fr", "title_ar", "title_fr"]
    autocomplete_fields = ["person", "organization"]

    def _guarded(self, request, obj) -> bool:
        """A position shows on its person's and organisation's public pages: once either is
        approved, only a publisher changes it."""
        parents = [obj.person, obj.organization] if obj.organization_id else [obj.person]
        if all(parent.status in (Status.DRAFT, Status.REVIEW) for parent in parents):
            return True
        return editorial.can_publish(request.user, Person)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self._guarded(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self._guarded(request, obj))
