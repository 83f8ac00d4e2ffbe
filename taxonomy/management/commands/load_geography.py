from django.core.management.base import BaseCommand

from taxonomy.geography import geography_load


class Command(BaseCommand):
    help = "Load Morocco's regions, provinces and communes (HCP, offline) and the sectors."

    def handle(self, *args, **options):
        changes = geography_load()
        summary = ", ".join(f"{name}: {n}" for name, n in changes.items())
        self.stdout.write(self.style.SUCCESS(f"Geography and sectors loaded ({summary} changed)."))
