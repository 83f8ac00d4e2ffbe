import reversion
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets, quote, unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname

from core.translated_admin import TranslatedAdmin

from . import merge, transitions
from .models import Publishable, Status, Transition
from .preview import preview_url
from .revisions import (
    change_message_display,
    revision_register,
    version_diff,
    version_previous,
    versions_for,
)


# -- list filters --------------------------------------------------------------------------
class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Status.DRAFT, Status.DRAFT.label),
            (Status.REVIEW, Status.REVIEW.label),
            (Status.PUBLISHED, _("Published (public)")),
            ("scheduled", _("Scheduled")),
            (Status.ARCHIVED, Status.ARCHIVED.label),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == Status.PUBLISHED:
            return queryset.public()
        if value == "scheduled":
            return queryset.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = _("mine")
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("created", _("Created by me")), ("changed", _("Last changed by me"))]

    def queryset(self, request, queryset):
        if self.value() == "created":
            return queryset.filter(created_by=request.user)
        if self.value() == "changed":
            return queryset.filter(updated_by=request.user)
        return queryset


class ReviewFilter(admin.SimpleListFilter):
    title = _("waiting for review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [
            ("waiting", _("Waiting for review")),
            ("others", _("Waiting for review, by others")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "waiting":
            return queryset.filter(status=Status.REVIEW)
        if self.value() == "others":
            return queryset.filter(status=Status.REVIEW).exclude(created_by=request.user)
        return queryset


def missing_translation_q(model: type[models.Model], language: str) -> Q:
    """Some text is written in Arabic but empty in `language`."""
    try:
        fields = translator.get_options_for_model(model).fields
    except NotRegistered:
        return Q(pk__in=[])
    condition = Q(pk__in=[])
    for name in fields:
        arabic = build_localized_fieldname(name, "ar")
        other = build_localized_fieldname(name, language)
        condition |= Q(**{f"{arabic}__gt": ""}) & (
            Q(**{f"{other}__isnull": True}) | Q(**{other: ""})
        )
    return condition


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [("fr", _("French missing")), ("en", _("English missing"))]

    def queryset(self, request, queryset):
        if self.value() in ("fr", "en"):
            return queryset.filter(missing_translation_q(queryset.model, self.value()))
        return queryset


# -- the change form -----------------------------------------------------------------------
class PublishableForm(forms.ModelForm):
    """Carries the record's version as it was when the form was opened, so a save over
    someone else's newer changes warns instead of silently overwriting them."""

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.fields["loaded_version"].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        seen = cleaned_data.get("loaded_version")
        if not self.instance.pk:
            return cleaned_data
        rows = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        if transaction.get_connection().in_atomic_block:
            # Held until the admin's save commits: nobody slips in between check and save.
            rows = rows.select_for_update(of=("self",))
        current = rows.values_list("updated_at", "updated_by__username", "status").first()
        if current is None:
            return cleaned_data
        updated_at, username, status = current
        if status != self.instance.status:
            # A step (an approval) landed after the admin checked the user's right to edit
            # this record: saving would undo it with content nobody reviewed.
            raise forms.ValidationError(transitions.STALE_VERSION, code="stale")
        if not seen or updated_at.isoformat() == seen:
            return cleaned_data
        # Saving this form again overwrites the newer version, knowingly.
        data = self.data.copy()
        data[self.add_prefix("loaded_version")] = updated_at.isoformat()
        self.data = data
        raise forms.ValidationError(
            _(
                "%(user)s changed this record on %(when)s, after you opened it. Your changes "
                "are not saved yet: open the record in another tab to compare, then save "
                "again to overwrite their version."
            ),
            code="stale",
            params={
                "user": username or _("someone"),
                "when": formats.date_format(timezone.localtime(updated_at), "DATETIME_FORMAT"),
            },
        )


def bulk_version_field(pk) -> str:
    """The name of the hidden input that carries a changelist row's version."""
    return f"_version_{pk}"


BOOKKEEPING_FIELDS = ("published_at", "created_by", "created_at", "updated_by", "updated_at")


class PublishableAdmin(TranslatedAdmin):
    """Every record the public site shows: status only moves through the workflow's steps,
    every save is a revision, every step a Transition."""

    form = PublishableForm
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    change_form_template = "admin/editorial/change_form.html"
    object_history_template = "admin/editorial/object_history.html"
    actions = [
        "submit_selected",
        "publish_selected",
        "send_back_selected",
        "archive_selected",
        "restore_selected",
        "merge_selected",
    ]
    # The public DetailView the preview renders (set by each subclass).
    public_view = None

    def __init__(self, model, admin_site):
        super().__init__(model, admin_site)
        follow = []
        for inline in self.inlines:
            fk = next(
                (
                    field
                    for field in inline.model._meta.fields
                    if field.is_relation
                    and field.related_model is model
                    and (inline.fk_name is None or field.name == inline.fk_name)
                ),
                None,
            )
            if fk is not None:
                revision_register(inline.model)
                follow.append(fk.remote_field.get_accessor_name())
        revision_register(model, follow=tuple(follow))

    # -- permissions ----------------------------------------------------------------------
    def has_publish_permission(self, request, obj=None):
        return transitions.can_publish(request.user, self.model)

    def may_see_unpublished(self, request) -> bool:
        return transitions.can_see_unpublished(request.user, self.model)

    def get_queryset(self, request):
        """View-only staff (registration managers, who list events) see only what visitors
        see: drafts, records in review, scheduled and archived ones are not in their list,
        and their change, history, preview and revision pages do not exist for them."""
        queryset = super().get_queryset(request)
        if self.may_see_unpublished(request) or not super().has_view_permission(request):
            return queryset  # the others are refused by the permission checks (403)
        return queryset.public()

    def has_view_permission(self, request, obj=None):
        if not super().has_view_permission(request, obj):
            return False
        return obj is None or obj.is_public or self.may_see_unpublished(request)

    def has_change_permission(self, request, obj=None):
        """Approved and archived records are read-only for editors: what visitors see
        changes only through a publisher."""
        if not super().has_change_permission(request, obj):
            return False
        if obj is not None and obj.status not in (Status.DRAFT, Status.REVIEW):
            return self.has_publish_permission(request)
        return True

    # -- list -----------------------------------------------------------------------------
    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, obj):
        if obj.replaced_by_id:
            survivor = obj.replaced_by
            return format_html(
                '<span class="status-badge status-merged">{} <a href="{}" dir="auto">{}</a></span>',
                _("Merged into"),
                self._url("change", quote(survivor.pk)),
                survivor,
            )
        if transitions.is_scheduled(obj):
            when = formats.date_format(timezone.localtime(obj.publish_at), "SHORT_DATETIME_FORMAT")
            return format_html(
                '<span class="status-badge status-scheduled">{}</span>',
                _("Scheduled: %(when)s") % {"when": when},
            )
        return format_html(
            '<span class="status-badge status-{}">{}</span>', obj.status, obj.get_status_display()
        )

    def get_list_filter(self, request):
        return [
            StatusFilter,
            ReviewFilter,
            MineFilter,
            MissingTranslationFilter,
            *super().get_list_filter(request),
        ]

    # -- form -----------------------------------------------------------------------------
    def get_exclude(self, request, obj=None):
        return ["status", *(super().get_exclude(request, obj) or [])]

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "status_badge", *BOOKKEEPING_FIELDS]
        if not self.has_publish_permission(request):
            readonly.append("publish_at")
        return readonly

    def get_fieldsets(self, request, obj=None):
        """The content first, then a "Publication" block with the workflow's fields."""
        if self.fieldsets:
            return super().get_fieldsets(request, obj)
        workflow = {"status_badge", "publish_at", "loaded_version", *BOOKKEEPING_FIELDS}
        fields = [
            f for f in flatten_fieldsets(super().get_fieldsets(request, obj)) if f not in workflow
        ]
        if obj is None:
            publication = ["publish_at"] if self.has_publish_permission(request) else []
        else:
            publication = ["status_badge", "publish_at", *BOOKKEEPING_FIELDS]
        fieldsets = [(None, {"fields": fields})]
        if publication:
            fieldsets.append((_("Publication"), {"fields": publication}))
        return fieldsets

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        with reversion.create_revision():
            reversion.set_user(request.user)
            return super().changeform_view(request, object_id, form_url, extra_context)

    # The revision keeps the admin's structured change message (as django-reversion's own
    # VersionAdmin does), so the history shows it in the reader's language.
    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        if reversion.is_active():
            reversion.set_comment(entry.change_message)
        return entry

    def view_on_site(self, obj):
        """The public page, only once there is one."""
        return obj.get_absolute_url() if obj.is_public else None

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.status = Status.DRAFT
        obj.updated_by = request.user
        if change and "publish_at" in form.changed_data:
            try:
                transitions.record_reschedule(
                    record=obj, user=request.user, previous_publish_at=form.initial["publish_at"]
                )
            except transitions.TransitionForbidden as error:
                raise PermissionDenied(str(error)) from error
        super().save_model(request, obj, form, change)

    # -- workflow, history and preview on the change form ---------------------------------
    def _url(self, name, *args):
        opts = self.opts
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)

    def record_history(self, request, obj) -> dict:
        content_type = ContentType.objects.get_for_model(self.model)
        transitions = Transition.objects.filter(
            content_type=content_type, object_id=obj.pk
        ).select_related("user")[:100]
        versions = list(versions_for(obj)[:100])
        return {
            "transitions": transitions,
            "versions": [
                {
                    "version": version,
                    "url": self._url("revision", quote(obj.pk), version.pk),
                    "is_current": index == 0,
                    "comment": change_message_display(version.revision.comment, self.model),
                }
                for index, version in enumerate(versions)
            ],
        }

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context.update(
                editorial_steps=[
                    {"step": step, "url": self._url("transition", quote(obj.pk), step.name)}
                    for step in transitions.steps_available(request.user, obj)
                ],
                editorial_status_badge=self.status_badge(obj),
                editorial_version=transitions.record_version(obj),
                preview_href=self._url("preview", quote(obj.pk)),
                **self.record_history(request, obj),
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if obj is not None and self.has_view_or_change_permission(request, obj):
            extra_context = {**(extra_context or {}), **self.record_history(request, obj)}
        response = super().history_view(request, object_id, extra_context)
        # Django's table shows entry.get_change_message(), which leaves the per-language
        # fields' labels ("Title [fr]") untranslated: it gets the readable text instead.
        for entry in getattr(response, "context_data", {}).get("action_list") or ():
            entry.change_message = change_message_display(entry.change_message, self.model)
        return response

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        wrap = self.admin_site.admin_view
        return [
            path(
                "<path:object_id>/transition/<str:step>/",
                wrap(self.transition_view),
                name="{}_{}_transition".format(*info),
            ),
            path(
                "<path:object_id>/preview/",
                wrap(self.preview_view),
                name="{}_{}_preview".format(*info),
            ),
            path(
                "<path:object_id>/revisions/<int:version_id>/restore/",
                wrap(self.revision_restore_view),
                name="{}_{}_revision_restore".format(*info),
            ),
            path(
                "<path:object_id>/revisions/<int:version_id>/",
                wrap(self.revision_view),
                name="{}_{}_revision".format(*info),
            ),
            *super().get_urls(),
        ]

    def _viewable_object(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This record does not exist."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return obj

    def transition_view(self, request, object_id, step):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._viewable_object(request, object_id)
        if step not in transitions.STEPS:
            raise Http404(_("Unknown editorial step."))
        try:
            transitions.record_transition(
                record=obj,
                user=request.user,
                step=step,
                comment=request.POST.get("comment", ""),
                expected_status=request.POST.get("expected_status") or None,
                # Required: a step is taken on the version the page showed.
                expected_version=request.POST.get("expected_version", ""),
            )
        except transitions.TransitionForbidden as error:
            raise PermissionDenied(str(error)) from error
        except transitions.TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            done = transitions.STEPS[step].done % {"record": obj}
            self.message_user(request, done, messages.SUCCESS)
        return redirect(self._url("change", quote(obj.pk)))

    def preview_view(self, request, object_id):
        obj = self._viewable_object(request, object_id)
        if self.public_view is None:
            raise Http404(_("This kind of record has no public page."))
        return redirect(preview_url(obj, translation.get_language()))

    def _version(self, obj, version_id):
        version = versions_for(obj).filter(pk=version_id).first()
        if version is None:
            raise Http404(_("This revision does not exist."))
        return version

    def revision_view(self, request, object_id, version_id):
        """What changed in a revision: against the previous one, or `?against=<id>`."""
        obj = self._viewable_object(request, object_id)
        version = self._version(obj, version_id)
        against = request.GET.get("against", "")
        older = self._version(obj, int(against)) if against.isdigit() else version_previous(version)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Changes in a revision of “%(record)s”") % {"record": obj},
            "subtitle": str(obj),
            "opts": self.opts,
            "original": obj,
            "version": version,
            "older": older,
            "changes": version_diff(older, version),
            "can_restore": self.has_publish_permission(request),
            "restore_url": self._url("revision_restore", quote(obj.pk), version.pk),
            "change_url": self._url("change", quote(obj.pk)),
            "versions": self.record_history(request, obj)["versions"],
        }
        return TemplateResponse(request, "admin/editorial/revision_diff.html", context)

    def revision_restore_view(self, request, object_id, version_id):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        obj = self._viewable_object(request, object_id)
        version = self._version(obj, version_id)
        try:
            transitions.revision_restore(
                record=obj,
                version=version,
                user=request.user,
                comment=request.POST.get("comment", ""),
            )
        except transitions.TransitionForbidden as error:
            raise PermissionDenied(str(error)) from error
        except transitions.TransitionError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, _("The revision was restored and logged."), messages.SUCCESS)
        return redirect(self._url("change", quote(obj.pk)))

    # -- bulk actions ---------------------------------------------------------------------
    def action_checkbox(self, obj):
        """The row's checkbox, plus the version of the record the list showed: a bulk step
        acts only on rows nobody changed since the list was rendered."""
        return format_html(
            '{}<input type="hidden" name="{}" value="{}">',
            super().action_checkbox(obj),
            bulk_version_field(obj.pk),
            transitions.record_version(obj),
        )

    def _bulk(self, request, queryset, step: str, comment: str = ""):
        """One result message per record: what worked, and why the rest did not. Each row
        is checked against the version the list showed (rows not shown, e.g. "select all"
        across pages, have none and are refused)."""
        for obj in queryset:
            seen = request.POST.get(bulk_version_field(obj.pk))
            if not seen:
                message = _("“%(record)s” was not on the page you saw; nothing was done.")
                self.message_user(request, message % {"record": obj}, messages.WARNING)
                continue
            try:
                transitions.record_transition(
                    record=obj,
                    user=request.user,
                    step=step,
                    comment=comment,
                    expected_version=seen,
                )
            except transitions.TransitionError as error:
                self.message_user(request, f"{obj}: {error}", messages.WARNING)
            else:
                done = transitions.STEPS[step].done % {"record": obj}
                self.message_user(request, done, messages.SUCCESS)

    @admin.action(permissions=["change"], description=_("Submit the selected records for review"))
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit")

    @admin.action(
        permissions=["publish"], description=_("Approve and publish the selected records")
    )
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish")

    @admin.action(permissions=["publish"], description=_("Send the selected records back to draft"))
    def send_back_selected(self, request, queryset):
        """Asks for the comment the editors will read first, then sends them back."""
        comment = request.POST.get("comment", "").strip()
        if request.POST.get("confirm") and comment:
            self._bulk(request, queryset, "send_back", comment=comment)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send back to draft"),
            "opts": self.opts,
            "queryset": queryset,
            # The versions the list showed, carried through this confirmation.
            "rows": [
                (
                    record,
                    bulk_version_field(record.pk),
                    request.POST.get(bulk_version_field(record.pk), ""),
                )
                for record in queryset
            ],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "missing_comment": bool(request.POST.get("confirm")),
        }
        return TemplateResponse(request, "admin/editorial/send_back_confirmation.html", context)

    @admin.action(permissions=["publish"], description=_("Merge the selected records into one"))
    def merge_selected(self, request, queryset):
        """Two or more records found to be one: a confirmation page lets the publisher choose
        the record that is kept and shows what moves to it; confirming merges the others
        into it (editorial.merge.records_merge)."""
        records = list(queryset.order_by("pk"))
        if len(records) < 2:
            self.message_user(request, _("Choose at least two records to merge."), messages.ERROR)
            return None
        versions = {
            record.pk: request.POST.get(bulk_version_field(record.pk), "") for record in records
        }
        for record in records:
            if not versions[record.pk]:
                message = _("“%(record)s” was not on the page you saw; nothing was done.")
                self.message_user(request, message % {"record": record}, messages.WARNING)
                return None
        chosen = request.POST.get("survivor", "")
        survivor = next((record for record in records if str(record.pk) == chosen), None)
        if survivor is None:
            # The first public record, else the oldest one that is not merged already.
            candidates = [record for record in records if not record.replaced_by_id] or records
            survivor = next((r for r in candidates if r.is_public), candidates[0])
        others = [record for record in records if record.pk != survivor.pk]
        # Per field the records disagree on, the record whose value is kept (radio "take_…").
        takes = {
            key.removeprefix("take_"): value
            for key, value in request.POST.items()
            if key.startswith("take_")
        }
        if not all(value.isdigit() for value in takes.values()):
            self.message_user(request, merge.TAKES_INVALID, messages.ERROR)
            return None
        takes = {column: int(value) for column, value in takes.items()}
        if request.POST.get("confirm") and chosen:
            try:
                result = merge.records_merge(
                    survivor=survivor,
                    others=others,
                    user=request.user,
                    comment=request.POST.get("comment", ""),
                    expected_versions=versions,
                    takes=takes,
                    site_url=request.build_absolute_uri("/").rstrip("/"),
                )
            except merge.MergeForbidden as error:
                raise PermissionDenied(str(error)) from error
            except merge.MergeError as error:
                self.message_user(request, str(error), messages.ERROR)
                return None
            self.message_user(request, merge.merge_summary(result), messages.SUCCESS)
            return redirect(self._url("change", quote(result.survivor.pk)))
        # What each record holds that would move: one column per kind of row it has.
        counts = {
            record.pk: [move.count(record) for move in merge.merge_moves(self.model)]
            for record in records
        }
        shown = [
            index
            for index, move in enumerate(merge.merge_moves(self.model))
            if any(row[index] for row in counts.values())
        ]
        labels = [str(merge.merge_moves(self.model)[index].label) for index in shown]
        rows = [
            {
                "record": record,
                "version_field": bulk_version_field(record.pk),
                "version": versions[record.pk],
                "badge": self.status_badge(record),
                "counts": [counts[record.pk][index] for index in shown],
            }
            for record in records
        ]
        # A pick names the record whose value is kept: it holds when the survivor changes.
        plan = merge.merge_plan(survivor=survivor, others=others, takes=takes)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Merge records"),
            "opts": self.opts,
            "rows": rows,
            "move_labels": labels,
            "survivor": survivor,
            "plan": plan,
            "conflict_records": [survivor, *others],
            "conflicts": merge_conflict_rows(plan, takes),
            "comment": request.POST.get("comment", ""),
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/editorial/merge_confirmation.html", context)

    @admin.action(permissions=["publish"], description=_("Archive the selected records"))
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, "archive")

    @admin.action(
        permissions=["publish"], description=_("Restore the selected records from the archive")
    )
    def restore_selected(self, request, queryset):
        self._bulk(request, queryset, "restore")


def merge_conflict_rows(plan: merge.MergePlan, takes: dict[str, int]) -> list[dict]:
    """The merge page's table of facts the records disagree on: each record's value, the
    one kept checked (the survivor's unless the publisher picked another)."""
    rows = []
    for conflict in plan.conflicts:
        picked = takes.get(conflict.column, plan.survivor.pk)
        if picked not in dict(conflict.values):
            picked = plan.survivor.pk
        cells = [
            {"pk": pk, "value": value, "checked": pk == picked} for pk, value in conflict.values
        ]
        rows.append({"conflict": conflict, "cells": cells})
    return rows


# -- rows shown on approved records' pages ------------------------------------------------
def gate_records(row, gates) -> list:
    """The records `row` (a position, a mention, an event's organisation…) joins."""
    if row is None:
        return []
    records = []
    for name in gates:
        try:
            record = getattr(row, name)
        except ObjectDoesNotExist:
            record = None
        if record is not None:
            records.append(record)
    return records


def approved_records_showing(row, gates) -> list:
    """The approved records whose public pages show `row`. `gates` names the records the row
    joins: the public views list a row only when every one of them is public, so a row
    joining a draft shows nowhere."""
    records = gate_records(row, gates)
    if records and all(transitions.is_approved(record) for record in records):
        return records
    return []


def records_touch(records) -> None:
    """A row edited on its own admin page changes its records: moving their version makes a
    publisher's approval of a page opened before the edit stale."""
    now = timezone.now()
    for record in records:
        if isinstance(record, Publishable):
            type(record)._default_manager.filter(pk=record.pk).update(updated_at=now)


def approved_row_refusal(user, gates, *rows) -> str | None:
    """Why `user` may not touch a row that shows, or would show, on an approved record's
    public page (editors send nothing live: only a publisher changes what visitors see)."""
    for row in rows:
        records = approved_records_showing(row, gates)
        if records and not transitions.may_change_approved(user, records):
            return _(
                "This would change the public page of “%(record)s”, which is approved: only "
                "a publisher can make this change."
            ) % {"record": records[0]}
    return None


class ApprovedRowsForm(forms.ModelForm):
    """Refuses a row whose old or new version shows on an approved record's public page,
    unless the user may publish it. The admin sets `row_gates` and `row_user`."""

    row_gates: tuple[str, ...] = ()
    row_user = None

    def stored_row(self):
        """The row as saved (its old parents), read afresh: the form's instance is the
        one being edited."""
        if self.instance.pk is None:
            return None
        return type(self.instance)._default_manager.filter(pk=self.instance.pk).first()

    def proposed_row(self, cleaned_data):
        """The row as it would be saved, on a copy (the instance is built only later)."""
        model = type(self.instance)
        row = model(
            **{field.attname: getattr(self.instance, field.attname)
               for field in model._meta.concrete_fields}
        )  # fmt: skip
        for field in model._meta.concrete_fields:
            if field.name in cleaned_data:
                setattr(row, field.name, cleaned_data[field.name])
        return row

    def clean(self):
        cleaned_data = super().clean()
        refusal = approved_row_refusal(
            self.row_user, self.row_gates, self.stored_row(), self.proposed_row(cleaned_data)
        )
        if refusal:
            raise forms.ValidationError(refusal, code="approved")
        return cleaned_data


class ApprovedRowsFormSet(forms.BaseInlineFormSet):
    """Inline rows: also refuses deleting one shown on an approved record's page (the forms
    marked for deletion are not validated by Django)."""

    row_gates: tuple[str, ...] = ()
    row_user = None

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk is None:
                continue
            stored = type(form.instance)._default_manager.filter(pk=form.instance.pk).first()
            refusal = approved_row_refusal(self.row_user, self.row_gates, stored)
            if refusal:
                raise forms.ValidationError(refusal, code="approved")


class ApprovedRowsAdminMixin:
    """For the admin of a row shown on records' public pages: rows shown on an approved record
    are read-only for editors (change and delete, one by one or in bulk), and a new or
    changed row cannot attach to one. `row_gates`: the records the row joins."""

    form = ApprovedRowsForm
    row_gates: tuple[str, ...] = ()

    def _row_allowed(self, request, obj) -> bool:
        if obj is None:
            return True
        return approved_row_refusal(request.user, self.row_gates, obj) is None

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and self._row_allowed(request, obj)

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and self._row_allowed(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.row_gates, form.row_user = self.row_gates, request.user  # a class per request
        return form

    def save_model(self, request, obj, form, change):
        before = gate_records(form.stored_row(), self.row_gates)
        super().save_model(request, obj, form, change)
        records_touch([*before, *gate_records(obj, self.row_gates)])

    def delete_model(self, request, obj):
        records = gate_records(obj, self.row_gates)
        super().delete_model(request, obj)
        records_touch(records)

    def delete_queryset(self, request, queryset):
        records = [record for row in queryset for record in gate_records(row, self.row_gates)]
        super().delete_queryset(request, queryset)
        records_touch(records)


class ApprovedRowsInlineMixin:
    """The same guard for inline rows (mixed into a TabularInline)."""

    form = ApprovedRowsForm
    formset = ApprovedRowsFormSet
    row_gates: tuple[str, ...] = ()

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        for cls in (formset, formset.form):  # fresh classes per request
            cls.row_gates, cls.row_user = self.row_gates, request.user
        return formset
