from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganizationsConfig(AppConfig):
    name = "organizations"
    verbose_name = _("Organisations and people")
    public_content = True
    editorial_models = {"publishable": ("organization", "person"), "parts": ("position",)}

    def ready(self):
        from .merge import merge_moves_declare

        merge_moves_declare()
