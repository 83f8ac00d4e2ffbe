"""pg_trgm and the SQL twins of the Arabic normaliser (core/search_sql.py)."""

from django.db import migrations

from core.search_sql import DROP_FUNCTIONS, FUNCTIONS, run_on_postgresql


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [run_on_postgresql(FUNCTIONS, DROP_FUNCTIONS)]
