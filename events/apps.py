from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events and agreements")
    public_content = True  # an edit empties the page cache (core.cache)
    editorial_models = {
        "publishable": ("event", "agreement"),
        "parts": ("eventorganization", "participation"),
    }

    def ready(self):
        from .merge import merge_moves_declare

        merge_moves_declare()
