"""French article text: cleaning that keeps offsets, folding for look-ups, sentences.

Every rule matches on the original text (offsets stay those of the article) and compares
words through `fold`, so "Fès", "FES" and "fes" are the same key.
"""

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property, lru_cache

_TAG = re.compile(r"<[^<>]{0,2000}>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufeff\u200b-\u200f]")
# Abbreviations whose full stop does not end a sentence.
_ABBREVIATIONS = {"m", "mm", "mme", "mmes", "mlle", "dr", "pr", "me", "st", "ste", "av", "n°",
                  "no", "etc", "cf", "p", "env", "hab", "art"}  # fmt: skip
_END = re.compile(r"[.!?;]+[\"»”]?(?=\s)|\n+")
APOSTROPHES = "'’ʼ`"
# Superscript letters of ordinals ("11ᵉ édition", "1ᵉʳ juin") read as their plain letters.
_SUPERSCRIPTS = str.maketrans("ᵉʳᵐᵈˢᵒ", "ermdso")


def clean(text: str) -> str:
    """HTML tags, controls and lone surrogates blanked, every offset kept in place."""
    text = _TAG.sub(lambda m: " " * len(m.group()), text)
    text = _CONTROL.sub(" ", text).replace("’", "'").replace("ʼ", "'")
    return text.translate(_SUPERSCRIPTS)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case without accents, apostrophes and dashes as spaces: the look-up key."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    for mark in APOSTROPHES + "-–—":
        bare = bare.replace(mark, " ")
    return " ".join(bare.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int


class Text:
    """The cleaned article and its sentences (offsets into the given text)."""

    def __init__(self, text: str) -> None:
        self.text = clean(text)

    @cached_property
    def sentences(self) -> list[Sentence]:
        found, start = [], 0
        for m in _END.finditer(self.text):
            if m.group().startswith(".") and self._abbreviation(m.start()):
                continue
            self._add(found, start, m.end())
            start = m.end()
        self._add(found, start, len(self.text))
        return found

    def _abbreviation(self, dot: int) -> bool:
        word = re.search(r"(\S+)$", self.text[max(0, dot - 8) : dot])
        return bool(word) and (
            word.group(1).lower().lstrip('(«"') in _ABBREVIATIONS
            or len(word.group(1)) == 1
            and word.group(1).isupper()
        )

    def _add(self, found: list[Sentence], start: int, end: int) -> None:
        chunk = self.text[start:end]
        if chunk.strip():
            left = start + len(chunk) - len(chunk.lstrip())
            right = end - (len(chunk) - len(chunk.rstrip()))
            found.append(Sentence(left, right))

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence holding `offset` (the nearest one before it otherwise)."""
        return max(bisect_right(self._starts, offset) - 1, 0)

    def span(self, index: int) -> list[int]:
        s = self.sentences[index]
        return [s.start, s.end]
