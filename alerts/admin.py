"""Subscribers' addresses are personal data: the admin shows them only to users with the
subscription's view permission (superusers and the Registration managers group, see
AlertsConfig.role_permissions). Subscriptions are made and changed only by their owners
through the signed links, so the admin reads and deletes, nothing more."""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from .models import TOPIC_FIELDS, Subscription
from .topics import topic_description

# The most-followed topics the change list sums up.
TOPIC_SUMMARY_SIZE = 50


def topic_counts() -> list[dict]:
    """Subscriptions per topic, most followed first: total and confirmed, with the topic in
    words. One grouped query, and one per kind of record named."""
    rows = list(
        Subscription.objects.values(*(f"{field}_id" for field in TOPIC_FIELDS), "filter_query")
        .annotate(total=Count("pk"), confirmed=Count("pk", filter=Q(confirmed_at__isnull=False)))
        .order_by("-total", "-confirmed")[:TOPIC_SUMMARY_SIZE]
    )
    records = {
        field: Subscription._meta.get_field(field).related_model.objects.in_bulk(
            [row[f"{field}_id"] for row in rows if row[f"{field}_id"]]
        )
        for field in TOPIC_FIELDS
    }
    summary = []
    for row in rows:
        topic = Subscription(
            filter_query=row["filter_query"],
            **{field: records[field].get(row[f"{field}_id"]) for field in TOPIC_FIELDS},
        )
        kind = next(
            (Subscription._meta.get_field(f).verbose_name for f in TOPIC_FIELDS if row[f"{f}_id"]),
            Subscription._meta.get_field("filter_query").verbose_name,
        )
        summary.append(
            {
                "kind": kind,
                "topic": topic_description(topic),
                "url": topic.get_absolute_url(),
                "total": row["total"],
                "confirmed": row["confirmed"],
            }
        )
    return summary


class TopicKindFilter(admin.SimpleListFilter):
    title = _("topic")
    parameter_name = "topic"

    def lookups(self, request, model_admin):
        return [
            *((field, Subscription._meta.get_field(field).verbose_name) for field in TOPIC_FIELDS),
            ("filter", Subscription._meta.get_field("filter_query").verbose_name),
        ]

    def queryset(self, request, queryset):
        if self.value() in TOPIC_FIELDS:
            return queryset.filter(**{f"{self.value()}__isnull": False})
        if self.value() == "filter":
            return queryset.exclude(filter_query="")
        return queryset


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(confirmed_at__isnull=self.value() == "no")
        return queryset


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    change_list_template = "admin/alerts/subscription/change_list.html"
    list_display = ["email", "topic", "frequency", "language", "confirmed_at", "last_sent_at"]
    list_filter = [TopicKindFilter, ConfirmedFilter, "frequency", "language"]
    list_select_related = ["region", "sector", "organization"]
    search_fields = ["email"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "email",
        "language",
        "frequency",
        "region",
        "sector",
        "organization",
        "filter_query",
        "created_at",
        "confirmed_at",
        "last_sent_at",
    ]

    @admin.display(description=_("topic"))
    def topic(self, subscription: Subscription) -> str:
        return topic_description(subscription)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "topic_counts": topic_counts()}
        return super().changelist_view(request, extra_context=extra_context)
