"""The knowledge base of Moroccan institutions: loader, name look-up and mention finder.

The data lives in extraction/knowledge/*.json (one file per family, see its README.md).
It lets the readers recognise an institution the press names without a head word ("OCP",
"Masen", "Tanger Med") and lets matching see that "Office chérifien des phosphates" and
"المكتب الشريف للفوسفاط" are one body. Names compare folded: case, accents, Arabic spelling
(portal.arabic.normalize_arabic), punctuation; a leading French article and the first
word's Arabic proclitics (و ف ب ل ك, لل for the article) and a detached "و" are ignored.
Acronyms match only as written (case-sensitive, whole tokens) in running text, so "OCP"
is found but not "ocp". A name several bodies share ("CRI") names none of them.

The base is read once per process and indexed on the first two folded words of each name,
so finding mentions costs a few dictionary look-ups per token, whatever the size of the
base.
"""

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from core.arabic import normalize_arabic

DATA_DIR = Path(__file__).resolve().parent.parent / "knowledge"
Token = tuple[int, int, str]  # a word of a text: start, end, word

# organizations.models.OrganizationKind values (tests check they agree).
KINDS = frozenset(
    {
        "ministry", "public-agency", "federation", "cluster", "association", "company",
        "chamber", "investment-center", "university", "media", "local-authority",
        "technical-center", "other",
    }
)  # fmt: skip
# The HCP regions' slugs (DESIGN.md).
REGIONS = frozenset(
    {
        "tanger-tetouan-al-hoceima", "oriental", "fes-meknes", "rabat-sale-kenitra",
        "beni-mellal-khenifra", "casablanca-settat", "marrakech-safi", "draa-tafilalet",
        "souss-massa", "guelmim-oued-noun", "laayoune-sakia-el-hamra",
        "dakhla-oued-ed-dahab",
    }
)  # fmt: skip

_TOKEN = re.compile(
    "[0-9A-Za-z\u00c0-\u024f\u0610-\u061a\u0620-\u065f\u0660-\u0669\u066e-\u06d3\u06d6-\u06ed]+"
)
# What may separate two words of one name in running text: spaces (one line break at
# most), hyphens, apostrophes, commas, "&" and "/", or a dot alone ("Industries.ma");
# a full stop followed by a space, or a bracket, ends a name.
_GLUE_CHARS = "[ \t\u00a0\u202f\\-\u2010-\u2014'\u2019\u02bc,\u060c&/]*"
_GLUE = re.compile(f"{_GLUE_CHARS}\n?{_GLUE_CHARS}")
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9&]*)\)")
_OPENING = re.compile("[ \t\u00a0]*\\(")
_CLOSING = re.compile("\\)[ \t\u00a0]*,?[ \t\u00a0]*")
_ARABIC = re.compile("[\u0620-\u06ff]")
_FRENCH_ARTICLES = frozenset({"le", "la", "les", "l"})
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_LATIN_FOLD = {
    c: unicodedata.normalize("NFKD", chr(c)).encode("ascii", "ignore").decode().lower()
    for c in range(0xC0, 0x250)
}
_LATIN_FOLD.update({ord("œ"): "oe", ord("Œ"): "oe", ord("æ"): "ae", ord("Æ"): "ae"})


@dataclass(frozen=True)
class Institution:
    """One body, with every name the press gives it."""

    key: str  # stable ASCII slug
    kind: str  # an OrganizationKind value
    names_ar: tuple[str, ...]
    names_fr: tuple[str, ...]
    acronyms: tuple[str, ...]
    region: str | None  # HCP region slug, for bodies of one region
    # Latin names that are also common words ("Le Matin", "Challenge"): in running text
    # they match only as written, like acronyms.
    as_written: bool = False

    @property
    def name_ar(self) -> str | None:
        return self.names_ar[0] if self.names_ar else None

    @property
    def name_fr(self) -> str | None:
        return self.names_fr[0] if self.names_fr else None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name and acronym, Arabic first."""
        return self.names_ar + self.names_fr + self.acronyms


@dataclass(frozen=True)
class KnownMention:
    """An institution named in a text. `start`/`end` are offsets into the text (clitics
    و ب ل excluded); `surface` is the name as written, with the article restored when the
    text fused it into "لل" ("للمكتب الوطني" → "المكتب الوطني") and without an acronym
    bracketed inside it ("Centre régional d'investissement (CRI) de Fès-Meknès")."""

    start: int
    end: int
    surface: str
    institution: Institution


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """One word folded for comparison: Arabic spelling, accents and case."""
    if _ARABIC.search(word):
        return normalize_arabic(word)
    return word.translate(_LATIN_FOLD).lower()


@lru_cache(maxsize=1 << 16)
def _readings(folded: str) -> tuple[tuple[str, int, bool], ...]:
    """The first word of a name without proclitics: (reading, letters dropped, article
    restored). "وبالمكتب" → "المكتب"; "للمكتب" → "المكتب" with its fused article."""
    readings = [(folded, 0, False)]
    if not _ARABIC.match(folded):
        return tuple(readings)
    rest, dropped = folded, 0
    if rest[:1] in ("و", "ف") and len(rest) > 3:
        rest, dropped = rest[1:], 1
        readings.append((rest, dropped, False))
    if rest.startswith("لل") and len(rest) > 4:
        readings.append(("ال" + rest[2:], dropped, True))
    elif rest[:1] in ("ب", "ل", "ك") and len(rest) > 3:
        readings.append((rest[1:], dropped + 1, False))
    return tuple(readings)


def _tokens(text: str) -> list[Token]:
    """The words of a text as (start, end, word), a detached "و" joined to the next word
    ("الصناعة و الخدمات" reads as "الصناعة والخدمات"; the joined word drops the space)."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    joined: list[Token] = []
    i = 0
    while i < len(tokens):
        start, end, word = tokens[i]
        if word == "و" and i + 1 < len(tokens):
            next_start, next_end, next_word = tokens[i + 1]
            if _ARABIC.match(next_word) and text[end:next_start] == " ":
                joined.append((start, next_end, word + next_word))
                i += 2
                continue
        joined.append((start, end, word))
        i += 1
    return joined


def _name_words(name: str) -> tuple[str, ...]:
    """A name as folded words, without a leading French article."""
    words = tuple(fold_word(word) for _start, _end, word in _tokens(name))
    if len(words) > 2 and words[0] in _FRENCH_ARTICLES:
        words = words[1:]  # "Le Matin" keeps its article: "matin" alone is a common word
    return words


def _acronym_key(text: str) -> str:
    return re.sub(r"[.\s\-]", "", text).upper()


class KnowledgeBase:
    """The institutions and their indexes, built once."""

    def __init__(self, items: tuple[Institution, ...]) -> None:
        self.institutions = items
        owners: dict[tuple[str, ...], set[str]] = {}
        names_only: dict[tuple[str, ...], set[str]] = {}  # looked up, not searched for
        acronym_owners: dict[tuple[str, ...], set[str]] = {}
        by_key = {item.key: item for item in items}
        for item in items:
            for name in item.names_ar + item.names_fr:
                words = _name_words(name)
                if item.as_written and name in item.names_fr:
                    names_only.setdefault(words, set()).add(item.key)
                    continue
                if words:
                    owners.setdefault(words, set()).add(item.key)
            written = item.acronyms + (item.names_fr if item.as_written else ())
            for acronym in written:
                words = tuple(_TOKEN.findall(acronym))
                if words:
                    acronym_owners.setdefault(words, set()).add(item.key)
        # A name several bodies share ("CRI", "المركز الجهوي للاستثمار") names none of them.
        self.names = {w: by_key[next(iter(k))] for w, k in owners.items() if len(k) == 1}
        acronyms = {w: by_key[next(iter(k))] for w, k in acronym_owners.items() if len(k) == 1}
        upper_owners: dict[str, set[str]] = {}
        for words, keys in acronym_owners.items():
            upper_owners.setdefault(_acronym_key("".join(words)), set()).update(keys)
        self.acronyms_upper = {
            a: by_key[next(iter(k))] for a, k in upper_owners.items() if len(k) == 1
        }
        # Names searched in text, keyed on their first two words (one-word names apart).
        self.by_two: dict[tuple[str, str], list[tuple[tuple[str, ...], Institution]]] = {}
        self.single: dict[str, Institution] = {}
        for words, item in self.names.items():
            if len(words) == 1:
                self.single[words[0]] = item
            else:
                self.by_two.setdefault(words[:2], []).append((words, item))
        for words, keys in names_only.items():
            if words not in owners and len(keys) == 1:
                self.names[words] = by_key[next(iter(keys))]
        self.acronyms_by_first: dict[str, list[tuple[tuple[str, ...], Institution]]] = {}
        for words, item in acronyms.items():
            self.acronyms_by_first.setdefault(words[0], []).append((words, item))
        for table in (self.by_two, self.acronyms_by_first):
            for entries in table.values():
                entries.sort(key=lambda entry: -len(entry[0]))

    def lookup(self, name: str) -> Institution | None:
        if not name or not name.strip():
            return None
        words = _name_words(name)
        if not words:
            return None
        short = words[1:] if len(words) == 2 and words[0] in _FRENCH_ARTICLES else words
        found = self.acronyms_upper.get(_acronym_key("".join(short)))  # "OCP", "l'OCP"
        if found:
            return found
        for reading, _dropped, _restored in _readings(words[0]):
            found = self.names.get((reading, *words[1:]))
            if found:
                return found
        return None

    def find(self, text: str) -> list[KnownMention]:
        tokens = _tokens(text)
        folded = [fold_word(word) for _start, _end, word in tokens]
        # Acronyms in brackets may sit inside a name: "Centre régional d'investissement
        # (CRI) de Souss-Massa"; they are stepped over.
        bracketed = {m.start(1) for m in _BRACKETED.finditer(text)}
        aside = [start in bracketed for start, _end, _word in tokens]
        mentions: list[KnownMention] = []
        i = 0
        while i < len(tokens):
            # (consumed token indexes, letters dropped, article restored, institution)
            best: tuple[list[int], int, bool, Institution] | None = None
            seconds = folded[i + 1 : i + 2]
            if i + 2 < len(tokens) and aside[i + 1]:
                seconds.append(folded[i + 2])  # an acronym bracketed after the first word
            for reading, dropped, restored in _readings(folded[i]):
                for second in seconds:
                    for words, item in self.by_two.get((reading, second), ()):
                        if best and i + len(words) - 1 <= best[0][-1]:
                            break
                        taken = _words_at(text, tokens, folded, aside, i, words)
                        if taken:
                            best = (taken, dropped, restored, item)
                            break
                if best is None and reading in self.single:
                    best = ([i], dropped, restored, self.single[reading])
            for words, item in self.acronyms_by_first.get(tokens[i][2], ()):
                last = i + len(words) - 1
                if best and last <= best[0][-1]:
                    break
                written = tuple(token[2] for token in tokens[i : last + 1])
                if written != words:
                    continue
                if all(_glued(text, tokens, j) for j in range(i + 1, last + 1)):
                    best = (list(range(i, last + 1)), 0, False, item)
                    break
            if best is None:
                i += 1
                continue
            taken, dropped, restored, item = best
            start = _skip_letters(text, tokens[i][0], dropped)
            end = tokens[taken[-1]][1]
            surface = _surface(text, tokens, taken, start)
            if restored:  # "للمكتب" → "المكتب"
                surface = "ال" + surface[_skip_letters(text, start, 2) - start :]
            mentions.append(KnownMention(start, end, " ".join(surface.split()), item))
            i = taken[-1] + 1
        return mentions


def _glued(text: str, tokens: list[Token], j: int) -> bool:
    """Whether token j follows token j - 1 within one name: only glue between them."""
    gap = text[tokens[j - 1][1] : tokens[j][0]]
    return gap in (" ", ".") or bool(_GLUE.fullmatch(gap))


def _words_at(
    text: str,
    tokens: list[Token],
    folded: list[str],
    aside: list[bool],
    i: int,
    words: tuple[str, ...],
) -> list[int] | None:
    """The token indexes that spell `words` from token i (a bracketed acronym between two
    words is stepped over), or None."""
    taken = [i]
    for word in words[1:]:
        j = taken[-1] + 1
        if j < len(tokens) and aside[j] and folded[j] != word:
            j += 1
            if not (
                j < len(tokens)
                and _OPENING.fullmatch(text[tokens[j - 2][1] : tokens[j - 1][0]])
                and _CLOSING.fullmatch(text[tokens[j - 1][1] : tokens[j][0]])
            ):
                return None
        elif j < len(tokens) and not _glued(text, tokens, j):
            return None
        if j >= len(tokens) or folded[j] != word:
            return None
        taken.append(j)
    return taken


def _surface(text: str, tokens: list[Token], taken: list[int], start: int) -> str:
    """The name as written from `start`, without a bracketed acronym it stepped over."""
    parts = [text[start : tokens[taken[0]][1]]]
    for previous, j in zip(taken, taken[1:], strict=False):
        parts.append(text[tokens[previous][1] : tokens[j][0]] if j == previous + 1 else " ")
        parts.append(text[tokens[j][0] : tokens[j][1]])
    return "".join(parts)


def _skip_letters(text: str, start: int, count: int) -> int:
    """The offset after `count` letters from `start` (harakat and tatweel ride along)."""
    i = start
    while count and i < len(text):
        i += 1
        while i < len(text) and _MARKS.match(text[i]):
            i += 1
        count -= 1
    return i


def _load_file(path: Path) -> list[Institution]:
    data = json.loads(path.read_text(encoding="utf-8"))
    default_kind = data.get("kind")
    items = []
    for entry in data["entries"]:
        items.append(
            Institution(
                key=entry["key"],
                kind=entry.get("kind", default_kind),
                names_ar=tuple(entry.get("ar", ())),
                names_fr=tuple(entry.get("fr", ())),
                acronyms=tuple(entry.get("acronyms", ())),
                region=entry.get("region"),
                as_written=entry.get("as_written", False),
            )
        )
    return items


def load(directory: Path = DATA_DIR) -> tuple[Institution, ...]:
    """Every institution of the data files, checked: unique keys, known kinds and regions."""
    items: list[Institution] = []
    for path in sorted(directory.glob("*.json")):
        items.extend(_load_file(path))
    seen: set[str] = set()
    for item in items:
        problems = []
        if item.key in seen or not re.fullmatch(r"[a-z0-9][a-z0-9-]*", item.key):
            problems.append("duplicate or malformed key")
        if item.kind not in KINDS:
            problems.append(f"unknown kind {item.kind!r}")
        if item.region is not None and item.region not in REGIONS:
            problems.append(f"unknown region {item.region!r}")
        if not (item.names_ar or item.names_fr or item.acronyms):
            problems.append("no name")
        if problems:
            raise ValueError(f"knowledge base, {item.key}: {', '.join(problems)}")
        seen.add(item.key)
    return tuple(items)


@cache
def knowledge_base() -> KnowledgeBase:
    return KnowledgeBase(load())


def institutions() -> tuple[Institution, ...]:
    """Every known institution (read once per process)."""
    return knowledge_base().institutions


def lookup(name: str) -> Institution | None:
    """The institution a name, alias or acronym (Arabic or French, any case) names, if one."""
    return knowledge_base().lookup(name)


def find_institutions(text: str) -> list[KnownMention]:
    """Known institutions named in `text`: longest matches first, never overlapping."""
    return knowledge_base().find(text)
