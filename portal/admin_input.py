"""The admin site's guard against query strings its stock views cannot survive.

Django's admin answers 500 to a few inputs a staff member can type or paste: a NUL byte
(PostgreSQL text cannot hold one: `DataError`), a date part beyond what Python's dates hold
(`?start_date__year=99999999999`: `OverflowError`), a filter value its field cannot turn into
SQL (`?ip_address=0`: `ValueError`) or the column's type refuses (`DataError`) and an
autocomplete on a reverse relation (`AttributeError`). The site checks the query string
before every admin view runs, runs the views that search and filter by it inside a savepoint
(a refused value leaves the connection usable) and answers a clear 400 in the desk's
language instead, for every model at once.
"""

import functools

from django.apps import apps
from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.core.exceptions import FieldDoesNotExist
from django.db import DataError, transaction
from django.db.models.fields.related import RelatedField
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

# Date transforms of list-filter lookups and the range a value of each may take; beyond it
# Python's date arithmetic (the date hierarchy, the `__year` lookup's bounds) overflows.
DATE_PART_RANGES = {
    "year": (1, 9999),
    "iso_year": (1, 9999),
    "quarter": (1, 4),
    "month": (1, 12),
    "week": (1, 53),
    "day": (1, 31),
    "week_day": (1, 7),
    "iso_week_day": (1, 7),
    "hour": (0, 23),
    "minute": (0, 59),
    "second": (0, 59),
}
# The views that filter or search by their query string, and what Django or the database
# raises when a value there does not fit the field (Django's own ChangeList turns such errors
# into IncorrectLookupParameters when they happen early, but SQL is compiled later).
QUERY_VIEWS = frozenset({"changelist_view", "autocomplete_view"})
QUERY_VALUE_ERRORS = (DataError, OverflowError, ValueError)


def query_problem(query) -> str:
    """What makes this query string unusable (a sentence for the user), or ''."""
    for key, values in query.lists():
        if "\x00" in key or any("\x00" in value for value in values):
            return _(
                "The address contains a NUL character, which no record can contain. "
                "Remove it and try again."
            )
        part = key.rpartition("__")[2]
        if part not in DATE_PART_RANGES:
            continue
        low, high = DATE_PART_RANGES[part]
        for value in values:
            try:
                number = int(value)
            except ValueError:
                continue  # not a number: the admin's own checks refuse it
            if not low <= number <= high:
                return _(
                    "The filter “%(parameter)s” must be between %(low)s and %(high)s, "
                    "not %(value)s."
                ) % {"parameter": key, "low": low, "high": high, "value": value[:20]}
    return ""


def autocomplete_problem(query) -> str:
    """Why the autocomplete cannot search from this field (a sentence for the user), or ''.

    Only a field that points to another model (a foreign key or many-to-many field) has
    choices to search; Django's view fails with AttributeError on a reverse relation."""
    try:
        model = apps.get_model(query.get("app_label", ""), query.get("model_name", ""))
        field = model._meta.get_field(query.get("field_name", ""))
    except (LookupError, ValueError, FieldDoesNotExist):
        return ""  # the stock view refuses an unknown model or field (403)
    if isinstance(field, RelatedField) and not field.auto_created:
        return ""
    return _("“%(field)s” does not point to another record: there is nothing to search.") % {
        "field": query.get("field_name", "")
    }


class PortalAdminSite(admin.AdminSite):
    """The stock admin site, with the query string checked before every view."""

    def bad_request(self, request, message: str):
        """JSON for the autocomplete widget's script, an admin page for a person."""
        if request.path == reverse("admin:autocomplete", current_app=self.name):
            return JsonResponse({"error": message}, status=400)
        context = {**self.each_context(request), "title": _("Bad request"), "message": message}
        return TemplateResponse(request, "admin/bad_request.html", context, status=400)

    def admin_view(self, view, cacheable=False):
        reads_query = getattr(view, "__name__", "") in QUERY_VIEWS

        @functools.wraps(view)
        def guarded(request, *args, **kwargs):
            problem = query_problem(request.GET)
            if problem:
                return self.bad_request(request, problem)
            if not (reads_query and request.method in ("GET", "HEAD")):
                return view(request, *args, **kwargs)
            try:
                with transaction.atomic():
                    return view(request, *args, **kwargs)
            except QUERY_VALUE_ERRORS:
                return self.bad_request(
                    request,
                    _(
                        "A value in the address does not fit the field it filters (a number, "
                        "a date or an IP address, for example). Change it and try again."
                    ),
                )

        # Inside the stock wrapper: the permission check stays first, strangers get the login.
        return super().admin_view(guarded, cacheable)

    def autocomplete_view(self, request):
        problem = autocomplete_problem(request.GET)
        if problem:
            return self.bad_request(request, problem)
        return super().autocomplete_view(request)


class PortalAdminConfig(AdminConfig):
    """django.contrib.admin with PortalAdminSite as `admin.site` (INSTALLED_APPS)."""

    default_site = "portal.admin_input.PortalAdminSite"
