from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExtractionConfig(AppConfig):
    """From a source article to draft records: the readers, matching, ingestion and review."""

    name = "extraction"
    verbose_name = _("Extraction")
