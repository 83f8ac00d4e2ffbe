"""Queue the alert digests that are due: run it from cron once a day for the daily digests and
once a week for the weekly ones (README, "E-mail alerts")."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts.models import Frequency
from alerts.services import digests_enqueue, subscriptions_purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Queue one digest task per confirmed subscription of that rhythm whose last digest is "
        "a period old (the task worker sends them, or nothing when nothing new was published), "
        "and delete the subscriptions never confirmed within ALERTS_CONFIRM_DAYS."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", required=True, choices=Frequency.values)

    def handle(self, *args, frequency, **options):
        if not settings.SITE_URL:
            raise CommandError(
                "SITE_URL is not set: the digests' links need the site's public address "
                "(e.g. SITE_URL=https://industry.example.ma)."
            )
        now = timezone.now()
        purged = subscriptions_purge_unconfirmed(now=now)
        queued = digests_enqueue(frequency=frequency, now=now)
        self.stdout.write(
            f"Queued {queued} {frequency} digest(s); deleted {purged} unconfirmed subscription(s)."
        )
