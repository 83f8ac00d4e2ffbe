"""A registrant's seat or place on the waiting list, and the e-mails they are sent."""

import secrets

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from events.models import Event


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
    ATTENDED = "attended", _("Attended")


class RegistrationEmail(models.TextChoices):
    """The messages a registrant is sent."""

    CONFIRMED = "confirmed", _("Seat confirmation")
    WAITING = "waiting", _("Waiting list notice")
    PROMOTED = "promoted", _("Seat given from the waiting list")
    CANCELLED = "cancelled", _("Cancellation notice")


def new_reference() -> str:
    """Eight characters without look-alikes (0/O, 1/I), easy to read out at the door."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(8))


class Registration(models.Model):
    event = models.ForeignKey(
        Event, models.PROTECT, related_name="registrations", verbose_name=_("event")
    )
    reference = models.CharField(
        _("reference"), max_length=12, unique=True, default=new_reference, editable=False
    )
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    waiting_position = models.PositiveIntegerField(
        _("waiting list position"), null=True, blank=True
    )
    full_name = models.CharField(_("full name"), max_length=150)
    email = models.EmailField(_("e-mail"), max_length=254)
    phone = models.CharField(_("phone"), max_length=20, blank=True)
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    language = models.CharField(_("language of correspondence"), max_length=2, default="ar")
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        permissions = [
            ("export_registration", _("Can export registrations")),
            ("checkin_registration", _("Can check registrants in at the door")),
        ]
        indexes = [
            models.Index(fields=["event", "status"], name="registration_event_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status=RegistrationStatus.CANCELLED),
                name="registration_one_active_per_email",
                violation_error_message=_("This e-mail address is already registered."),
            ),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
        ]

    def __str__(self):
        return f"{self.reference} — {self.event}"


class OutgoingEmailStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")
    SUPERSEDED = "superseded", _("Not sent: no longer applies")


class OutgoingEmail(models.Model):
    """One message owed to a registrant: written in the transaction of the change that calls
    for it, sent by a background task (events.registration.tasks), its attempts and last
    error kept for the admin, where it can be sent again."""

    registration = models.ForeignKey(
        Registration, models.CASCADE, related_name="emails", verbose_name=_("registration")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=RegistrationEmail.choices)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=OutgoingEmailStatus.choices,
        default=OutgoingEmailStatus.QUEUED,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # Links in the message start with the address the change was made on.
    site_url = models.CharField(_("site address"), max_length=200)
    created_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("registration e-mail")
        verbose_name_plural = _("registration e-mails")
        indexes = [
            models.Index(fields=["status", "created_at"], name="outgoing_email_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=RegistrationEmail.values), name="outgoing_email_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=OutgoingEmailStatus.values),
                name="outgoing_email_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} — {self.registration.reference}"
