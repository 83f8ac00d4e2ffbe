"""The registrant's e-mails, rendered per registrant with Django's templates in their language:
text and HTML, the QR code of their reference inline (PNG from segno) and the event's .ics."""

import io
from email.mime.image import MIMEImage

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.arabic import strip_bidi
from events.formatting import event_dates_display, event_place_display
from events.ics import event_ical

from .formatting import reference_qr
from .models import Registration, RegistrationEmail, RegistrationStatus
from .services.links import registration_link
from .services.purge import PURGED_EMAIL_DOMAIN

SUBJECTS = {
    RegistrationEmail.CONFIRMED: _("Registration confirmed: %(event)s"),
    RegistrationEmail.WAITING: _("Waiting list, position %(position)s: %(event)s"),
    RegistrationEmail.PROMOTED: _("A seat is now yours: %(event)s"),
    RegistrationEmail.CANCELLED: _("Registration cancelled: %(event)s"),
}
# The messages that give a seat carry the ticket: the QR code and the calendar entry.
WITH_TICKET = {RegistrationEmail.CONFIRMED, RegistrationEmail.PROMOTED}


def reference_qr_png(reference: str, *, scale: int = 6, border: int = 4) -> bytes:
    buffer = io.BytesIO()
    reference_qr(reference).save(buffer, kind="png", scale=scale, border=border)
    return buffer.getvalue()


def registration_email_message(
    registration: Registration, *, kind: str, site_url: str
) -> EmailMultiAlternatives:
    """The message of one kind in the registrant's language (not the request's)."""
    language = registration.language
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    event = registration.event
    ticket = kind in WITH_TICKET
    qr_cid = f"qr-{registration.reference.lower()}" if ticket else ""
    with translation.override(language):
        context = {
            "registration": registration,
            "event": event,
            "kind": kind,
            "language": language,
            "direction": "rtl" if translation.get_language_bidi() else "ltr",
            "dates": event_dates_display(event, language),
            "place": event_place_display(event),
            "event_url": site_url.rstrip("/") + event.get_absolute_url(),
            "personal_link": registration_link(registration, site_url=site_url),
            "qr_cid": qr_cid,
        }
        text = render_to_string(f"registrations/emails/registration_{kind}.txt", context)
        html = render_to_string(f"registrations/emails/registration_{kind}.html", context)
        subject = str(SUBJECTS[kind]) % {
            "event": strip_bidi(event.title),
            "position": registration.waiting_position,
        }
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=text,
            to=[registration.email],
            headers={"Content-Language": language},
        )
        message.attach_alternative(html, "text/html")
        if ticket:
            image = MIMEImage(reference_qr_png(registration.reference), "png")
            image.add_header("Content-ID", f"<{qr_cid}>")
            image.add_header("Content-Disposition", "inline", filename=f"{qr_cid}.png")
            message.attach(image)
            if event.start_date:  # an undated event has no valid calendar entry
                url = site_url.rstrip("/") + event.get_absolute_url()
                message.attach(f"{event.slug}.ics", event_ical(event, url=url), "text/calendar")
    return message


def email_applies(registration: Registration, kind: str) -> bool:
    """Whether a message still tells the truth when it is sent: a seat confirmation is not sent
    once the registration is cancelled, nor a waiting-list notice once it has a seat, nor
    anything to an address purged under law 09-08."""
    if registration.email.endswith("@" + PURGED_EMAIL_DOMAIN):
        return False
    if kind == RegistrationEmail.WAITING:
        return registration.status == RegistrationStatus.WAITING
    if kind == RegistrationEmail.CANCELLED:
        return registration.status == RegistrationStatus.CANCELLED
    return registration.status in (RegistrationStatus.CONFIRMED, RegistrationStatus.ATTENDED)
