"""The publishers' "awaiting review" block on the admin index."""

from django import template
from django.contrib import admin
from django.contrib.admin.utils import quote
from django.urls import reverse

from editorial import transitions
from editorial.admin import PublishableAdmin
from editorial.models import Status

register = template.Library()

SHOWN_PER_MODEL = 10


@register.inclusion_tag("admin/editorial/awaiting_review.html", takes_context=True)
def awaiting_review(context):
    user = context["request"].user
    groups = []
    is_publisher = False
    for model, model_admin in admin.site._registry.items():
        if not isinstance(model_admin, PublishableAdmin) or not transitions.can_publish(
            user, model
        ):
            continue
        is_publisher = True
        opts = model._meta
        waiting = (
            model._default_manager.filter(status=Status.REVIEW)
            .select_related("updated_by")
            .order_by("updated_at", "pk")
        )
        count = waiting.count()
        if not count:
            continue
        groups.append(
            {
                "name": opts.verbose_name_plural,
                "count": count,
                "list_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                + "?review=waiting",
                "records": [
                    {
                        "record": record,
                        "url": reverse(
                            f"admin:{opts.app_label}_{opts.model_name}_change",
                            args=[quote(record.pk)],
                        ),
                    }
                    for record in waiting[:SHOWN_PER_MODEL]
                ],
            }
        )
    return {"is_publisher": is_publisher, "groups": groups}
