"""Alert pages: the sign-up form and its "check your mailbox" page, the confirmation and the
unsubscribe pages behind the e-mailed links, and the one-click endpoint mail clients post to.

The links only show a page on GET (mail scanners follow links); a button (POST) acts.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from core.http import client_ip
from core.ratelimit import sign_up_limited

from .forms import SubscriptionForm
from .links import ExpiredLink, LinkError, confirm_payload
from .models import Subscription
from .services import (
    subscription_confirm,
    subscription_for_unsubscribe,
    subscription_request,
    subscription_unsubscribe,
)
from .topics import InvalidTopic, topic_description, topic_from_query

RATE_LIMITED = _("Too many subscription attempts. Please wait a while and try again.")


@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    """The topic comes from the query string (the event list's filters, or an organisation);
    the form posts back to the same address."""
    try:
        topic = topic_from_query(request.GET)
    except InvalidTopic as error:
        return render(
            request, "alerts/subscribe.html", {"topic_errors": error.messages}, status=400
        )
    followed = Subscription(**topic.as_fields())  # unsaved: what the page describes
    context = {"topic_label": topic_description(followed), "topic_url": followed.get_absolute_url()}
    if request.method != "POST":
        return render(request, "alerts/subscribe.html", {**context, "form": SubscriptionForm()})

    form = SubscriptionForm(request.POST)
    context["form"] = form
    if sign_up_limited("alerts", "ip", client_ip(request)):
        form.add_error(None, RATE_LIMITED)
        return render(request, "alerts/subscribe.html", context, status=429)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", context, status=400)
    email = form.cleaned_data["email"]
    if sign_up_limited("alerts", "email", email.lower()):
        form.add_error(None, RATE_LIMITED)
        return render(request, "alerts/subscribe.html", context, status=429)
    subscription_request(
        email=email,
        topic=topic,
        frequency=form.cleaned_data["frequency"],
        language=get_language(),
        site_url=request.build_absolute_uri("/").rstrip("/"),
    )
    return redirect("alerts:sent")


def sent(request: HttpRequest) -> HttpResponse:
    """The same page whether the address was new, pending or already subscribed."""
    return render(request, "alerts/sent.html", {"confirm_days": settings.ALERTS_CONFIRM_DAYS})


def _link_invalid(request: HttpRequest, error: LinkError) -> HttpResponse:
    context = {"message": error.message, "expired": isinstance(error, ExpiredLink)}
    return render(request, "alerts/link_invalid.html", context, status=400)


@never_cache
def confirm(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("token", "")
    try:
        if request.method == "POST":
            subscription = subscription_confirm(token=token)
            context = {
                "subscription": subscription,
                "topic_label": topic_description(subscription),
                "confirmed": True,
            }
        else:
            confirm_payload(token)
            context = {}
    except LinkError as error:
        return _link_invalid(request, error)
    return render(request, "alerts/confirm.html", context)


@never_cache
def unsubscribe(request: HttpRequest) -> HttpResponse:
    token = request.GET.get("token", "")
    try:
        if request.method == "POST":
            subscription_unsubscribe(token=token)
            context = {"unsubscribed": True}
        else:
            subscription = subscription_for_unsubscribe(token=token)
            context = {
                "subscription": subscription,
                "topic_label": topic_description(subscription) if subscription else "",
            }
    except LinkError as error:
        return _link_invalid(request, error)
    return render(request, "alerts/unsubscribe.html", context)


@csrf_exempt  # RFC 8058: the mail client posts without a page, so without a CSRF token
@require_POST
def unsubscribe_one_click(request: HttpRequest) -> HttpResponse:
    """The List-Unsubscribe-Post endpoint: the signed token is the only credential needed."""
    try:
        subscription_unsubscribe(token=request.GET.get("token", ""))
    except LinkError as error:
        return HttpResponse(str(error.message), status=400, content_type="text/plain")
    return HttpResponse(str(_("You are unsubscribed.")), content_type="text/plain")
