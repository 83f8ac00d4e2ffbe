from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    """Sign-ups for events that open registration; no public page shows them, so their
    writes leave the page cache alone (no `public_content`)."""

    name = "registrations"
    verbose_name = _("Registrations")
    role_permissions = {
        "Registration managers": (
            "registrations.view_registration",
            "registrations.change_registration",
            "registrations.export_registration",
            "registrations.checkin_registration",
            # The registration list filters and links by event.
            "events.view_event",
        )
    }

    def ready(self):
        from editorial.merge import merge_moves_register
        from events.models import Event

        from .merge import RegistrationMove

        merge_moves_register(Event, RegistrationMove())
