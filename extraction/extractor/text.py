"""The analysed article: cleaned text, a folded copy mapped back to it, tokens and sentences.

Every extractor matches on the folded copy (so spelling variants match) and reports offsets
into the original text (so editors see the supporting sentence).
"""

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cached_property

from core.arabic import MARKS_PATTERN, normalize_arabic

from .normalize import clitic_variants, strip_clitics

_TAG = re.compile(r"<[^<>]{0,2000}>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff\u200b-\u200f]")
# Words; a Latin word glued to an Arabic clitic ("وKarim") is a word of its own.
_TOKEN = re.compile(
    r"[0-9]*[A-Za-z\u00c0-\u024f][0-9A-Za-z\u00c0-\u024f]*|[0-9\u0621-\u064a\u066e-\u06d3]+"
)
_SENTENCE_END = re.compile(r"[.!?؟؛]+(?=\s|$|[\"”’»])|\n")
QUOTES = "\"“”«»″„‟'’‘"
# What opens an item of a list: a bullet or a number ("- ", "• ", "2) ").
BULLET = r"(?:[•●▪◦♦*·►‣–—-]|\d{1,2}[.)-])"


def clean(text: str) -> str:
    """Blank HTML tags, NULs, controls and lone surrogates, keeping every offset in place."""
    text = _TAG.sub(lambda m: " " * len(m.group()), text)
    return _CONTROL.sub(" ", text)


_MARKS = re.compile(MARKS_PATTERN)
# The letter folds of normalize_arabic (alef, ya, ta marbuta), read off it rather than
# copied, so the extractor and the search can never fold a letter differently.
_FOLD = {
    ord(c): normalize_arabic(c)
    for c in map(chr, range(0x0600, 0x0700))
    if normalize_arabic(c) not in ("", c)
}
_FOLD.update(
    {ord(a): b for a, b in zip("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789", strict=True)}
)
_FOLD.update(
    {c: chr(c).lower() for c in range(0x41, 0x250) if len(chr(c).lower()) == 1 and chr(c).isupper()}
)
# Runs that fold changes: marks, whitespace other than one plain space, and a leading space.
# Single spaces between words, most of the text's gaps, are kept as they are.
_IRREGULAR = re.compile(rf"(?:\s|{MARKS_PATTERN}){{2,}}|[^\S ]|{MARKS_PATTERN}|^ ")


def fold(text: str) -> tuple[str, list[int]]:
    """normalize_arabic plus digit folding, keeping newlines and a map to original offsets.

    Folding maps one character to at most one, so the map is built run by run: kept runs
    map to their own offsets, a whitespace run to its first whitespace character (a newline
    if it holds one, else a space; nothing before the first word), marks to nothing.
    """
    text = text.translate(_FOLD)
    out: list[str] = []
    where: list[int] = []
    kept = 0
    for m in _IRREGULAR.finditer(text):
        start, end = m.span()
        if start > kept:
            out.append(text[kept:start])
            where.extend(range(kept, start))
        run = m.group()
        space = next((k for k, c in enumerate(run) if c.isspace()), None)
        if space is not None and where:
            out.append("\n" if "\n" in run else " ")
            where.append(start + space)
        kept = end
    if kept < len(text):
        out.append(text[kept:])
        where.extend(range(kept, len(text)))
    where.append(len(text))
    return "".join(out), where


@dataclass(slots=True)
class Token:
    """A word of the folded text; `start`/`end` are offsets in the original text."""

    norm: str
    start: int
    end: int
    nstart: int
    nend: int
    gap: str  # folded text between the previous token and this one
    latin: bool = False  # written in Latin script (or digits)

    @property
    def bare(self) -> str:
        """The folded word without article clitics ("بالرباط" → "الرباط")."""
        return strip_clitics(self.norm)

    def variants(self) -> tuple[str, ...]:
        return clitic_variants(self.norm)


class Doc:
    """Text analysed once and shared by every extractor."""

    def __init__(self, text: str) -> None:
        self.text = clean(text)
        self.norm, self._map = fold(self.text)
        norm, where = self.norm, self._map
        spans = [m.span() for m in _TOKEN.finditer(norm)]
        ends = [0, *(end for _start, end in spans)][: len(spans)]
        self.tokens: list[Token] = [
            Token(norm[s:e], where[s], where[e - 1] + 1, s, e, norm[p:s], norm[s].isascii())
            for (s, e), p in zip(spans, ends, strict=True)
        ]
        self._token_at = {t.nstart: i for i, t in enumerate(self.tokens)}
        self.memo: dict = {}  # per-document caches of the extractors (places by token)

    def orig(self, nstart: int, nend: int) -> tuple[int, int]:
        """Original offsets of a folded span."""
        if nend <= nstart:
            return self._map[nstart], self._map[nstart]
        return self._map[nstart], self._map[nend - 1] + 1

    def folded_offset(self, original: int) -> int:
        """The folded offset of the first character at or after an original offset."""
        return bisect_left(self._map, original)

    def token_index(self, nstart: int) -> int | None:
        """Index of the token starting at a folded offset, if any."""
        return self._token_at.get(nstart)

    def first_token_from(self, nstart: int) -> int:
        """Index of the first token starting at or after a folded offset."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].nstart < nstart:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def surface(self, first: int, last: int, variant: str | None = None) -> str:
        """Original text of tokens first..last without the first word's clitics or quotes.

        `variant` is the clitic-free reading of the first token that a lexicon matched.
        """
        head = self.tokens[first]
        raw = self.text[head.start : self.tokens[last].end]
        if variant and variant != head.norm and head.norm.endswith(variant):
            raw = drop_letters(raw, len(head.norm) - len(variant))
        return strip_surface(raw)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Folded (start, end) of sentences: split at full stops, ؛ and newlines."""
        spans = []
        start = 0
        for m in _SENTENCE_END.finditer(self.norm):
            if self.norm[start : m.start()].strip():
                spans.append((start, m.start()))
            start = m.end()
        if self.norm[start:].strip():
            spans.append((start, len(self.norm)))
        return spans

    def sentence_of(self, nstart: int) -> int:
        """Index of the sentence holding a folded offset (the last one starting before it)."""
        lo, hi = 0, len(self.sentences)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.sentences[mid][0] <= nstart:
                lo = mid + 1
            else:
                hi = mid
        return max(lo - 1, 0)

    def sentence_span(self, index: int) -> list[int]:
        """Original [start, end] of a sentence, trimmed of spaces."""
        start, end = self.orig(*self.sentences[index])
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return [start, end]


_EDGE = re.compile(rf"^[\s{QUOTES}()\[\]،,:؛\-–—•♦]+|[\s{QUOTES}()\[\]،,:؛.\-–—]+$")


def strip_surface(text: str) -> str:
    """Trim punctuation and quotes, drop the first word's article clitics, fold inner spaces."""
    text = " ".join(_EDGE.sub("", text).split())
    first, _, rest = text.partition(" ")
    return f"{strip_clitics(first)} {rest}".strip()


def drop_letters(text: str, count: int) -> str:
    """Drop `count` leading letters (harakat and tatweel ride along) from original text."""
    i = 0
    while count and i < len(text):
        if not _MARKS.match(text[i]):
            count -= 1
        i += 1
    while i < len(text) and _MARKS.match(text[i]):
        i += 1
    return text[i:]
