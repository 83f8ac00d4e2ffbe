from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    """E-mail alerts for visitors without an account; no public page shows a subscription, so
    their writes leave the page cache alone (no `public_content`)."""

    name = "alerts"
    verbose_name = _("E-mail alerts")
    # Subscribers' addresses are personal data: the staff who already handle registrants' see
    # them too, and may delete a subscription on request.
    role_permissions = {
        "Registration managers": ("alerts.view_subscription", "alerts.delete_subscription")
    }

    def ready(self):
        from editorial.merge import merge_moves_register
        from organizations.models import Organization

        from .merge import SubscriptionMove

        merge_moves_register(Organization, SubscriptionMove())
