"""Find the existing organisation or person an extracted proposal is about.

An editor should never have to merge a duplicate by hand: before a proposal becomes a new
draft, it is compared with every record of its kind, whatever its status. The candidate
names are loaded once per article (two queries), then each proposal is looked up in memory:

1. exact, after folding (core.arabic.normalize_arabic, accents, punctuation, clitics and
   the article "ال"): the record's Arabic, French or English name or one of its aliases;
2. another name of the same institution, from the knowledge base of Moroccan institutions
   (extraction/knowledge): "Office chérifien des phosphates" finds the record kept as
   "المكتب الشريف للفوسفاط", and "OCP" finds it too; the database's records extend the base;
3. the acronym (CGEM, AMITH), the proposal's or its institution's, when one record alone
   carries it;
4. fuzzy, with rapidfuzz, at or above `FUZZY_THRESHOLD`;
5. for a company (or a body of no known kind), its name read in the other script: "Saïss
   Wiring Systems" finds "سايس وايرينغ سيستمز" when their consonants agree word for word.

Three guards keep different bodies apart: a proposal never matches a record of another region
(both known; from the knowledge base when the article or the record gives none, so a generic
alias, "Conseil régional", cannot find another region's council), names that name different
places ("… لجهة الشرق" and "… لجهة سوس ماسة") never match however similar they read, and an
alias the knowledge base knows as another institution than the name (a regional branch read
with its confederation's name) is not looked up. An exact key several records share ("المركز الجهوي
للاستثمار") decides nothing unless the region picks one of them.

Threshold: on the demo data the closest two *different* organisations score 88.9
("المراكز التقنية الصناعية" / "شبكة المراكز التقنية الصناعية"), people at most 63; spelling
variants of one name (فدرالية/فيدرالية, hamza, a dropped letter, "نور الدين"/"نورالدين",
reordered words "وزارة التجارة والصناعة") score 94 to 100. 90 sits between the two.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process

from core.arabic import normalize_arabic
from core.templatetags.portal_tags import joined
from editorial.models import Status
from organizations.models import Organization, Person

from .extractor.knowledge import Institution, lookup
from .extractor.normalize import strip_clitics
from .extractor.places import find_places
from .extractor.text import Doc

FUZZY_THRESHOLD = 90
# Shorter keys ("مزور", "CRI") are too easily one letter away from someone else.
FUZZY_MIN_LENGTH = 6

_NON_WORD = re.compile(r"[^\w\s]|_")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,11}$")
REASONS = {
    "name": _("same name"),
    "alias": _("an alias"),
    "translation": _("French or English name"),
    "acronym": _("same acronym"),
    "known": _("another name of the same institution"),
    "fuzzy": _("similar name"),
    "transliteration": _("name transliterated"),
    "same-event": _("the same happening"),
    "same-agreement": _("the same agreement"),
}
# What agrees between a proposed event and an existing one (extraction/event_matching.py).
EVIDENCE = {
    "kind": _("kind"),
    "dates": _("dates"),
    "city": _("city"),
    "edition": _("edition"),
    "organisers": _("organisers"),
    "parties": _("parties"),
    "signing": _("signing event"),
    "amount": _("amount"),
    "title": _("title"),
}


@lru_cache(maxsize=1 << 14)
def match_key(text: str) -> str:
    """A name folded for comparison: spelling, accents, case, punctuation, clitics, "ال"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    words = []
    for word in _NON_WORD.sub(" ", normalize_arabic(text)).split():
        word = strip_clitics(word)
        if word.startswith("ال") and len(word) >= 4:
            word = word[2:]
        if word[:1] == "و" and len(word) >= 4:
            word = word[1:]  # the conjunction ("وشبه"), or a first و dropped on both sides
        if word != "و":
            words.append(word)
    return " ".join(words)


def acronym_key(text: str | None) -> str:
    return re.sub(r"[.\s-]", "", text or "").upper()


# -- cross-script names ------------------------------------------------------------------

# A company's name is written in Latin letters in French and transliterated in Arabic ones
# ("Saïss Wiring Systems" / "سايس وايرينغ سيستمز"): both are read as consonant skeletons in
# one coarse alphabet. Vowels, and the letters that stand for them (ا و ي ع / w y h), vary
# too much between writers to count; s, z and sh share a class because the plural "s" is
# written ز and "-tion" ش.
_ARABIC_CONSONANTS = str.maketrans(
    {
        "ب": "b", "پ": "b", "ت": "t", "ط": "t", "ث": "t", "ج": "g", "غ": "g", "گ": "g",
        "ڭ": "g", "ك": "k", "ق": "k", "خ": "k", "ف": "f", "ڤ": "f", "س": "s", "ص": "s",
        "ز": "s", "ش": "s", "ذ": "d", "د": "d", "ض": "d", "ر": "r", "ل": "l", "م": "m",
        "ن": "n",
    }
)  # fmt: skip
_LATIN_SOUNDS = (
    (re.compile(r"ch(?=[lnrt])"), "k"),  # "technologies", "chrome"
    (re.compile(r"sch|sh|ch"), "s"),
    (re.compile(r"ti(?=[aeiou])"), "s"),  # "corporation"
    (re.compile(r"ph"), "f"),
    (re.compile(r"ck|qu|q"), "k"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"c(?=[eiy])"), "s"),
)
_LATIN_CONSONANTS = str.maketrans("cçzjpv", "kssgbf", "aeiouywh")
# Generic words a writer translates rather than transliterates (and so reads differently).
_GENERIC_WORDS = frozenset(
    {"شركة", "مجموعة", "societe", "ste", "groupe", "group", "sa", "sarl", "sas"}
)
# Fewer consonants than this, or a single word with fewer than `SKELETON_MIN_WORD`, is
# shared by too many unrelated names ("OCP" / "أوسيبي" would read as one "ksb").
SKELETON_MIN = 5
SKELETON_MIN_WORD = 6
# Below the fuzzy threshold's certainty: a reading, not a spelling.
TRANSLITERATION_SCORE = 85
# Only companies and bodies of no known kind: ministries and public bodies have Arabic and
# French names of their own that the knowledge base links.
TRANSLITERATED_KINDS = frozenset({"company", "other"})


def _collapse(letters: str) -> str:
    """Doubled consonants ("ss", "ll") are written once in the other script."""
    return re.sub(r"(.)\1+", r"\1", letters)


@lru_cache(maxsize=1 << 14)
def transliteration_key(text: str) -> tuple[str, str]:
    """The script a name is written in ("ar", "latin" or "" when mixed or neither) and its
    consonant skeleton, word by word; an empty skeleton when too short to tell names apart."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    words = [w for w in _NON_WORD.sub(" ", folded).split() if w not in _GENERIC_WORDS]
    if not words:
        return "", ""
    if all(re.fullmatch(r"[\u0621-\u06ff]+", w) for w in words):
        script = "ar"
        skeletons = [re.sub(r"[^a-z]", "", w.translate(_ARABIC_CONSONANTS)) for w in words]
    elif all(re.fullmatch(r"[a-z]+", w) for w in words):
        script = "latin"
        skeletons = []
        for word in words:
            for sound, letter in _LATIN_SOUNDS:
                word = sound.sub(letter, word)
            skeletons.append(word.translate(_LATIN_CONSONANTS))
    else:
        return "", ""
    skeletons = [_collapse(s) for s in skeletons if s]
    length = sum(map(len, skeletons))
    if length < SKELETON_MIN or (len(skeletons) == 1 and length < SKELETON_MIN_WORD):
        return script, ""
    return script, " ".join(skeletons)


@lru_cache(maxsize=1 << 12)
def _places(name: str) -> frozenset[str]:
    """The cities and regions a name contains, as region slugs and city names."""
    return frozenset(
        f"{m.place.kind}:{m.place.name}:{m.place.region}" for m in find_places(Doc(name))
    )


@dataclass(frozen=True)
class Candidate:
    """An existing record a proposal is about, how sure we are (0–100) and why."""

    pk: int
    name: str
    status: str
    slug: str
    score: float
    reason: str  # "name", "alias", "translation", "known", "acronym", "fuzzy", "same-event"
    evidence: tuple[str, ...] = ()  # for events: what agrees (EVIDENCE)

    @property
    def reason_label(self) -> str:
        if self.evidence:
            agreeing = joined(EVIDENCE[e] for e in self.evidence)
            return f"{REASONS[self.reason]}: {agreeing}"
        return str(REASONS[self.reason])

    @property
    def status_label(self) -> str:
        return str(Status(self.status).label)


@dataclass(frozen=True)
class _Row:
    pk: int
    name: str
    status: str
    slug: str
    region: str | None
    names: tuple[tuple[str, str], ...]  # (original name, reason)
    acronym: str
    kind: str = ""  # an organisation's (OrganizationKind)


class RecordIndex:
    """Every organisation or person's names, keyed for the three look-ups."""

    def __init__(self, rows: list[_Row]) -> None:
        self.rows = {row.pk: row for row in rows}
        self.exact: dict[str, list[tuple[int, str, str]]] = {}
        self.acronyms: dict[str, set[int]] = {}
        self.fuzzy_keys: list[str] = []
        self.compact_keys: list[str] = []  # without spaces: "نور الدين" / "نورالدين"
        self.fuzzy_owners: list[tuple[int, str]] = []
        # (script, skeleton) -> (pk, name): a name found written in the other script
        self.transliterated: dict[tuple[str, str], list[tuple[int, str]]] = {}
        for row in rows:
            if row.kind in TRANSLITERATED_KINDS:
                for name, _reason in row.names:
                    script, skeleton = transliteration_key(name)
                    if skeleton:
                        self.transliterated.setdefault((script, skeleton), []).append(
                            (row.pk, name)
                        )
            for name, reason in row.names:
                key = match_key(name)
                if not key:
                    continue
                self.exact.setdefault(key, []).append((row.pk, reason, name))
                if len(key) >= FUZZY_MIN_LENGTH:
                    self.fuzzy_keys.append(key)
                    self.compact_keys.append(key.replace(" ", ""))
                    self.fuzzy_owners.append((row.pk, name))
            if row.acronym:
                self.acronyms.setdefault(row.acronym, set()).add(row.pk)

    @classmethod
    def organizations(cls) -> "RecordIndex":
        rows = []
        fields = ("pk", "name_ar", "name_fr", "name_en", "aliases", "acronym", "status", "slug")
        # A record merged into another is known by the survivor (its names are aliases there).
        live = Organization.objects.filter(replaced_by__isnull=True)
        for values in live.values_list(*fields, "region__slug", "kind"):
            pk, ar, fr, en, aliases, acronym, status, slug, region, kind = values
            region = region or _known_region(ar, fr, en)
            rows.append(
                _Row(pk, ar or fr or en or "", status, slug, region,
                     _names(ar, fr, en, aliases), acronym_key(acronym), kind)
            )  # fmt: skip
        return cls(rows)

    @classmethod
    def people(cls) -> "RecordIndex":
        rows = []
        fields = ("pk", "name_ar", "name_fr", "name_en", "aliases", "status", "slug")
        live = Person.objects.filter(replaced_by__isnull=True)
        for pk, ar, fr, en, aliases, status, slug in live.values_list(*fields):
            rows.append(
                _Row(pk, ar or fr or en or "", status, slug, None,
                     _names(ar, fr, en, aliases), "")
            )  # fmt: skip
        return cls(rows)

    # -- look-ups ----------------------------------------------------------------------

    def _candidate(self, pk: int, score: float, reason: str) -> Candidate:
        row = self.rows[pk]
        return Candidate(pk, row.name, row.status, row.slug, round(score, 1), reason)

    def _allowed(self, pk: int, region: str | None, name: str, other: str) -> bool:
        """Same region when both are known; the same places in the two names, and none
        in the proposal that the record's own name contradicts."""
        row = self.rows[pk]
        if region and row.region and region != row.region:
            return False
        if _places(name) != _places(other):
            return False
        own = _places(row.name)
        return not (_places(name) and own and own != _places(name))

    def find(
        self,
        names: list[str],
        *,
        acronym: str | None = None,
        region: str | None = None,
        kind: str | None = None,
    ) -> Candidate | None:
        """The record the proposal named `names` (its name first) is about, or None; `kind`,
        an organisation's when the article tells it."""
        names = [n for n in names if n and n.strip()]
        if not names:
            return None
        names = _own_aliases(names)
        known = _institution(names, acronym)
        # The region the knowledge base gives the institution holds for every look-up: a
        # generic alias ("Conseil régional") must not find another region's council.
        region = region or (known.region if known else None)
        # 1. exact: the proposal's own name first, then its aliases
        for name in names:
            hits = [
                (pk, reason)
                for pk, reason, other in self.exact.get(match_key(name), ())
                if self._allowed(pk, region, name, other)
            ]
            owners = {pk for pk, _reason in hits}
            if len(owners) == 1:
                pk, reason = hits[0]
                return self._candidate(pk, 100, reason)
            if len(owners) > 1 and name == names[0]:
                return None  # a name several records answer to: an editor must choose
        # 2. the institution's other names, in either language
        if known:
            owners_by_name = {}
            for name in known.names_ar + known.names_fr:
                for pk, _reason, other in self.exact.get(match_key(name), ()):
                    if self._allowed(pk, region, name, other):
                        owners_by_name.setdefault(pk, name)
            if len(owners_by_name) == 1:
                return self._candidate(next(iter(owners_by_name)), 100, "known")
        # 3. acronym
        written = [acronym_key(acronym)] + [n for n in names if _ACRONYM.match(n.strip())]
        written += list(known.acronyms) if known else []
        for key in filter(None, map(acronym_key, written)):
            owners = {
                pk for pk in self.acronyms.get(key, ())
                if not (region and self.rows[pk].region and region != self.rows[pk].region)
            }  # fmt: skip
            if len(owners) == 1:
                return self._candidate(owners.pop(), 100, "acronym")
        # 4. fuzzy, on the proposal's own name only (aliases are often generic)
        fuzzy = self._fuzzy(names[0], region)
        if fuzzy or (kind is not None and kind not in TRANSLITERATED_KINDS):
            return fuzzy
        # 5. the same name in the other script, a company's read in Arabic and in French
        return self._transliterated(names[0], region, known)

    def _fuzzy(self, name: str, region: str | None) -> Candidate | None:
        key = match_key(name)
        if len(key) < FUZZY_MIN_LENGTH or not self.fuzzy_keys:
            return None
        best: dict[int, float] = {}
        searches = (
            (key, self.fuzzy_keys, fuzz.token_sort_ratio),
            (key.replace(" ", ""), self.compact_keys, fuzz.ratio),
        )
        for query, choices, scorer in searches:
            for _key, score, index in process.extract(
                query, choices, scorer=scorer, score_cutoff=FUZZY_THRESHOLD, limit=5
            ):
                pk, other = self.fuzzy_owners[index]
                if self._allowed(pk, region, name, other):
                    best[pk] = max(best.get(pk, 0), score)
        if not best:
            return None
        pk = max(best, key=best.get)
        return self._candidate(pk, best[pk], "fuzzy")

    def _transliterated(
        self, name: str, region: str | None, known: Institution | None
    ) -> Candidate | None:
        """The one record with a name in the other script that reads the same, word for
        word; never a record the knowledge base knows as another institution. The
        proposal's own name only, as for fuzzy matching: its aliases are often generic."""
        script, skeleton = transliteration_key(name)
        if not skeleton:
            return None
        other_script = "latin" if script == "ar" else "ar"
        owners = {
            pk
            for pk, other in self.transliterated.get((other_script, skeleton), ())
            if self._allowed(pk, region, name, other)
            and not _other_institution(known, self.rows[pk])
        }
        if len(owners) != 1:
            return None  # none, or several that read the same: an editor must choose
        return self._candidate(owners.pop(), TRANSLITERATION_SCORE, "transliteration")


def _own_aliases(names: list[str]) -> list[str]:
    """The name and those of its aliases that the knowledge base does not know as another
    institution: a regional branch read with its national body's name as an alias
    ("… لجهة X" and the confederation itself) must not be matched to that body."""
    own = lookup(names[0])
    if own is None:
        return names
    return [names[0]] + [
        alias for alias in names[1:] if (other := lookup(alias)) is None or other.key == own.key
    ]


@lru_cache(maxsize=1 << 14)
def _known_region(*names: str | None) -> str | None:
    """The region the knowledge base gives the institution a record names, for a record
    kept without one (an ingested draft)."""
    known = _institution([n for n in names if n], None)
    return known.region if known else None


def _institution(names: list[str], acronym: str | None) -> Institution | None:
    """The known institution the proposal's name, aliases or acronym name, if any."""
    for name in [*names, acronym or ""]:
        found = lookup(name)
        if found:
            return found
    return None


def _other_institution(known: Institution | None, row: _Row) -> bool:
    """Whether the proposal and the record are two different known institutions: the
    knowledge base keeps them apart, however alike their names read."""
    if known is None:
        return False
    theirs = _institution([name for name, _reason in row.names], None)
    return theirs is not None and theirs.key != known.key


def _names(ar, fr, en, aliases) -> tuple[tuple[str, str], ...]:
    names = [(ar, "name"), (fr, "translation"), (en, "translation")]
    names += [(alias, "alias") for alias in aliases or () if isinstance(alias, str)]
    return tuple((name, reason) for name, reason in names if name)


@dataclass(frozen=True)
class Matches:
    """Per extracted organisation and person (same order as the record), its candidate."""

    organizations: list[Candidate | None]
    people: list[Candidate | None]


def matches_find(record: dict) -> Matches:
    """Match an extraction record's organisations and people against the database."""
    organizations = RecordIndex.organizations() if record["organizations"] else None
    people = RecordIndex.people() if record["people"] else None
    return Matches(
        organizations=[
            organizations.find(
                [org["name"], *org.get("aliases", ())],
                acronym=org.get("acronym"),
                region=org.get("region"),
                kind=org.get("kind"),
            )
            for org in record["organizations"]
        ],
        people=[
            # A person's aliases are their surname: only a surname alone in the text is
            # looked up as one, a full name is not matched on its surname.
            people.find([person["name"]])
            for person in record["people"]
        ],
    )
