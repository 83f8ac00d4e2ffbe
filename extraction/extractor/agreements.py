"""Agreements signed or programmes funded: kind, title, amount in dirhams and period.

An agreement is anchored on its noun (اتفاقية، مذكرة تفاهم، اتفاق، عقد برنامج) in a
sentence that says it was signed; a funded programme (a period and an amount in the same
sentence, "المخطط التنموي … 2014-2020 … 290 مليون درهم") is recorded as kind "other".
"""

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .lexicon import STOPWORDS, VERBS
from .normalize import clitic_variants
from .organizations import chain
from .text import BULLET, Doc

_AGREEMENT = {
    "اتفاقيه": "other", "الاتفاقيه": "other", "اتفاق": "other", "الاتفاق": "other",
    "مذكره": "mou", "المذكره": "mou", "عقد": "other", "العقد": "other",
    "بروتوكول": "other", "اتفاقيات": "other", "اتفاقيتين": "other",
    "الاتفاقيات": "other", "مذكرات": "mou",
}  # fmt: skip
_SIGNED = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?س?(?:وقع|وقعت|يوقع|توقع|نوقع|توقيع|التوقيع|ابرام|ابرمت|ابرم|الموقعه|"
    r"الموقع|المبرمه|وقعها|وقعته|وقعتها|تم توقيع)(?![\u0621-\u064a])"
)
# Number words as the press spells amounts ("ثمانية ملايين", "مليار وخمسمائة مليون").
_UNIT_WORDS = {
    "واحد": 1, "واحده": 1, "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مائه": 100, "مئه": 100, "مائتي": 200, "مائتين": 200, "مئتي": 200, "مئتين": 200,
    "مائتا": 200, "مئتا": 200,
}  # fmt: skip
for _word, _value in [("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                      ("ثمان", 8), ("تسع", 9)]:  # fmt: skip
    _UNIT_WORDS[f"{_word}مائه"] = _UNIT_WORDS[f"{_word}مئه"] = 100 * _value
_SCALES = {
    "مليار": 10**9, "ملايير": 10**9, "مليارات": 10**9, "مليارا": 10**9,
    "ملياري": 2 * 10**9, "مليارين": 2 * 10**9, "ملياران": 2 * 10**9,
    "مليون": 10**6, "ملايين": 10**6, "مليونا": 10**6,
    "مليوني": 2 * 10**6, "مليونين": 2 * 10**6, "مليونان": 2 * 10**6,
    "الف": 10**3, "الاف": 10**3, "الفا": 10**3, "الفي": 2 * 10**3, "الفين": 2 * 10**3,
}  # fmt: skip
# Currency spellings and what they multiply by: "م.د" and "MDH" carry the million.
_CURRENCIES = {
    "درهم": 1, "درهما": 1, "دراهم": 1, "الدراهم": 1, "الدرهم": 1, "د": 1, "دم": 1,
    "dh": 1, "dhs": 1, "mad": 1, "سنتيم": Decimal("0.01"),
    "مد": 10**6, "mdh": 10**6, "mmdh": 10**9,
}  # fmt: skip
_L = "\u0621-\u064a"
_SEP = "[.,،٫]"
_DIGITS = rf"(?:\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d)|\d+(?:{_SEP}\d+)*)"
_WORDS = "|".join(sorted(_UNIT_WORDS, key=len, reverse=True))
_WORD_NUMBER = rf"(?:{_WORDS})(?![{_L}])(?:\s+و\s*(?:{_WORDS})(?![{_L}]))*"
_DUAL_OR_ACCUSATIVE = {"مليونا", "مليارا"}
_SCALE = "|".join(sorted(_SCALES, key=len, reverse=True))
_HALF = rf"نصف(?![{_L}])(?:\s+(?:ال)?(?:{_SCALE})(?![{_L}]))?"  # "مليار ونصف (المليار)"
_GROUP = (
    rf"(?:(?:(?<![\d.,،٫]){_DIGITS}|(?<![{_L}])[وبل]?(?:{_WORD_NUMBER}))\s*)?"
    rf"(?:(?<![{_L}])[وبل]?)?(?:{_SCALE})(?![{_L}])"
)
_AMOUNT = re.compile(
    rf"(?:{_GROUP}|(?<![\d.,،٫]){_DIGITS})"
    rf"(?:\s*و\s*(?:{_GROUP}|{_DIGITS}|{_HALF})|\s+(?:{_GROUP}))*"
    rf"\s*(?:من\s+)?(?:درهم|درهما|دراهم|الدراهم|الدرهم|سنتيم|د\s*\.?\s*م|م\s*\.?\s*د|"
    rf"mmdh|mdh|dhs|dh|mad|د)(?![{_L}a-z])"
)
# A scaled number right after a word of cost is in dirhams even when the currency is left
# out ("باستثمار يناهز 1,4 مليار"), unless another currency follows.
_CUED = re.compile(
    rf"(?<![{_L}])(?:ب|و)?(?:قيمه|قيمته|قيمتها|استثمار|استثمارات|غلاف|كلفه|تكلفه|ميزانيه|"
    rf"مبلغ|قدره|قدرها)(?![{_L}])(?:\s+[{_L}]+){{0,3}}?\s+"
    rf"((?:{_GROUP})(?:\s*و\s*(?:{_GROUP}))*)"
    rf"(?!\s*(?:من\s+)?(?:ال)?(?:دولار|اورو|يورو|جنيه|ريال|دينار|euro|usd|eur|\$|€))"
)
_PIECE = re.compile(rf"{_DIGITS}|[{_L}a-z]+")
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3})")
_INITIALS = re.compile(rf"(?<![{_L}])([مد])\s*\.?\s*([مد])(?![{_L}])")


def _number(text: str, scaled: bool) -> Decimal:
    """A written number: "1،4" and "1,4" are decimals, "1.200.000" groups thousands."""
    parts = re.split(_SEP, text)
    if len(parts) == 1:
        return Decimal(text)
    thousands = all(len(p) == 3 for p in parts[1:])
    if thousands and (len(parts) > 2 or not scaled or text[len(parts[0])] == "."):
        return Decimal("".join(parts))
    return Decimal(f"{''.join(parts[:-1])}.{parts[-1]}")


def _value(phrase: str) -> int | None:
    """Dirhams an amount phrase spells: "مليار و250 مليون درهم" → 1250000000."""
    pieces = _PIECE.findall(_INITIALS.sub(r" \1\2 ", _GROUPED.sub("", phrase)))
    scaled = any(w.lstrip("وبل") in _SCALES or w in _SCALES for w in pieces)
    total, pending, factor = Decimal(0), None, Decimal(1)
    last_scale = None
    for n, piece in enumerate(pieces):
        if piece[0].isdigit():
            pending = (pending or 0) + _number(piece, scaled)
            continue
        if piece in ("نصف", "ونصف") and last_scale:
            unit = 10 ** (len(str(last_scale)) - 1)  # "ملياري" is two of the unit 10**9
            total += Decimal(unit) / 2  # "مليار ونصف": half of the scale just named
            last_scale = None
            continue
        for candidate in (piece, piece[1:]):
            if candidate in _SCALES:
                if pending is None and last_scale is None and total and "نصف" in phrase:
                    break  # "ونصف المليار": the half already counted names its scale
                # "مليونا درهم" with no number before it: the dual, two millions (after one,
                # "خمسة وعشرون مليونا", the accusative of one)
                # ("مليارا و250 مليون": an accusative that more follows)
                more = n + 1 < len(pieces) and pieces[n + 1][:1] == "و"
                alone = 2 if candidate in _DUAL_OR_ACCUSATIVE and not more else 1
                total += (pending if pending is not None else alone) * _SCALES[candidate]
                pending, last_scale = None, _SCALES[candidate]
                break
            if candidate in _UNIT_WORDS:
                value = _UNIT_WORDS[candidate]
                if pending and value == 100 and pending < 10:
                    pending *= value  # "ثلاث مائة"
                else:
                    pending = (pending or 0) + value
                break
            if candidate in _CURRENCIES:
                factor = Decimal(_CURRENCIES[candidate])
                break
    total += pending or 0
    if factor > 1 and scaled:
        factor = Decimal(1)  # "مليون د" is dirhams already scaled
    return int(total * factor) or None


_PERIOD = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|/|الي|و|حتي)\s*((?:19|20)\d\d)(?!\d)")
_PLAN_HEADS = {"المخطط", "مخطط", "البرنامج", "برنامج", "الاستراتيجيه", "استراتيجيه",
               "المشروع", "مشروع", "عقد", "العقد", "الخطه", "خطه"}  # fmt: skip


@dataclass(slots=True)
class AgreementMention:
    title: str
    kind: str
    sentence: int
    first: int
    last: int
    amount_mad: int | None = None
    period: tuple[int, int] | None = None
    signed: bool = True  # False for a funded programme: nothing was signed


def parse_amount(text: str) -> int | None:
    """Dirhams in a folded amount phrase: "1,4 مليار درهم" → 1400000000."""
    m = _AMOUNT.search(text)
    return _value(m.group()) if m else None


def amount_spans(doc: Doc, nstart: int, nend: int) -> list[tuple[int, int]]:
    """(folded offset, dirhams) of every amount within a folded span."""
    found = []
    for m in _AMOUNT.finditer(doc.norm, nstart, nend):
        value = _value(m.group())
        if value:
            found.append((m.start(), value))
    for m in _CUED.finditer(doc.norm, nstart, nend):
        if not any(at <= m.start(1) < at + 40 for at, _v in found):
            value = _value(m.group(1))
            if value:
                found.append((m.start(1), value))
    return sorted(found)


def amounts(doc: Doc, nstart: int, nend: int) -> list[int]:
    """Amounts in dirhams within a folded span."""
    return [value for _at, value in amount_spans(doc, nstart, nend)]


def periods(doc: Doc, nstart: int, nend: int) -> list[tuple[int, int]]:
    """Year ranges ("2022-2025", "2014 و2020") within a folded span."""
    return [
        (int(m.group(1)), int(m.group(2)))
        for m in _PERIOD.finditer(doc.norm, nstart, nend)
        if int(m.group(1)) < int(m.group(2))
    ]


def _kind(doc: Doc, i: int, anchor: str) -> str:
    after = [t.bare for t in doc.tokens[i + 1 : i + 3]]
    if anchor.endswith("مذكره") and after[:1] == ["تفاهم"]:
        return "mou"
    if after[:1] == ["اطار"] or after[:1] == ["الاطار"]:
        return "framework"
    if after[:1] and after[0].removeprefix("لل").removeprefix("ال") in ("شراكه", "تعاون"):
        return "partnership"
    return _AGREEMENT[anchor]


@lru_cache(maxsize=1 << 16)
def _anchor(word: str) -> str | None:
    """The agreement noun a word reads as once its clitics are set aside, if any."""
    return next((v for v in clitic_variants(word) if v in _AGREEMENT), None)


def find_agreements(doc: Doc) -> list[AgreementMention]:
    """Signed agreements and funded programmes, one per distinct title.

    A sentence reports an agreement when it says it was signed, or when an indefinite
    agreement noun names its parties ("اتفاقية شراكة بين …") or is one of a numbered series
    ("أما الاتفاقية الثانية، فهي اتفاقية …"). A plural ("ثلاث اتفاقيات") only stands for
    them when the article details none.
    """
    found: list[AgreementMention] = []
    summaries: list[AgreementMention] = []
    series_noun: tuple[str, str] | None = None  # (key, surface) of the series' noun
    elliptical: dict[int, tuple[str, str]] = {}  # item token → the noun it leaves out
    items_noun = None  # "توقيع اتفاقيتين؛ الأولى بين …": the noun the items that follow leave out
    for index, (s_start, s_end) in enumerate(doc.sentences):
        signed = bool(_SIGNED.search(doc.norm, s_start, s_end))
        first = doc.first_token_from(s_start)
        last = doc.first_token_from(s_end) - 1
        anchors = []
        for i in range(first, last + 1):
            anchor = _anchor(doc.tokens[i].norm)
            items_noun = _ITEMS_OF.get(anchor, items_noun)
            noun = series_noun or items_noun
            if anchor is None and noun and _elliptical_item(doc, i):
                anchor = noun[0]  # "وتتعلق الثانية بشركة …": the noun left out
                elliptical[i] = noun
            if anchor is not None:
                anchors.append((i, anchor))
        series = any(doc.tokens[k].bare in _SERIES for k in range(first, min(first + 8, last + 1)))
        pick = None
        for n, (i, anchor) in enumerate(anchors):
            if anchor in _PLURAL:
                continue
            if anchor.startswith("ال"):
                if _series_item(doc, i) or i in elliptical:
                    # "وتتعلق الاتفاقية الأولى بتوسيع …"; "أما الاتفاقية الثانية، فهي اتفاقية
                    # شراكة …" names its kind in the indefinite noun that follows
                    named = next(((m, j, a) for m, (j, a) in enumerate(anchors[n + 1 :], n + 1)
                                  if not a.startswith("ال") and j - i <= 6), None)  # fmt: skip
                    pick = named or (n, i, anchor)
                    break
                if not found and signed and pick is None:
                    pick = (n, i, anchor)  # the article's first agreement, named definite
                continue
            parties = any(t.norm == "بين" for t in doc.tokens[i + 1 : min(i + 14, last + 1)])
            if signed or parties or series:
                pick = (n, i, anchor)
                break
        if pick is None:
            plural = next(((i, a) for i, a in anchors if a in _PLURAL), None)
            if signed and plural is not None and not _EARLIER.search(doc.norm, s_start, s_end):
                listed = _listed(doc, index, *plural)
                found.extend(listed)
                if not listed:
                    summaries.append(_mention(doc, index, *plural, last))
            continue
        picks = [pick]
        for m in range(pick[0] + 1, len(anchors)):  # "… ، فيما تخص الاتفاقية الثالثة …"
            i, anchor = anchors[m]
            if anchor.startswith("ال") and _series_item(doc, i):
                picks.append((m, i, anchor))
        for n, i, anchor in picks:
            until = anchors[n + 1][0] if n + 1 < len(anchors) else last
            mention = _mention(doc, index, i, anchor, until, shared=len(picks) > 1)
            if i in elliptical:
                ordinal = i if doc.tokens[i].bare in _SERIES else i + 1
                mention.title = f"{elliptical[i][1]} {doc.surface(ordinal, ordinal)}"
            elif anchor.startswith("ال") and _series_item(doc, i):
                series_noun = (anchor, doc.surface(i, i, anchor))
            found.append(mention)
        if len(found) >= _MOST:
            break
    if not found:
        found = summaries[:1]
    found = _prefer_body(found)
    used_periods = {m.period for m in found if m.period}
    for index, (s_start, s_end) in enumerate(doc.sentences):
        for period in periods(doc, s_start, s_end):
            if period in used_periods or len(found) >= 2 * _MOST:
                continue
            values = amounts(doc, s_start, s_end)
            programme = values and _programme(doc, index, s_start, period, values[0])
            if programme:
                used_periods.add(period)
                found.append(programme)
    return found


def reports_signing(doc: Doc, index: int) -> bool:
    """Sentence `index` says agreements were signed ("جرى أمس … التوقيع على ثلاث اتفاقيات")."""
    start, end = doc.sentences[index]
    if not _SIGNED.search(doc.norm, start, end):
        return False
    first, last = doc.first_token_from(start), doc.first_token_from(end)
    return any(_anchor(t.norm) for t in doc.tokens[first:last])


_PLURAL = {"اتفاقيات", "اتفاقيتين", "الاتفاقيات", "مذكرات"}
_COMPLEMENTS = {"استثمار", "شراكه", "تعاون", "تمويل", "اطار", "تفاهم"}
_ITEMS_OF = {
    **dict.fromkeys(("اتفاقيات", "اتفاقيتين", "الاتفاقيات"), ("الاتفاقيه", "الاتفاقية")),
    "مذكرات": ("المذكره", "المذكرة"),
}


_ITEM = re.compile(rf"\s*{BULLET}")


def _listed(doc: Doc, index: int, i: int, anchor: str) -> list[AgreementMention]:
    """ "وقعت … أربع اتفاقيات استثمار …:" then one item line per agreement, each with its
    amount ("- شركة X: منصة للتبريد، باستثمار 210 ملايين درهم؛"): one agreement per item."""
    noun = _ITEMS_OF[anchor][1].removeprefix("ال")
    after = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    if after is not None and not after.gap.strip() and after.norm in _COMPLEMENTS:
        noun = f"{noun} {doc.surface(i + 1, i + 1)}"  # "اتفاقيات استثمار": their kind
    found = []
    for k in range(index + 1, min(index + 1 + _MOST, len(doc.sentences))):
        start, end = doc.sentences[k]
        values = amounts(doc, start, end)
        if not _ITEM.match(doc.norm, start) or not values:
            break
        first, last = doc.first_token_from(start), doc.first_token_from(end) - 1
        # what the item is about: after its colon ("- X: منصة للتبريد، …"), to a comma
        what = next((j for j in range(first + 1, last + 1) if ":" in doc.tokens[j].gap), first)
        upto = next((j - 1 for j in range(what + 1, last + 1) if doc.tokens[j].gap.strip()), last)
        title = f"{noun}: {doc.surface(what, upto)}"
        found.append(AgreementMention(title, _kind(doc, i, anchor), k, first, last, values[0]))
    return found


def _series_item(doc: Doc, i: int) -> bool:
    """ "الاتفاقية الثانية": one item of a numbered series of agreements."""
    return i + 1 < len(doc.tokens) and doc.tokens[i + 1].bare in _SERIES


# A sentence about an earlier edition ("وكانت الدورة السابقة قد عرفت توقيع اتفاقيات …").
_EARLIER = re.compile(r"(?<![\u0621-\u064a])(?:السابقه|الماضيه|كانت قد|كان قد)(?![\u0621-\u064a])")


# Verbs that open an item of a series whose noun is left out ("وتتعلق الثانية ب…").
_ITEM_VERBS = {"تتعلق", "يتعلق", "تخص", "يخص", "تهم", "يهم", "اما"}


def _elliptical_item(doc: Doc, i: int) -> bool:
    """ "وتتعلق الثانية بشركة …", "فيما تخص الثالثة مجموعة …": token i opens an item of the
    series and the item's ordinal follows it; "… اتفاقيتين؛ الأولى بين X وY": token i is the
    ordinal, opening an item after a colon."""
    if i + 1 >= len(doc.tokens):
        return False
    if doc.tokens[i].bare in _SERIES:
        return bool(set(doc.tokens[i].gap) & set("؛:")) and doc.tokens[i + 1].norm == "بين"
    if doc.tokens[i + 1].bare not in _SERIES:
        return False
    word = doc.tokens[i].norm
    return word in _ITEM_VERBS or word[:1] in "وف" and word[1:] in _ITEM_VERBS


# Words that open the items of a numbered series of agreements.
_SERIES = {"الاولي", "الثانيه", "الثالثه", "الرابعه", "الخامسه", "السادسه", "الاخيره"}
_MOST = 50  # no article reports more agreements; bounds the work on pathological input
_PURPOSE = {"تروم", "يروم", "تهدف", "يهدف", "الي"}
_TITLE_STOPS = {"بقيمه", "بغلاف", "بمبلغ", "بكلفه", "بتكلفه", "بحضور", "بين", "تحت", "وذلك"}


def _mention(doc: Doc, index: int, i: int, anchor: str, until: int,
             shared: bool = False) -> AgreementMention:  # fmt: skip
    """The agreement anchored at token i; its amount is the first one written after the
    anchor and before the next agreement of the sentence, else any in its sentence; so is
    its period, save where the sentence details several agreements (`shared`)."""
    end = _title_end(doc, i)
    mention = AgreementMention(doc.surface(i, end, anchor), _kind(doc, i, anchor), index, i, end)
    s_start, s_end = doc.sentences[index]
    limit = doc.tokens[until].nend if until < len(doc.tokens) else s_end
    spans = periods(doc, doc.tokens[i].nstart, limit)
    if not spans and not shared:
        spans = _referring(doc, index, periods)
    mention.period = spans[0] if spans else None
    after = [v for _at, v in amount_spans(doc, doc.tokens[i].nstart, limit)]
    values = after or _referring(doc, index, amounts)
    mention.amount_mad = values[0] if values else None
    return mention


def _title_end(doc: Doc, i: int, most: int = 12) -> int:
    """End of an agreement's title: its complement and purpose, up to punctuation or a stop."""
    end = i
    while end + 1 < len(doc.tokens) and end - i < most:
        t = doc.tokens[end + 1]
        if t.gap.strip() or t.latin or any(c.isdigit() for c in t.norm):
            break
        if t.norm in _PURPOSE:
            end += 1  # "مذكرة تفاهم تروم تطوير …": the purpose belongs to the title
            continue
        if t.norm in _TITLE_STOPS or t.norm in STOPWORDS or t.norm in VERBS or t.norm[:3] == "بال":
            break
        if t.norm[:1] == "ف" and i and doc.tokens[i - 1].norm in ("اما", "واما"):
            break  # "أما الاتفاقية الثانية فوقعت …": "ف" opens what is said of it
        end += 1
    return end


_BACK = {"هذا", "هذه", "ذات", "هاته", "نفس"}
# What "this …" may point back to: the agreement itself or the project it funds.
_REFERENTS = {"الاستثمار", "الاستثمارات", "المشروع", "المشاريع", "الوحده", "المصنع",
              "البرنامج", "الشراكه", "التعاون"}  # fmt: skip
# "وتبلغ كلفتها …": the cost of what the sentence before named.
_ITS_COST = {f"{noun}{pronoun}" for noun in ("كلفت", "تكلفت", "قيمت", "ميزانيت")
             for pronoun in ("ها", "ه")} | {"غلافها", "غلافه"}  # fmt: skip


def _refers_back(words: list[str]) -> bool:
    """Whether a sentence opens on "this agreement/project" ("هذا المشروع", "هذه الاتفاقية"),
    has the agreement for its subject ("وتمتد الاتفاقية على …") or opens on its cost
    ("وتبلغ كلفتها …")."""
    if any(word in _ITS_COST for word in words[:3]):
        return True
    for n, word in enumerate(words[1:3], 1):
        if word in _AGREEMENT and word.startswith("ال") and word not in _PLURAL:
            # "أما المذكرة الثانية …" opens the next agreement of a series
            return n + 1 >= len(words) or words[n + 1] not in _SERIES
    for word, nxt in zip(words, words[1:], strict=False):
        if word.removeprefix("و") in _BACK:
            bare = nxt.removeprefix("ال")
            if (
                nxt in _REFERENTS
                or nxt in _AGREEMENT
                or nxt in _PLAN_HEADS
                or ("ال" + bare in _AGREEMENT)
            ):
                return True
    return False


def _referring(doc: Doc, index: int, find) -> list:
    """What `find` sees in the agreement's sentence, else in the next two sentences that
    refer back to it ("هذا المشروع", "هذه المذكرة")."""
    for k in range(index, min(index + 3, len(doc.sentences))):
        start, end = doc.sentences[k]
        if k > index and not _refers_back(re.findall(r"\w+", doc.norm[start:end])[:9]):
            continue
        values = find(doc, start, end)
        if values:
            return values
    return []


def _same(a: AgreementMention, b: AgreementMention) -> bool:
    """Two anchors for one agreement: same kind and most title words in common."""
    wa, wb = set(a.title.split()), set(b.title.split())
    kinds = a.kind == b.kind or "other" in (a.kind, b.kind)
    return kinds and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


def _filled(mention: AgreementMention) -> int:
    return (mention.amount_mad is not None) + (mention.period is not None)


def _prefer_body(found: list[AgreementMention]) -> list[AgreementMention]:
    """Where the headline and the body name one agreement, keep the body's fuller record."""
    kept: list[AgreementMention] = []
    for mention in found:
        twin = next((k for k in kept if _same(k, mention) or k.kind == mention.kind and
                     k.sentence == 0), None)  # fmt: skip
        if twin is None:
            kept.append(mention)
        elif _filled(mention) > _filled(twin) or twin.sentence == 0:
            kept[kept.index(twin)] = mention
    return kept


def _programme(doc: Doc, index: int, s_start: int, period: tuple[int, int],
               amount: int) -> AgreementMention | None:  # fmt: skip
    """A funded programme named by the plan noun phrase that ends at its period, or the
    cost and term of an agreement this sentence or the one before names ("الاتفاقية السابقة
    … خلال الفترة 2021-2023، بغلاف مالي …"). None for a body's own budget ("رصد المجلس 12
    مليون درهم … خلال الفترة 2026-2027")."""
    at = re.search(rf"{period[0]}\s*\S*\s*{period[1]}", doc.norm[s_start:])
    period_token = doc.first_token_from(s_start + (at.start() if at else 0))
    title, first = f"{period[0]}-{period[1]}", period_token
    opening = doc.first_token_from(doc.sentences[max(index - 1, 0)][0])
    for i in range(period_token - 1, max(doc.first_token_from(s_start), period_token - 12) - 1, -1):
        if doc.tokens[i].bare in _PLAN_HEADS and chain(doc, i).last >= period_token - 1:
            title, first = f"{doc.surface(i, period_token - 1)} {title}", i
            break
    else:
        if not any(_anchor(t.norm) for t in doc.tokens[opening:period_token]):
            return None
    return AgreementMention(title, "other", index, first, period_token, amount, period,
                            signed=False)  # fmt: skip
