"""Anonymise registrants' personal data once their event is long over (law 09-08)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from registrations.services.purge import registrations_purge


class Command(BaseCommand):
    help = (
        "Anonymise the personal data of registrations to events that ended more than DAYS "
        "days ago (default: REGISTRATION_RETENTION_DAYS). Statuses and dates are kept, so "
        "every count stays right."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            metavar="DAYS",
            default=settings.REGISTRATION_RETENTION_DAYS,
            help="days since the event ended (default: %(default)s)",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 0:
            raise CommandError("--older-than must be zero or more days.")
        count = registrations_purge(older_than_days=older_than)
        self.stdout.write(
            f"Anonymised {count} registration(s) of events that ended more than "
            f"{older_than} day(s) ago."
        )
