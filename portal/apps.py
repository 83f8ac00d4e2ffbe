from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The project: settings, URLs, middleware, home, search and sitemaps it composes."""

    name = "portal"
    verbose_name = _("Portal")
