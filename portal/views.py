from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Count, F, Prefetch
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseNotFound, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from events.models import Agreement, Event
from organizations.models import Organization

from .cache import content_version
from .models import Region, Sector
from .public import public_q
from .search import QUERY_MAX_LENGTH, search_all

HOME_UPCOMING = 8
HOME_RECENT = 8
HOME_AGREEMENTS = 4


def _region_and_sector_counts() -> tuple[dict, dict]:
    """Public events per region and per sector: two full counts, cached under the content
    version so the three languages' home pages (and every re-render) share them."""

    def count():
        events = Event.objects.public()
        regions = dict(events.values_list("region_id").annotate(n=Count("pk")).order_by())
        sectors = dict(
            Sector.objects.annotate(n=Count("events", filter=public_q("events__")))
            .values_list("pk", "n")
            .order_by()
        )
        return regions, sectors

    return cache.get_or_set(f"home:counts:{content_version()}", count, 300)


def home(request):
    """Upcoming events first (dated ones soonest first, then those whose date is not
    announced), then recent ones; latest agreements; the regions' map with their event
    counts; sectors to browse. At most nine queries whatever the data."""
    today = timezone.localdate()
    events = Event.objects.public().select_related("commune", "region")
    dated = events.alias(last_day=Coalesce("end_date", "start_date"))
    upcoming = list(
        dated.filter(last_day__gte=today).order_by(Coalesce("start_date", "end_date"), "pk")[
            :HOME_UPCOMING
        ]
    )
    if len(upcoming) < HOME_UPCOMING:
        undated = events.filter(start_date__isnull=True, end_date__isnull=True)
        upcoming += list(undated.order_by("-published_at", "-pk")[: HOME_UPCOMING - len(upcoming)])
    recent = list(
        dated.filter(last_day__lt=today).order_by(F("start_date").desc(nulls_last=True), "-pk")[
            :HOME_RECENT
        ]
    )
    agreements = (
        Agreement.objects.public()
        .prefetch_related(
            Prefetch("parties", queryset=Organization.objects.public().order_by("name"))
        )
        .order_by(F("signed_on").desc(nulls_last=True), "pk")[:HOME_AGREEMENTS]
    )
    region_counts, sector_counts = _region_and_sector_counts()
    list_url = reverse("events:list")
    regions = list(Region.objects.order_by("code"))
    top = max(region_counts.values(), default=0)
    for region in regions:
        region.event_count = n = region_counts.get(region.pk, 0)
        region.list_url = f"{list_url}?region={region.slug}"
        region.level = 1 + min(3, (3 * n) // top) if n else 0  # the map's shade, 0 to 4
    sectors = list(Sector.objects.all())
    for sector in sectors:
        sector.event_count = sector_counts.get(sector.pk, 0)
    sectors.sort(key=lambda sector: (-sector.event_count, sector.slug))
    context = {
        "upcoming": upcoming,
        "recent": recent,
        "events": upcoming + recent,
        "agreements": agreements,
        "regions": regions,
        "map_regions": {region.slug.replace("-", "_"): region for region in regions},
        "sectors": sectors,
    }
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
