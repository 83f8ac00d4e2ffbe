"""Search columns on events and agreements (PostgreSQL only; core/search_sql.py), and the
index of the lists' default order, latest start first with undated events last, which
SQLite cannot declare (no NULLS LAST in its indexes)."""

from django.db import migrations

from core.search_sql import drop_search_columns, run_on_postgresql, search_columns

DOC = "portal_search_doc(title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en)"
RECENT = """CREATE INDEX IF NOT EXISTS event_status_recent ON events_event
  (status, start_date DESC NULLS LAST, id DESC);"""


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
        )
    ]
