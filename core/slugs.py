"""Readable, routable Latin slugs for records whose names may be Arabic."""

import re

from anyascii import anyascii
from django.db import models
from django.utils.text import slugify

# anyascii drops the alef forms and writes the ta marbuta "h": "a" reads closer to the way
# Moroccan names are written in Latin letters (اتفاقية شراكة: atfaqya-shraka, not tfqyh-shrkh).
_ARABIC_VOWELS = str.maketrans(dict.fromkeys("اأإآٱة", "a"))
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LETTER = re.compile("[a-z]")
_ROUTABLE = re.compile(r"[-a-zA-Z0-9_]+\Z")  # what the URLs' <slug:> converter accepts


def slug_routable(slug: str) -> bool:
    """Whether the URLs can route `slug`: a record whose slug they refuse (none yet, or an
    Arabic one restored from an old revision) gets a new one from unique_slug on save."""
    return bool(slug) and _ROUTABLE.match(slug) is not None


def _latin_slug(text: str) -> str:
    """An ASCII slug of any text: Latin kept (accents and ligatures folded), Arabic
    transliterated, since the URLs' `<slug:>` converter accepts nothing else."""
    return slugify(anyascii((text or "").translate(_ARABIC_VOWELS)))


def _slug_truncate(slug: str, limit: int) -> str:
    """At most `limit` characters, cut between words when there is a word to cut at."""
    if len(slug) <= limit:
        return slug
    cut = slug[: limit + 1]
    return (cut.rsplit("-", 1)[0] if "-" in cut else cut[:limit]).strip("-")


def unique_slug(instance: models.Model, *sources: str, field: str = "slug") -> str:
    """A readable Latin slug for `instance`, unique, within the field's max_length.

    `sources` come in order of preference (the French name first): the first one written in
    Latin letters wins, else the first one transliterated. A slug is never a bare number or
    year (it would read as an id): without a word, the model's name leads it.
    """
    max_length = instance._meta.get_field(field).max_length
    texts = [s for s in sources if s and s.strip()]
    latin = [_latin_slug(s) for s in texts if not _ARABIC_SCRIPT.search(s)]
    slugs = latin + [_latin_slug(s) for s in texts]
    base = next((s for s in slugs if _LETTER.search(s)), next(filter(None, slugs), ""))
    limit = max_length - 10  # room for a "-N" suffix
    base = _slug_truncate(base, limit)
    if not _LETTER.search(base):
        base = _slug_truncate(f"{instance._meta.model_name}-{base}".strip("-"), limit)
    manager = type(instance)._default_manager
    candidate, n = base, 2
    while manager.filter(**{field: candidate}).exclude(pk=instance.pk).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate
