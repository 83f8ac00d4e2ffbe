"""Repair slugs the public URLs cannot route: Arabic ones (records with only an Arabic name
got `كريم-الزروالي`) and bare numbers (events got `2026`). Each gets a readable Latin slug by
the rule of portal.models.unique_slug, copied here so that this migration stays as it is
whatever the app code becomes: the French name when there is one, else the Arabic
transliterated, never a bare number, unique, within the field's length.

events/migrations/0006_ascii_slugs.py uses `slugs_repair` from here for events and agreements.
"""

import re

from anyascii import anyascii
from django.db import migrations
from django.db.models import Q
from django.utils.text import slugify

ARABIC_VOWELS = str.maketrans(dict.fromkeys("اأإآٱة", "a"))
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
LETTER = re.compile("[a-z]")
# What the URLs' <slug:> converter accepts, and a letter somewhere in it.
ROUTABLE = r"^[-a-zA-Z0-9_]+$"
WORDY = r"[a-zA-Z]"


def latin_slug(text):
    return slugify(anyascii((text or "").translate(ARABIC_VOWELS)))


def truncate(slug, limit):
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def slug_for(model, pk, sources):
    field = model._meta.get_field("slug")
    texts = [s for s in sources if s and s.strip()]
    latin = [latin_slug(s) for s in texts if not ARABIC_SCRIPT.search(s)]
    slugs = latin + [latin_slug(s) for s in texts]
    base = next((s for s in slugs if LETTER.search(s)), next(filter(None, slugs), ""))
    limit = field.max_length - 10
    base = truncate(base, limit)
    if not LETTER.search(base):
        base = truncate(f"{model._meta.model_name}-{base}".strip("-"), limit)
    candidate, n = base, 2
    while model._default_manager.filter(slug=candidate).exclude(pk=pk).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def slugs_repair(model, sources):
    """Give every row of `model` whose slug is not routable, or has no letter, a new slug;
    `sources(row)` lists its texts in order of preference. Returns how many changed."""
    broken = model._default_manager.filter(~Q(slug__regex=ROUTABLE) | ~Q(slug__regex=WORDY))
    count = 0
    for row in broken.order_by("pk").iterator():
        slug = slug_for(model, row.pk, sources(row))
        model._default_manager.filter(pk=row.pk).update(slug=slug)
        count += 1
    return count


def repair(apps, schema_editor):
    Organization = apps.get_model("organizations", "Organization")
    Person = apps.get_model("organizations", "Person")
    slugs_repair(Organization, lambda o: [o.name_fr, o.acronym, o.name_en, o.name_ar, o.name])
    slugs_repair(Person, lambda p: [p.name_fr, p.name_en, p.name_ar, p.name])


class Migration(migrations.Migration):
    dependencies = [("organizations", "0003_public_search")]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
