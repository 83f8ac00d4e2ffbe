from django.core.management.base import BaseCommand, CommandError

from extraction.demo import demo_load
from taxonomy.models import Region


class Command(BaseCommand):
    help = "Load the five seed articles and their facts as published records (idempotent)."

    def handle(self, *args, **options):
        if not Region.objects.exists():
            raise CommandError("Load the geography first: python manage.py load_geography")
        created = demo_load()
        summary = ", ".join(f"{name}: {n}" for name, n in created.items() if n) or "nothing new"
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded ({summary})."))
