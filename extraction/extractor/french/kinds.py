"""Event and agreement mentions: their kind (the vocabularies of events.models), edition
and title as the article words them."""

import re
from dataclasses import dataclass

from .amounts import find_amounts

# Head words of events → EventKind value. Longest phrases first.
EVENT_HEADS = [
    ("assemblée générale", "general-assembly"),
    ("assemblées générales", "general-assembly"),
    ("convention d'affaires", "forum"),
    ("conventions d'affaires", "forum"),
    ("rencontres b2b", "other"),
    ("journée d'étude", "workshop"),
    ("journée d'information", "workshop"),
    ("journée de sensibilisation", "workshop"),
    ("journée de formation", "workshop"),
    ("journées", "workshop"),
    ("journée", "workshop"),
    ("mission d'affaires", "delegation"),
    ("mission économique", "delegation"),
    ("mission commerciale", "delegation"),
    ("délégation", "delegation"),
    ("forum", "forum"),
    ("salon", "exhibition"),
    ("exposition", "exhibition"),
    ("foire", "exhibition"),
    ("expo", "exhibition"),
    ("conférence", "conference"),
    ("colloque", "conference"),
    ("congrès", "conference"),
    ("symposium", "conference"),
    ("sommet", "conference"),
    ("assises", "conference"),
    ("atelier", "workshop"),
    ("séminaire", "workshop"),
    ("workshop", "workshop"),
    ("rencontre", "other"),
    ("réunion", "other"),  # "la réunion de la CRUI", "une réunion de travail"
]
_EVENT = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(h) for h, _k in EVENT_HEADS) + r")s?(?![\w])", re.I
)
_KIND = {h: k for h, k in EVENT_HEADS}
ORDINALS = {"première": 1, "premier": 1, "premières": 1, "premiers": 1, "1re": 1,
            "deuxième": 2, "seconde": 2, "second": 2,
            "troisième": 3, "quatrième": 4, "cinquième": 5, "sixième": 6, "septième": 7,
            "huitième": 8, "neuvième": 9, "dixième": 10, "onzième": 11, "douzième": 12,
            "treizième": 13, "quatorzième": 14, "quinzième": 15, "seizième": 16,
            "dix-septième": 17, "dix-huitième": 18, "dix-neuvième": 19, "vingtième": 20,
            "vingt-cinquième": 25, "trentième": 30}  # fmt: skip
# "vingt-et-unième" … "quarante-neuvième": compound ordinals, hyphenated or not.
_UNITS = {"et-unième": 1, "deuxième": 2, "troisième": 3, "quatrième": 4, "cinquième": 5,
          "sixième": 6, "septième": 7, "huitième": 8, "neuvième": 9}  # fmt: skip
ORDINALS |= {
    f"{tens}{joint}{unit.replace('-', joint)}": value + number
    for tens, value in (("vingt", 20), ("trente", 30), ("quarante", 40))
    for unit, number in _UNITS.items()
    for joint in ("-", " ")
} | {"quarantième": 40, "cinquantième": 50}
# The nouns an edition number goes with ("la 3e mouture du salon").
EDITION_NOUN = r"(?:édition|session|mouture)"
# "IIIe édition", "XIIème édition": Roman numerals, upper case ("vie", "Le" are words).
_ROMAN = r"(?P<roman>(?-i:[IVX]{2,6}|V|X))(?-i:e|è|ème|eme)"
_EDITION = re.compile(
    r"\b(?:(?P<number>\d{1,2})\s*(?:e|è|ème|eme|re|ère|er)|"
    + _ROMAN
    + r"|(?P<word>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"))\s+"
    + EDITION_NOUN
    + r"\b",
    re.I,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _roman(numeral: str) -> int | None:
    values = [_ROMAN_VALUES[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v
                for i, v in enumerate(values))  # fmt: skip
    return total if 0 < total <= 60 else None


def ordinal_value(m: re.Match) -> int | None:
    """The number an ordinal match stands for: digits, Roman numeral or word."""
    if m.group("number"):
        return int(m.group("number"))
    if m.group("roman"):
        return _roman(m.group("roman"))
    return ORDINALS[m.group("word").lower()]


_AGREEMENT = re.compile(
    r"(?<![\w-])(?P<head>conventions?(?:[\s-]cadres?)?|accords?(?:[\s-]cadres?)?"
    r"|m[ée]morandums?(?:\s+d'(?:entente|accord))?|memorandum\s+of\s+understanding"
    r"|protocoles?(?:\s+d'(?:accord|entente))?"
    r"|contrats?[\s-]programmes?|contrats?|partenariats?)(?![\w])",
    re.I,
)
# "le programme de mise à niveau des zones industrielles 2019-2023, doté de 320 MDH"
_PLAN = r"\b(?:[Pp]rogramme|[Pp]lan|[Ss]tratégie|[Cc]ontrat-programme)\s"
_PROGRAMME = re.compile(
    rf"{_PLAN}(?:(?!{_PLAN})[^.;:,\n]){{0,90}}?\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b"
)
_SIGNING = re.compile(r"\b(?:sign\w*|paraph\w*|conclu\w*|scell\w*|ratifi\w*|lie\b|liant)", re.I)
_TITLE_STOP = re.compile(
    r"[,;:.()«»\"!?]|\s(?:a|ont|s'est|s'y|se|sera|seront|était|qui|dont|lors|sous|au cours|"
    r"en présence|organisée?s?|tenue?s?|signée?s?|conclue?s?|paraphée?s?|par|le|les|a été|"
    r"ont été|avec|entre|cette|ce|auprès|afin|devant|totalisant|d'un\s+montant)\s"
    r"|\sde\s+(?=\d)",  # "une convention-cadre de 1,2 MMDH": its money, not its name
    re.I,
)


@dataclass(slots=True)
class EventMention:
    kind: str
    start: int
    end: int  # end of the head word
    title: str
    named: bool  # written as a proper name ("Forum national de …", capitalised)
    edition: int | None


@dataclass(slots=True)
class AgreementMention:
    kind: str
    start: int
    end: int
    title: str
    signed: bool  # the sentence says it was signed or concluded
    anaphoric: bool  # "la convention", "cette convention": one named before
    programme: bool = False  # a funded plan over years, signed by no one


def title_from(text: str, start: int, limit: int = 160) -> str:
    """The phrase from `start` up to the first clause boundary."""
    chunk = text[start : start + limit]
    stop = _TITLE_STOP.search(chunk, 3)
    phrase = chunk[: stop.start()] if stop else chunk
    return " ".join(phrase.split()).rstrip(" -–'")


def find_events(text: str) -> list[EventMention]:
    found = []
    for m in _EVENT.finditer(text):
        head = m.group(1).lower()
        kind = _KIND.get(head, "other")
        before = text[max(0, m.start() - 40) : m.start()]
        edition = _edition_before(before)
        title = title_from(text, m.start())
        named = text[m.start()].isupper() and not _sentence_start(text, m.start())
        if head == "rencontre" and named and m.group(0).endswith("s"):
            kind = "conference"  # "les Rencontres Industrie-Environnement": a named series
        if head == "délégation" and re.match(
            r"s?\s+(?:provinciale|régionale|préfectorale|générale|interministérielle|ministérielle)s?\b",
            text[m.end() : m.end() + 30],
            re.I,
        ):
            continue  # "la délégation provinciale de la Chambre": an office, not a visit
        if head in ("journée", "journées") and not re.match(
            r"journées?\s+d", m.group(0) + text[m.end() : m.end() + 3], re.I
        ):
            continue
        found.append(
            EventMention(kind, m.start(), m.end(), title[:1].upper() + title[1:], named, edition)
        )
    return found


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 6) : offset].rstrip(' «"')
    return not before or before[-1] in ".!?\n:"


_ORDINAL_BEFORE = re.compile(
    r"\b(?:(?P<number>\d{1,2})\s*(?:e|è|ème|eme|re|ère)|"
    + _ROMAN
    + r"|(?P<word>"
    + "|".join(sorted(ORDINALS, key=len, reverse=True))
    + r"))\s+$",
    re.I,
)


def _edition_before(before: str) -> int | None:
    direct = _ORDINAL_BEFORE.search(before)  # "le deuxième Forum de …"
    if direct:
        return ordinal_value(direct)
    m = next(reversed(list(_EDITION.finditer(before))), None)  # the nearest before the head
    if m is None or not re.search(
        EDITION_NOUN + r"\s+(?:du|de\s+la|de\s+l'|des|d')\s*$", before[m.start() :], re.I
    ):
        return None
    return ordinal_value(m)


_INAUGURAL = re.compile(r"\b" + EDITION_NOUN + r"\s+inaugurale\b", re.I)


def find_editions(text: str) -> list[tuple[int, int]]:
    """(edition number, offset) for every "4e édition", "quatrième édition", "l'édition
    inaugurale"."""
    found = [
        (value, m.start())
        for m in _EDITION.finditer(text)
        if (value := ordinal_value(m)) is not None
    ]
    return sorted(found + [(1, m.start()) for m in _INAUGURAL.finditer(text)], key=lambda f: f[1])


def agreement_kind(head: str, following: str) -> str:
    head = head.lower()
    if "cadre" in head:
        return "framework"
    if "mémorandum" in head or "memorandum" in head or "protocole" in head:
        return "mou"
    if re.match(r"\s+de\s+partenariat", following, re.I) or head.startswith("partenariat"):
        return "partnership"
    return "other"


_COUNTED = re.compile(
    r"\b(?:deux|trois|quatre|cinq|\d)\s+(?P<noun>(?:conventions|accords|mémorandums|protocoles)\b)",
    re.I,
)
_ORDINAL_BEFORE_HEAD = re.compile(
    r"\b(?:première|premier|seconde|second|deuxième|troisième|quatrième)\s*$", re.I
)
_ORDINAL_ITEM = re.compile(
    r"(?:^|[.:]\s+|\n)(?P<item>(?:La|Le)\s+(?:première|premier|seconde|second|deuxième|troisième"
    r"|quatrième|dernière|dernier|principale|principal|plus\s+importante?)|L'une\s+d'elles|L'autre)"
    r"(?:\s*,|\s+(?=(?:lie|porte|prévoit|vise|concerne|associe|engage|unit|a\s+été|est)\b))",
    re.M,
)


def counted_series(text: str) -> list[tuple[int, str]]:
    """ "Trois conventions d'investissement …": where each series of agreements is announced,
    and the name its items share ("convention d'investissement")."""
    series = []
    for m in _COUNTED.finditer(text):
        plural = title_from(text, m.start("noun"))
        first, _, rest = plural.partition(" ")
        series.append((m.end(), f"{first[:-1]} {rest}".strip()))
    return series


def signed_series(
    text: str, start: int, end: int, sentence_bounds: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Where "Trois conventions …" opens a sentence of text[start:end] that says they were
    signed: the story is that signing."""
    for m in _COUNTED.finditer(text, start, end):
        a, b = next(((a, b) for a, b in sentence_bounds if a <= m.start() < b), (start, end))
        if _SIGNING.search(text, a, b):
            return m.start(), m.end()
    return None


def _series_kind(name: str) -> str:
    head, _, rest = name.partition(" ")
    return agreement_kind(head, f" {rest}")


def find_agreements(text: str, sentence_bounds: list[tuple[int, int]]) -> list[AgreementMention]:
    """Agreements named in the text, and "La première, …" items after "deux conventions"."""
    found = _agreement_heads(text, sentence_bounds)
    series = counted_series(text)

    def series_of(at: int) -> str | None:
        return next((name for end, name in reversed(series) if 0 < at - end < 2000), None)

    for a in found:
        name = series_of(a.start)
        if name and _ORDINAL_BEFORE_HEAD.search(text[max(0, a.start - 15) : a.start]):
            a.signed = True  # "La deuxième convention, d'un montant de …": an item of the series
            if not re.match(r"\s*(?:-?cadre|de\b|d'|du\b|des\b|pour\b|relative)", text[a.end :]):
                a.title = name  # "La première convention porte sur …": the series' name
                a.kind = _series_kind(name)
    for m in _ORDINAL_ITEM.finditer(text):
        at = m.start("item")
        name = series_of(at)
        if name is None:
            continue
        end_s = next((b for a, b in sentence_bounds if a <= at < b), len(text))
        if any(at <= a.start < end_s for a in found):
            continue  # "La première, une convention d'investissement …" names itself
        found.append(AgreementMention(_series_kind(name), at, m.end("item"), name, True, False))
    for m in _PROGRAMME.finditer(text):
        start_s, end_s = next(((a, b) for a, b in sentence_bounds if a <= m.start() < b),
                              (0, len(text)))  # fmt: skip
        if find_amounts(text[start_s:end_s]):
            title = " ".join(m.group().split())
            found.append(AgreementMention("other", m.start(), m.end(), title, False, False, True))
    return sorted(found, key=lambda a: a.start)


def _agreement_heads(text: str, sentence_bounds: list[tuple[int, int]]) -> list[AgreementMention]:
    found = []
    for m in _AGREEMENT.finditer(text):
        head = m.group("head")
        if head.lower().endswith("s") and not head.lower().startswith("accords-"):
            continue  # plural: a count ("deux conventions"), not one agreement
        start_s, end_s = next(
            ((a, b) for a, b in sentence_bounds if a <= m.start() < b), (0, len(text))
        )
        sentence = text[start_s:end_s]
        before = text[max(start_s, m.start() - 25) : m.start()].lower()
        anaphoric = bool(
            re.search(r"(?:\bcette|\bce|\bcet|ladite|\bla|\bl'|\ble|\bleur|\bson|\bsa)\s*$", before)
        ) and not re.search(r"\b(?:première|seconde|deuxième|troisième)", before)
        if head.lower().startswith("partenariat") and (
            not re.search(r"accord|signature", before)
            or re.search(r"(?:accord|convention|contrat|protocole)s?\s+de\s*$", before, re.I)
        ):
            continue  # "un accord de partenariat": one agreement, named by "accord"
        loose = head.lower() == "contrat" or (
            head.lower().startswith("accord") and not _SIGNING.search(sentence)
        )
        if (
            loose
            and not re.search(r"\b(?:un|une)\s*$", before)
            and not _ORDINAL_BEFORE_HEAD.search(before)
        ):
            continue  # (but "Le deuxième accord, …" is an item of a series)
        kind = agreement_kind(head, text[m.end() : m.end() + 20])
        title = title_from(text, m.start(), 220)
        found.append(
            AgreementMention(
                kind, m.start(), m.end(), title, bool(_SIGNING.search(sentence)), anaphoric
            )
        )
    return found
