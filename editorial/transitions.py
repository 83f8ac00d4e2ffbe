"""The editorial workflow: the only way a public record's status changes.

Every step locks the record's row, checks the user's permission and the record's current
state, changes the status and writes one Transition (who, when, from, to, comment); the
record's save retires the cached public pages (portal/cache.py's receiver). An illegal step
raises TransitionError and changes nothing.

Permissions: submitting needs the model's `change` permission (Editors and Publishers);
publishing, sending back, archiving, restoring and restoring a revision need the model's
custom `publish_<model>` permission (Publishers); superusers hold every permission.
"""

from dataclasses import dataclass

import reversion
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from reversion.models import Version

from .models import Publishable, Status, Transition


class TransitionError(Exception):
    """An editorial step that cannot be taken now; nothing was changed."""


class TransitionForbidden(TransitionError, PermissionDenied):
    """The user lacks the permission for this step."""


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: frozenset[str]
    target: str
    needs_publish_permission: bool
    done: str  # the success message, "%(record)s" for the record
    comment_required: bool = False


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "submit",
            _("Submit for review"),
            frozenset({Status.DRAFT}),
            Status.REVIEW,
            needs_publish_permission=False,
            done=_("“%(record)s” was submitted for review."),
        ),
        Step(
            "publish",
            _("Approve and publish"),
            frozenset({Status.REVIEW}),
            Status.PUBLISHED,
            needs_publish_permission=True,
            done=_("“%(record)s” was approved."),
        ),
        Step(
            "send_back",
            _("Send back to draft"),
            frozenset({Status.REVIEW, Status.PUBLISHED}),
            Status.DRAFT,
            needs_publish_permission=True,
            done=_("“%(record)s” was sent back to draft."),
            comment_required=True,
        ),
        Step(
            "archive",
            _("Archive"),
            frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}),
            Status.ARCHIVED,
            needs_publish_permission=True,
            done=_("“%(record)s” was archived."),
        ),
        Step(
            "restore",
            _("Restore from archive"),
            frozenset({Status.ARCHIVED}),
            Status.DRAFT,
            needs_publish_permission=True,
            done=_("“%(record)s” was restored as a draft."),
        ),
    )
}


def permission_name(model: type[models.Model], action: str) -> str:
    opts = model._meta
    return f"{opts.app_label}.{action}_{opts.model_name}"


def can_publish(user, model: type[models.Model]) -> bool:
    return bool(user and user.is_active and user.has_perm(permission_name(model, "publish")))


def can_edit(user, model: type[models.Model]) -> bool:
    return bool(user and user.is_active and user.has_perm(permission_name(model, "change")))


def can_see_unpublished(user, model: type[models.Model]) -> bool:
    """Drafts, records in review, scheduled and archived ones are for the people who write
    or approve them; view-only staff (registration managers) see public records only."""
    return can_edit(user, model) or can_publish(user, model)


def is_approved(record) -> bool:
    """Approved (public or scheduled) or archived: what it shows changes only through a
    publisher. Anything that is not a workflow record (a user, a missing record) is not."""
    return isinstance(record, Publishable) and record.status not in (Status.DRAFT, Status.REVIEW)


def may_change_approved(user, records) -> bool:
    """Whether `user` may change what visitors see of every record in `records`."""
    return all(can_publish(user, type(record)) for record in records)


def record_version(record: Publishable) -> str:
    """The token of the version a page showed: every admin save and every step moves
    `updated_at`, so a step taken on an older token would act on something unseen."""
    return record.updated_at.isoformat() if record.updated_at else ""


STALE_VERSION = _("This record was changed after you opened it; review the new version.")


def step_permitted(user, model: type[models.Model], step: Step) -> bool:
    if step.needs_publish_permission:
        return can_publish(user, model)
    return can_edit(user, model)


def steps_available(user, record: Publishable) -> list[Step]:
    """The steps this user may take on the record in its current state (for the buttons)."""
    return [
        step
        for step in STEPS.values()
        if record.status in step.sources and step_permitted(user, type(record), step)
    ]


def is_scheduled(record: Publishable) -> bool:
    """Approved, with a go-live time still ahead: not public yet."""
    return (
        record.status == Status.PUBLISHED
        and record.publish_at is not None
        and record.publish_at > timezone.now()
    )


def _lock(record: Publishable) -> Publishable:
    return type(record)._default_manager.select_for_update().get(pk=record.pk)


def _log(*, record, from_status, to_status, user, comment: str) -> Transition:
    return Transition.objects.create(
        content_type=ContentType.objects.get_for_model(type(record)),
        object_id=record.pk,
        from_status=from_status,
        to_status=to_status,
        user=user,
        comment=comment,
    )


@transaction.atomic
def record_transition(
    *,
    record: Publishable,
    user,
    step: str,
    comment: str = "",
    expected_status: str | None = None,
    expected_version: str | None = None,
) -> Transition:
    """Take one editorial step; `expected_status` is the status the user saw when choosing it,
    so a step chosen on a page that has since gone stale fails instead of doing something
    the user never saw (two publishers acting at once). `expected_version` is the
    `record_version()` of the page the user acted on: a publisher approves what they read,
    not an edit saved after they opened it ("" never matches; None skips the check, for
    callers without a page, such as scripts)."""
    if step not in STEPS:
        raise TransitionError(_("Unknown editorial step."))
    spec = STEPS[step]
    model = type(record)
    if not step_permitted(user, model, spec):
        raise TransitionForbidden(
            _("You do not have permission to “%(step)s” this %(model)s.")
            % {"step": spec.label, "model": model._meta.verbose_name}
        )
    comment = (comment or "").strip()
    if spec.comment_required and not comment:
        raise TransitionError(_("Say why in a comment: the editor will read it."))

    locked = _lock(record)
    current = locked.status
    if expected_status and current != expected_status:
        raise TransitionError(
            _(
                "Someone changed this record's status to “%(status)s” in the meantime; "
                "nothing was done. Check the record and try again."
            )
            % {"status": Status(current).label}
        )
    if expected_version is not None and record_version(locked) != expected_version:
        raise TransitionError(STALE_VERSION)
    if current not in spec.sources:
        raise TransitionError(
            _("A record that is “%(status)s” cannot be sent to “%(target)s” (%(step)s).")
            % {
                "status": Status(current).label,
                "target": Status(spec.target).label,
                "step": spec.label,
            }
        )

    now = timezone.now()
    locked.status = spec.target
    locked.updated_by = user
    if spec.target == Status.PUBLISHED:
        if locked.publish_at and locked.publish_at > now:
            # Public from publish_at on (the public() filter compares with now);
            # publish_due stamps published_at and logs the go-live.
            locked.published_at = None
            when = formats.date_format(timezone.localtime(locked.publish_at), "DATETIME_FORMAT")
            scheduled = _("Scheduled for %(when)s.") % {"when": when}
            comment = f"{scheduled} {comment}".strip()
        else:
            locked.published_at = now
    locked.save(update_fields=["status", "published_at", "updated_by", "updated_at"])
    transition = _log(
        record=locked, from_status=current, to_status=spec.target, user=user, comment=comment
    )

    for field in ("status", "published_at", "updated_by_id", "updated_at"):
        setattr(record, field, getattr(locked, field))
    return transition


def record_submit(*, record: Publishable, user, **options: str | None) -> Transition:
    return record_transition(record=record, user=user, step="submit", **options)


def record_publish(*, record: Publishable, user, **options: str | None) -> Transition:
    return record_transition(record=record, user=user, step="publish", **options)


def record_send_back(
    *, record: Publishable, user, comment: str, **options: str | None
) -> Transition:
    return record_transition(record=record, user=user, step="send_back", comment=comment, **options)


def record_archive(*, record: Publishable, user, **options: str | None) -> Transition:
    return record_transition(record=record, user=user, step="archive", **options)


def record_restore(*, record: Publishable, user, **options: str | None) -> Transition:
    return record_transition(record=record, user=user, step="restore", **options)


@transaction.atomic
def record_reschedule(*, record: Publishable, user, previous_publish_at) -> Transition | None:
    """A publisher changed `publish_at` on an approved record, which moves it out of or
    into public view: adjust published_at on the (not yet saved) record and log it."""
    if record.status != Status.PUBLISHED or record.publish_at == previous_publish_at:
        return None
    if not can_publish(user, type(record)):
        raise TransitionForbidden(_("Only publishers can schedule publication."))
    if is_scheduled(record):
        record.published_at = None
        when = formats.date_format(timezone.localtime(record.publish_at), "DATETIME_FORMAT")
        comment = _("Publication rescheduled for %(when)s.") % {"when": when}
    else:
        record.published_at = record.published_at or timezone.now()
        comment = _("Publication time changed: public now.")
    return _log(
        record=record,
        from_status=Status.PUBLISHED,
        to_status=Status.PUBLISHED,
        user=user,
        comment=str(comment),
    )


# Fields a revision restore leaves as they are: the workflow, not the content.
WORKFLOW_FIELDS = (
    "status",
    "publish_at",
    "published_at",
    "created_at",
    "created_by_id",
)


@transaction.atomic
def revision_restore(
    *, record: Publishable, version: Version, user, comment: str = ""
) -> Transition:
    """Bring back a revision's content (every language, the followed inline rows, the
    many-to-many choices) while keeping the record's editorial state; logged as a
    Transition from and to the current status, and saved as a new revision."""
    model = type(record)
    if not can_publish(user, model):
        raise TransitionForbidden(
            _("Only publishers can restore a revision of this %(model)s.")
            % {"model": model._meta.verbose_name}
        )
    content_type = ContentType.objects.get_for_model(model)
    if version.content_type_id != content_type.pk or version.object_id != str(record.pk):
        raise TransitionError(_("This revision belongs to another record."))

    locked = _lock(record)
    kept = {field: getattr(locked, field) for field in WORKFLOW_FIELDS}
    when = formats.date_format(timezone.localtime(version.revision.date_created), "DATETIME_FORMAT")
    note = _("Restored the revision of %(when)s.") % {"when": when}
    full_comment = f"{note} {(comment or '').strip()}".strip()
    with reversion.create_revision(atomic=False):
        version.revision.revert(delete=True)
        restored = model._default_manager.get(pk=record.pk)
        for field, value in kept.items():
            setattr(restored, field, value)
        restored.updated_by = user
        restored.save()
        reversion.set_user(user)
        reversion.set_comment(full_comment)
    transition = _log(
        record=restored,
        from_status=kept["status"],
        to_status=kept["status"],
        user=user,
        comment=full_comment,
    )
    return transition


def publishable_models() -> list[type[Publishable]]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, Publishable) and not model._meta.abstract
    ]


def scheduled_publish_due(*, now=None) -> int:
    """Stamp records whose scheduled time has come as published and log the go-live.

    Visibility never waits for this (the public() filter compares publish_at with now); it
    keeps published_at and the history right. Each record in its own short transaction,
    skipping rows another run holds, so overlapping runs never log a go-live twice.
    """
    now = now or timezone.now()
    done = 0
    for model in publishable_models():
        due = model._default_manager.filter(
            status=Status.PUBLISHED, published_at__isnull=True, publish_at__lte=now
        ).values_list("pk", flat=True)
        for pk in list(due):
            with transaction.atomic():
                record = (
                    model._default_manager.select_for_update(skip_locked=True)
                    .filter(
                        pk=pk,
                        status=Status.PUBLISHED,
                        published_at__isnull=True,
                        publish_at__lte=now,
                    )
                    .first()
                )
                if record is None:
                    continue
                record.published_at = record.publish_at
                record.save(update_fields=["published_at", "updated_at"])
                _log(
                    record=record,
                    from_status=Status.PUBLISHED,
                    to_status=Status.PUBLISHED,
                    user=None,
                    comment=str(_("Scheduled publication went live.")),
                )
                done += 1
    return done
