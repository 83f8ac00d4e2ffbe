from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

from .cache import content_changed


class CoreConfig(AppConfig):
    """No models: Arabic text, formats, template tags, the page cache and its invalidation."""

    name = "core"

    def ready(self):
        # The one invalidation of cached public pages and content (core/cache.py).
        for name, signal in (("save", post_save), ("delete", post_delete), ("m2m", m2m_changed)):
            signal.connect(content_changed, dispatch_uid=f"core.cache.{name}")
