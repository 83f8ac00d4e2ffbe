"""Events named in an article: their kind, title, edition and sectors.

The kind comes from the head noun (منتدى، مؤتمر، معرض، الجمع العام، وفد، ورشة، توقيع…),
the title from the same genitive chain that names organisations, the edition from the
ordinal that qualifies it ("الدورة الثانية من المنتدى", "في نسخته السابعة", "الدورة 12").
"""

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from core.arabic import normalize_arabic

from .lexicon import STOPWORDS, VERBS
from .normalize import clitic_variants, strip_clitics
from .organizations import chain
from .people import nominative
from .places import match_at
from .text import QUOTES, Doc

EVENT_HEADS = {
    "منتدي": "forum", "المنتدي": "forum", "ملتقي": "forum", "الملتقي": "forum",
    "مؤتمر": "conference", "المؤتمر": "conference", "ندوه": "conference",
    "الندوه": "conference", "مناظره": "conference", "المناظره": "conference",
    "معرض": "exhibition", "المعرض": "exhibition", "صالون": "exhibition",
    "الصالون": "exhibition",
    "ورشه": "workshop", "الورشه": "workshop", "ورشات": "workshop",
    "وفد": "delegation", "وفدا": "delegation", "الوفد": "delegation",
    "بعثه": "delegation", "البعثه": "delegation",
    "توقيع": "signing", "التوقيع": "signing",
    "لقاء": "other", "اللقاء": "other", "اجتماع": "other", "الاجتماع": "other",
}  # fmt: skip
# "في مؤتمرها الوطني الثالث": a body's own event, named in full elsewhere
_POSSESSED = {
    "مؤتمرها": "conference", "مؤتمره": "conference", "ندوتها": "conference",
    "ندوته": "conference", "منتداها": "forum", "منتداه": "forum", "ملتقاها": "forum",
    "ملتقاه": "forum", "معرضها": "exhibition", "معرضه": "exhibition",
    "اجتماعها": "other", "اجتماعه": "other",  # "خلال اجتماعها المنعقد أمس": its meeting
}  # fmt: skip
EVENT_HEADS |= _POSSESSED
_ASSEMBLY = {"الجمع", "جمع", "جمعها", "جمعه", "جمعا"}
# "الجمعية العامة", "لجمعيتها العامة": the assembly of a chamber or a company
_ASSEMBLY_F = {"الجمعيه", "جمعيه", "جمعيتها", "جمعيته", "جمعيتهم"}
_PRESS = {"صحفي", "صحفيه", "الصحفي", "الصحفيه", "صحافي", "صحافيه"}  # a press conference
_STUDY_DAY = {"يوم", "يوما", "اليوم"}  # "يوم دراسي", "يوما تواصليا": a workshop
_LAUNCH = {"انطلاقه", "الانطلاقه"}  # "انطلاقة أشغال …"
# "تدشين مصنع", "افتتاح وحدة صناعية": a plant's opening (not "افتتاح المعرض", a fair's)
OPENING = {"تدشين", "بتدشين", "افتتاح", "بافتتاح", "التدشين"}
_PLANT = {"مصنع", "المصنع", "مصنعا", "وحده", "الوحده", "معمل", "المعمل", "مركب", "المركب",
          "الوحدات", "وحدات", "مصانع", "المصانع", "مركز", "المركز", "مركزا", "معهد",
          "المعهد"}  # fmt: skip
_FOUNDATION = {"الحجر", "حجر"}  # "وضع الحجر الأساس لمصنع …": a groundbreaking
_SCIENCE_DAYS = {"الايام", "ايام"}  # "الأيام العلمية": a conference over days
_LEARNED = {"العلميه", "علميه", "الدراسيه", "دراسيه", "التقنيه", "تقنيه"}
_HELD = {"المنعقد", "المنعقده", "العادي", "الدوري", "الذي"}  # "خلال اجتماعها المنعقد أمس"
_PROFESSIONAL = {"المهنيه", "مهنيه", "التواصليه", "التحسيسيه", "التكوينيه"}
_STUDY = {"دراسي", "دراسيا", "الدراسي", "تواصلي", "تواصليا", "التواصلي", "اعلامي", "اعلاميا",
          "الاعلامي", "تحسيسي", "تحسيسيا", "التحسيسي"}  # fmt: skip
_AGREEMENT_WORDS = {"اتفاقيه", "اتفاقيات", "مذكره", "اتفاق", "عقد", "اتفاقيتين", "بروتوكول"}
_EDITION_WORDS = {
    "الدوره", "النسخه", "المحطه", "الطبعه", "دورته", "دورتها", "نسخته", "نسختها",
    "طبعته", "طبعتها",
}  # fmt: skip
_UNITS = {
    "الاولي": 1, "الاول": 1, "الحاديه": 1, "الحادي": 1, "الواحده": 1,
    "الثانيه": 2, "الثاني": 2, "الثالثه": 3, "الثالث": 3, "الرابعه": 4, "الرابع": 4,
    "الخامسه": 5, "الخامس": 5, "السادسه": 6, "السادس": 6, "السابعه": 7, "السابع": 7,
    "الثامنه": 8, "الثامن": 8, "التاسعه": 9, "التاسع": 9,
}  # fmt: skip
_TENS = {"العاشره": 10, "العاشر": 10, "العشرين": 20, "الثلاثين": 30, "الاربعين": 40,
         "الخمسين": 50, "الستين": 60, "السبعين": 70, "الثمانين": 80, "التسعين": 90}  # fmt: skip
_CONTEXT = {"هامش", "غرار", "منوال"}  # "على هامش المؤتمر": the setting, not the event
_DEMONSTRATIVES = {"هذا", "هذه", "ذات", "نفس", "تلك", "ذلك", "هاته"}


# Words that introduce the organisations of an event, by the role they give them
# ("الذي نظمه …", "من تنظيم …", "بشراكة مع …", "احتضن مقر …", "بحضور …"). Verbs carry
# their tense prefixes and object pronouns.
_ROLE_PATTERNS = (
    ("organizer", re.compile(
        r"(?:س?[يت]نظم|نظمت?|بتنظيم|تنظيم|المنظم|المنظمه|بمبادره|مبادره|عقدت?|ست?عقد|"
        r"[يت]عقد|سيعقد)(?:ه|ها|هما|هم|ته|تها)?"
    )),
    ("partner", re.compile(
        r"بشراكه|شراكه|بتعاون|بتنسيق|بدعم|(?:وقع|وقعت|[يت]وقع)(?:ه|ها|ته|تها)?"
    )),
    ("host", re.compile(
        r"(?:س?[يت]حتضن|احتضنت?|س?[يت]ستقبل|استقبلت?|س?[يت]ستضيف|استضافت?)(?:ه|ها|هم)?|"
        r"ضيافه|بمقر|مقر|استقبال|بدعوه"
    )),
    ("participant", re.compile(
        r"بحضور|بمشاركه|مشاركه|حضر(?:ت|ه|ها)?|شاركت?|[يت]شارك|"
        r"ممثل(?:ي|و|ين|ه)?|مسؤولي|اطر|جانب"  # "وممثلي …", "أطر من …", "إلى جانب …"
    )),
)  # fmt: skip
_PATRONAGE = {"رعايه", "الرعايه"}


def role_cue(doc: Doc, i: int) -> str | None:
    """The role that token i gives the organisations it introduces, if any."""
    tokens = doc.tokens
    role = _word_role(tokens[i].norm)
    if role == "patron":
        return "patron" if i and tokens[i - 1].bare == "تحت" else None
    return role


@lru_cache(maxsize=1 << 16)
def _word_role(word: str) -> str | None:
    variants = clitic_variants(word)
    if set(variants) & _PATRONAGE:
        return "patron"
    for variant in variants:
        for role, pattern in _ROLE_PATTERNS:
            if pattern.fullmatch(variant):
                return role
    return None


@lru_cache(maxsize=1 << 16)
def _plain(word: str) -> str:
    """A folded word without clitics or article, for lexicon matching."""
    word = strip_clitics(word)
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


SECTORS = {
    "chemistry": "كيمياء كيميائي كيميائيه كيماوي كيماويه كيماويات",
    "energy-storage": "بطاريات بطاريه الليثيوم تخزين_الطاقه",
    "automotive": "السيارات سيارات المركبات صناعه_السيارات",
    "aeronautics": "الطيران طائرات الفضاء_الجوي",
    "textile-leather": "النسيج نسيج الجلد الجلديه الالبسه الملابس الجينز الموضه",
    "electronics": "الالكترونيك الالكترونيات الميكاترونيك الالكترونيه",
    "renewable-energy": "المتجدده الشمسيه الريحيه الهيدروجين_الاخضر solaire",
    "agrifood": "الغذائيه الفلاحيه الفلاحه الزراعيه الصناعات_الغذائيه",
    "pharma-health": "الادويه الصيدليه الصحيه الطبيه الصحه",
    "mining": "المعادن المنجمي المنجميه المناجم الفوسفاط الكوبالت",
    "digital": "الرقمي الرقميه الرقمنه التكنولوجيا التكنولوجيه الذكاء_الاصطناعي الحوسبه",
    "logistics": "اللوجستيك اللوجستيه الموانئ النقل",
    "services": "الخدمات خدمات",
    "innovation": "الابتكار الابتكاريه البحث_والتطوير الناشئه",
    "circular-economy": "الدائري النفايات التدوير تثمين_النفايات",
    "industry": "الصناعه الصناعي الصناعيه التصنيع صناعي صناعيه",
}
_SECTOR_WORDS = {
    tuple(_plain(w) for w in normalize_arabic(w.replace("_", " ")).split()): sector
    for sector, words in SECTORS.items()
    for w in words.split()
}
_PAIR_STARTS = {key[0] for key in _SECTOR_WORDS if len(key) == 2}


@dataclass(slots=True)
class EventMention:
    kind: str
    first: int  # head token
    last: int  # end of title
    title: str
    edition: int | None
    context: bool  # named as the setting of another event ("على هامش …")
    anaphoric: bool  # "هذا المنتدى"
    named: bool  # has words beyond the head


def ordinal(words: list[str]) -> int | None:
    """The number an ordinal phrase starting the list spells: "الثانيه عشره" → 12."""
    if not words:
        return None
    word = (
        words[0].removeprefix("ال")
        if words[0].startswith("ال") and words[0][2:].isdigit()
        else words[0]
    )
    if word.isdigit():
        return int(word) or None
    if word == "رقم" and len(words) > 1 and words[1].isdigit():
        return int(words[1]) or None
    if word in _TENS:
        return _TENS[word]
    unit = _UNITS.get(word)
    if unit is None:
        return None
    nxt = words[1] if len(words) > 1 else ""
    if nxt in ("عشره", "عشر"):
        return 10 + unit
    if nxt.startswith("و") and nxt[1:] in _TENS:
        return unit + _TENS[nxt[1:]]
    return unit


_OPENERS = (
    set(EVENT_HEADS)
    | _ASSEMBLY
    | _ASSEMBLY_F
    | _STUDY_DAY
    | _LAUNCH
    | OPENING
    | _FOUNDATION
    | _SCIENCE_DAYS
)


@lru_cache(maxsize=1 << 16)
def _may_open(word: str) -> bool:
    """Whether a word can open an event name at all (a cheap test before the full one)."""
    return any(v in _OPENERS for v in clitic_variants(word))


def _kind_at(doc: Doc, i: int) -> tuple[str, str] | None:
    """(event kind, the clitic-free head) if token i opens an event name."""
    tokens = doc.tokens
    if not _may_open(tokens[i].norm):
        return None
    for variant in tokens[i].variants():
        following = tokens[i + 1].norm if i + 1 < len(tokens) else ""
        if variant in _ASSEMBLY and following in ("العام", "عام", "عاما"):
            return "general-assembly", variant
        if variant in _ASSEMBLY_F and following in ("العامه", "عامه"):
            return "general-assembly", variant
        if following in _PRESS:
            return None
        if variant in _STUDY_DAY and following in _STUDY:
            return "workshop", variant
        if variant in _FOUNDATION and following.startswith(("الاساس", "اساس")):
            return "other", variant  # "وضعت المجموعة الحجر الأساس لوحدة إنتاج"
        if variant in _SCIENCE_DAYS and following in _LEARNED:
            return "conference", variant  # "الأيام العلمية حول الطاقات المتجددة"
        if variant in _SCIENCE_DAYS and following in _PROFESSIONAL:
            return "workshop", variant  # "الأيام المهنية للصيد التقليدي"
        if variant in ("اجتماعها", "اجتماعه") and following not in _HELD:
            return None  # "صادقت عليه اللجنة في اجتماعها الأخير": a past one, in passing
        if variant in _LAUNCH and following in ("اشغال", "الاشغال"):
            return "other", variant  # "انطلاقة أشغال بناء مصنع": a groundbreaking
        if variant in OPENING and any(
            v in _PLANT for t in tokens[i + 1 : i + 5] for v in t.variants()
        ):  # "تدشين الشطر الأول من وحدة صناعية"
            return "other", variant
        if variant == "التدشين" and i and tokens[i - 1].bare in ("حفل", "الحفل"):
            return "other", variant  # "حفل التدشين": the opening the headline names
        kind = EVENT_HEADS.get(variant)
        if kind == "signing":
            later = {v for t in tokens[i + 1 : i + 3] for v in t.variants()}
            return (kind, variant) if later & _AGREEMENT_WORDS else None
        if kind:
            return kind, variant
    return None


def find_events(doc: Doc) -> list[EventMention]:
    """Every event head of the document with its title, edition and standing."""
    found = []
    tokens = doc.tokens
    for i, t in enumerate(tokens):
        found_kind = _kind_at(doc, i)
        if found_kind is None:
            continue
        kind, head = found_kind
        prev = [tokens[k].bare for k in range(max(i - 5, 0), i)]
        start = i
        if kind == "general-assembly":
            end = chain(doc, i + 1).last
        elif kind == "delegation" or head in _STUDY_DAY | _SCIENCE_DAYS or kind == "other":
            end = _until_comma(doc, i, 10)
        else:
            end = chain(doc, i, phrase=True).last
        title = "".join(c for c in doc.surface(start, end, head) if c not in QUOTES)
        if kind == "general-assembly":
            title = "الجمع العام " + doc.surface(i + 2, end) if end > i + 1 else "الجمع العام"
            title = title.strip()
        elif head in _FOUNDATION:
            title = f"وضع {title}"
        else:
            title = nominative(title)  # "وفدا رفيع المستوى", "يوما دراسيا" → nominative
        found.append(
            EventMention(
                kind=kind,
                first=i,
                last=end,
                title=title,
                edition=_edition(doc, i, end),
                context=any(w.removeprefix("ال") in _CONTEXT for w in prev),
                anaphoric=bool(prev)
                and prev[-1] in _DEMONSTRATIVES
                or t.bare in ("الوفد", "البعثه"),
                named=end > i + (1 if kind == "general-assembly" else 0) and head not in _POSSESSED,
            )
        )
    return found


_PHRASE_WORDS = {"من", "مع", "حول"}
_BY = {"تنظيم", "طرف", "رئاسه", "اشراف", "تاطير"}  # "يوم إعلامي من تنظيم …": who, not what


def _until_comma(doc: Doc, i: int, most: int) -> int:
    """End of a free phrase ("وفدا رفيع المستوى من دولة الصين"): up to punctuation or a verb."""
    end = i
    while end + 1 < len(doc.tokens) and end - i < most:
        nxt = doc.tokens[end + 1]
        if nxt.gap.strip(" " + QUOTES) or nxt.norm in VERBS or nxt.norm in _BY:
            break
        if nxt.norm in STOPWORDS and nxt.norm not in _PHRASE_WORDS:
            break
        if (
            end == i
            and doc.tokens[i].bare.startswith("ال")
            and not nxt.norm.startswith(("ال", "لل", "وال", "بال"))
            and not nxt.norm[:1].isdigit()
            and nxt.norm not in _PHRASE_WORDS
            and match_at(doc, end + 1) is None
        ):
            break  # "اللقاء يندرج …", "الاجتماع مكن من …": the predicate, not the name
        if doc.text.endswith("ه", nxt.start, nxt.end) and not nxt.norm.startswith("ال"):
            break  # "لقاء تواصلي عقده الرئيس", "اجتماع ترأسه الوالي": a verb and its object
        end += 1
    while end > i and doc.tokens[end].norm in _PHRASE_WORDS:
        end -= 1
    return end


def _edition(doc: Doc, first: int, last: int) -> int | None:
    """Edition written before the head ("الدورة الثانية من") or after it ("في دورته 12")."""
    tokens = doc.tokens
    for k in range(max(first - 4, 0), first):
        if tokens[k].bare in _EDITION_WORDS:
            value = ordinal([t.norm for t in tokens[k + 1 : first]])
            if value:
                return value
    for k in range(last + 1, min(last + 4, len(tokens))):
        if tokens[k].bare in _EDITION_WORDS or tokens[k].norm in _EDITION_WORDS:
            return ordinal([t.norm for t in tokens[k + 1 : k + 4]])
    if first and tokens[first - 1].bare in _DEMONSTRATIVES:
        return None  # "هذه الورشة الأولى ضمن سلسلة": the first of a series, not an edition
    for k in range(first + 1, min(first + 4, last + 1)):
        # "المؤتمر الدولي الثالث حول …", "المنتدى الجهوي الأول": an ordinal adjective
        # after the head and its nisba adjectives
        if tokens[k].norm in _UNITS or tokens[k].norm in _TENS:
            return ordinal([t.norm for t in tokens[k : k + 3]])
        word = tokens[k].norm
        if not word.startswith("ال") or not word.endswith(("ي", "يه")) or tokens[k].gap.strip():
            break
    return None


def find_editions(doc: Doc) -> list[tuple[int, int]]:
    """(edition number, token) for every "الدورة الثانية", "النسخة 3", "في دورتها الأولى"."""
    tokens = doc.tokens
    found = []
    for k, t in enumerate(tokens[:-1]):
        if t.bare in _EDITION_WORDS or t.norm in _EDITION_WORDS:
            number = ordinal([w.norm for w in tokens[k + 1 : k + 4]])
            if number:
                found.append((number, k))
    return found


def sectors(doc: Doc, focus: tuple[int, int]) -> list[str]:
    """Sectors the article is about: named in the event's sentence, or recurring elsewhere.

    "industry" is kept only where no more specific sector is found.
    """
    counts: Counter[str] = Counter()
    in_focus: set[str] = set()
    plain = [_plain(t.norm) for t in doc.tokens]
    for i, word in enumerate(plain):
        sector = None
        if word in _PAIR_STARTS and i + 1 < len(plain):
            sector = _SECTOR_WORDS.get((word, plain[i + 1]))
        sector = sector or _SECTOR_WORDS.get((word,))
        if sector:
            counts[sector] += 1
            if focus[0] <= i <= focus[1]:
                in_focus.add(sector)
    ranked = [s for s, _n in counts.most_common()]
    chosen = [s for s in ranked if s in in_focus]
    chosen += [s for s in ranked if s not in in_focus and counts[s] >= 4]
    if len(chosen) > 3 and "industry" in chosen:
        chosen.remove("industry")
    return chosen[:3]
