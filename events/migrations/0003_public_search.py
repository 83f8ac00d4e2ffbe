"""Search columns on events and agreements (PostgreSQL only): the stored generated
`search_text` and `search_vector` columns and their GIN indexes, as organizations 0003 adds
them to organisations and people (which also creates the SQL functions they use)."""

from django.db import migrations

DOC = "portal_search_doc(title_ar, title_fr, title_en, summary_ar, summary_fr, summary_en)"
TABLES = [("events_event", DOC, "event"), ("events_agreement", DOC, "agreement")]


def search_columns(table: str, doc: str, name: str) -> str:
    return f"""
ALTER TABLE {table}
  ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS ({doc}) STORED,
  ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('arabic'::regconfig, {doc})) STORED;
CREATE INDEX IF NOT EXISTS {name}_search_fts ON {table} USING gin (search_vector);
CREATE INDEX IF NOT EXISTS {name}_search_trgm ON {table} USING gin (search_text gin_trgm_ops);
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table, doc, name in TABLES:
            schema_editor.execute(search_columns(table, doc, name))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table, _doc, _name in TABLES:
            schema_editor.execute(
                f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_text,"
                " DROP COLUMN IF EXISTS search_vector;"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_editorial_and_registration_fields"),
        ("organizations", "0003_public_search"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
