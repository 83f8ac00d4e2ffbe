"""Generate N synthetic published events for benchmarks (bench/public_site.py).

Bulk inserts in batches with a progress bar: 100,000 events with their sectors take well
under two minutes on PostgreSQL. Slugs start with "synthetic-" so `--delete` removes them.
"""

import datetime
import random
import secrets

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm

from core.cache import content_version_bump
from editorial.models import Status
from events.models import Event, EventKind
from taxonomy.models import Commune, Sector

PREFIX = "synthetic-"
KIND_WORDS = {
    EventKind.FORUM: ("المنتدى الجهوي", "Forum régional", "Regional forum"),
    EventKind.CONFERENCE: ("المؤتمر الوطني", "Conférence nationale", "National conference"),
    EventKind.EXHIBITION: ("المعرض الدولي", "Salon international", "International fair"),
    EventKind.SIGNING: ("توقيع اتفاقية", "Signature d'une convention", "Agreement signing"),
    EventKind.GENERAL_ASSEMBLY: ("الجمع العام", "Assemblée générale", "General assembly"),
    EventKind.DELEGATION: ("زيارة وفد", "Visite d'une délégation", "Business delegation"),
    EventKind.WORKSHOP: ("ورشة عمل", "Atelier", "Workshop"),
    EventKind.OTHER: ("لقاء", "Rencontre", "Meeting"),
}


class Command(BaseCommand):
    help = "Create N synthetic published events (bulk inserts, with a progress bar)."

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, nargs="?", default=1000)
        parser.add_argument("--batch-size", type=int, default=5000)
        parser.add_argument("--seed", type=int, default=2024)
        parser.add_argument("--delete", action="store_true", help="remove synthetic events")

    def handle(self, *args, count, batch_size, seed, delete, **options):
        if delete:
            deleted, _ = Event.objects.filter(slug__startswith=PREFIX).delete()
            content_version_bump()
            self.stdout.write(f"Deleted {deleted} rows.")
            return
        if count < 1:
            raise CommandError("Give a positive number of events.")
        communes = list(
            Commune.objects.filter(is_urban=True).values_list(
                "pk", "region_id", "name_ar", "name_fr"
            )
        )
        sectors = list(Sector.objects.values_list("pk", "name_ar", "name_fr", "name_en"))
        if not communes or not sectors:
            raise CommandError("Load the geography first: manage.py load_geography")
        rng = random.Random(seed)
        run = secrets.token_hex(3)
        today = timezone.localdate()
        now = timezone.now()
        through = Event.sectors.through
        kinds = list(KIND_WORDS)
        with tqdm(total=count, unit="event", disable=options["verbosity"] == 0) as progress:
            for first in range(0, count, batch_size):
                size = min(batch_size, count - first)
                events, picked = [], []
                for n in range(first, first + size):
                    commune_id, region_id, city_ar, city_fr = rng.choice(communes)
                    kind = rng.choice(kinds)
                    ar, fr, en = KIND_WORDS[kind]
                    chosen = rng.sample(sectors, rng.choice((1, 1, 2)))
                    _pk, sector_ar, sector_fr, sector_en = chosen[0]
                    start = today + datetime.timedelta(days=rng.randint(-1100, 400))
                    title_ar = f"{ar} {sector_ar} ب{city_ar} {n + 1}"
                    events.append(
                        Event(
                            slug=f"{PREFIX}{run}-{n + 1}",
                            kind=kind,
                            edition=rng.choice((None, 1, 2, 3, 5, 10)),
                            title=title_ar,
                            title_ar=title_ar,
                            title_fr=f"{fr} : {sector_fr} à {city_fr} {n + 1}",
                            title_en=f"{en}: {sector_en} in {city_fr} {n + 1}",
                            summary=f"{ar} حول {sector_ar} في {city_ar}.",
                            summary_ar=f"{ar} حول {sector_ar} في {city_ar}.",
                            start_date=start,
                            end_date=start + datetime.timedelta(days=rng.choice((0, 0, 1, 2))),
                            commune_id=commune_id,
                            region_id=region_id,
                            status=Status.PUBLISHED,
                            published_at=now,
                        )
                    )
                    picked.append([pk for pk, *_names in chosen])
                with transaction.atomic():
                    Event.objects.bulk_create(events, batch_size=batch_size)
                    through.objects.bulk_create(
                        [
                            through(event_id=event.pk, sector_id=sector_id)
                            for event, ids in zip(events, picked, strict=True)
                            for sector_id in ids
                        ],
                        batch_size=batch_size * 2,
                    )
                progress.update(size)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # fresh statistics for the planner
                cursor.execute("ANALYZE events_event, events_event_sectors")
        content_version_bump()
        self.stdout.write(f"Created {count} events (slugs {PREFIX}{run}-1…{count}).")
