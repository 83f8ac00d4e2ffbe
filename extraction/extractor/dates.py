"""Dates as Moroccan and Middle-Eastern press write them, matched on folded text.

Covers Moroccan (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر), standard, Maghreb-French and
Levantine month names, "فاتح" for the 1st, Arabic-Indic digits (folded upstream), day
ranges within and across months, numeric dates, and relative days (أمس الثلاثاء، أول أمس،
يوم الأربعاء الماضي) resolved against the publication date. A named weekday that does not
agree with a relative date voids it: the text is then wrong about one of the two.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from .text import Doc

MONTHS = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1,
    "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "اذار": 3,
    "ابريل": 4, "افريل": 4, "نيسان": 4,
    "ماي": 5, "مايو": 5, "ايار": 5,
    "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليوز": 7, "يوليو": 7, "يوليه": 7, "جويليه": 7, "تموز": 7,
    "غشت": 8, "اغسطس": 8, "اوت": 8, "اب": 8,
    "شتنبر": 9, "سبتمبر": 9, "ايلول": 9,
    "اكتوبر": 10, "تشرين الاول": 10,
    "نونبر": 11, "نوفمبر": 11, "تشرين الثاني": 11,
    "دجنبر": 12, "ديسمبر": 12, "كانون الاول": 12,
}  # fmt: skip
WEEKDAYS = {
    "الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3,
    "الجمعه": 4, "السبت": 5, "الاحد": 6,
}  # fmt: skip

_L = "\u0621-\u064a"
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + f")(?![{_L}])"
_WEEKDAY = "(?:" + "|".join(WEEKDAYS) + f")(?![{_L}])"
_DAY = r"(?:[0-3]?\d(?!\d)|(?:ال)?فاتح)"
_OF_MONTH = rf"(?:من\s+)?(?:شهر\s+)?({_MONTH})"
_YEAR = r"(?:\s*[،,]?\s*(?:سنه\s+|عام\s+)?((?:19|20)\d\d)(?!\d))?"
# "من 26 إلى 29 مارس", "من الخميس 26 إلى الأحد 29 مارس": a weekday may name either day.
_TO = rf"\s*(?:-|–|الي|حتي|و|غايه)\s*(?:غايه\s+)?(?:{_WEEKDAY}\s+)?"
_LEAD = (
    rf"(?<![{_L}\d])(?:(?:من|بين)\s+(?={_WEEKDAY}))?"
    rf"(?:(?:يوم\s+|يومي\s+)?({_WEEKDAY})(?:\s*و\s*{_WEEKDAY})?\s+)?"
    r"(?:(?:من|بين|ما بين|يومي)\s+)?"
)

_CROSS = re.compile(rf"{_LEAD}({_DAY})\s+{_OF_MONTH}{_YEAR}{_TO}({_DAY})\s+{_OF_MONTH}{_YEAR}")
# "يومي 14 و15 ماي", "أيام 22 و23 و24 أكتوبر": the days between are listed too
_RANGE = re.compile(rf"{_LEAD}({_DAY})(?:\s*و\s*[0-3]?\d(?!\d))*{_TO}({_DAY})\s+{_OF_MONTH}{_YEAR}")
_SINGLE = re.compile(rf"{_LEAD}({_DAY})\s+{_OF_MONTH}{_YEAR}")
_NUMERIC = re.compile(r"(?<![\d/.-])([0-3]?\d)[/.-]([01]?\d)[/.-]((?:19|20)\d\d)(?![\d/.-])")
_ISO = re.compile(r"(?<![\d-])((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?![\d-])")
_RELATIVE = re.compile(
    rf"(?<![{_L}])و?(اول امس|امس|بعد غد|يوم غد|اليوم|غدا|غد)(?:\s+(?:يوم\s+)?({_WEEKDAY}))?"
    rf"(?![{_L}])"
)
# "يومي السبت والأحد الماضيين": two days of the last week (or of the next).
_TWO_DAYS = re.compile(
    rf"(?<![{_L}])(?:يومي\s+)?({_WEEKDAY})\s+و\s*({_WEEKDAY})\s+"
    rf"(الماضيين|المنصرمين|المقبلين|القادمين)(?![{_L}])"
)
_LAST_NEXT = re.compile(
    rf"(?<![{_L}])(?:يوم\s+)?({_WEEKDAY})\s+(الماضي|المنصرم|الفارط|المقبل|القادم)(?![{_L}])"
)
# "افتتحت، مساء السبت": a bare weekday after a time of day, this week's (read last, so a
# date written with it — "يوم السبت 6 يونيو" — is read first).
_BARE_WEEKDAY = re.compile(
    rf"(?<![{_L}])(?:يوم|مساء|صباح|ليله|زوال)\s+({_WEEKDAY})(?!\s*(?:\d|الماضي|المنصرم|الفارط"
    rf"|المقبل|القادم))"
)
# A future verb ("ستنطلق", "سيحتضن") before it in its sentence: the coming one.
FUTURE_VERB = re.compile(rf"(?<![{_L}])س[تين][{_L}]{{3,}}")
_OFFSETS = {"اول امس": -2, "امس": -1, "اليوم": 0, "غدا": 1, "يوم غد": 1, "بعد غد": 2, "غد": 1}


# Words just before a date that say it opens or closes the event ("اختتمت، أمس الخميس",
# "انطلقت فعالياته يوم الأربعاء 13 نونبر", "تتواصل إلى غاية 16 نونبر").
_END_CUE = re.compile(
    rf"(?<![{_L}])و?(?:اختتم\w*|اختتام|تختتم|يختتم|اسدل|غايه|حتي|تتواصل|يتواصل|تستمر|يستمر)"
    rf"(?![{_L}])"
)
_START_CUE = re.compile(
    rf"(?<![{_L}])و?(?:افتتح\w*|افتتاح|تفتتح|يفتتح|انطلق\w*|انطلاق|تنطلق|ينطلق)(?![{_L}])"
)
_CUE_REACH = 40  # folded characters before a date where its cue may stand
# A communiqué's or a dispatch's dateline, "الرباط، 2 ماي 2026 –": the place opening the
# line, then the date, then a dash (an agency in brackets may stand before it). It is the
# day the text was issued, not the day of what it reports.
_DATELINE_BEFORE = re.compile(rf"(?:^|\n)[\s♦•*]*[{_L} ]{{2,30}}[،,]?\s*(?:في\s+)?$")
# A date alone on a line of the header ("الجمعة 20 فبراير 2026"): the publication's.
# (after the outlet's name: "وادنون الآن – الثلاثاء 10 يونيو 2025").
_DATE_LINE_BEFORE = re.compile(
    rf"(?:^|\n)[ \t]*(?:[{_L} .]{{2,40}}[-–—|][ \t]*)?(?:{_WEEKDAY}[ \t]*[،,]?[ \t]*)?$"
)
_DATE_LINE_AFTER = re.compile(r"[ \t]*(?:\([^)\n]{2,40}\)[ \t]*)?(?:\n|$)")  # "(وكالة …)"
_HEADER = 400  # characters: a headline, an outlet line and a date line
_DATELINE_AFTER = re.compile(r"\s*(?:\([^)\n]{2,40}\)\s*)?[-–—ـ]")
_SPAN_DAYS = 10  # an event's opening and closing days lie this close


@dataclass(slots=True)
class DateMention:
    """A date expression; `start`/`end` are None when it cannot be resolved. `cue` says
    whether the text marks it as the event's opening ("start") or closing ("end") day."""

    nstart: int
    nend: int
    start: date | None
    end: date | None
    cue: str | None = None
    dateline: bool = False  # in the dateline: the day the text was issued


def _day(text: str) -> int:
    return 1 if "فاتح" in text else int(text)


def _make(year: int | None, month: int, day: int, published_on: date | None) -> date | None:
    """A valid date; a missing year is the one that puts it nearest the publication date."""
    if year is None:
        if published_on is None:
            return None
        candidates = []
        for y in (published_on.year - 1, published_on.year, published_on.year + 1):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
        return min(candidates, key=lambda d: abs(d - published_on), default=None)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _range(
    first: tuple[int | None, int, int], last: tuple[int | None, int, int], pub: date | None
) -> tuple[date | None, date | None]:
    """Resolve a range; the year written once (at the end) serves both ends."""
    (y1, m1, d1), (y2, m2, d2) = first, last
    end = _make(y2, m2, d2, pub)
    if end is None:
        return None, None
    if y1 is None:
        y1 = end.year - 1 if (m1, d1) > (m2, d2) else end.year
    start = _make(y1, m1, d1, pub)
    if start is None or start > end:
        return None, None
    return start, end


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _first_written(norm: str) -> date | None:
    """The first day the text writes with its year ("الخميس 14 ماي 2026")."""
    days = [
        (m.start(), _make(int(m.group(year)), MONTHS[m.group(month)], _day(m.group(day)), None))
        for pattern, day, month, year in ((_SINGLE, 2, 3, 4), (_RANGE, 3, 4, 5))
        if (m := next((m for m in pattern.finditer(norm) if m.group(year)), None))
    ]
    return min(days, default=(0, None))[1]


def find_dates(doc: Doc, published_on: date | None = None) -> list[DateMention]:
    """Every date expression of the document in text order, longest reading first.

    A day written without its year takes the one nearest the publication date or, when
    that is unknown, the first day the text dates in full ("الخميس 14 ماي 2026 … يومي 14
    و15 ماي"); days named relative to today ("أمس") need the publication date itself."""
    norm = doc.norm
    year_of = cache(lambda: published_on or _first_written(norm))  # looked for when needed
    found: list[DateMention] = []
    taken = bytearray(len(norm) + 1)

    def add(span: tuple[int, int], start: date | None, end: date | None) -> None:
        if any(taken[span[0] : span[1]]):
            return  # a longer reading (a range) already covers it
        taken[span[0] : span[1]] = b"\x01" * (span[1] - span[0])
        found.append(DateMention(span[0], span[1], start, end))

    for m in _CROSS.finditer(norm):
        first = (_year(m.group(4)), MONTHS[m.group(3)], _day(m.group(2)))
        last = (_year(m.group(7)), MONTHS[m.group(6)], _day(m.group(5)))
        add(m.span(), *_range(first, last, None if last[0] else year_of()))
    for m in _RANGE.finditer(norm):
        month, year = MONTHS[m.group(4)], _year(m.group(5))
        add(m.span(), *_range((None, month, _day(m.group(2))), (year, month, _day(m.group(3))),
                              None if year else year_of()))  # fmt: skip
    for m in _SINGLE.finditer(norm):
        year = _year(m.group(4))
        day = _make(year, MONTHS[m.group(3)], _day(m.group(2)), None if year else year_of())
        add(m.span(), day, day)
    for m in _ISO.finditer(norm):
        day = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), None)
        add(m.span(), day, day)
    for m in _NUMERIC.finditer(norm):
        day = _make(int(m.group(3)), int(m.group(2)), int(m.group(1)), None)
        add(m.span(), day, day)
    for m in _RELATIVE.finditer(norm):
        word, weekday = m.group(1), m.group(2)
        if word in ("اليوم", "غدا") and not weekday:
            continue  # "اليوم" also means "nowadays", "غدا" also "became"
        day = resolve_relative(word, weekday, published_on)
        add(m.span(), day, day)
    for m in _TWO_DAYS.finditer(norm):
        first = resolve_weekday(m.group(1), m.group(3) in ("المقبلين", "القادمين"), published_on)
        gap = (WEEKDAYS[m.group(2)] - WEEKDAYS[m.group(1)]) % 7
        add(m.span(), first, first + timedelta(days=gap) if first else None)
    for m in _LAST_NEXT.finditer(norm):
        day = resolve_weekday(m.group(1), m.group(2) in ("المقبل", "القادم"), published_on)
        add(m.span(), day, day)
    for m in _BARE_WEEKDAY.finditer(norm):
        sentence = re.split(r"[.!?؟\n]", norm[max(m.start() - 200, 0) : m.start()])[-1]
        day = this_week(m.group(1), bool(FUTURE_VERB.search(sentence)), published_on)
        add(m.span(), day, day)
    found.sort(key=lambda d: d.nstart)
    for mention in found:
        mention.dateline = bool(
            _DATELINE_BEFORE.search(norm, max(mention.nstart - 40, 0), mention.nstart)
            and _DATELINE_AFTER.match(norm, mention.nend)
        ) or bool(
            mention.nstart < _HEADER
            and (  # "الجمعة 20 فبراير 2026", "مريرت في 26 يونيو 2025" alone on a header line
                _DATE_LINE_BEFORE.search(norm, max(mention.nstart - 60, 0), mention.nstart)
                or _DATELINE_BEFORE.search(norm, max(mention.nstart - 40, 0), mention.nstart)
            )
            and _DATE_LINE_AFTER.match(norm, mention.nend)
        )
        before = norm[max(mention.nstart - _CUE_REACH, 0) : mention.nstart]
        before = re.split(r"[.!?؟؛\n]", before)[-1]
        ends, starts = list(_END_CUE.finditer(before)), list(_START_CUE.finditer(before))
        if ends or starts:
            last_end = ends[-1].start() if ends else -1
            last_start = starts[-1].start() if starts else -1
            mention.cue = "end" if last_end > last_start else "start"
    return found


def event_span(dates: list[DateMention], chosen: DateMention) -> tuple[date | None, date | None]:
    """The event's first and last day from the date chosen for it and the others of the
    article: a range holding that day ("افتتحت أمس" … "يومي 14 و15 ماي"), or an opening
    or closing day marked as such within a few days of it."""
    start, end = chosen.start, chosen.end
    if start is None or end is None:
        return start, end
    resolved = [d for d in dates if d is not chosen and d.start and d.end]
    if start == end:
        for other in resolved:
            days = (other.end - other.start).days
            if other.start <= start <= other.end and 0 < days <= _SPAN_DAYS:
                return other.start, other.end
    if chosen.cue != "start":
        opening = [d.start for d in resolved if d.cue == "start" and
                   0 < (end - d.start).days <= _SPAN_DAYS]  # fmt: skip
        if opening and chosen.cue == "end":
            start = min(opening)
    if chosen.cue != "end":
        closing = [d.end for d in resolved if d.cue == "end" and
                   0 < (d.end - start).days <= _SPAN_DAYS]  # fmt: skip
        if closing:
            end = max(closing)
    return start, end


_COUNTS = {"يومين": 2, "ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7}
_DURATION = re.compile(
    rf"(?<![{_L}])(?:علي مدي|لمده|طيله|[وف]?س?(?:تدوم|يدوم|تستمر|يستمر|تمتد|يمتد|تستغرق|يستغرق))\s+"
    rf"(?:[{_L}]+\s+)?"  # the subject may come between: "ويستمر المعرض 4 أيام"
    rf"ل?(?:(يومين)|(ثلاثه|اربعه|خمسه|سته|سبعه|[2-7])\s+ايام)(?![{_L}])"  # "تمتد لثلاثة أيام"
)


def duration(folded: str) -> int | None:
    """The number of days a folded sentence says an event lasts ("على مدى يومين",
    "في زيارة تدوم ثلاثة أيام"), if it says so."""
    m = _DURATION.search(folded)
    if m is None:
        return None
    word = m.group(1) or m.group(2)
    return int(word) if word.isdigit() else _COUNTS[word]


def lasting(start: date | None, end: date | None, cue: str | None, days: int | None
            ) -> tuple[date | None, date | None]:  # fmt: skip
    """A one-day span stretched over the days a duration gives: forward from its first day,
    back from its last when the text gives the closing day ("اختتمت أمس … على مدى يومين")."""
    if start is None or start != end or not days:
        return start, end
    if cue == "end":
        return end - timedelta(days=days - 1), end
    return start, start + timedelta(days=days - 1)


def resolve_relative(word: str, weekday: str | None, published_on: date | None) -> date | None:
    """ "أمس الثلاثاء" → the day before publication, if that day is indeed a Tuesday."""
    if published_on is None:
        return None
    day = published_on + timedelta(days=_OFFSETS[word])
    if weekday and WEEKDAYS[weekday] != day.weekday():
        return None
    return day


def resolve_weekday(weekday: str, upcoming: bool, published_on: date | None) -> date | None:
    """ "يوم الأربعاء الماضي" → the last Wednesday strictly before publication (or next one)."""
    if published_on is None:
        return None
    delta = (WEEKDAYS[weekday] - published_on.weekday()) % 7
    if upcoming:
        return published_on + timedelta(days=delta or 7)
    return published_on - timedelta(days=(7 - delta) % 7 or 7)


def this_week(weekday: str, upcoming: bool, published_on: date | None) -> date | None:
    """ "مساء السبت" → the Saturday of the days just before publication (the day itself
    included), or of the days just after it when the sentence speaks of what will be."""
    if published_on is None:
        return None
    delta = (WEEKDAYS[weekday] - published_on.weekday()) % 7
    return (
        published_on + timedelta(days=delta)
        if upcoming
        else published_on - timedelta(days=(7 - delta) % 7)
    )


def parse_dates(text: str, published_on: date | None = None) -> list[tuple[date, date]]:
    """Resolved (start, end) pairs of a text, for callers without a Doc."""
    return [(d.start, d.end) for d in find_dates(Doc(text), published_on) if d.start and d.end]
