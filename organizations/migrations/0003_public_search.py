"""Search support on PostgreSQL: the Arabic normaliser as SQL functions, pg_trgm, and on
organisations and people two stored generated columns with their GIN indexes:

- `search_text`: the searchable fields joined and normalised (trigram index, for near-misses);
- `search_vector`: its tsvector in the `arabic` configuration (full-text index).

The columns are computed by PostgreSQL on every INSERT and UPDATE, whatever writes them (the
ORM, bulk_create, raw SQL); the models do not declare them and portal/search.py reads them by
name, so testing a row costs no function call. `portal_normalize(text)` is the SQL twin of
portal.arabic.normalize_arabic (tests/public/test_arabic.py checks they agree). Nothing
happens on SQLite, where portal/search.py folds the text with the Python normaliser instead.
"""

from django.db import migrations

# Both bodies use pg_catalog functions only (no call to each other): a restore by pg_restore
# runs with an empty search_path and computes the generated columns with them.
NORMALIZE = r"""btrim(regexp_replace(
    lower(translate(
      regexp_replace({text}, '[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]', '', 'g'),
      'أإآٱىة', 'اااايه')),
    '\s+', ' ', 'g'))"""

FUNCTIONS = f"""
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION portal_normalize(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT {NORMALIZE.format(text="$1")}
$$;
CREATE OR REPLACE FUNCTION portal_search_doc(VARIADIC text[]) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT {NORMALIZE.format(text="array_to_string($1, ' ')")}
$$;
"""


def search_columns(table: str, doc: str, name: str) -> str:
    """The two generated columns of `table` and their GIN indexes (shared with events 0003)."""
    return f"""
ALTER TABLE {table}
  ADD COLUMN IF NOT EXISTS search_text text GENERATED ALWAYS AS ({doc}) STORED,
  ADD COLUMN IF NOT EXISTS search_vector tsvector
    GENERATED ALWAYS AS (to_tsvector('arabic'::regconfig, {doc})) STORED;
CREATE INDEX IF NOT EXISTS {name}_search_fts ON {table} USING gin (search_vector);
CREATE INDEX IF NOT EXISTS {name}_search_trgm ON {table} USING gin (search_text gin_trgm_ops);
"""


def drop_search_columns(table: str) -> str:
    return (
        f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_text,"
        " DROP COLUMN IF EXISTS search_vector;"
    )


TABLES = [
    (
        "organizations_organization",
        "portal_search_doc(name_ar, name_fr, name_en, acronym, (aliases)::text)",
        "organization",
    ),
    (
        "organizations_person",
        "portal_search_doc(name_ar, name_fr, name_en, (aliases)::text)",
        "person",
    ),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FUNCTIONS)
        for table, doc, name in TABLES:
            schema_editor.execute(search_columns(table, doc, name))


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table, _doc, _name in TABLES:
            schema_editor.execute(drop_search_columns(table))


class Migration(migrations.Migration):
    dependencies = [
        ("organizations", "0002_editorial_and_registration_fields"),
    ]

    operations = [migrations.RunPython(create, drop, elidable=False)]
