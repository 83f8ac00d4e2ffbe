"""The subscriber's e-mails, in their language (not the request's), as text and HTML. Every
message carries the unsubscribe link, and the List-Unsubscribe headers (RFC 2369, and RFC 8058's
one-click POST) that mail clients show as an "Unsubscribe" button."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.arabic import strip_bidi
from core.templatetags.portal_tags import format_day
from events.formatting import event_dates_display, event_place_display
from events.models import Agreement, Event

from .links import confirm_link, unsubscribe_link
from .models import Frequency, Subscription
from .topics import topic_description


def _message(
    subscription: Subscription,
    *,
    template: str,
    subject: str,
    context: dict,
    language: str,
    site_url: str,
) -> EmailMultiAlternatives:
    one_click = unsubscribe_link(subscription, site_url=site_url, one_click=True)
    context = {
        **context,
        "language": language,
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "topic": topic_description(subscription),
        "topic_url": site_url.rstrip("/") + subscription.get_absolute_url(),
        "unsubscribe_url": unsubscribe_link(subscription, site_url=site_url),
    }
    message = EmailMultiAlternatives(
        subject=" ".join(strip_bidi(subject).split()),
        body=render_to_string(f"alerts/emails/{template}.txt", context),
        to=[subscription.email],
        headers={
            "Content-Language": language,
            "List-Unsubscribe": f"<{one_click}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    html = render_to_string(f"alerts/emails/{template}.html", context)
    message.attach_alternative(html, "text/html")
    return message


def confirmation_message(
    subscription: Subscription, *, frequency: str, language: str, site_url: str
) -> EmailMultiAlternatives:
    """The double opt-in: nothing is sent to the address until its owner follows this link."""
    with translation.override(language):
        context = {
            "confirm_url": confirm_link(
                subscription, frequency=frequency, language=language, site_url=site_url
            ),
            "frequency": Frequency(frequency).label,
        }
        subject = str(_("Confirm your e-mail alerts: %(topic)s")) % {
            "topic": topic_description(subscription)
        }
        return _message(
            subscription,
            template="confirm",
            subject=subject,
            context=context,
            language=language,
            site_url=site_url,
        )


def digest_message(
    subscription: Subscription,
    *,
    events: list[Event],
    agreements: list[Agreement],
    site_url: str,
) -> EmailMultiAlternatives:
    """What was published on the topic since the last digest, with absolute links."""
    language = subscription.language
    site = site_url.rstrip("/")
    with translation.override(language):
        context = {
            "events": [
                {
                    "title": event.title,
                    "url": site + event.get_absolute_url(),
                    "dates": event_dates_display(event, language),
                    "place": event_place_display(event),
                }
                for event in events
            ],
            "agreements": [
                {
                    "title": agreement.title,
                    "url": site + agreement.get_absolute_url(),
                    "signed_on": format_day(agreement.signed_on) if agreement.signed_on else "",
                }
                for agreement in agreements
            ],
            "frequency": subscription.get_frequency_display(),
        }
        subject = str(_("New on Industry Morocco: %(topic)s")) % {
            "topic": topic_description(subscription)
        }
        return _message(
            subscription,
            template="digest",
            subject=subject,
            context=context,
            language=language,
            site_url=site_url,
        )
