"""Registration pages: the public form and its outcome, the personal link, the door check-in.

Thin views: every write goes through events.registration.services, which locks and counts.
"""

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.cache import content_version
from core.http import client_ip
from core.ratelimit import rate_limit_hit as counter_hit
from editorial.replacements import replacement_redirect
from events.formatting import event_place_display
from events.models import Event

from . import exceptions, formatting
from .forms import CheckInForm, RegistrationForm
from .models import Registration, RegistrationStatus
from .services.check_in import registration_check_in
from .services.links import registration_from_token
from .services.seats import (
    ACTIVE,
    event_is_full,
    event_is_over,
    registration_cancel,
    registration_create,
)


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def rate_limit_hit(scope: str, value: str) -> bool:
    if not settings.REGISTRATION_RATE_LIMIT_ENABLED:
        return False
    limit = {
        "ip": settings.REGISTRATION_RATE_LIMIT_PER_IP,
        "email": settings.REGISTRATION_RATE_LIMIT_PER_EMAIL,
    }[scope]
    return counter_hit(
        f"registration-{scope}", value, limit=limit, window=settings.REGISTRATION_RATE_LIMIT_WINDOW
    )


RATE_LIMITED = _("Too many registration attempts. Please wait a while and try again.")


def _event_context(event: Event) -> dict:
    return {"event": event, "place": event_place_display(event)}


def _seat_state(event: Event) -> dict:
    full = event_is_full(event)
    return {"full": full, "waiting_only": full and event.waiting_list}


FORM_TEMPLATE = "registrations/form.html"


def _form_page(request, event: Event, seats: dict, *, form=None, status: int = 200):
    """The form, rendered for each request: it carries the visitor's own CSRF token."""
    context = {
        **_event_context(event),
        **seats,
        "form": form or RegistrationForm(),
        "retention_days": settings.REGISTRATION_RETENTION_DAYS,
    }
    return render(request, FORM_TEMPLATE, context, status=status)


def _public_event(slug: str) -> Event:
    """The public event with its city and region, kept in the shared cache for a minute under
    the content version: every save of an event (publish, unpublish, edit, capacity) bumps it,
    and only a public event is kept. Without the cache (Redis down) it is read every time. Seat
    accounting re-reads and locks the row whatever this holds."""
    key = f"registration:event:{content_version()}:{slug}"
    event = cache.get(key)
    if event is None:
        event = get_object_or_404(
            Event.objects.public().select_related("commune", "region"), slug=slug
        )
        cache.set(key, event, timeout=60)
    return event


@never_cache
def register(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        event = _public_event(slug)
    except Http404:
        # A merged event's form is the survivor's (a GET: a POST is not replayed elsewhere).
        moved = request.method == "GET" and replacement_redirect(
            Event,
            lambda survivor: reverse("registrations:register", args=[survivor.slug]),
            slug=slug,
        )
        if not moved:
            raise
        return moved
    if not event.registration_is_open:
        return _outcome(request, event, "closed")
    if request.method != "POST":
        seats = _seat_state(event)
        if seats["full"] and not seats["waiting_only"]:
            return _outcome(request, event, "full")
        return _form_page(request, event, seats)

    form = RegistrationForm(request.POST)
    if rate_limit_hit("ip", client_ip(request)):
        form.add_error(None, RATE_LIMITED)
        return _form_page(request, event, _seat_state(event), form=form, status=429)
    if not form.is_valid():
        return _form_page(request, event, _seat_state(event), form=form)
    data = form.cleaned_data
    if rate_limit_hit("email", data["email"].lower()):
        form.add_error(None, RATE_LIMITED)
        return _form_page(request, event, _seat_state(event), form=form, status=429)
    try:
        registration = registration_create(
            event=event,
            full_name=data["full_name"],
            email=data["email"],
            phone=data["phone"],
            organization_name=data["organization_name"],
            job_title=data["job_title"],
            language=data["language"],
            site_url=_site_url(request),
        )
    except exceptions.RegistrationClosed:
        return _outcome(request, event, "closed")
    except exceptions.EventFull:
        return _outcome(request, event, "full")
    except exceptions.AlreadyRegistered:
        return _outcome(request, event, "duplicate", email=data["email"])
    return _outcome(request, event, registration.status, registration=registration)


def _outcome(request, event, outcome: str, **extra) -> HttpResponse:
    """confirmed, waiting (a registration was made) or closed, full, duplicate (nothing was)."""
    context = {**_event_context(event), "outcome": outcome, **extra}
    if outcome == "closed":
        context["opens_later"] = (
            event.registration_opens is not None
            and timezone.now() < event.registration_opens
            and not event_is_over(event)
        )
    return render(request, "registrations/outcome.html", context)


@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    """The personal page behind the e-mailed link: see the registration, cancel it."""
    try:
        registration = registration_from_token(request.GET.get("token", ""))
    except (exceptions.BadToken, exceptions.ExpiredToken) as error:
        return render(
            request,
            "registrations/link_invalid.html",
            {"message": error.message, "expired": isinstance(error, exceptions.ExpiredToken)},
            status=400,
        )
    context = {**_event_context(registration.event), "registration": registration}
    if request.method == "POST" and request.POST.get("action") == "cancel":
        try:
            registration_cancel(registration=registration, site_url=_site_url(request))
            context["just_cancelled"] = True
        except exceptions.RegistrationError as error:
            context["error"] = error.message
        registration.refresh_from_db()
    if registration.status in ACTIVE:
        context["qr_svg"] = formatting.reference_qr(registration.reference).svg_inline(
            scale=5, title=registration.reference
        )
    context["can_cancel"] = registration.status in (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    ) and not event_is_over(registration.event)
    return render(request, "registrations/manage.html", context)


@never_cache
@login_required
@permission_required("registrations.checkin_registration", raise_exception=True)
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    """At the door: type or scan (a scanner types and presses Enter) a reference code."""
    event = get_object_or_404(Event, slug=slug)
    if event.replaced_by_id:
        # Its registrations moved to the event it was merged into.
        return redirect("registrations:check_in", slug=event.replaced_by.slug)
    context = {"event": event}
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = registration_check_in(reference=form.cleaned_data["reference"], event=event)
            context["result"] = result
        except exceptions.RegistrationError as error:
            context["error"] = error.message
            context["refused"] = getattr(error, "registration", None)
        form = CheckInForm()
    context["form"] = form
    context.update(
        Registration.objects.filter(event=event).aggregate(
            attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
            expected=Count("pk", filter=Q(status__in=ACTIVE)),
        )
    )
    return render(request, "registrations/check_in.html", context)
