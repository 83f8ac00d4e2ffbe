"""The project's one Arabic normaliser, for search (both the query and the indexed text)
and for the extractor's look-ups.

Press Arabic writes the same word with or without harakat and tatweel, with any hamza form
of the alef and with ى/ي or ة/ه interchangeably. Folding both sides the same way makes them
compare equal: harakat (and Quranic marks) and tatweel are dropped, أ إ آ ٱ become ا,
ى becomes ي and ة becomes ه; Latin text is lower-cased. The SQL twin of `normalize_arabic`
is the `portal_normalize()` function created by organizations/migrations/0003 on
PostgreSQL; tests/public/test_arabic.py checks they agree.
"""

import re

from django.utils.html import escape

# Harakat, Quranic annotation marks, superscript alef, and the tatweel (U+0640).
MARKS_PATTERN = "[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]"
_MARKS = re.compile(MARKS_PATTERN)
_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_WORD = re.compile(r"\w+")
# Proclitics a highlighted word may carry in the text: "الكيمياء" is found in "للكيمياء".
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال")


# Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the LRM, RLM and
# Arabic letter mark: invisible, and in plain text they reorder what follows them.
BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c"
_BIDI_CONTROLS = re.compile(f"[{BIDI_CONTROLS}]")


def strip_bidi(text: str) -> str:
    """`text` without bidi control characters, for plain-text outputs (calendars, e-mail
    subjects, CSV, feeds) where nothing isolates them as <bdi> and dir=auto do in HTML."""
    return _BIDI_CONTROLS.sub("", text)


def normalize_arabic(text: str) -> str:
    """Fold harakat, tatweel, alef/ya/ta-marbuta variants and case; collapse whitespace."""
    return " ".join(_MARKS.sub("", text).translate(_LETTERS).lower().split())


def _fold_char(char: str) -> str:
    if _MARKS.match(char):
        return ""
    return char.translate(_LETTERS).lower()


def search_terms(query: str) -> list[str]:
    """The normalised words of a query, plus each Arabic word without its article or
    proclitic, longest first, so a highlighter finds them inside the text's own forms."""
    terms: set[str] = set()
    for word in _WORD.findall(normalize_arabic(query)):
        if len(word) < 2:
            continue
        terms.add(word)
        for prefix in _PREFIXES:
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                terms.add(word[len(prefix) :])
                break
    return sorted(terms, key=lambda t: (-len(t), t))


def highlight(text: str, query: str) -> str:
    """HTML-escaped `text` with every match of the query's words wrapped in <mark>.

    Matching happens on the folded text, but the marks go around the original characters,
    harakat included, so the visitor sees the text as it was written.
    """
    terms = search_terms(query)
    if not text or not terms:
        return escape(text or "")
    folded, origin = [], []
    for index, char in enumerate(text):
        for out in _fold_char(char):
            folded.append(out)
            origin.append(index)
    folded_text = "".join(folded)
    covered = [False] * len(text)
    for term in terms:
        start = folded_text.find(term)
        while start >= 0:
            first, last = origin[start], origin[start + len(term) - 1] + 1
            while last < len(text) and _MARKS.match(text[last]):
                last += 1  # keep the harakat of the last letter inside the mark
            for i in range(first, last):
                covered[i] = True
            start = folded_text.find(term, start + len(term))
    parts, i = [], 0
    while i < len(text):
        j = i
        while j < len(text) and covered[j] == covered[i]:
            j += 1
        chunk = escape(text[i:j])
        parts.append(f"<mark>{chunk}</mark>" if covered[i] else chunk)
        i = j
    return "".join(parts)
