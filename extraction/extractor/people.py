"""People and the positions they hold, from the frames the press writes them in.

Frames, most reliable first: the King; board lists ("• NAME، في منصب ROLE"); apposition
with commas ("TITLE لـ ORG، NAME،" and "NAME، TITLE ORG"); "السيد/السيدة NAME"; a name
after a verb of speech ("وصرح مزور"); a common given name followed by a family name; and
an author's byline. A family name alone is kept when that is all the text gives, and is
merged into the full name when the text gives both.
"""

import re
from dataclasses import dataclass, field

from core.arabic import normalize_arabic

from .lexicon import (
    COMPOUND_SECONDS,
    GIVEN_NAMES,
    MONTH_AND_DAY_WORDS,
    NAME_PARTICLES,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_WORDS,
    VERBS,
)
from .organizations import OrgMention, head_of
from .places import match_at
from .text import QUOTES, Doc

BOARD = -1  # position in the board whose members a list gives (resolved by the pipeline)
_KING = re.compile(r"(?:الملك|العاهل المغربي|جلالته)\s+(محمد السادس)")
_BULLET = re.compile(r"^\s*(?:[•●▪◦♦*·►‣-]|\d{1,2}[.)-])\s*")
_SEGMENT_BREAK = re.compile(r"[،,()؛:–—]|\s-\s")
_HONORIFIC = {"السيد", "السيده", "للسيد", "للسيده", "والسيد", "والسيده", "بالسيد", "السيدين"}
_AMBIGUOUS_GIVEN = {
    normalize_arabic(w)
    for w in [
        "نور",
        "أمين",
        "أمينة",
        "سعيد",
        "كريم",
        "كريمة",
        "نبيل",
        "حسن",
        "جمال",
        "كمال",
        "عادل",
        "رشيد",
        "منير",
        "بدر",
        "هدى",
        "وفاء",
        "حياة",
        "دنيا",
        "نجاة",
        "رجاء",
        "بشرى",
        "سعاد",
        "جميلة",
    ]
}
_NOT_NAMES = {
    normalize_arabic(w)
    for w in [
        "منصب",
        "ممثلي",
        "ممثلو",
        "رجال",
        "نساء",
        "أعضاء",
        "عضو",
        "مصدر",
        "بلاغ",
        "بيان",
        "تقرير",
        "السيد",
        "السيدة",
        "السادة",
        "السيدات",
        "صاحب",
        "الجلالة",
        "جلالة",
        "الملك",
        "نصره",
        "الله",
        "رئيسا",
        "رئيسة",
    ]
}


@dataclass(slots=True)
class PersonMention:
    name: str
    first: int
    last: int
    positions: list[tuple[str | None, int | None]] = field(default_factory=list)
    role: str | None = None  # "king" or "author": kept out of event participants


_ACCUSATIVE = re.compile(r"(?<=[\u0621-\u064a]{3})ا$")


def nominative(title: str) -> str:
    """Undo the accusative of lists and objects on the indefinite words opening a phrase.

    "كاتبا عاما" → "كاتب عام", "لقاء تواصليا" → "لقاء تواصلي".
    """
    words = title.split()
    if not words:
        return title
    accusative = normalize_arabic(words[0]).endswith("ا")
    for n, word in enumerate(words):
        folded = normalize_arabic(word)
        if folded.startswith("ال") or folded in STOPWORDS or "،" in word:
            break
        if accusative or n and folded.endswith("يا") and len(folded) >= 5:
            words[n] = _ACCUSATIVE.sub("", word)
    return " ".join(words)


_NEW = {"الجديد", "الجديده", "جديدا", "جديده", "جديد"}


def clean_title(title: str) -> str:
    """A title in the nominative without "new" ("رئيسا جديدا" → "رئيس")."""
    return " ".join(w for w in nominative(title).split() if normalize_arabic(w) not in _NEW)


def _given(word: str) -> str | None:
    """The given name a token reads as, once a leading و/ل/ب is set aside."""
    for variant in (word, word[1:] if word[:1] in "ولب" else ""):
        if variant in GIVEN_NAMES:
            return variant
    return None


class _Finder:
    def __init__(self, doc: Doc, orgs: list[OrgMention]) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.orgs = orgs
        self.people: list[PersonMention] = []
        self.links: list[tuple[int, int]] = []
        self.taken: set[int] = set()
        self.surnames: set[str] = set()
        self.org_at = {}
        for k, m in enumerate(orgs):
            for t in range(m.first, m.last + 1):
                self.org_at[t] = k

    # -- helpers -------------------------------------------------------------------

    def namey(self, i: int, first: bool = False) -> bool:
        """Whether token i can be part of a person's name."""
        t = self.tokens[i]
        word = t.norm
        if first and _given(word) or not first and word in COMPOUND_SECONDS:
            return True
        if t.latin or any(c.isdigit() for c in word) or len(word) < 2 or i in self.org_at:
            return False
        bare = word[1:] if word[:1] == "و" and len(word) > 3 else word
        if {word, bare} & (STOPWORDS | VERBS | TITLE_WORDS | MONTH_AND_DAY_WORDS | _NOT_NAMES):
            return False
        if t.bare in TITLE_WORDS or head_of(word) or word in _HONORIFIC:
            return False
        if first and word.startswith("ال"):
            return False
        return match_at(self.doc, i) is None

    def name_ok(self, first: int, last: int, given_needed: bool = False) -> bool:
        if last < first or last - first > 4 or any(k in self.taken for k in range(first, last + 1)):
            return False
        if given_needed and not _given(self.tokens[first].norm):
            return False
        if not self.namey(first, first=True):
            return False
        return all(self.namey(k) for k in range(first + 1, last + 1))

    def add(self, first: int, last: int, role: str | None = None) -> PersonMention:
        name = self.doc.surface(first, last)
        given = _given(self.tokens[first].norm)
        if given and given != self.tokens[first].norm:
            name = name[1:]
        person = PersonMention(name, first, last, role=role)
        self.people.append(person)
        self.surnames.add(self.tokens[last].norm)
        self.taken.update(range(first, last + 1))
        return person

    def title_word(self, i: int) -> str | None:
        for variant in self.tokens[i].variants():
            if variant in TITLE_WORDS:
                return variant
        return None

    def position(self, start: int, end: int) -> tuple[str | None, int | None] | None:
        """(title, org mention) read from tokens start..end, which begin with a title word."""
        variant = self.title_word(start)
        if variant is None:
            return None
        org = None
        stop = end
        for k in range(start + 1, end + 1):
            if k in self.org_at:
                org, stop = self.org_at[k], k - 1
                break
        while stop >= start and self.tokens[stop].norm in ("ل", "ب", "في"):
            stop -= 1
        title = clean_title(self.doc.surface(start, stop, variant)) if stop >= start else None
        if org is None and title and variant.removesuffix("ه") in ("وزير", "الوزير"):
            org = self._ministry(title)
        return title or None, org

    def _ministry(self, title: str) -> int | None:
        """ "وزيرة الانتقال الطاقي" holds office in "وزارة الانتقال الطاقي" when it is named."""
        portfolio = normalize_arabic(title).split(maxsplit=1)[1:]
        if not portfolio:
            return None
        for k, mention in enumerate(self.orgs):
            if normalize_arabic(mention.name) == f"وزاره {portfolio[0]}":
                return k
        return None

    def segments(self, first: int, last: int) -> list[tuple[int, int]]:
        """Token ranges between commas, brackets, colons and dashes."""
        spans, start = [], first
        for k in range(first + 1, last + 1):
            if _SEGMENT_BREAK.search(self.tokens[k].gap):
                spans.append((start, k - 1))
                start = k
        spans.append((start, last))
        return spans

    # -- frames --------------------------------------------------------------------

    def run(self) -> None:
        self.king()
        self.board_lists()
        for s_start, s_end in self.doc.sentences:
            first = self.doc.first_token_from(s_start)
            last = self.doc.first_token_from(s_end) - 1
            if last >= first:
                self.apposition(first, last)
        self.honorifics()
        self.speech()
        self.byline()
        self.given_names()

    def king(self) -> None:
        for m in _KING.finditer(self.doc.norm):
            first = self.doc.token_index(m.start(1))
            if first is not None and first not in self.taken:
                self.add(first, first + 1, role="king").positions.append(("الملك", None))

    def board_lists(self) -> None:
        text = self.doc.text
        default = None
        offset = 0
        for line in text.splitlines(keepends=True):
            start, end = offset, offset + len(line)
            offset = end
            bullet = _BULLET.match(line)
            if not bullet:
                folded = normalize_arabic(line)
                if "اعضاء" in folded:
                    m = re.search(r"اعضاء\s+((?:ال[\u0621-\u064a]+\s*){1,3})", folded)
                    words = m.group(1).split() if m else []
                    while words and words[-1] in ("الجديد", "الجديده"):
                        words.pop()
                    default = f"عضو {' '.join(words)}" if words else default
                elif folded.strip():
                    default = None if len(folded) > 300 else default
                continue
            first = self.doc.first_token_from(self.doc.folded_offset(start + bullet.end()))
            last = self.doc.first_token_from(self.doc.folded_offset(end)) - 1
            if last > first:
                self.board_item(first, last, default)
                self.taken.update(range(first, last + 1))

    def board_item(self, first: int, last: int, default: str | None) -> None:
        """One member of a board list: the name, an affiliation, the office on the board.

        "NAME، ORG، في منصب ROLE (TITLE لـ LATIN-ORG)" names one body twice: linked.
        """
        name_end = first
        while name_end + 1 <= last and not _SEGMENT_BREAK.search(self.tokens[name_end + 1].gap):
            name_end += 1
        if name_end - first < 1 or not self.name_ok(first, name_end):
            return
        person = self.add(first, name_end)
        role, role_span = self.board_role(name_end + 1, last)
        titled, untitled = [], []
        for k in sorted(
            {self.org_at[t] for t in range(name_end + 1, last + 1) if t in self.org_at}
        ):
            mention = self.orgs[k]
            if role_span and role_span[0] <= mention.first <= role_span[1]:
                continue
            title = self.title_before(mention.first, name_end + 1, last)
            (titled if title else untitled).append((title, k))
        if titled and untitled:
            self.links.append((untitled[0][1], titled[0][1]))
            person.positions.append((titled[0][0], untitled[0][1]))
            person.positions.extend(titled[1:])
        else:
            person.positions.extend((titled or untitled)[:1])
        if role or default:
            person.positions.append((role or default, BOARD))

    def title_before(self, at: int, first: int, last: int) -> str | None:
        """The title written before token `at` in its segment ("المدير العام لـ …")."""
        for seg_first, seg_last in self.segments(first, last):
            if seg_first <= at <= seg_last:
                for t in range(seg_first, at):
                    if self.title_word(t):
                        return self.position(t, at - 1)[0]
        return None

    def board_role(self, first: int, last: int) -> tuple[str | None, tuple[int, int] | None]:
        """The office after "في منصب"/"بمنصب" or after a colon ("… : رئيسا"), to the end."""
        for k in range(first, last + 1):
            if ":" in self.tokens[k].gap and self.title_word(k):
                raw = self.doc.text[self.tokens[k].start : self.tokens[last].end]
                return nominative(" ".join(raw.strip(QUOTES + " .").split())), (k, last)
        for k in range(first, last):
            if self.tokens[k].norm in ("منصب", "بمنصب"):
                start = k + 1
                end = start
                while end + 1 <= last and "(" not in self.tokens[end + 1].gap:
                    end += 1
                raw = self.doc.text[self.tokens[start].start : self.tokens[end].end]
                role = " ".join(raw.strip(QUOTES + " ").split())
                return role.strip(QUOTES + " ") or None, (k, end)
        return None, None

    def apposition(self, first: int, last: int) -> None:
        segs = self.segments(first, last)
        for n, (a, b) in enumerate(segs):
            before = segs[n - 1] if n else None
            after = segs[n + 1] if n + 1 < len(segs) else None
            if self.tokens[a].norm in _HONORIFIC:
                a += 1  # "، السيد عادل الوزاني،"
            # TITLE [ORG]، NAME،
            if before and b - a <= 3 and b > a and self.name_ok(a, b):
                title_at = next(
                    (k for k in range(before[0], before[1] + 1) if self.title_word(k)), None
                )
                if title_at is not None:
                    person = self.add(a, b)
                    person.positions.append(self.position(title_at, before[1]))
                    if (
                        after
                        and self.title_word(after[0]) is not None
                        and not (self.tokens[after[0]].norm.startswith("و"))
                    ):  # "، والرئيس …" opens the next person of a list
                        person.positions.append(self.position(after[0], after[1]))
                    continue
            # NAME، TITLE [ORG]
            if after and self.title_word(after[0]) is not None:
                start = self.name_suffix(a, b)
                if start is not None:
                    person = self.add(start, b)
                    person.positions.append(self.position(after[0], after[1]))

    def name_suffix(self, a: int, b: int) -> int | None:
        """Start of the name that ends segment a..b, if the segment ends with one."""
        for start in range(max(a, b - 3), b):
            if not self.name_ok(start, b):
                continue
            opener = (
                start == a
                or self.tokens[start - 1].bare in VERBS
                or (self.tokens[start - 1].norm in VERBS)
            )
            if opener or _given(self.tokens[start].norm):
                return start
        return None

    def honorifics(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.norm in _HONORIFIC and i + 1 < len(self.tokens):
                known = self.tokens[i + 1].norm in self.surnames
                end = i + 1 if known else self.extent(i + 1, 3)
                if end is not None:
                    self.add(i + 1, end)

    def speech(self) -> None:
        for i, t in enumerate(self.tokens):
            word = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:] in SPEECH_VERBS else t.norm
            if word in SPEECH_VERBS and i + 1 < len(self.tokens):
                end = self.extent(i + 1, 3)
                if end is not None and (end + 1 >= len(self.tokens) or self.closes(end + 1)):
                    self.add(i + 1, end)

    def closes(self, k: int) -> bool:
        """Whether token k ends a name: punctuation or a preposition/conjunction after it."""
        t = self.tokens[k]
        return bool(t.gap.strip()) or t.norm in ("في", "ان", "بان", "علي", "الي", "خلال", "امام")

    def extent(self, i: int, most: int) -> int | None:
        """Last token of the name starting at i (up to `most` words, stopping at punctuation)."""
        if self.tokens[i].gap.strip() or not self.name_ok(i, i):
            return None
        end = i
        while (
            end + 1 < len(self.tokens)
            and end + 1 - i < most
            and not self.tokens[end + 1].gap.strip()
            and self.name_ok(i, end + 1)
        ):
            end += 1
        return end

    def given_names(self) -> None:
        tokens = self.tokens
        for i, t in enumerate(tokens):
            given = _given(t.norm)
            if not given or i in self.taken:
                continue
            end = i
            if end + 1 < len(tokens) and tokens[end + 1].norm in COMPOUND_SECONDS or given == "عبد":
                end += 1
            if end + 1 >= len(tokens) or tokens[end + 1].gap.strip():
                continue
            end += 1
            if tokens[end].norm in NAME_PARTICLES and end + 1 < len(tokens):
                end += 1
            surname = tokens[end].norm
            if given in _AMBIGUOUS_GIVEN and surname.startswith("ال"):
                continue
            if not self.name_ok(i, end):
                continue
            person = self.add(i, end)
            if end + 1 < len(tokens) and not tokens[end + 1].gap.strip():
                stop = end + 1
                while (
                    stop + 1 < len(tokens)
                    and not tokens[stop + 1].gap.strip()
                    and not _given(tokens[stop + 1].norm)
                    and tokens[stop + 1].norm not in STOPWORDS
                ):
                    stop += 1
                position = self.position(end + 1, stop)
                if position:
                    person.positions.append(position)

    def byline(self) -> None:
        """A line holding only a name, after the body: the author's signature."""
        offset = 0
        lines = self.doc.text.splitlines(keepends=True)
        for line in lines:
            start, offset = offset, offset + len(line)
            words = line.split()
            if not 2 <= len(words) <= 3 or start < len(self.doc.text) // 3:
                continue
            first = self.doc.first_token_from(self.doc.folded_offset(start))
            last = first + len(words) - 1
            if last >= len(self.tokens) or self.tokens[last].end > offset:
                continue
            if self.name_ok(first, last, given_needed=True):
                self.add(first, last, role="author").positions.append(("كاتب المقال", None))


def find_people(
    doc: Doc, orgs: list[OrgMention]
) -> tuple[list[PersonMention], list[tuple[int, int]]]:
    """Person mentions in text order, and org mention pairs a board list shows are one body."""
    finder = _Finder(doc, orgs)
    finder.run()
    people = sorted(finder.people, key=lambda p: p.first)
    for person in people:
        person.positions = [p for p in person.positions if p is not None]
    return people, finder.links


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str]
    positions: list[tuple[str | None, int | None]]
    mentions: list[PersonMention]
    role: str | None


def resolve_people(mentions: list[PersonMention]) -> list[Person]:
    """One person per name; a family name alone joins the single full name ending with it."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    for mention in sorted(mentions, key=lambda m: -(m.last - m.first)):
        key = normalize_arabic(mention.name)
        person = by_key.get(key)
        if person is None:
            fuller = [p for k, p in by_key.items() if k.endswith(" " + key)]
            if len(fuller) == 1:
                person = fuller[0]
                if mention.name not in person.aliases:
                    person.aliases.append(mention.name)
        if person is None:
            person = Person(mention.name, [], [], [], mention.role)
            people.append(person)
            by_key[key] = person
        person.mentions.append(mention)
        for position in mention.positions:
            if position not in person.positions:
                person.positions.append(position)
    people.sort(key=lambda p: min(m.first for m in p.mentions))
    return people
