"""Agreements signed or programmes funded: kind, title, amount in dirhams and period.

An agreement is anchored on its noun (اتفاقية، مذكرة تفاهم، اتفاق، عقد برنامج) in a
sentence that says it was signed; a funded programme (a period and an amount in the same
sentence, "المخطط التنموي … 2014-2020 … 290 مليون درهم") is recorded as kind "other".
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from .lexicon import STOPWORDS, VERBS
from .organizations import chain
from .text import Doc

_AGREEMENT = {
    "اتفاقيه": "other", "الاتفاقيه": "other", "اتفاق": "other", "الاتفاق": "other",
    "مذكره": "mou", "المذكره": "mou", "عقد": "other", "العقد": "other",
    "بروتوكول": "other", "اتفاقيات": "other", "اتفاقيتين": "other",
}  # fmt: skip
_SIGNED = re.compile(
    r"(?<![\u0621-\u064a])(?:و|ف)?(?:وقع|وقعت|يوقع|توقع|توقيع|التوقيع|ابرام|ابرمت|ابرم|الموقعه|"
    r"الموقع|المبرمه|وقعها|وقعته|وقعتها|تم توقيع)(?![\u0621-\u064a])"
)
_MULTIPLIERS = {
    "مليار": 10**9, "ملايير": 10**9, "مليارات": 10**9, "ملياري": 2 * 10**9,
    "مليون": 10**6, "ملايين": 10**6, "مليوني": 2 * 10**6,
    "الف": 10**3, "الاف": 10**3, "الفي": 2 * 10**3,
}  # fmt: skip
_AMOUNT = re.compile(
    r"(?<![\d.,])(\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)?\s*"
    r"(مليار|ملايير|مليارات|ملياري|مليون|ملايين|مليوني|الف|الاف|الفي)?\s*"
    r"(?:من\s+)?(?:درهم|الدراهم|دراهم|dh|mdh|mad)(?![\u0621-\u064aa-z])"
)
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


def parse_amount(text: str) -> int | None:
    """Dirhams in a folded amount phrase: "1,4 مليار درهم" → 1400000000."""
    m = _AMOUNT.search(text)
    return _amount(m) if m else None


def _amount(m: re.Match[str]) -> int | None:
    number, multiplier = m.group(1), m.group(2)
    if number is None and multiplier is None:
        return None
    factor = _MULTIPLIERS.get(multiplier or "", 1)
    if number is None:
        return factor
    if re.fullmatch(r"\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+", number):
        value = Decimal(re.sub(r"\D", "", number))
    else:
        try:
            value = Decimal(number.replace(",", "."))
        except InvalidOperation:
            return None
    return int(value * factor)


def amounts(doc: Doc, nstart: int, nend: int) -> list[int]:
    """Amounts in dirhams within a folded span."""
    found = []
    for m in _AMOUNT.finditer(doc.norm, nstart, nend):
        value = _amount(m)
        if value:
            found.append(value)
    return found


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


def find_agreements(doc: Doc) -> list[AgreementMention]:
    """Signed agreements and funded programmes, one per distinct title."""
    found: list[AgreementMention] = []
    for index, (s_start, s_end) in enumerate(doc.sentences):
        sentence = doc.norm[s_start:s_end]
        if not _SIGNED.search(sentence):
            continue
        first = doc.first_token_from(s_start)
        last = doc.first_token_from(s_end) - 1
        for i in range(first, last + 1):
            anchor = next((v for v in doc.tokens[i].variants() if v in _AGREEMENT), None)
            if anchor is None:
                continue
            if anchor.startswith("ال") and found:
                break  # "الاتفاقية" again: the agreement already recorded
            end = _title_end(doc, i)
            mention = AgreementMention(doc.surface(i, end, anchor), _kind(doc, i, anchor),
                                       index, i, end)  # fmt: skip
            spans = _referring(doc, index, periods)
            mention.period = spans[0] if spans else None
            values = _referring(doc, index, amounts)
            mention.amount_mad = values[0] if values else None
            found.append(mention)
            break
        if len(found) >= _MOST:
            break
    found = _prefer_body(found)
    used_periods = {m.period for m in found if m.period}
    for index, (s_start, s_end) in enumerate(doc.sentences):
        for period in periods(doc, s_start, s_end):
            if period in used_periods or len(found) >= 2 * _MOST:
                continue
            values = amounts(doc, s_start, s_end)
            if not values:
                continue
            used_periods.add(period)
            found.append(_programme(doc, index, s_start, period, values[0]))
    return found


_MOST = 50  # no article reports more agreements; bounds the work on pathological input
_PURPOSE = {"تروم", "يروم", "تهدف", "يهدف", "الي"}
_TITLE_STOPS = {"بقيمه", "بغلاف", "بمبلغ", "بكلفه", "بتكلفه", "بحضور", "بين", "تحت", "وذلك"}


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
        end += 1
    return end


def _referring(doc: Doc, index: int, find) -> list:
    """What `find` sees in the agreement's sentence, else in the next two sentences that
    refer back to it ("هذا المشروع", "هذه المذكرة")."""
    for k in range(index, min(index + 3, len(doc.sentences))):
        start, end = doc.sentences[k]
        if k > index and not {"هذا", "هذه", "ذات"} & set(doc.norm[start:end].split()[:8]):
            continue
        values = find(doc, start, end)
        if values:
            return values
    return []


def _same(a: AgreementMention, b: AgreementMention) -> bool:
    """Two anchors for one agreement: same kind and most title words in common."""
    wa, wb = set(a.title.split()), set(b.title.split())
    return a.kind == b.kind and len(wa & wb) >= 0.6 * min(len(wa), len(wb))


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
               amount: int) -> AgreementMention:  # fmt: skip
    """A funded programme named by the plan noun phrase that ends at its period."""
    at = re.search(rf"{period[0]}\s*\S*\s*{period[1]}", doc.norm[s_start:])
    period_token = doc.first_token_from(s_start + (at.start() if at else 0))
    title = f"{period[0]}-{period[1]}"
    first = period_token
    for i in range(period_token - 1, max(doc.first_token_from(s_start), period_token - 12) - 1, -1):
        if doc.tokens[i].bare in _PLAN_HEADS and chain(doc, i).last >= period_token - 1:
            title = f"{doc.surface(i, period_token - 1)} {title}"
            first = i
            break
    return AgreementMention(title, "other", index, first, period_token, amount, period)
