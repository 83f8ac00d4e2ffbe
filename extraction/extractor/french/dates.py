"""Dates as the French press writes them, resolved against the publication date.

"les 14 et 15 mai 2024", "du 19 au 21 juin", "du 30 septembre au 2 octobre", "le 1er mars",
"mardi dernier", "jeudi prochain", "hier", and a bare weekday ("lundi à Oujda") read as the
last such day on or before publication. A year left out is the one nearest the publication.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {"janvier": 1, "fevrier": 2, "février": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
          "juillet": 7, "aout": 8, "août": 8, "septembre": 9, "octobre": 10, "novembre": 11,
          "decembre": 12, "décembre": 12}  # fmt: skip
_MONTH_NAMES = {number: name for name, number in MONTHS.items()}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
            "dimanche": 6}  # fmt: skip
_MONTH = "(?P<{0}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"
_DAY = r"(?P<{0}>[0-3]?\d)(?:er|e)?"
_YEAR = r"(?:\s+(?P<{0}>(?:19|20)\d\d))?"
_WEEKDAY = "(?:(?:" + "|".join(WEEKDAYS) + r")\s+)?"
_PATTERNS = [
    # du 30 septembre au 2 octobre 2025
    re.compile(
        rf"\b{_WEEKDAY}{_DAY.format('d1')}\s+{_MONTH.format('m1')}{_YEAR.format('y1')}"
        rf"\s+(?:au|à|-|–)\s+{_WEEKDAY}{_DAY.format('d2')}\s+{_MONTH.format('m2')}"
        rf"{_YEAR.format('y2')}",
        re.I,
    ),
    # les 14 et 15 mai 2024, du 19 au 21 juin, 14-15 mai
    re.compile(
        rf"\b{_WEEKDAY}{_DAY.format('d1')}\s*(?:et|au|à|-|–)\s*{_WEEKDAY}{_DAY.format('d2')}"
        rf"\s+{_MONTH.format('m2')}{_YEAR.format('y2')}",
        re.I,
    ),
    # le 1er mars, mardi 11 février 2025
    re.compile(
        rf"\b{_WEEKDAY}{_DAY.format('d2')}\s+{_MONTH.format('m2')}{_YEAR.format('y2')}", re.I
    ),
]
# "le 12 courant": a day of the publication's month
_CURRENT_MONTH = re.compile(r"\b(?P<day>[0-3]?\d)(?:er)?\s+courant\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")(?:\s+(?P<side>dernier|passé|prochain))?\b"
    r"|\b(?P<word>avant-hier|hier|aujourd'hui|demain)\b",
    re.I,
)
_FUTURE = re.compile(r"\s+prochains?\b", re.I)
_WEEKDAY_PAIR = re.compile(
    r"\b(" + "|".join(WEEKDAYS) + r")\s+et\s+(" + "|".join(WEEKDAYS) + r")\b(?!\s+\d)", re.I
)


@dataclass(frozen=True, slots=True)
class DateMention:
    start: date
    end: date
    offset: int  # where it is written in the text
    until: bool = False  # "jusqu'au samedi 26 avril": where an event that began earlier ends

    @property
    def is_range(self) -> bool:
        return self.end != self.start


def _near_year(month: int, day: int, published: date | None) -> int | None:
    if published is None:
        return None
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:
            continue
    if not options:
        return None
    return min(options, key=lambda d: abs((d - published).days)).year


def _make(day: str, month: str, year: int | None) -> date | None:
    if year is None:
        return None
    try:
        return date(year, MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def _absolute(m: re.Match, published: date | None) -> tuple[date, date] | None:
    groups = m.groupdict()
    m2 = groups["m2"]
    y2 = int(groups["y2"]) if groups.get("y2") else None
    if y2 is None:
        y2 = _near_year(MONTHS[m2.lower()], int(groups["d2"]), published)
    end = _make(groups["d2"], m2, y2)
    if end is None:
        return None
    if groups.get("y2") is None and published and m.group(0) and _FUTURE.match(m.string, m.end()):
        later = _make(groups["d2"], m2, end.year + 1)  # "du 7 au 9 novembre prochain"
        end = later if end < published and later else end
    if groups.get("d1") is None:
        return end, end
    m1 = groups.get("m1") or m2
    y1 = int(groups["y1"]) if groups.get("y1") else end.year
    start = _make(groups["d1"], m1, y1)
    if start is not None and start > end:
        start = _make(groups["d1"], m1, y1 - 1)
    if start is None or start > end or (end - start).days > 60:
        return None
    return start, end


_UNTIL = re.compile(r"[Jj]usqu['’](?:au|à)\s*$")  # "… jusqu'au", "Jusqu'à dimanche 13 avril"


def find_dates(text: str, published: date | None) -> list[DateMention]:
    """Every date or date range in the text, in order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            dates = _absolute(m, published)
            if dates:
                until = bool(_UNTIL.search(text, max(0, m.start() - 12), m.start()))
                found.append(DateMention(dates[0], dates[1], m.start(), until))
                taken.append(m.span())
    if published is not None:
        for m in _WEEKDAY_PAIR.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            first = _last_weekday(published, WEEKDAYS[m.group(1).lower()])
            last = _last_weekday(published, WEEKDAYS[m.group(2).lower()])
            if first <= last:
                found.append(DateMention(first, last, m.start()))
                taken.append(m.span())
        for m in _CURRENT_MONTH.finditer(text):
            day = _make(m.group("day"), _MONTH_NAMES[published.month], published.year)
            if day is not None:
                found.append(DateMention(day, day, m.start()))
                taken.append(m.span())
        for m in _RELATIVE.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            until = bool(_UNTIL.search(text, max(0, m.start() - 12), m.start()))
            day = _relative(m, text, published)
            if day is not None and until and not m.group("word") and not m.group("side"):
                # "qui se poursuit jusqu'à jeudi": the coming one, where the event ends
                day = published + timedelta(days=(day.weekday() - published.weekday()) % 7)
            if day is not None:
                found.append(DateMention(day, day, m.start(), until))
    return sorted(found, key=lambda d: d.offset)


def _relative(m: re.Match, text: str, published: date) -> date | None:
    word = (m.group("word") or "").lower()
    if word:
        shift = {"avant-hier": -2, "hier": -1, "aujourd'hui": 0, "demain": 1}[word]
        return published + timedelta(days=shift)
    weekday = WEEKDAYS[m.group("weekday").lower()]
    side = (m.group("side") or "").lower()
    if side == "prochain":
        return published + timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    if side in ("dernier", "passé"):
        return published - timedelta(days=(published.weekday() - weekday - 1) % 7 + 1)
    if re.search(
        r"\b(?:chaque|les|tous\s+les|du|au|le)\s*$", text[max(0, m.start() - 12) : m.start()], re.I
    ):
        return None  # "chaque lundi", "du lundi au vendredi": not a date
    clause = re.split(r"[.!?\n]", text[max(0, m.start() - 200) : m.start()])[-1]
    if _COMING.search(clause):  # "accueille à partir de ce mercredi", "se tiendra jeudi"
        return published + timedelta(days=(weekday - published.weekday()) % 7)
    return _last_weekday(published, weekday)


_COMING = re.compile(
    r"\b(?:à\s+partir\s+d[e']\s*(?:ce\s+)?$|dès\s+ce\s+$|sera|seront|se\s+tiendra|se\s+tiendront"
    r"|aura|auront|\w+(?:era|eront)\b)",
    re.I,
)


def _last_weekday(published: date, weekday: int) -> date:
    """The last such weekday on or before the publication date: news reports the past."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)
