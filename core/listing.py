"""Helpers the public list views of every app share: pagination with clear 404s and the
active filters a visitor can remove."""

from django.core.paginator import Paginator
from django.http import Http404
from django.utils.translation import gettext as _

from .templatetags.portal_tags import day


def paginate(request, queryset, per_page: int):
    """The requested page of `queryset`; a clear 404 for a page that is not a number or
    lies past the end (one COUNT query)."""
    raw = request.GET.get("page", "1")
    try:
        number = int(raw)
    except ValueError:
        raise Http404(_("“%(page)s” is not a page number.") % {"page": raw[:20]}) from None
    paginator = Paginator(queryset, per_page)
    if number < 1:
        raise Http404(_("Pages are numbered from 1."))
    if number > 1 and number > paginator.num_pages:
        raise Http404(
            _("There is no page %(page)s: this list has %(count)s page(s).")
            % {"page": number, "count": paginator.num_pages}
        )
    return paginator.page(number)


def active_filters(request, filterset) -> list[dict]:
    """The applied filters as removable chips: label, value, and the URL without it."""
    chips = []
    data = filterset.form.cleaned_data
    for name, form_field in filterset.form.fields.items():
        value = data.get(name)
        if value in (None, "", []):
            continue
        if hasattr(form_field, "choices") and not hasattr(value, "pk"):
            value = dict(form_field.choices).get(value, value)
        elif hasattr(value, "isoformat"):
            value = day(value)
        params = request.GET.copy()
        params.pop(name, None)
        params.pop("page", None)
        query = params.urlencode()
        chips.append(
            {
                "name": name,
                "label": form_field.label,
                "value": str(value),
                "remove_url": f"{request.path}?{query}" if query else request.path,
            }
        )
    return chips


def filtered_page(
    request, filterset_class, queryset, per_page: int, pager=paginate
) -> tuple[dict, int]:
    """The context of a filtered public list and its status: the requested page of the
    filtered `queryset` (cut by `pager`, a function like paginate) with removable chips, or
    400 and nothing listed when a filter is invalid (the form shows why)."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    status, chips = 200, []
    if filterset.is_bound and not filterset.is_valid():
        status, queryset = 400, queryset.none()
    else:
        queryset = filterset.qs
        if filterset.is_bound:
            chips = active_filters(request, filterset)
    context = {
        "filter": filterset,
        "form": filterset.form,
        "page_obj": pager(request, queryset, per_page),
        "active_filters": chips,
        "invalid": status == 400,
    }
    return context, status
