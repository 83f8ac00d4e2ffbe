"""Amounts in dirhams and multi-year periods as the French press writes them.

"45 millions de dirhams", "1,26 milliard de DH", "un milliard de dirhams", "2,4 MMDH",
"900 MDH", "120 M DH", "un demi-milliard de dirhams", "12.500.000 DH", "soixante-cinq
millions de dirhams", "un milliard et demi de dirhams" become integer MAD;
"2023-2027" and "sur la période 2024-2026" become (start, end) years.
"""

import re
from dataclasses import dataclass

_WORDS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
          "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14,
          "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40,
          "cinquante": 50, "soixante": 60, "cent": 100, "cents": 100}  # fmt: skip
_WORD = "|".join(sorted(_WORDS, key=len, reverse=True))
# "soixante-cinq", "deux cent cinquante", "quatre-vingt-dix", "vingt et un"
_WORD_NUMBER = rf"(?:{_WORD})(?:(?:-et-|\s+et\s+|-|\s+)(?:{_WORD})\b)*"
_NUMBER = (
    r"(?P<number>\d{1,3}(?:[.\s\u00a0\u202f]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|demi|"
    + _WORD_NUMBER
    + r")(?:-(?=milliard|million))?"
)
# "120 M DH", "1,2 Md DH": a bare "M" or "Md" is a scale only before the currency.
_SCALE = (
    r"(?P<scale>milliards?|millions?|mille|mmdhs?|mdhs?|mmad|mds?|mrds?|mmdirhams"
    r"|m(?=\.?\s*(?:de\s+)?dhs?\b))\b"
)
_CURRENCY = r"(?P<currency>dirhams?|dhs?|mad)\b"
_AMOUNT = re.compile(
    rf"(?<![\w,.]){_NUMBER}\s*(?:{_SCALE}(?P<half>\s+et\s+demi)?\.?\s*(?:de\s+|d')?)?"
    rf"(?:{_CURRENCY})?",
    re.I,
)
_SCALES = {"milliard": 10**9, "milliards": 10**9, "md": 10**9, "mds": 10**9,
           "mrd": 10**9, "mrds": 10**9, "mmdh": 10**9, "mmdhs": 10**9, "mmad": 10**9,
           "million": 10**6, "millions": 10**6, "mdh": 10**6, "mdhs": 10**6, "m": 10**6,
           "mille": 10**3}  # fmt: skip
# Scales that carry the currency: "900 MDH", "2,4 MMDH".
_WITH_CURRENCY = {"mmdh", "mmdhs", "mdh", "mdhs", "mmad"}
_PERIOD = re.compile(r"(?<![\d/.,])((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)\d\d)(?![\d/])")
_PERIOD_WORDS = re.compile(
    r"(?:p[ée]riode|horizon|entre|de|années)\s+(\d{4})\s+(?:à|et)\s+(\d{4})", re.I
)


@dataclass(frozen=True, slots=True)
class Amount:
    value: int
    start: int
    end: int


def _words_value(words: str) -> float:
    """ "soixante-cinq" → 65, "deux cent cinquante" → 250, "quatre-vingt-dix" → 90."""
    total = 0
    previous = 0
    for word in re.split(r"-et-|\s+et\s+|[-\s]+", words):
        value = _WORDS[word]
        if value == 100:
            total = (total or 1) * 100
        elif value == 20 and previous == 4:
            total += 76  # "quatre-vingt": 4 × 20, the 4 already counted
        else:
            total += value
        previous = value
    return float(total)


def _value(number: str) -> float:
    number = number.lower()
    if number == "demi":
        return 0.5
    if number[0].isalpha():
        return _words_value(number)
    digits = re.sub(r"[\s\u00a0\u202f]", "", number)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(".", "")
    return float(digits.replace(",", "."))


def find_amounts(text: str) -> list[Amount]:
    """Every sum of money in dirhams (an integer number of MAD), in order."""
    found = []
    for m in _AMOUNT.finditer(text):
        scale, currency = (m.group("scale") or "").lower(), m.group("currency")
        if not currency and scale not in _WITH_CURRENCY:
            continue
        if m.group("number")[0].isalpha() and not scale:
            continue  # "deux dirhams" is no investment; "cent" alone neither
        value = (_value(m.group("number")) + bool(m.group("half")) / 2) * _SCALES.get(scale, 1)
        if value >= 1000:
            found.append(Amount(round(value), m.start(), m.end()))
    return found


def find_periods(text: str) -> list[tuple[int, int, int]]:
    """(start year, end year, offset) of every span of years ("2024-2026"), in order."""
    found = []
    for pattern in (_PERIOD, _PERIOD_WORDS):
        for m in pattern.finditer(text):
            first, last = int(m.group(1)), int(m.group(2))
            if first < last <= first + 15:
                found.append((first, last, m.start()))
    return sorted(found, key=lambda p: p[2])
