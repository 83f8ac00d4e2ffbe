"""Indexes for the public lists on PostgreSQL: "upcoming" and "past" are written on the
event's last day, COALESCE(end_date, start_date) (events/filters.py, portal/views.py), and the
default order is the latest start first, undated events last."""

from django.db import migrations

INDEXES = """
CREATE INDEX IF NOT EXISTS event_status_last_day ON events_event
  (status, (COALESCE(end_date, start_date)));
CREATE INDEX IF NOT EXISTS event_region_last_day ON events_event
  (region_id, (COALESCE(end_date, start_date)));
CREATE INDEX IF NOT EXISTS event_status_recent ON events_event
  (status, start_date DESC NULLS LAST, id DESC);
"""

DROP = """
DROP INDEX IF EXISTS event_status_last_day;
DROP INDEX IF EXISTS event_region_last_day;
DROP INDEX IF EXISTS event_status_recent;
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEXES)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("events", "0003_public_search")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
