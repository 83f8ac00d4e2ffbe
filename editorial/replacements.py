"""The addresses of merged records: they answer 301 to the survivor's, in every language.

A record merged into another keeps its slug; its detail page (and any page a view built on
it, e.g. an event's calendar.ics) finds no public record and asks here for the one that
replaced it, following chains (A merged into B, later B into C) to the record now shown.
"""

from django.http import Http404, HttpResponsePermanentRedirect

from .models import Publishable

# A chain longer than this is a loop made by hand in the database.
MAX_CHAIN = 20


def replacement_final(record: Publishable) -> Publishable | None:
    """The public record `record` was merged into, at the end of the chain, or None."""
    seen = {record.pk}
    current = record
    model = type(record)
    for _step in range(MAX_CHAIN):
        if current.replaced_by_id is None:
            return current if current is not record and current.is_public else None
        if current.replaced_by_id in seen:
            return None
        seen.add(current.replaced_by_id)
        current = model._default_manager.filter(pk=current.replaced_by_id).first()
        if current is None:
            return None
    return None


def replacement_redirect(model: type[Publishable], url_of=None, **lookup):
    """A 301 to the survivor of the merged record `lookup` finds (e.g. slug=…), or None.
    `url_of(survivor)` gives the address (its detail page by default)."""
    record = model._default_manager.filter(replaced_by__isnull=False, **lookup).first()
    if record is None:
        return None
    survivor = replacement_final(record)
    if survivor is None:
        return None
    url = url_of(survivor) if url_of else survivor.get_absolute_url()
    return HttpResponsePermanentRedirect(url) if url else None


class ReplacedRedirectMixin:
    """For a public DetailView: a slug that belongs to a merged record redirects (301) to
    the survivor's page in the same language instead of a 404."""

    def get(self, request, *args, **kwargs):
        try:
            return super().get(request, *args, **kwargs)
        except Http404:
            model = self.get_queryset().model
            slug = kwargs.get(self.slug_url_kwarg)
            response = replacement_redirect(model, slug=slug) if slug else None
            if response is None:
                raise
            return response
