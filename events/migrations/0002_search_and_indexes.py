"""Search columns on events and agreements (PostgreSQL only; core/search_sql.py), and two
indexes a model's Meta cannot declare:

- the lists' default order, latest start first with undated events last (PostgreSQL only:
  SQLite has no NULLS LAST in its indexes);
- the events–sectors table by sector, then event: the list filtered on a sector reads the
  sector's event ids from it alone (an index-only scan; bench/README.md). Django creates that
  table for Event.sectors and indexes it only through an explicit through model, which the
  admin would not edit as a many-to-many field. On PostgreSQL and SQLite.
"""

from django.db import migrations

from core.search_sql import drop_search_columns, run_on_postgresql, search_columns

DOC = "portal_search_doc(title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en)"
RECENT = """CREATE INDEX IF NOT EXISTS event_status_recent ON events_event
  (status, start_date DESC NULLS LAST, id DESC);"""


SECTORS = """CREATE INDEX IF NOT EXISTS event_sectors_sector_event
  ON events_event_sectors (sector_id, event_id);"""


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial"), ("core", "0001_search_functions")]
    operations = [
        run_on_postgresql(
            search_columns("events_event", DOC, "event")
            + search_columns("events_agreement", DOC, "agreement")
            + RECENT,
            drop_search_columns("events_event")
            + drop_search_columns("events_agreement")
            + "DROP INDEX IF EXISTS event_status_recent;",
        ),
        migrations.RunSQL(SECTORS, "DROP INDEX IF EXISTS event_sectors_sector_event;"),
    ]
