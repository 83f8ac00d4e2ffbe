"""Preview: a signed, expiring link that shows a record exactly as its public page would,
with a "preview — not published" banner, to logged-in staff allowed to see the record.

The link carries "app_label.model:pk" signed with a TimestampSigner (own salt), so it cannot
be forged or pointed at another record, and it expires (EDITORIAL_PREVIEW_MAX_AGE seconds,
a day by default). The page is the public view itself (each PublishableAdmin names it in
`public_view`), subclassed to drop the public() filter and to set `preview` in the context.
"""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.db.models.sql.where import WhereNode
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from .models import Publishable, Status, previewable_q, public_q
from .transitions import can_see_unpublished, is_scheduled

SALT = "portal.preview"


def preview_max_age() -> int:
    return int(getattr(settings, "EDITORIAL_PREVIEW_MAX_AGE", 24 * 3600))


def preview_token(record) -> str:
    return TimestampSigner(salt=SALT).sign(f"{record._meta.label_lower}:{record.pk}")


def preview_url(record, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return reverse("preview", args=[preview_token(record)])


class RelatedVisibility:
    """Which related records a public detail page shows: the public ones. Its preview
    (PreviewMixin) shows the drafts too (editorial.models.previewable_q)."""

    visible_q = staticmethod(public_q)

    def visible(self, record: Publishable | None) -> bool:
        return record is not None and record.is_public


class PreviewMixin:
    """Turns a public DetailView into its preview: same template, the record whatever its
    state, and beside it the related drafts as well as the published records."""

    visible_q = staticmethod(previewable_q)

    def visible(self, record: Publishable | None) -> bool:
        return (
            record is not None
            and record.status != Status.ARCHIVED
            and record.replaced_by_id is None
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        # Keep the public view's select_related/prefetch/annotations; drop only its filters
        # (published, past publish_at): a preview shows the record whatever its state.
        queryset.query.where = WhereNode()
        return queryset

    def get_object(self, queryset=None):
        queryset = self.get_queryset() if queryset is None else queryset
        return queryset.get(pk=self.kwargs["record_pk"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        opts = record._meta
        if is_scheduled(record):
            when = formats.date_format(timezone.localtime(record.publish_at), "DATETIME_FORMAT")
            status = _("Scheduled for %(when)s") % {"when": when}
        else:
            status = record.get_status_display()
        context.update(
            preview=True,
            preview_is_public=record.is_public,
            preview_status=status,
            preview_admin_url=reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk]
            ),
        )
        return context


@cache
def _preview_view(public_view):
    return type(f"{public_view.__name__}Preview", (PreviewMixin, public_view), {}).as_view()


def _refuse(request, message, status):
    response = render(
        request, "editorial/preview_invalid.html", {"message": message}, status=status
    )
    add_never_cache_headers(response)
    return response


def view_on_site(request, content_type_id, object_id):
    """The admin's `/admin/r/<ct>/<id>/` shortcut (Django's, mounted in front of it), which
    hands any staff member the public address of any record: for a record visitors cannot
    see yet, only to those who may see drafts (the model's change or publish permission);
    to the others it does not exist, like a record that is not there."""
    try:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
    except ContentType.DoesNotExist:
        model = None
    if model is not None and issubclass(model, Publishable):
        try:
            record = model._default_manager.filter(pk=object_id).first()
        except (ValueError, ValidationError):
            record = None
        if record is None or not (record.is_public or can_see_unpublished(request.user, model)):
            raise Http404(_("This record does not exist."))
    return contenttype_views.shortcut(request, content_type_id, object_id)


def preview(request, token: str):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_active and request.user.is_staff):
        return _refuse(request, _("Previews are for the editorial team only."), 403)
    try:
        value = TimestampSigner(salt=SALT).unsign(token, max_age=preview_max_age())
    except SignatureExpired:
        return _refuse(
            request,
            _("This preview link has expired. Open the record in the admin for a new one."),
            403,
        )
    except BadSignature:
        return _refuse(request, _("This preview link is not valid."), 404)

    label, _sep, pk = value.rpartition(":")
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return _refuse(request, _("This kind of record has no public page."), 404)
    model_admin = admin.site._registry.get(model)
    public_view = getattr(model_admin, "public_view", None)
    if public_view is None:
        return _refuse(request, _("This kind of record has no public page."), 404)
    if not model_admin.has_view_permission(request):
        return _refuse(request, _("You are not allowed to see this record."), 403)
    record = model._default_manager.filter(pk=pk).first()
    if record is None:
        return _refuse(request, _("This record no longer exists."), 404)
    if not model_admin.has_view_permission(request, record):
        # View-only staff (registration managers) see public records only, not drafts.
        return _refuse(request, _("You are not allowed to see this record."), 403)

    response = _preview_view(public_view)(request, record_pk=pk)
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
