"""Revisions of public records (django-reversion): registration and field-by-field diffs.

Models are registered from their ModelAdmin (PublishableAdmin.__init__), i.e. after
modeltranslation has added the per-language fields, so every `_ar`/`_fr`/`_en` column is in
each snapshot. A decorator on the model class would run before that and miss them.
"""

import json
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from reversion.models import Version

from core.templatetags.portal_tags import joined

# Bookkeeping that changes at every save: not worth a diff row.
NOT_DIFFED = {"updated_at", "updated_by", "created_at", "created_by"}


def revision_register(model: type[models.Model], follow: tuple[str, ...] = ()) -> None:
    if not reversion.is_registered(model):
        reversion.register(model, follow=follow)


def versions_for(record: models.Model):
    """The record's versions, newest first, with who saved them."""
    return (
        Version.objects.get_for_object(record)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def version_previous(version: Version) -> Version | None:
    return (
        Version.objects.filter(
            content_type_id=version.content_type_id,
            object_id=version.object_id,
            db=version.db,
            pk__lt=version.pk,
        )
        .select_related("revision", "revision__user")
        .order_by("-pk")
        .first()
    )


@dataclass
class FieldChange:
    label: str
    language: str  # "" for fields that are not translated
    language_name: str
    direction: str
    old: str
    new: str


def _translated_fields(model) -> dict[str, list[str]]:
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        name: [build_localized_fieldname(name, code) for code, _name in settings.LANGUAGES]
        for name in options.fields
    }


def _display(field: models.Field, value) -> str:
    if value in (None, "", []):
        return ""
    if isinstance(field, models.ManyToManyField):
        related = field.related_model._default_manager.filter(pk__in=value)
        return joined(sorted(str(obj) for obj in related))
    if field.is_relation:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):
        return joined(value)
    return str(value)


def version_diff(old: Version | None, new: Version) -> list[FieldChange]:
    """What changed from `old` to `new`: one row per field, and per language for
    translated fields (the original, untranslated column is skipped: it mirrors Arabic)."""
    model = ContentType.objects.get_for_id(new.content_type_id).model_class()
    translated = _translated_fields(model)
    localized = {loc: name for name, locs in translated.items() for loc in locs}
    before = old.field_dict if old else {}
    after = new.field_dict
    changes = []
    for field in model._meta.concrete_fields + model._meta.many_to_many:
        if field.name in translated or field.name in NOT_DIFFED or field.primary_key:
            continue
        key = field.attname
        if key not in after:
            continue
        old_value, new_value = before.get(key), after.get(key)
        if isinstance(field, models.ManyToManyField):
            old_value, new_value = sorted(old_value or []), sorted(new_value or [])
        if old_value == new_value or (old_value in (None, "") and new_value in (None, "")):
            continue
        base_name = localized.get(field.name)
        language = getattr(field, "language", "") if base_name else ""
        info = get_language_info(language) if language else None
        base_field = model._meta.get_field(base_name) if base_name else field
        changes.append(
            FieldChange(
                label=str(base_field.verbose_name),
                language=language,
                language_name=info["name_translated"] if info else "",
                direction=("rtl" if info["bidi"] else "ltr") if info else "auto",
                old=_display(field, old_value),
                new=_display(field, new_value),
            )
        )
    return changes


def field_label(field: models.Field) -> str:
    """The field's name in the active language; a language's column of a translated field
    (modeltranslation's "title_fr") is "Title (French)"."""
    base = getattr(field, "translated_field", None)
    language = getattr(field, "language", "")
    if base is None or not language:
        return capfirst(str(field.verbose_name))
    return _("%(field)s (%(language)s)") % {
        "field": capfirst(str(base.verbose_name)),
        "language": get_language_info(language)["name_translated"],
    }


def _stored_labels(model) -> dict[str, str]:
    """The labels the admin stores in a change message (the untranslated verbose names,
    "Title [fr]" for a language's column) -> the labels in the active language."""
    labels = {}
    for field in model._meta.concrete_fields + model._meta.many_to_many:
        with translation.override(None):
            stored = capfirst(str(field.verbose_name))
        labels[stored] = field_label(field)
    return labels


def change_message_display(change_message: str, model: type[models.Model]) -> str:
    """An admin change message (LogEntry's or a revision's comment) in the reader's language.
    Django translates each stored field label as a msgid, which misses modeltranslation's
    "Title [fr]": the labels of the record's fields, and of its inline rows' fields, are
    looked up by field instead."""
    try:
        parts = json.loads(change_message) if change_message.startswith("[") else None
    except json.JSONDecodeError:
        parts = None
    if isinstance(parts, list):
        with translation.override(None):
            rows = {
                str(relation.related_model._meta.verbose_name): relation.related_model
                for relation in model._meta.related_objects
            }
        for part in parts:
            details = part.get("changed") if isinstance(part, dict) else None
            if isinstance(details, dict) and isinstance(details.get("fields"), list):
                labels = _stored_labels(rows.get(details.get("name"), model))
                details["fields"] = [labels.get(label, label) for label in details["fields"]]
        change_message = json.dumps(parts)
    return LogEntry(change_message=change_message).get_change_message()
