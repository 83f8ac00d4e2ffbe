from django.core.management.base import BaseCommand

from editorial.transitions import scheduled_publish_due


class Command(BaseCommand):
    help = (
        "Mark approved records whose publish_at has come as published and log the go-live. "
        "Visibility does not wait for it (the public pages compare publish_at with now); "
        "run it from cron, e.g. every 5 minutes. Safe to run repeatedly and concurrently."
    )

    def handle(self, *args, **options):
        count = scheduled_publish_due()
        self.stdout.write(f"{count} scheduled record(s) went live.")
