"""Merging records found to be one: the survivor keeps everything, the others redirect to it.

`records_merge()` is generic over Publishable. What a record's own row holds is merged here:
every fact the survivor lacks (an empty field, a language's empty column, an empty foreign
key) is taken from the others, in their order; a fact both hold with different values stays
the survivor's, and the confirmation page shows them side by side so the publisher can pick
another record's value per field (`takes`); many-to-many choices (sectors, parties) are
united. The rows of other models that point at a record (an event's organisations, a
person's positions, the Mentions of any record, an event's registrations…) belong to the
apps that define them: each declares a `RelationMove` for the record model in its
AppConfig.ready() (`merge_moves_register`), so this module never imports an app above it. A
move may name the record's `fields` it merges itself (aliases) and have an `after_merge()`
run once everything has moved (registrations: the seats now free go to the waiting list).

The merge is one transaction that locks the records' rows, writes two django-reversion
revisions — "before" (every record and row it is about to change, as they are) and the
merge itself — and one Transition per record. Restoring the survivor's "before" revision
from its history (a publisher's revision restore) undoes the merge: the others lose their
`replaced_by`, the rows go back to them, deleted duplicates come back. Rows of models kept
out of the revisions (registrations: their personal data is not copied into the history)
stay with the survivor, which is the same real-world record.
"""

import datetime
import decimal
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.template.defaultfilters import yesno
from django.utils import formats, timezone
from django.utils.translation import gettext, gettext_lazy, ngettext
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from core.templatetags.portal_tags import joined

from .models import Publishable, Transition
from .revisions import field_label
from .transitions import (
    STALE_VERSION,
    TransitionError,
    TransitionForbidden,
    can_publish,
    record_version,
)

# Fields a merge never copies from the others: the workflow and the bookkeeping.
NOT_FILLED = {
    "id",
    "status",
    "publish_at",
    "published_at",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "replaced_by",
    "slug",
}


class MergeError(TransitionError):
    """A merge that cannot be done; nothing was changed."""


class MergeForbidden(TransitionForbidden, MergeError):
    """Only publishers merge."""


# -- what apps declare ------------------------------------------------------------------
@dataclass(frozen=True)
class RelationMove:
    """Rows of `model` whose foreign key `field` points at a merged record: they move to the
    survivor. `unique` names the row's other fields that, with `field`, identify it (a
    unique constraint): a row the survivor already has is a duplicate, its empty fields
    fill the survivor's row and it is deleted (the "before" revision keeps it)."""

    model: type[models.Model]
    field: str
    label: str  # plural noun for the confirmation page, e.g. _("participations")
    unique: tuple[str, ...] = ()

    def rows(self, record) -> models.QuerySet:
        return self.model._default_manager.filter(**{self.field: record})

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        """Warnings for the confirmation page (e.g. seats over capacity)."""
        return []

    def move(self, survivor, other) -> int:
        moved = 0
        for row in self.rows(other).order_by("pk"):
            if row.pk == getattr(survivor, "pk", None) and self.model is type(survivor):
                continue
            duplicate = None
            if self.unique:
                key = {name: getattr(row, name) for name in self.unique}
                duplicate = (
                    self.model._default_manager.filter(**{self.field: survivor}, **key)
                    .exclude(pk=row.pk)
                    .first()
                )
            if duplicate is not None:
                if row_fill(duplicate, row):
                    duplicate.save()
                row.delete()
            else:
                setattr(row, self.field, survivor)
                row.save()
            moved += 1
        if self.model is type(survivor):
            # A self-reference (an organisation's parent): the survivor cannot be its own.
            self.model._default_manager.filter(pk=survivor.pk, **{self.field: other}).update(
                **{self.field: None}
            )
        return moved


@dataclass(frozen=True)
class ManyToManyMove:
    """Records of `model` whose many-to-many `field` includes a merged record (an
    agreement's parties): the survivor takes its place."""

    model: type[models.Model]
    field: str
    label: str

    def rows(self, record) -> models.QuerySet:
        return self.model._default_manager.filter(**{self.field: record})

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        return []

    def move(self, survivor, other) -> int:
        moved = 0
        for row in self.rows(other).order_by("pk"):
            related = getattr(row, self.field)
            related.remove(other)
            related.add(survivor)
            moved += 1
        return moved


_MOVES: dict[type[models.Model], list] = {}


def merge_moves_register(model: type[models.Model], *moves) -> None:
    """Declare how rows pointing at `model`'s records follow a merge (from an AppConfig's
    ready(); `model` may be Publishable itself, for every record model)."""
    _MOVES.setdefault(model, [])
    for move in moves:
        if move not in _MOVES[model]:
            _MOVES[model].append(move)


def merge_moves(model: type[models.Model]) -> list:
    return [move for klass in model.__mro__ for move in _MOVES.get(klass, [])]


# -- the record's own fields ------------------------------------------------------------
def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == {}


def row_fill(target: models.Model, source: models.Model) -> list[str]:
    """Copy into `target` the non-empty values of `source` for fields empty on `target`
    (the content only: never the workflow, the keys or the bookkeeping)."""
    filled = []
    # The untranslated column of a translated field mirrors a language: its columns count.
    mirrors = {name for name, _language, _column in translated_attnames(type(target))}
    for model_field in target._meta.concrete_fields:
        if (
            model_field.primary_key
            or model_field.name in NOT_FILLED
            or model_field.name in mirrors
            or not model_field.editable
        ):
            continue
        if is_empty(getattr(target, model_field.attname)) and not is_empty(
            getattr(source, model_field.attname)
        ):
            setattr(target, model_field.attname, getattr(source, model_field.attname))
            filled.append(model_field.name)
    return filled


def translated_attnames(model) -> list[tuple[str, str, str]]:
    """(field, language, column) for every language of every translated field."""
    from django.conf import settings

    try:
        names = translator.get_options_for_model(model).fields
    except NotRegistered:
        return []
    return [
        (name, code, build_localized_fieldname(name, code))
        for name in names
        for code, _label in settings.LANGUAGES
    ]


@dataclass
class FieldFill:
    label: str
    source: str  # the record it comes from


@dataclass
class FieldConflict:
    """A fact the records hold with different values: the survivor keeps its own unless the
    publisher picks another record's (`values`: every record's pk and value as shown, ""
    when it has none, the survivor's first)."""

    column: str
    label: str
    values: list[tuple[int, str]]


@dataclass
class FieldsMerge:
    fills: list[FieldFill] = field(default_factory=list)
    conflicts: list[FieldConflict] = field(default_factory=list)


def content_fields(model) -> list[models.Field]:
    """Every fact a record holds in its own row, each language's column of a translated field
    apart. Not the workflow and bookkeeping (NOT_FILLED),
    not a link to a record of the same kind (an organisation's parent, an agreement's previous
    one: taking it over could make a loop), not what a declared move merges itself (aliases)."""
    mirrors = {name for name, _language, _column in translated_attnames(model)}
    owned = {name for move in merge_moves(model) for name in getattr(move, "fields", ())}
    return [
        model_field
        for model_field in model._meta.concrete_fields
        if not model_field.primary_key
        and model_field.editable
        and model_field.name not in NOT_FILLED
        and model_field.name not in mirrors
        and model_field.name not in owned
        and not (model_field.many_to_one and model_field.related_model is model)
    ]


def value_shown(record: models.Model, model_field: models.Field) -> str:
    """A field's value as the publisher reads it: a related record's name, a choice's
    label, a date in the page's language."""
    value = getattr(record, model_field.attname)
    if is_empty(value):
        return ""
    if model_field.many_to_one:
        return str(getattr(record, model_field.name))
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return yesno(value)
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.localtime(value))
    if isinstance(value, datetime.date | int | decimal.Decimal):
        return formats.localize(value)
    if isinstance(value, list):
        return joined(str(item) for item in value)
    return str(value)


def fields_merge(
    survivor: Publishable, others: Sequence[Publishable], takes: dict[str, int] | None = None
) -> FieldsMerge:
    """On the survivor's instance (not saved): every fact it lacks is taken from the first of
    the others that has it; a fact both hold differently stays the survivor's and is reported
    as a conflict, unless `takes` (column: pk of one of the others) picks another value."""
    takes = takes or {}
    sources = {other.pk: other for other in others}
    result = FieldsMerge()
    for model_field in content_fields(type(survivor)):
        attname = model_field.attname
        label = field_label(model_field)  # "Title (French)" for a language's column
        own = getattr(survivor, attname)
        if is_empty(own):
            source = next((o for o in others if not is_empty(getattr(o, attname))), None)
            if source is not None:
                setattr(survivor, attname, getattr(source, attname))
                result.fills.append(FieldFill(label, str(source)))
            continue
        differing = [
            other
            for other in others
            if not is_empty(getattr(other, attname)) and getattr(other, attname) != own
        ]
        if not differing:
            continue
        result.conflicts.append(
            FieldConflict(
                column=model_field.name,
                label=label,
                values=[
                    (record.pk, value_shown(record, model_field)) for record in [survivor, *others]
                ],
            )
        )
        chosen = sources.get(takes.get(model_field.name))
        if chosen in differing:
            setattr(survivor, attname, getattr(chosen, attname))
            result.fills.append(FieldFill(label, str(chosen)))
    return result


def fields_refusal(survivor: Publishable) -> str | None:
    """Facts taken from different records may not fit together (an end date before the
    start date kept): what the database would refuse, in words, before anything is written."""
    try:
        survivor.validate_constraints()
    except ValidationError as error:
        return gettext(
            "The kept record would not be valid: %(errors)s Choose which values to keep."
        ) % {"errors": " ".join(error.messages)}
    return None


TAKES_INVALID = gettext_lazy(
    "The values chosen do not belong to these records; nothing was merged."
)


def _takes_refusal(model, takes: dict[str, int], pks: set[int]) -> str | None:
    """A pick that names no fact of these records, or no record being merged."""
    names = {model_field.name for model_field in content_fields(model)}
    if set(takes) - names or set(takes.values()) - pks:
        return str(TAKES_INVALID)
    return None


def many_to_many_fields(model) -> list[models.ManyToManyField]:
    """The record's own choices (sectors, parties): those with a custom through model
    (an event's organisations) are rows, moved by the app that declares them."""
    return [m2m for m2m in model._meta.many_to_many if m2m.remote_field.through._meta.auto_created]


# -- the plan shown on the confirmation page ---------------------------------------------
@dataclass
class MergePlan:
    survivor: Publishable
    others: list[Publishable]
    moves: list[tuple[str, int]] = field(default_factory=list)  # label, rows
    choices: list[tuple[str, int]] = field(default_factory=list)  # m2m label, added
    fills: list[FieldFill] = field(default_factory=list)
    conflicts: list[FieldConflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def merge_plan(
    *,
    survivor: Publishable,
    others: Sequence[Publishable],
    takes: dict[str, int] | None = None,
) -> MergePlan:
    """What a merge would move and fill, and the facts the records disagree on, without
    changing anything."""
    model = type(survivor)
    plan = MergePlan(survivor=survivor, others=list(others))
    # The notes read the survivor as the merge will leave it (e.g. a capacity it takes).
    preview = model._default_manager.get(pk=survivor.pk)
    fields = fields_merge(preview, others, takes)
    plan.fills, plan.conflicts = fields.fills, fields.conflicts
    if refusal := fields_refusal(preview):
        plan.notes.append(refusal)
    for move in merge_moves(model):
        count = sum(move.count(other) for other in others)
        if count:
            plan.moves.append((str(move.label), count))
        plan.notes += move.notes(preview, others)
    for m2m in many_to_many_fields(model):
        have = set(getattr(survivor, m2m.name).values_list("pk", flat=True))
        new = set()
        for other in others:
            new |= set(getattr(other, m2m.name).values_list("pk", flat=True)) - have
        if new:
            plan.choices.append((str(m2m.verbose_name), len(new)))
    return plan


# -- the merge ---------------------------------------------------------------------------
def _snapshot_rows(model, records: Iterable[Publishable]) -> list[models.Model]:
    """Every row the merge may change, as it is now, for the "before" revision."""
    rows = list(records)
    for move in merge_moves(model):
        for record in records:
            rows += list(move.rows(record))
    return [row for row in rows if reversion.is_registered(type(row))]


def _merge_refusal(survivor, others) -> str | None:
    model = type(survivor)
    if not others:
        return gettext("Choose at least two records to merge.")
    if any(type(other) is not model for other in others):
        return gettext("Only records of the same kind can be merged.")
    if any(other.pk == survivor.pk for other in others):
        return gettext("The record that is kept cannot also be merged away.")
    if survivor.replaced_by_id or any(other.replaced_by_id for other in others):
        return gettext(
            "A record already merged into another cannot be merged again; merge the record "
            "it was merged into."
        )
    return None


@dataclass
class MergeResult:
    survivor: Publishable
    others: list[Publishable]
    moved: dict[str, int]
    fills: list[FieldFill]
    conflicts: list[FieldConflict]
    transition: Transition


@transaction.atomic
def records_merge(
    *,
    survivor: Publishable,
    others: Sequence[Publishable],
    user,
    comment: str = "",
    expected_versions: dict | None = None,
    takes: dict[str, int] | None = None,
    site_url: str = "",
) -> MergeResult:
    """Merge `others` into `survivor` (same model): every source, relation and registration
    moves to the survivor, which takes the others' facts (fields, translations) and choices
    it lacks; each other is marked `replaced_by` the survivor, which makes it non-public
    (public_q) and makes its addresses redirect. Publishers only. `expected_versions` maps
    each record's pk to the record_version() the user saw (None skips the check, for
    scripts); `takes` maps a field the records disagree on to the pk of the record whose
    value the survivor takes; `site_url` is the address e-mails the merge causes link to."""
    model = type(survivor)
    if not can_publish(user, model):
        raise MergeForbidden(
            gettext("Only publishers can merge %(models)s.")
            % {"models": model._meta.verbose_name_plural}
        )
    others = list(others)
    refusal = _merge_refusal(survivor, others) or _takes_refusal(
        model, takes or {}, {survivor.pk, *(other.pk for other in others)}
    )
    if refusal:
        raise MergeError(refusal)

    # Lock every row in one order (pk), so two merges never wait on each other in a cycle.
    pks = sorted([survivor.pk, *(other.pk for other in others)])
    locked = {
        record.pk: record
        for record in model._default_manager.select_for_update().filter(pk__in=pks).order_by("pk")
    }
    if len(locked) != len(pks):
        raise MergeError(gettext("One of these records no longer exists."))
    if expected_versions is not None:
        for pk in pks:
            if record_version(locked[pk]) != str(expected_versions.get(pk, "")):
                raise MergeError(str(STALE_VERSION))
    survivor = locked[survivor.pk]
    others = [locked[other.pk] for other in others]
    refusal = _merge_refusal(survivor, others)
    if refusal:
        raise MergeError(refusal)

    names = joined(f"“{other}”" for other in others)
    note = gettext("Merged %(others)s into “%(survivor)s”.") % {
        "others": names,
        "survivor": survivor,
    }
    comment = (comment or "").strip()
    full_comment = f"{note} {comment}".strip()

    # 1. What is about to change, as it is: restoring this revision undoes the merge.
    with reversion.create_revision(atomic=False):
        for row in _snapshot_rows(model, [survivor, *others]):
            reversion.add_to_revision(row)
        reversion.set_user(user)
        reversion.set_comment(
            gettext("Before merging %(others)s into “%(survivor)s” (restore to undo it).")
            % {"others": names, "survivor": survivor}
        )

    # 2. The merge.
    moved: dict[str, int] = {}
    with reversion.create_revision(atomic=False):
        fields = fields_merge(survivor, others, takes)
        if refusal := fields_refusal(survivor):
            raise MergeError(refusal)  # the transaction undoes the "before" revision too
        for m2m in many_to_many_fields(model):
            chosen = getattr(survivor, m2m.name)
            for other in others:
                chosen.add(*getattr(other, m2m.name).all())
        for move in merge_moves(model):
            for other in others:
                count = move.move(survivor, other)
                if count:
                    label = str(move.label)
                    moved[label] = moved.get(label, 0) + count
        survivor.updated_by = user
        survivor.save()
        for other in others:
            other.replaced_by = survivor
            other.updated_by = user
            other.save(update_fields=["replaced_by", "updated_by", "updated_at"])
        for row in _snapshot_rows(model, [survivor, *others]):
            reversion.add_to_revision(row)
        reversion.set_user(user)
        reversion.set_comment(full_comment)
    for move in merge_moves(model):
        # Once every row has moved and the survivor is saved (e.g. seats it now has free).
        if after_merge := getattr(move, "after_merge", None):
            after_merge(survivor, site_url=site_url)

    summary = joined(f"{label}: {count}" for label, count in moved.items())
    if fields.fills:
        taken = joined(fill.label for fill in fields.fills)
        taken_note = gettext("Taken from the others: %(fields)s.") % {"fields": taken}
        summary = f"{summary} {taken_note}".strip()
    content_type = ContentType.objects.get_for_model(model)
    for other in others:
        Transition.objects.create(
            content_type=content_type,
            object_id=other.pk,
            from_status=other.status,
            to_status=other.status,
            user=user,
            comment=(
                gettext("Merged into “%(survivor)s” (#%(pk)s); its addresses redirect there.")
                % {"survivor": survivor, "pk": survivor.pk}
                + (f" {comment}" if comment else "")
            ),
        )
    transition = Transition.objects.create(
        content_type=content_type,
        object_id=survivor.pk,
        from_status=survivor.status,
        to_status=survivor.status,
        user=user,
        comment=f"{full_comment} {summary}".strip() if summary else full_comment,
    )
    return MergeResult(
        survivor=survivor,
        others=others,
        moved=moved,
        fills=fields.fills,
        conflicts=fields.conflicts,
        transition=transition,
    )


def merge_summary(result: MergeResult) -> str:
    """The admin's success message."""
    return ngettext(
        "%(count)d record was merged into “%(survivor)s”.",
        "%(count)d records were merged into “%(survivor)s”.",
        len(result.others),
    ) % {"count": len(result.others), "survivor": result.survivor}
