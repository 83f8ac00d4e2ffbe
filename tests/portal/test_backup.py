"""scripts/backup.sh and scripts/restore.sh: the demo database dumped, restored into a new
database, and every table's row count compared.

A whole-database check where any realistic content will do: it loads the demo data
(`demo_data`) on top of the reference data, so every table the site fills has rows."""

import os
import subprocess
import uuid

import psycopg
import pytest
from django.db import connections

from .conftest import ROOT

pytestmark = pytest.mark.postgres


def url_for(settings_dict: dict, name: str) -> str:
    user = settings_dict["USER"]
    password = f":{settings_dict['PASSWORD']}" if settings_dict["PASSWORD"] else ""
    host = settings_dict["HOST"] or "127.0.0.1"
    port = settings_dict["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def row_counts(url: str) -> dict[str, int]:
    with psycopg.connect(url, autocommit=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }


def test_backup_and_restore_round_trip(transactional_db, demo_data, tmp_path):
    settings_dict = connections["default"].settings_dict
    source = url_for(settings_dict, settings_dict["NAME"])
    target_name = f"restore_check_{uuid.uuid4().hex[:8]}"
    target = url_for(settings_dict, target_name)
    maintenance = url_for(settings_dict, "postgres")

    result = subprocess.run(
        ["scripts/backup.sh"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": source, "BACKUP_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    dump = result.stdout.strip().splitlines()[-1]
    assert dump.endswith(".dump") and os.path.getsize(dump) > 0

    with psycopg.connect(maintenance, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{target_name}"')
    try:
        result = subprocess.run(
            ["scripts/restore.sh", dump, target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        expected, restored = row_counts(source), row_counts(target)
        print(f"backup round trip: {len(restored)} tables, {sum(restored.values())} rows")
        for table in (
            "taxonomy_region",
            "taxonomy_province",
            "taxonomy_commune",
            "taxonomy_sector",
            "events_event",
            "organizations_organization",
            "organizations_person",
            "events_agreement",
            "articles_article",
            "django_migrations",
        ):
            print(f"  {table}: {expected[table]} -> {restored[table]}")
        assert restored == expected
        assert expected["taxonomy_commune"] >= 1503 and expected["events_event"] >= 6

        # Restoring over existing data is refused.
        again = subprocess.run(
            ["scripts/restore.sh", dump, target], cwd=ROOT, capture_output=True, text=True
        )
        assert again.returncode == 1
        assert "already has" in again.stderr
    finally:
        with psycopg.connect(maintenance, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')
