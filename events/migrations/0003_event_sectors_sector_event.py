"""An index on the events–sectors table by sector, then event: the public list filtered on a
sector reads the sector's event ids from it alone (an index-only scan) instead of visiting
the table's rows (bench/README.md). The table is the one Django creates for Event.sectors,
which a model's Meta cannot index without an explicit through model (and the admin does not
edit a many-to-many field with one), hence plain SQL; the same on PostgreSQL and SQLite."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("events", "0002_public_search")]
    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS event_sectors_sector_event "
            "ON events_event_sectors (sector_id, event_id);",
            "DROP INDEX IF EXISTS event_sectors_sector_event;",
        )
    ]
