from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from .groups import groups_post_migrate


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")
    public_content = True  # the audit log shows on no page, but a publish writes with it

    def ready(self):
        # After every migrate and every flush (the test suite's), so the groups always exist.
        post_migrate.connect(groups_post_migrate, sender=self, dispatch_uid="editorial.groups")
