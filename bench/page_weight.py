"""The weight of the public pages: HTML + CSS + JS, gzip-compressed, fonts excluded.

    DATABASE_URL=... .venv/bin/python bench/page_weight.py

Renders each page type with Django's test client on the database it is given (the demo
data is enough), compresses it as a server would (gzip -6) and adds the stylesheet; the site
has no JavaScript. The budget is 60 KB per page.
"""

import gzip
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 60 * 1024


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.test.utils import setup_test_environment

    from events.models import Agreement, Event
    from organizations.models import Organization, Person

    setup_test_environment()
    settings.STORAGES["staticfiles"] = {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
    }
    event = Event.objects.public().order_by("pk").first()
    pages = {
        "home": "/ar/",
        "events": "/ar/events/",
        "events (filtered)": "/ar/events/?region=rabat-sale-kenitra&when=past",
        "event": event.get_absolute_url(),
        "organisations": "/ar/organizations/",
        "organisation": Organization.objects.public().first().get_absolute_url(),
        "person": Person.objects.public().first().get_absolute_url(),
        "agreement": Agreement.objects.public().first().get_absolute_url(),
        "search": "/ar/search/?q=%D8%A7%D9%84%D9%83%D9%8A%D9%85%D9%8A%D8%A7%D8%A1",
    }
    css = (ROOT / "static" / "css" / "site.css").read_bytes()
    css_gz = len(gzip.compress(css, 6))
    print(f"site.css: {len(css) / 1024:.1f} KB, {css_gz / 1024:.1f} KB gzipped; JavaScript: none")
    print(f"{'page':<20} {'HTML':>9} {'gzipped':>9} {'+ CSS':>9}")
    worst = 0
    client = Client()
    for name, url in pages.items():
        html = client.get(url).content
        total = len(gzip.compress(html, 6)) + css_gz
        worst = max(worst, total)
        print(
            f"{name:<20} {len(html) / 1024:>7.1f}KB {len(gzip.compress(html, 6)) / 1024:>7.1f}KB"
            f" {total / 1024:>7.1f}KB"
        )
    print(f"heaviest page: {worst / 1024:.1f} KB of a {BUDGET // 1024} KB budget")
    sys.exit(0 if worst <= BUDGET else 1)


if __name__ == "__main__":
    main()
