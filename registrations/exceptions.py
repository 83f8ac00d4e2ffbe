"""Every refusal of the registration services, in one place: each carries the message the
registrant or the organiser is shown, in their language."""

from django.utils.translation import gettext_lazy as _

from .models import Registration, RegistrationStatus


class RegistrationError(Exception):
    """A refusal the registrant or organiser is told about in their language."""

    message = _("This registration cannot be changed.")

    def __init__(self, message=None):
        super().__init__()
        if message is not None:
            self.message = message

    def __str__(self):
        return str(self.message)


class RegistrationClosed(RegistrationError):
    message = _("Registration for this event is closed.")


class EventFull(RegistrationError):
    message = _("This event is full and has no waiting list.")


class AlreadyRegistered(RegistrationError):
    message = _("This e-mail address is already registered for this event.")


class AlreadyCancelled(RegistrationError):
    message = _("This registration is already cancelled.")


class AlreadyCheckedIn(RegistrationError):
    message = _("This person has already been checked in.")


class EventOver(RegistrationError):
    message = _("This event is over: its registrations can no longer change.")


class NotOnWaitingList(RegistrationError):
    message = _("Only registrations on the waiting list can be promoted.")


class UnknownReference(RegistrationError):
    message = _("No registration has this reference.")


class PersonalDataPurged(RegistrationError):
    message = _("This registration's personal data has been purged.")


class EmailNoLongerApplies(RegistrationError):
    message = _("This e-mail no longer matches the registration's status.")


class CheckInRefused(RegistrationError):
    def __init__(self, registration: Registration):
        super().__init__()
        self.registration = registration
        if registration.status == RegistrationStatus.WAITING:
            self.message = _("This person is on the waiting list and has no seat.")
        else:
            self.message = _("This registration was cancelled.")


class WrongEvent(RegistrationError):
    def __init__(self, registration: Registration):
        super().__init__()
        self.registration = registration
        self.message = _("This reference belongs to another event: %(event)s") % {
            "event": registration.event.title
        }


class BadToken(RegistrationError):
    message = _("This link is not valid. Please use the link from your e-mail exactly as sent.")


class ExpiredToken(RegistrationError):
    message = _("This link has expired. Ask the organisers to send your e-mail again.")
