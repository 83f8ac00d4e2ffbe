from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal and taxonomy")

    def ready(self):
        from .cache import content_changed
        from .groups import groups_post_migrate

        # The one invalidation of cached public pages and content (portal/cache.py).
        for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
            signal.connect(content_changed, dispatch_uid=f"portal.cache.{name}")

        # After every migrate and every flush (the test suite's), so the groups always exist.
        post_migrate.connect(groups_post_migrate, sender=self, dispatch_uid="portal.groups")
