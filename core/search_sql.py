"""The SQL of search on PostgreSQL, which migrations run (core 0001, organizations 0002,
events 0002): pg_trgm, the Arabic normaliser as SQL functions, and per table two stored
generated columns with their GIN indexes:

- `search_text`: the searchable fields joined and normalised (trigram index, for near-misses);
- `search_vector`: its tsvector in the `arabic` configuration (full-text index).

PostgreSQL computes the columns on every INSERT and UPDATE, whatever writes them (the ORM,
bulk_create, raw SQL); the models do not declare them and core/search.py reads them by name.
`portal_normalize(text)` is the SQL twin of core.arabic.normalize_arabic (the tests check they
agree). Nothing runs on SQLite, where core/search.py folds text with the Python normaliser.
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

DROP_FUNCTIONS = """
DROP FUNCTION IF EXISTS portal_search_doc(VARIADIC text[]);
DROP FUNCTION IF EXISTS portal_normalize(text);
"""


def search_columns(table: str, doc: str, name: str) -> str:
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


def run_on_postgresql(sql: str, reverse_sql: str) -> migrations.RunPython:
    """A migration operation that runs `sql` on PostgreSQL and nothing elsewhere."""

    def forward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    def backward(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(reverse_sql)

    return migrations.RunPython(forward, backward, elidable=False)
