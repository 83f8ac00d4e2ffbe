from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Source articles")
    public_content = True
    editorial_models = {"parts": ("mention", "factreport"), "sources": ("article",)}

    def ready(self):
        from editorial.merge import merge_moves_register
        from editorial.models import Publishable
        from editorial.revisions import revision_register

        from .merge import FactReportMove, MentionMove
        from .models import Mention

        # A merge moves the sources of every kind of record; its revisions keep the spans.
        revision_register(Mention)
        merge_moves_register(Publishable, MentionMove(), FactReportMove())
