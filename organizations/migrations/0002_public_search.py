"""Search columns on organisations and people (PostgreSQL only; core/search_sql.py)."""

from django.db import migrations

from core.search_sql import drop_search_columns, run_on_postgresql, search_columns

ORGANIZATION = "portal_search_doc(name_ar, name_fr, name_en, acronym, (aliases)::text)"
PERSON = "portal_search_doc(name_ar, name_fr, name_en, (aliases)::text)"


class Migration(migrations.Migration):
    dependencies = [("organizations", "0001_initial"), ("core", "0001_search_functions")]
    operations = [
        run_on_postgresql(
            search_columns("organizations_organization", ORGANIZATION, "organization")
            + search_columns("organizations_person", PERSON, "person"),
            drop_search_columns("organizations_organization")
            + drop_search_columns("organizations_person"),
        )
    ]
