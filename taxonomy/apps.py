from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = _("Places and sectors")
    public_content = True
    editorial_models = {"reference": ("region", "province", "commune", "sector")}
