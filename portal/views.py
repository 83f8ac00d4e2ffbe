from functools import partial
from operator import getitem

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.cache import content_version
from core.search import QUERY_MAX_LENGTH
from editorial.models import public_q
from events.models import Agreement, Event
from organizations.models import Organization
from taxonomy.models import Region, Sector

from .search import search_all

HOME_UPCOMING = 8
HOME_RECENT = 8
HOME_UNDATED = 4
HOME_AGREEMENTS = 4
# The day is part of the key and a publish retires the blocks at once (content version);
# a scheduled go-live shows within five minutes, as the counts always did.
HOME_BLOCKS_SECONDS = 300


def _region_and_sector_counts() -> tuple[dict, dict]:
    """Public events per region and per sector: two full counts."""
    events = Event.objects.public()
    regions = dict(events.values_list("region_id").annotate(n=Count("pk")).order_by())
    sectors = dict(
        Sector.objects.annotate(n=Count("events", filter=public_q("events__")))
        .values_list("pk", "n")
        .order_by()
    )
    return regions, sectors


def _home_blocks() -> dict:
    """Everything the home page lists, in at most nine queries: upcoming events (dated, soonest
    first), recent ones, those the press gave no date for (apart: their articles may report
    them as held already), the latest agreements, the regions with their event counts and the
    map's shade, the sectors by count. The same in every language (records carry all their
    translations)."""
    events = Event.objects.public().select_related("commune", "region")
    upcoming = list(
        events.upcoming().order_by(Coalesce("start_date", "end_date"), "pk")[:HOME_UPCOMING]
    )
    recent = list(
        events.past().order_by(F("start_date").desc(nulls_last=True), "-pk")[:HOME_RECENT]
    )
    undated = list(events.undated().order_by("-published_at", "-pk")[:HOME_UNDATED])
    agreements = list(
        Agreement.objects.public()
        .prefetch_related(
            Prefetch("parties", queryset=Organization.objects.public().order_by("name"))
        )
        .order_by(F("signed_on").desc(nulls_last=True), "pk")[:HOME_AGREEMENTS]
    )
    region_counts, sector_counts = _region_and_sector_counts()
    regions = list(Region.objects.order_by("code"))
    top = max(region_counts.values(), default=0)
    for region in regions:
        region.event_count = n = region_counts.get(region.pk, 0)
        region.level = 1 + min(3, (3 * n) // top) if n else 0  # the map's shade, 0 to 4
    sectors = list(Sector.objects.all())
    for sector in sectors:
        sector.event_count = sector_counts.get(sector.pk, 0)
    sectors.sort(key=lambda sector: (-sector.event_count, sector.slug))
    return {
        "upcoming": upcoming,
        "recent": recent,
        "undated": undated,
        "agreements": agreements,
        "regions": regions,
        "sectors": sectors,
    }


def root(request):
    """`/`: the home page in the visitor's language (the language cookie, then the browser's
    Accept-Language), Arabic when neither names one of the site's, as LocaleMiddleware
    negotiates every other unprefixed path."""
    response = redirect(f"/{translation.get_language_from_request(request)}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def home(request):
    """The home page. What it lists costs full counts of the events per region and sector and
    scans of the upcoming and past ones: the records are kept in Django's cache once per
    content version and day (shared by the three languages), the rendered blocks once per
    language too (the template's {% cache %}); any publish or edit bumps the version
    (portal.cache), which retires both, as it does the page cache. So a render on a warm
    cache runs no query and no loop over the records."""
    today = timezone.localdate()
    version = content_version()

    def blocks() -> dict:
        found = cache.get_or_set(
            f"home:blocks:{version}:{today.isoformat()}",
            _home_blocks,
            HOME_BLOCKS_SECONDS,
        )
        list_url = reverse("events:list")
        for region in found["regions"]:
            region.list_url = f"{list_url}?region={region.slug}"
        found["events"] = found["upcoming"] + found["recent"] + found["undated"]
        found["map_regions"] = {r.slug.replace("-", "_"): r for r in found["regions"]}
        return found

    records = SimpleLazyObject(blocks)  # read only when the template's fragment is not cached
    names = [
        "upcoming",
        "recent",
        "undated",
        "events",
        "agreements",
        "regions",
        "map_regions",
        "sectors",
    ]
    context = {name: SimpleLazyObject(partial(getitem, records, name)) for name in names}
    context.update(
        {
            "blocks_key": f"{version}:{today.isoformat()}",
            "blocks_seconds": HOME_BLOCKS_SECONDS,
            "cards_version": version,  # templates/includes/event_cards.html
        }
    )
    return render(request, "portal/home.html", context)


def search(request):
    """Events, organisations, people and agreements matching ?q=, grouped and ranked."""
    query = request.GET.get("q", "").strip()
    status, error, groups = 200, "", []
    if len(query) > QUERY_MAX_LENGTH:
        status = 400
        error = _("The search is too long: use at most %(max)s characters.") % {
            "max": QUERY_MAX_LENGTH
        }
    elif "\x00" in query:
        status, error = 400, _("The search contains a character that is not allowed.")
    elif query:
        groups = search_all(query)
    context = {
        "query": query,
        "groups": groups,
        "total": sum(group.total for group in groups),
        "error": error,
    }
    return render(request, "portal/search.html", context, status=status)


def robots_txt(request):
    sitemap = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", f"Sitemap: {sitemap}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@never_cache
def healthz(request):
    """Liveness and readiness in one: the app answers and its database does too."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


def page_not_found(request, exception):
    """404 in the page's language, with the view's own message when it gave one."""
    message = exception.args[0] if exception and exception.args else ""
    context = {"message": message if isinstance(message, str) else ""}
    return HttpResponseNotFound(loader.render_to_string("404.html", context, request))
