from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from events.models import Event


def home(request):
    events = (
        Event.objects.public()
        .select_related("commune", "region")
        .order_by("-start_date", "pk")[:20]
    )
    return render(request, "portal/home.html", {"events": events})


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
