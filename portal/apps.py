from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal and taxonomy")

    def ready(self):
        from .groups import groups_post_migrate

        # After every migrate and every flush (the test suite's), so the groups always exist.
        post_migrate.connect(groups_post_migrate, sender=self, dispatch_uid="portal.groups")
