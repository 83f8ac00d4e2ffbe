"""Repair event and agreement slugs the public URLs cannot route (Arabic ones, and bare
years such as `2026`), by the rule the organisations' migration copies from
portal.models.unique_slug: see organizations/migrations/0004_ascii_slugs.py."""

from importlib import import_module

from django.db import migrations

slugs = import_module("organizations.migrations.0004_ascii_slugs")


def event_sources(event):
    year = str(event.start_date.year) if event.start_date else ""
    titles = [t for t in (event.title_fr, event.title_en, event.title_ar, event.title) if t]
    return [t if year in t else f"{t} {year}".strip() for t in titles]


def repair(apps, schema_editor):
    Event = apps.get_model("events", "Event")
    Agreement = apps.get_model("events", "Agreement")
    slugs.slugs_repair(Event, event_sources)
    slugs.slugs_repair(Agreement, lambda a: [a.title_fr, a.title_en, a.title_ar, a.title])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_registration_email_outbox"),
        ("organizations", "0004_ascii_slugs"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
