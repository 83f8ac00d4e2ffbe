"""Registration pages: the public form and its outcome, the personal link and its
cancellation, the door check-in.

Thin views: every write goes through registrations.services, which locks and counts. A
successful POST answers with a redirect (303), so a refresh never posts again.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.decorators import login_required, permission_required
from django.core.cache import cache
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from core.cache import content_version
from core.http import client_ip
from core.ratelimit import sign_up_limited
from editorial.replacements import replacement_redirect
from events.formatting import event_place_display
from events.models import Event

from . import exceptions, formatting
from .forms import CheckInForm, CheckInLookupForm, RegistrationForm
from .models import Registration, RegistrationStatus
from .services.check_in import registration_check_in, registrations_lookup
from .services.links import (
    duplicate_outcome_email,
    duplicate_outcome_token,
    registration_from_token,
    registration_token,
)
from .services.seats import (
    ACTIVE,
    event_is_full,
    event_is_over,
    registration_cancel,
    registration_create,
)


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


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


class HttpResponseSeeOther(HttpResponseRedirect):
    """After a POST: the browser follows with a GET, and a refresh repeats only that GET."""

    status_code = 303


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
    if sign_up_limited("registration", "ip", client_ip(request)):
        form.add_error(None, RATE_LIMITED)
        return _form_page(request, event, _seat_state(event), form=form, status=429)
    if not form.is_valid():
        return _form_page(request, event, _seat_state(event), form=form)
    data = form.cleaned_data
    if sign_up_limited("registration", "email", data["email"].lower()):
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
        return _outcome(request, event, "closed")  # nothing was written: a re-post is harmless
    except exceptions.EventFull:
        return _outcome(request, event, "full")
    except exceptions.AlreadyRegistered:
        token = duplicate_outcome_token(event_id=event.pk, email=data["email"])
        return HttpResponseSeeOther(_outcome_url(event, duplicate=token))
    return HttpResponseSeeOther(_outcome_url(event, token=registration_token(registration)))


def _query(**values: str) -> str:
    """Signed values keep their ":" unescaped, as in the e-mailed link: the log filter
    (portal.logging) recognises and masks them in any message that quotes an address."""
    return urlencode(values, safe=":")


def _outcome_url(event: Event, **query: str) -> str:
    return f"{reverse('registrations:outcome', args=[event.slug])}?{_query(**query)}"


def _personal_url(token: str, **query: str) -> str:
    """The personal page in the current page's language (the e-mailed link uses the
    registrant's)."""
    return f"{reverse('registrations:registration')}?{_query(token=token, **query)}"


def _calendar_url(event: Event) -> str:
    """The event's own .ics (events:calendar), which exists for a public, dated event only."""
    if event.start_date and event.is_public:
        return reverse("events:calendar", args=[event.slug])
    return ""


def _invalid_link(request, error: exceptions.RegistrationError) -> HttpResponse:
    return render(
        request,
        "registrations/link_invalid.html",
        {"message": error.message, "expired": isinstance(error, exceptions.ExpiredToken)},
        status=400,
    )


@never_cache
def outcome(request: HttpRequest, slug: str) -> HttpResponse:
    """Where a sign-up lands: confirmed or waiting (addressed by the registration's personal
    token, so it shows only the registrant's own registration) or already registered (a
    short-lived signed copy of the address the visitor typed)."""
    if "duplicate" in request.GET:
        event = _public_event(slug)
        try:
            email = duplicate_outcome_email(request.GET["duplicate"], event_id=event.pk)
        except exceptions.RegistrationError:
            # Expired or altered: nothing to show back; the form is where to go.
            return redirect("registrations:register", slug=event.slug)
        return _outcome(request, event, "duplicate", email=email)
    token = request.GET.get("token", "")
    try:
        registration = registration_from_token(token)
    except (exceptions.BadToken, exceptions.ExpiredToken) as error:
        return _invalid_link(request, error)
    event = registration.event
    if registration.status == RegistrationStatus.CANCELLED:
        return redirect(_personal_url(token))
    if event.slug != slug:  # merged into another event, or a hand-edited address
        return redirect(_outcome_url(event, token=token))
    # Checked in since is still a seat.
    waiting = registration.status == RegistrationStatus.WAITING
    return _outcome(
        request,
        event,
        "waiting" if waiting else "confirmed",
        registration=registration,
        personal_url=_personal_url(token),
        calendar_url=_calendar_url(event),
    )


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


def _can_cancel(registration: Registration) -> bool:
    return registration.status in (
        RegistrationStatus.CONFIRMED,
        RegistrationStatus.WAITING,
    ) and not event_is_over(registration.event)


@never_cache
def manage(request: HttpRequest) -> HttpResponse:
    """The personal page behind the e-mailed link: see the registration, add the event to a
    calendar, go on to cancel it."""
    token = request.GET.get("token", "")
    try:
        registration = registration_from_token(token)
    except (exceptions.BadToken, exceptions.ExpiredToken) as error:
        return _invalid_link(request, error)
    context = {
        **_event_context(registration.event),
        "registration": registration,
        "just_cancelled": registration.status == RegistrationStatus.CANCELLED
        and "cancelled" in request.GET,
    }
    if registration.status in ACTIVE:
        context["qr_svg"] = formatting.reference_qr(registration.reference).svg_inline(
            scale=5, title=registration.reference
        )
    if registration.status != RegistrationStatus.CANCELLED:
        context["calendar_url"] = _calendar_url(registration.event)
    if _can_cancel(registration):
        context["cancel_url"] = f"{reverse('registrations:cancel')}?{_query(token=token)}"
    return render(request, "registrations/manage.html", context)


@never_cache
def cancel(request: HttpRequest) -> HttpResponse:
    """The personal link's second step: GET asks "are you sure?", POST cancels (the service
    queues the cancellation e-mail and gives the seat to the waiting list) and goes back to
    the personal page."""
    token = request.GET.get("token", "")
    try:
        registration = registration_from_token(token)
    except (exceptions.BadToken, exceptions.ExpiredToken) as error:
        return _invalid_link(request, error)
    if registration.status == RegistrationStatus.CANCELLED:
        return redirect(_personal_url(token))
    context = {
        **_event_context(registration.event),
        "registration": registration,
        "personal_url": _personal_url(token),
    }
    if request.method == "POST":
        try:
            registration_cancel(registration=registration, site_url=_site_url(request))
        except exceptions.RegistrationError as error:
            context["error"] = error.message
            return render(request, "registrations/cancel.html", context, status=409)
        return HttpResponseSeeOther(_personal_url(token, cancelled="1"))
    if not _can_cancel(registration):
        return redirect(_personal_url(token))
    return render(request, "registrations/cancel.html", context)


@never_cache
@login_required
@permission_required("registrations.checkin_registration", raise_exception=True)
def check_in(request: HttpRequest, slug: str) -> HttpResponse:
    """At the door: a reference code typed, or scanned (a scanner types it and presses Enter;
    the phone's camera fills it in and submits), or a registrant found by name or e-mail and
    checked in from the list with the same form."""
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
    # The lookup stays on screen after a check-in from its list (the form posts to ?q=...).
    lookup_form = CheckInLookupForm(request.GET if "q" in request.GET else None)
    if lookup_form.is_valid():
        context["lookup"] = registrations_lookup(event=event, query=lookup_form.cleaned_data["q"])
    context["lookup_form"] = lookup_form
    context.update(
        Registration.objects.filter(event=event).aggregate(
            attended=Count("pk", filter=Q(status=RegistrationStatus.ATTENDED)),
            expected=Count("pk", filter=Q(status__in=ACTIVE)),
        )
    )
    return render(request, "registrations/check_in.html", context)
