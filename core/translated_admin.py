"""Admin bases for models with translated fields (django-modeltranslation)."""

from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.utils.translation import get_language_info
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline


class LanguageDirectionMixin:
    """Each language's inputs in that language's direction, whatever the admin language:
    Arabic right to left, French and English left to right."""

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language:
            widget = field.widget
            if isinstance(widget, RelatedFieldWidgetWrapper):
                widget = widget.widget
            widget.attrs["dir"] = "rtl" if get_language_info(language)["bidi"] else "ltr"
            widget.attrs["lang"] = language
        return field


class TranslatedAdmin(LanguageDirectionMixin, TranslationAdmin):
    """A model with translated fields: one tab per language (static/editorial/admin.js,
    no jQuery UI from a CDN), each input in its language's direction."""

    class Media:
        js = ["editorial/admin.js"]


class DirectionalTranslationTabularInline(LanguageDirectionMixin, TranslationTabularInline):
    pass
