"""The mail worker: sends the registration e-mails queued by the seat services."""

import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, close_old_connections

from events.services import MailServerUnreachable, registration_emails_send_queued

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Send the queued registration e-mails (confirmations, waiting list, promotions), in "
        "batches, until stopped; with --once, until the queue is empty. Several workers can run "
        "side by side. Used with REGISTRATION_EMAIL_WORKER=1."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="stop when the queue is empty")
        parser.add_argument("--batch", type=int, default=20, help="messages per batch")
        parser.add_argument(
            "--interval", type=float, default=1.0, help="seconds to wait when the queue is empty"
        )
        parser.add_argument(
            "--site-url",
            default=settings.SITE_URL,
            help="the public address links in e-mails start with (default: SITE_URL)",
        )

    def handle(self, *args, once, batch, interval, site_url, **options):
        if not site_url.startswith(("http://", "https://")):
            raise CommandError("Set SITE_URL (or --site-url) to the site's public address.")
        if batch < 1 or interval < 0:
            raise CommandError("--batch must be at least 1 and --interval zero or more.")
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        sent = unreachable = 0
        while not self.stopping:
            try:
                handled = registration_emails_send_queued(site_url=site_url, limit=batch)
                unreachable = 0
            except MailServerUnreachable as error:
                if once:
                    raise CommandError(f"The mail server cannot be reached: {error}") from error
                # The batch stays queued; wait longer each time, up to a minute.
                unreachable += 1
                time.sleep(min(60.0, max(interval, 1.0) * 2 ** min(unreachable, 6)))
                continue
            except DatabaseError:
                if once:
                    raise
                logger.exception("The mail worker cannot reach the database; retrying")
                handled = 0
            sent += handled
            if handled:
                continue
            if once:
                break
            close_old_connections()  # while idle, as between requests: a broken one is dropped
            time.sleep(interval)
        self.stdout.write(f"Handled {sent} queued e-mail(s).")

    def stop(self, signum, frame):
        """Finish the current batch, then leave: its rows stay locked until written."""
        self.stopping = True
