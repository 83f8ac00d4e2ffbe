"""Organisations: found from the head noun that opens their name, then resolved into entities.

An Arabic organisation name is a head noun (وزارة، الوكالة، غرفة، قطب…) followed by its
genitive/adjective chain (definite words, or indefinite words that are themselves followed
by a definite genitive), optionally closed by a place (لجهة سوس-ماسة، بمراكش for regional
bodies), an acronym, a quoted brand or a parenthetical alias. Mentions of one body under
several names (bare vs. regional form, Arabic vs. Latin, reordered words) become one entity.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.arabic import normalize_arabic

from .knowledge import find_institutions
from .lexicon import (
    GIVEN_NAMES,
    MONTH_AND_DAY_WORDS,
    NATIONALITIES,
    PEOPLE_GROUPS,
    PREPOSITIONS,
    STOPWORDS,
    TITLE_WORDS,
    VERBAL_NOUN,
    VERBS,
)
from .normalize import clitic_variants, strip_clitics
from .places import Place, country_at, match_at
from .text import BULLET, QUOTES, Doc, Token

HEADS = {
    "وزاره": "ministry",
    "الوزاره": "ministry",
    "وكاله": "public-agency",
    "الوكاله": "public-agency",
    "هيئه": "public-agency",
    "الهيئه": "public-agency",
    "المكتب": "public-agency",
    "مكتب": "public-agency",
    "حكومه": "other",
    "فدراليه": "federation",
    "الفدراليه": "federation",
    "فيدراليه": "federation",
    "الفيدراليه": "federation",
    "كونفدراليه": "federation",
    "الكونفدراليه": "federation",
    "اتحاد": "federation",
    "الاتحاد": "federation",
    "اتحاديه": "federation",
    "الاتحاديه": "federation",
    "جامعه": "university",
    "الجامعه": "university",
    "جمعيه": "association",
    "الجمعيه": "association",
    "تجمع": "cluster",
    "التجمع": "cluster",
    "قطب": "cluster",
    "القطب": "cluster",
    "تكتل": "cluster",
    "التكتل": "cluster",
    "غرفه": "chamber",
    "الغرفه": "chamber",
    "مركز": "other",
    "المركز": "other",
    "مجلس": "other",
    "المجلس": "other",
    "ولايه": "local-authority",
    "عماله": "local-authority",
    "العماله": "local-authority",
    "جماعه": "local-authority",
    "الجماعه": "local-authority",
    "شركه": "company",
    "الشركه": "company",
    "مجموعه": "company",
    "المجموعه": "company",
    "بنك": "company",
    "البنك": "company",
    "مجله": "media",
    "المجله": "media",
    "جريده": "media",
    "الجريده": "media",
    "صحيفه": "media",
    "الصحيفه": "media",
    "يوميه": "media",
    "اليوميه": "media",
    "قناه": "media",
    "القناه": "media",
    "اذاعه": "media",
    "الاذاعه": "media",
    "شبكه": "association",  # "شبكة النساء المقاولات": a network of members
    "الشبكه": "association",
    "صندوق": "other",
    "الصندوق": "other",
    "معهد": "university",
    "المعهد": "university",
    "المدرسه": "university",
    "مدرسه": "university",
    "كليه": "university",
    "الكليه": "university",
    "مؤسسه": "other",
    "المؤسسه": "other",
    "تعاونيه": "other",
    "التعاونيه": "other",
    "مرصد": "other",
    "المرصد": "other",
    "لجنه": "public-agency",
    "اللجنه": "public-agency",
    "مديريه": "other",
    "المديريه": "other",
    "مجمع": "company",
    "المجمع": "company",
}
# Heads that only name a body in a given company ("المكتب الوطني", "ولاية الجهة").
_NEEDS_NEXT = {
    "المكتب": {"الوطني", "الشريف", "الجهوي"},
    "ولايه": {"الجهه", "جهه", "امن"},
    # "الاتحادية الوطنية للصيد", not "جمهورية ألمانيا الاتحادية": federal
    "الاتحاديه": {"الوطنيه", "المغربيه", "الجهويه", "العامه", "الافريقيه"},
}
# Second words that leave a two-word "name" generic ("الجمعية المهنية", "الشركة الصينية").
_GENERIC = {
    normalize_arabic(w)
    for w in [
        "المهنية",
        "المهني",
        "المعنية",
        "المعني",
        "الوصية",  # "الوزارة الوصية": the ministry in charge, named elsewhere
        "المذكورة",
        "المذكور",
        "الجديدة",
        "الجديد",
        "نفسها",
        "نفسه",
        "المنظمة",
        "المنظم",
        "الأخيرة",
        "الحاضرة",
        "الصينية",
        "الأجنبية",
        "الوطنية",
        "الدولية",
        "المغربية",
        "الخاصة",
        "العمومية",
        "المتخصصة",
        "الجهوي",
        "الجهوية",
        "الكبرى",
        "الرائدة",
        "المشاركة",
        "الناشئة",
        "العامة",
        "التكنولوجي",
        "الفلاحي",
        "الصناعي",
        "الإقليمي",
        "الإقليمية",
        "المحلي",
        "المحلية",
        "الجماعي",
        "الترابية",
        "الصيفية",
        "الدراسات",
        "البنكية",  # "المؤسسة البنكية": the bank named before
        "المالية",
    ]
}
# Bodies whose name ends with their seat ("المركز الجهوي للاستثمار بمراكش").
_REGIONAL = {"المركز", "مركز", "المجلس", "غرفه", "الغرفه", "الاتحاد", "مجلس", "عماله",
             "المعهد", "معهد", "المدرسه", "مدرسه", "الكليه", "كليه", "جامعه", "الجامعه",
             "جماعه", "ولايه", "جمعيه", "مديريه", "المديريه", "الجماعه", "العماله", "الجمعيه",
             "التجمع", "تجمع", "اتحاد"}  # fmt: skip
# Adjectives an indefinite association takes ("جمعية مغربية للتنمية"): not its proper name
# ("جمعية ملوية للبيئة").
_DESCRIPTIVE = {"مغربيه", "وطنيه", "جهويه", "محليه", "اقليميه", "دوليه", "مهنيه", "نسويه",
                "فلاحيه", "صناعيه", "جديده", "خاصه", "شبابيه", "تنمويه", "اجتماعيه", "ثقافيه",
                "رياضيه", "بيئيه", "افريقيه", "عربيه", "اوروبيه"}  # fmt: skip
_SPECIALISED = {"المتخصص", "المتخصصه", "المختص", "المختصه"}  # "… المتخصص في …" runs on
# Words after which a name does not run on: a term of office, a time, a relative participle
# ("… للفترة الانتدابية", "لجنة … المنبثقة عن المجلس", "… التابعة للوزارة").
# ("ترأس رئيس الغرفة الجلسة": a meeting noun after a body is the verb's object)
_NAME_BREAKS = {"الفتره", "الفترات", "المده", "السنه", "الموسم", "الولايه", "المنبثقه",
                "المنبثق", "التابعه", "التابع", "المنعقده", "الحامل", "الحامله",
                "الجلسه", "الاشغال", "الحفل", "الاجتماع",
                "الرامي", "الراميه", "الهادف", "الهادفه"}  # fmt: skip
# Verbal nouns whose object follows with "ب" inside a name ("الوكالة الوطنية للنهوض
# بالمقاولات الصغرى والمتوسطة").
_GOVERNS_BI = {"النهوض", "للنهوض", "الارتقاء", "للارتقاء", "العنايه", "للعنايه"}
# Sites named like bodies: "القطب الفلاحي لمداغ", "القطب الصناعي للمدينة" (a nisba adjective
# after "قطب" makes a site; a cluster is "قطب الصناعات …"), "مركز المعارض" (a venue).
_SITE_HEADS = {"قطب", "القطب", "مجمع", "المجمع"}
_EMBASSY = {"سفاره", "السفاره"}
_SEATED = {"association", "cluster", "federation"}  # kinds named with a seat abroad
_MEMBERS = {*_SEATED, "company"}  # bodies named by a brand ("الاتحاد التعاوني "زيتون الغرب"")
_COOPERATIVES = {"تعاونيه", "التعاونيه"}
# Words that open a Moroccan place name ("آيت قمرة", "سيدي غانم", "عين السبع").
TOPONYM_OPENERS = {"ايت", "اولاد", "بني", "سيدي", "عين"}
# What a "قطب" of an investment centre does: a department ("قطب تحفيز الاستثمار").
_DEPARTMENT_WORKS = {"تحفيز", "التحفيز", "مواكبه", "المواكبه", "دعم", "استقبال", "الاستقبال"}
# Words after "ولاية" that make it a term of office ("لولاية ثانية", "لولاية من ثلاث سنوات").
_TERM_WORDS = {"ثانيه", "ثالثه", "رابعه", "جديده", "واحده", "اخري", "انتدابيه", "من", "مدتها",
               "تمتد"}  # fmt: skip
# Events coordinated after a body's name start another noun phrase ("… والمنتدى المغربي").
_EVENT_NOUNS = {"المنتدي", "المعرض", "الملتقي", "المؤتمر", "الندوه", "الدوره", "الورشه",
                "اللقاء", "الصالون", "اليوم", "المهرجان"}  # fmt: skip
_VENUES = {"المعارض", "المؤتمرات", "الندوات", "الاجتماعات", "الاستقبال"}
# Directions that close a body's name ("الشركة الجهوية للتهيئة الصناعية بالشمال").
_CLOSING = {"بالشمال", "بالجنوب", "بالوسط", "بالشرق", "بالغرب"}
# Nouns after which a Latin name is a company's ("مصنع X", "مختبرات X").
# Words before a Latin name that make it a company ("مسير Rif Textile": its manager).
_LATIN_OWNERS = {"مصنع", "المصنع", "مختبرات", "مختبر", "علامه", "لمختبرات", "بمصنع", "لمصنع",
                 "فرع", "لفرع", "مسير", "مسيره"}  # fmt: skip
_RECENT = 80  # tokens within which "الشركة" refers back to the last company named
_NEAR = 20  # … and any other head to the body of that head named just before
# First words of places the base lists but the press names as sites, not bodies.
_INFRASTRUCTURE = {"ميناء", "مطار", "محطه", "المدينه", "مدينه",
                   "المنطقه", "منطقه"}  # fmt: skip
_FAIR_SECTIONS = {"اقطاب", "الاقطاب", "رواقا", "اروقه", "الاروقه", "فضاء", "فضاءات"}
_MARKETS = {"اسواق", "لاسواق", "باسواق", "بلدان", "لبلدان", "ببلدان", "دول", "لدول", "بدول"}
_COMMITTEES = {"لجنه", "اللجنه"}
_PLANT_NOUNS = {"وحده", "الوحده", "مصنع", "المصنع", "معمل", "المعمل", "وحدات"}
_FIRM_NOUNS = _PLANT_NOUNS | {"مقاوله", "المقاوله", "الدراسات"}  # "مكتب الدراسات "X""
_LIST_REACH = 12  # tokens of a description between two companies of a list
# What a "شبكة" carries when it is pipes and wires, not a network of bodies.
_UTILITIES = {"التطهير", "النقل", "الكهربائيه", "الكهرباء", "الطرق", "الطرقيه", "الماء", "الري",
              "السكك", "الالياف", "الاتصالات", "التوزيع", "الغاز", "الاناره", "الطريق",
              "التجميع", "الموزعين", "تصريف", "توزيع"}  # fmt: skip
_VERB_LIKE = {"تجمع"}  # heads that also read as verbs
_HONORIFICS = {"السيد", "السيده", "السادة", "الحاج", "الحاجه"}
_PARTY_WORDS = {"حزب", "لحزب", "بحزب", "الحزب", "وحزب"}
_PARTIES = tuple(
    normalize_arabic(name)
    for name in (
        "التجمع الوطني للأحرار", "الاتحاد الاشتراكي للقوات الشعبية", "الأصالة والمعاصرة",
        "الحركة الشعبية", "التقدم والاشتراكية", "العدالة والتنمية", "الاتحاد الدستوري",
    )
)  # fmt: skip
# Verbs and phrases whose subject or agent a prefecture named next is ("تنظمه", "من طرف").
_ACTS = re.compile(r"[وف]?(?:س?[يت]نظم|نظمت?|وقعت?|[يت]وقع|احتضنت?|س?[يت]حتضن)(?:ه|ها)?|طرف")
# Nouns after which a prefecture acts: its seat hosts, its representatives attend.
_ACTOR_NOUNS = {
    "مقر",
    "بمقر",
    "ممثل",
    "ممثلي",
    "ممثلو",
    "ممثلين",
    "ممثله",
    "مصالح",
    "لدي",
    "اشراف",
    "باشراف",
    "رعايه",
    "برعايه",
    "مبادره",
    "بمبادره",
    "بتنظيم",
    "بدعم",
}
_GOVERNING = {"اداره", "الاداره", "الرقابه", "المراقبه", "التوجيه", "الادارة"}
_OFFICIALS = {"عامل", "العامل", "والي", "الوالي", "عامله"}
_LEVELS = {"الجهوي", "الجهويه", "الاقليمي", "الاقليميه", "المحلي", "المحليه"}
_COMPANY_HEADS = {"شركه", "مجموعه"}
_BOARD_WORDS = {"المسير", "التنفيذي", "المديري", "الجديد", "السابق", "الدائم"}
# Administrative units named by their seat ("إقليم ورزازات", "عمالة المحمدية").
_UNITS = {"اقليم", "عماله", "جماعه", "ولايه", "مدينه", "بلديه", "لاقليم", "لعماله", "لجماعه",
          "لمدينه", "لولايه", "وعماله", "واقليم"}  # fmt: skip
_UNITS_PLURAL = {"اقاليم", "لاقاليم", "عمالات", "لعمالات", "مدن", "لمدن", "جماعات", "لجماعات"}
# Adjectives that take a definite genitive inside a name ("متعددة التخصصات").
_IMPROPER = {"متعدده", "متعدد", "متعددي", "رفيع", "رفيعه", "عالي", "عاليه", "ذات", "ذو"}
# Nouns of a field that a name continues with "في" ("البحث في الصيد البحري").
_FIELD_NOUNS = {"بحث", "ابحاث", "دراسات", "تكوين", "تخصص", "خبره", "استثمار"}
_DEMONSTRATIVES = {"هذا", "هذه", "ذات", "نفس", "تلك", "ذلك", "هاته", "هذين", "هاتين"}
_WITH_BODY = {"بتنسيق", "بشراكه", "بتعاون", "بدعم", "بمبادره", "بتنظيم", "بالتعاون",
              "بالشراكه", "بالتنسيق"}  # fmt: skip
_NATIONAL = re.compile(r"\b(?:المغرب|المغربي|المغربيه|بالمغرب)\b")  # a body of the whole country
_KNOWN_AS = {"المعروف", "المعروفه"}
_NAMING = {"اسم", "باسم", "مسمي", "بمسمي", "علامه", "تسميه"}
_LATIN_GAP = re.compile(r"[ .&:'’-]*")  # between two words of a Latin name (fullmatch)
_QUOTED = re.compile(rf"[{QUOTES}]\s*([^{QUOTES}\n]{{1,120}}?)\s*[{QUOTES}]")
_ANY_CLUSTER = ("cluster", "pole", "pôle")
_BRACKETED_LATIN = re.compile(r"\(\s*([A-Za-z][^()\n]{1,60}?)\s*\)")
_NO_QUOTES = str.maketrans("", "", QUOTES)
_GLOSS = re.compile(rf"[{QUOTES}\s]*{_BRACKETED_LATIN.pattern}")  # after a quoted name
# One company of a list: its Latin name alone on a line, or before its country in brackets or
# a colon and what it does ("- Mar Azul Acuicultura (إسبانيا): تربية الأسماك …"), or before
# whom it acts through ("- Rif Agro-Export، ممثلة بمسيرتها NAME: …").
_LATIN_ITEM = re.compile(
    rf"^[ \t]*(?:{BULLET}[ \t]*)?([A-Z][A-Za-z\u00c0-\u024f0-9&' .-]{{1,60}}?)"
    r"[ \t.]*(?:\([^()\n]{1,30}\)[ \t]*)?(?:[:؛;][^A-Za-z\n]*|(?P<acting>[،,][ \t]*ممثل[^\n]*))?$"
)
_ITEM_LINE = re.compile(rf"^[ \t]*{BULLET}[^\n]*|^[ \t]*[A-Z][^\u0600-\u06ff\n]*$", re.MULTILINE)
_PLURAL_BEFORE = re.compile(r"(?:شركات|مقاولات|مجموعات|علامات|مختبرات|العارضين|عارضا)")
LEGAL_FORMS = {"SA", "SL", "SAS", "SARL", "SARLAU", "SPA", "SRL", "AG", "GMBH", "LTD", "LLC",
               "BV", "NV", "SE", "PLC", "INC", "LDA", "SAU", "SLU", "KG"}  # fmt: skip
_LEGAL_FORM = re.compile(r"\s(?:[A-Za-z]\.)+[A-Za-z]$")  # "S.A", "S.A.R.L", "S.r.l", "S.p.A"
# Plurals that introduce a list of companies by name ("شركات "X" و"Y"").
_PLURAL_COMPANIES = {"شركات", "الشركات", "لشركات", "مجموعات", "مقاولات", "المقاولات", "علامات",
                     "مختبرات", "وحدات", "مصانع", "شركتي", "شركتا", "المصنعين", "مصنعين",
                     "المصدرين", "العارضين"}  # fmt: skip


@dataclass(slots=True)
class OrgMention:
    name: str
    first: int
    last: int
    kind: str
    head: str = ""
    acronym: str | None = None
    aliases: list[str] = field(default_factory=list)
    region: str | None = None
    city: str | None = None
    bare: bool = False  # the head alone ("الغرفة"): refers back to a named body
    stem: str = ""  # folded name without its closing place
    of_region: bool = False  # "مجلس الجهة": the regional body of that head
    known: str | None = None  # key of the knowledge-base institution it names
    branch: bool = False  # a national body named with its region: named without it
    qualifier: frozenset[str] = frozenset()  # "المجلس الإقليمي": the adjective after a bare head


@dataclass(slots=True)
class Organization:
    name: str
    kind: str
    aliases: list[str]
    acronym: str | None
    city: str | None
    region: str | None
    first: int  # token index of the first mention


@lru_cache(maxsize=1 << 16)
def head_of(token: str) -> str | None:
    """The head noun a token reads as once proclitics are set aside, if any."""
    for variant in clitic_variants(token):
        if variant in HEADS:
            return variant
    return None


def _core(word: str) -> tuple[str, str | None, bool]:
    """(word without و, its preposition clitic, definite?) for the name-chain test."""
    if word.startswith("و") and len(word) > 3 and word[1:3] in ("ال", "لل", "با"):
        word = word[1:]
    if word.startswith("ال"):
        return word, None, True
    if word.startswith("لل"):
        return word, "ل", True
    if word[:3] in ("بال", "فال", "كال"):
        return word, word[0], True
    return word, None, False


def _not_adjective(word: str) -> bool:
    """A definite verbal noun or plural ("التعاقد", "الاستثمار", "المقاولين"), which never
    describes the head before it as an adjective would ("الوطنية", "العامة")."""
    if word.endswith(("ي", "يه")):
        return False
    return word.startswith(("الت", "الاست")) or len(word) > 6 and word.endswith("ين")


def _opens_body(tokens: list[Token], k: int) -> bool:
    """Whether token k is a head with the word some heads need after them ("المكتب
    الوطني"; "الاتحادية الوطنية", not "جمهورية ألمانيا الاتحادية": federal)."""
    head = head_of(tokens[k].norm)
    if head not in _NEEDS_NEXT:
        return head is not None
    return k + 1 < len(tokens) and tokens[k + 1].norm in _NEEDS_NEXT[head]


def _plain(word: str) -> str:
    """A folded word without clitics or article ("للبحث" → "بحث")."""
    word = strip_clitics(word)
    return word[2:] if word.startswith("ال") and len(word) > 4 else word


def _stop(word: str) -> bool:
    bare = word[1:] if word.startswith("و") and len(word) > 2 else word
    return bool(
        {word, bare} & (STOPWORDS | VERBS | MONTH_AND_DAY_WORDS)
        or word.isdigit()
        or bare in TITLE_WORDS
    )


def _hard_gap(gap: str) -> bool:
    """Punctuation or a line break: no name runs across it."""
    return bool(gap.strip()) or "\n" in gap


def _is_acronym(raw: str) -> bool:
    letters = [c for c in raw if c.isalpha()]
    return 2 <= len(raw) <= 10 and bool(letters) and all(c.isupper() for c in letters)


def _kind(head: str, words: list[str]) -> str:
    """The organisation kind from its head and the words that follow it."""
    kind = HEADS[head]
    text = " ".join(words)
    if head in ("مركز", "المركز", "المراكز"):
        if "للاستثمار" in text:
            return "investment-center"
        if "تقني" in text or "للبحث" in text or "البحث" in text:
            return "technical-center"
        return "other"
    if (
        head in ("الجامعه", "جامعه")
        and words[1:2]
        and words[1]
        in (
            "الملكيه",
            "الوطنيه",
            "المغربيه",
        )
    ):
        return "federation"
    if head in ("مجلس", "المجلس"):
        return (
            "local-authority"
            if words[1:2] and words[1] in ("جهه", "الجهه", "جماعه", "عماله", "مدينه")
            else "other"
        )
    if "للانباء" in text:
        return "media"
    return kind


@dataclass(slots=True)
class Chain:
    """Where a name that opens at a head word ends, and what closes it."""

    last: int
    region: Place | None = None
    city: Place | None = None
    acronym: str | None = None
    acronym_at: int = 0
    place_at: int = 0


def chain(
    doc: Doc, i: int, *, loose: int = 0, regional: bool = False, phrase: bool = False
) -> Chain:
    """Extend the name whose head is token i over its genitive/adjective chain.

    Definite words continue a name; an indefinite word continues it only when a definite
    genitive follows ("صندوق دعم المراكز"), which stops at adjectives ("قطب استراتيجي").
    `loose` admits that many indefinite words (proper names after "جامعة"); `regional`
    admits a trailing city (بمراكش) as regional bodies are named; `phrase` lets an event
    title run on through "من أجل".
    """
    tokens = doc.tokens
    found = Chain(i)
    j = i + 1
    while j < len(tokens) and j - i <= 14:
        t = tokens[j]
        gap = t.gap.strip() or ("\n" if "\n" in t.gap else "")
        if (
            gap == "-"
            and j - 1 == found.last > i
            and all(
                w.startswith("ال") and w.endswith(("ي", "يه")) for w in (tokens[j - 1].norm, t.norm)
            )
        ):
            found.last, j = j, j + 1  # "غرفة التجارة والصناعة البرتغالية-المغربية"
            continue
        if gap in ("–", "-", "—") and j > i + 1:
            hit = match_at(doc, j)
            if hit and hit[0].kind == "region":  # "الاتحاد العام … – سوس ماسة"
                found.last, found.region, found.place_at = hit[1], hit[0], j
            break
        if gap:
            break
        if t.latin:
            raw = doc.text[t.start : t.end]
            if found.last > i and _is_acronym(raw):
                found.acronym, found.acronym_at = raw, j
            break
        if t.bare in _NAME_BREAKS or t.norm[:1] == "و" and t.norm[1:] in _EVENT_NOUNS:
            break
        if "ولايه" in t.variants() and j + 1 < len(tokens) and tokens[j + 1].norm in _TERM_WORDS:
            break  # "… رئيسا للجمعية لولاية ثانية": a term of office, not a wilaya
        if j == i + 1 and tokens[i].bare.startswith("ال") and t.norm in GIVEN_NAMES:
            break  # "رئيس المجلس الحسين بوشنتوف": a name after the head, no genitive of it
        previous = tokens[j - 1].norm
        if (
            t.norm[:1] == "و"
            and j - 1 == found.last > i
            and (
                # "المؤسسة البنكية وضعت …": a verb after the name, not a coordinated noun
                _core(previous)[2]
                and len(t.norm) <= 5
                and t.norm.endswith("ت")
                and not t.norm.endswith("ات")
                # "الغرفة الفلاحية والتعاونيات الكبرى": the next item of a list of bodies
                or previous.startswith("ال")
                and previous.endswith(("يه", "ي"))
                and t.norm.startswith("وال")
                and t.norm.endswith("ات")
                and not tokens[i + 1].norm.startswith("لل")
                and not (i + 2 <= j - 1 and tokens[i + 2].norm.startswith("لل"))
                # "… المراكز الجهوية للاستثمار وبإحداث اللجان": another clause
                or t.norm.startswith("وب")
                and not t.norm.startswith("وبال")
            )
        ):
            break
        if (
            t.bare in ("المكلف", "المكلفه")
            and found.last == i
            and HEADS.get(tokens[i].bare) != "ministry"
        ):
            break  # "نائب رئيس الغرفة المكلف بملحقة …": the office's charge, not a name
        if (
            t.norm[:3] == "بال"
            and tokens[j - 1].norm in _GOVERNS_BI
            and j - 1 == found.last
            and not _hard_gap(t.gap)
        ):
            found.last, j = j, j + 1  # "للنهوض بالمقاولات": the verbal noun's object
            continue
        if phrase and t.norm == "من" and j + 1 < len(tokens) and tokens[j + 1].norm == "اجل":
            j += 2
            continue
        if t.norm in _UNITS_PLURAL and found.last > i:
            # "جمعية المستثمرين لأقاليم تاوريرت وجرادة وفجيج": the seats, coordinated
            k = j + 1
            while k < len(tokens) and not _hard_gap(tokens[k].gap):
                hit = match_at(doc, k)
                if (
                    hit is None
                    or hit[0].kind != "city"
                    or (k > j + 1) != (tokens[k].norm[:1] == "و")
                ):
                    break
                found.last, found.place_at, k = hit[1], j, hit[1] + 1
            break
        if (
            (t.norm in _UNITS or regional and found.last > i and t.norm in ("باقليم", "بعماله"))
            and j + 1 < len(tokens)
            and not _hard_gap(tokens[j + 1].gap)
        ):
            hit = match_at(doc, j + 1)
            if hit is not None and hit[0].kind == "city" and not hit[2]:
                # "عمالة إقليم ورزازات", "المجلس الإقليمي لعمالة المحمدية": a unit and its seat
                found.last, found.city, found.place_at = hit[1], hit[0], j
                joined = match_at(doc, hit[1] + 1) if hit[1] + 1 < len(tokens) else None
                if joined is not None and tokens[hit[1] + 1].gap.strip() == "-":
                    found.last = joined[1]  # "بعمالة الصخيرات-تمارة": a prefecture of two towns
                break
        country = country_at(doc, j) if j - 1 == found.last > i else None
        if country is not None and (
            t.norm[:1] != "ب" or HEADS.get(head_of(tokens[i].norm) or "") != "company"
        ):
            found.last = country  # "المجلس الوطني لأرباب العمل بالسنغال"
            break
        if (
            j - 1 == found.last > i
            and t.norm[:1] != "ب"
            and j + 1 < len(tokens)
            and not _hard_gap(tokens[j + 1].gap)
        ):
            country = country_at(doc, j + 1, clitic=False)  # "لمقاولات كوت ديفوار"
            if country is not None:
                found.last = country
                break
        hit = match_at(doc, j)
        if hit is not None:
            place, place_last, locative = hit
            after = tokens[place_last + 1] if place_last + 1 < len(tokens) else None
            if (
                j == i + 1
                and not locative
                and after is not None
                and (
                    after.norm.startswith("لل")
                    or tokens[i].bare in ("جمعيه", "تعاونيه")
                    and after.norm[:1] == "ل"
                    and len(after.norm) >= 4
                )
                and not _hard_gap(after.gap)
            ):
                # "جمعية دكالة للتنمية", "تعاونية عين تاوجطات لمنتجي التفاح": its name
                found.last, j = place_last, place_last + 1
                continue
            found.place_at = j
            if phrase and locative:
                break  # "المنتدى … بجهة سوس-ماسة": where it is held, not its name
            indefinite_head = not tokens[i].bare.startswith("ال")
            at_seat = locative and t.norm[:1] == "ب" or t.norm[:2] == "وب"
            if place.kind == "region" and at_seat and found.last == i and not indefinite_head:
                break  # "الوكالة بجهة …": a bare head, then where
            if place.kind == "region" and at_seat and not regional and found.last > i:
                break  # "المكتب الوطني … بجهة سوس ماسة": a national body's branch there
            if place.kind == "region" and (
                found.last > i or "جهه" in t.variants() or indefinite_head
            ):
                found.last, found.region = place_last, place
            elif place.kind == "city" and (
                (locative and regional)
                or (not locative and t.norm == t.bare)
                or (t.norm[:1] == "ل" and found.last > i)
            ):
                found.last, found.city = place_last, place
                k = place_last + 1
                if k < len(tokens) and tokens[k].norm[:1] == "و" and not _hard_gap(tokens[k].gap):
                    also = match_at(doc, k)  # "… بتطوان والمضيق": the two towns it serves
                    if also is not None and also[0].kind == "city":
                        found.last = also[1]
            break
        if (
            t.norm in _CLOSING
            or t.norm == "بالمغرب"
            and (regional or HEADS.get(tokens[i].bare) in ("company", "association", "cluster"))
        ) and found.last > i:
            found.last = j  # "… للتهيئة الصناعية بالشمال", "الغرفة الألمانية … بالمغرب"
            break
        if j == i + 1 and t.norm[:1] == "ل" and not phrase:
            break  # "قطب للصناعات البحرية", "مركز لمواكبة …": a description, not a name
        if (
            found.last > i
            and t.norm[:1] == "ب"
            and not t.norm.startswith("بال")
            and len(t.norm) >= 4
            and (j + 1 >= len(tokens) or _hard_gap(tokens[j + 1].gap))
            and (
                regional
                or j - 1 == found.last
                and HEADS.get(head_of(tokens[i].norm) or "") in _SEATED
                and _unknown_seat(doc, j)
            )
        ):
            # "غرفة التجارة بإسطنبول،", "تجمع النساء المحولات … بكازامانس،": a seat the
            # gazetteer does not know closes the name
            found.last = j
            break
        if (
            j - 1 == found.last > i
            and t.norm[:1] == "ب"
            and t.norm[1:] in TOPONYM_OPENERS
            and HEADS.get(head_of(tokens[i].norm) or "") in _SEATED
            and j + 1 < len(tokens)
            and not _hard_gap(tokens[j + 1].gap)
            and (j + 2 >= len(tokens) or _hard_gap(tokens[j + 2].gap))
        ):
            found.last = j + 1  # "جمعية منتجي الشمندر السكري ببني موسى،": a tribe's land
            break
        nxt = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            t.norm.endswith("يي")
            and nxt is not None
            and not _hard_gap(nxt.gap)
            and not nxt.norm.startswith("ال")
            and nxt.norm[:1] not in "وبل"
            and not _stop(nxt.norm)
            and not nxt.latin
        ):
            found.last = j + 1  # "جمعية صناعيي ميدبارك": a plural's genitive, a proper name
            break
        if (
            t.norm in ("بالحي", "بالمنطقه")
            and j - 1 == found.last
            and tokens[j - 1].norm.endswith(("ين", "يي"))
            and j + 1 < len(tokens)
            and tokens[j + 1].bare in ("الصناعي", "الصناعيه")
        ):
            found.last, j = j + 1, j + 2  # "جمعية الصناعيين بالحي الصناعي لوزان": their zone
            continue
        if t.norm[:2] in ("بت", "بم", "با") or t.norm in _HONORIFICS:
            break  # "شركة فوسبوكراع بتهيئة …": a preposition opens the predicate
        if (
            t.norm == "و"
            and nxt is not None
            and (nxt.norm in _HONORIFICS or _opens_body(tokens, j + 1))
        ):
            break  # "… الشرقية و السيد …", "… و الوكالة الأمريكية …": the next item of a list
        if t.norm[:1] == "و" and (t.norm[1:] in PEOPLE_GROUPS or t.norm[1:] in GIVEN_NAMES):
            break  # "المجلس الإقليمي ورؤساء الجمعيات"، "… ودينا …": people with the body
        if (
            t.norm[:1] == "ل"
            and not t.norm.startswith("لل")
            and VERBAL_NOUN.match(t.norm)
            and tokens[j - 1].norm in NATIONALITIES
            and j - 1 == found.last
        ):
            break  # "وكالة التنمية الفرنسية لتمويل …": what the named body does ("الجمعية
            # التركية لرجال الأعمال" keeps its genitive)
        _word, prep, definite = _core(t.norm)
        if t.norm == "في" and (
            tokens[j - 1].bare in _SPECIALISED
            or _plain(tokens[j - 1].norm) in _FIELD_NOUNS
            and j + 1 < len(tokens)
            and (_core(tokens[j + 1].norm)[2] or tokens[j + 1].norm == "مهن")
        ):  # ("مركز التكوين في مهن الطاقات المتجددة")
            j += 1  # "المتخصص في …", "معهد البحث في الطاقة الشمسية"
            continue
        if (
            t.norm in _IMPROPER
            and j + 1 < len(tokens)
            and not _hard_gap(tokens[j + 1].gap)
            and tokens[j + 1].norm.startswith("ال")
        ):
            found.last, j = j + 1, j + 2  # "الكلية متعددة التخصصات": an adjective's genitive
            continue
        if (
            t.norm in TOPONYM_OPENERS
            and j - 1 == found.last
            and tokens[j - 1].norm in ("الصناعيه", "الصناعي")
            and j + 1 < len(tokens)
            and not _hard_gap(tokens[j + 1].gap)
        ):
            found.last, j = j + 1, j + 2  # "المنطقة الصناعية آيت قمرة": the zone's place name
            continue
        if t.norm in ("بها", "به") and j - 1 == found.last and tokens[j - 1].norm.startswith("الم"):
            found.last, j = j, j + 1  # "والخدمات المرتبطة بها": the participle's pronoun
            continue
        if _stop(t.norm) or prep in ("ب", "ف", "ك"):
            break
        if t.norm.startswith("و") and (j == i + 1 or head_of(t.norm[1:])):
            break  # a coordinated noun, or the next body of a list
        if (
            j == i + 1
            and definite
            and prep is None
            and tokens[i].bare.startswith("ال")
            and _not_adjective(t.norm)
        ):
            break  # "يمكن للشركة التعاقد مع …": a definite head takes no definite genitive
        if definite:
            found.last, j = j, j + 1
            continue
        if (
            j == i + 1
            and tokens[i].bare in ("جمعيه", "تعاونيه")
            and t.norm not in _DESCRIPTIVE
            and not t.norm.endswith("ي")
            and t.norm not in VERBS
            and j + 1 < len(tokens)
            and tokens[j + 1].norm.startswith("لل")
            and not _hard_gap(tokens[j + 1].gap)
        ):
            found.last, j = j, j + 1  # "جمعية دكالة للتنمية", "تعاونية أمل للنسيج": a proper name
            continue
        if loose and found.last == j - 1 and j - i <= 2:
            loose -= 1  # proper names right after the head ("جامعة القاضي عياض"), not later
            found.last, j = j, j + 1
            continue
        if (
            j == i + 1
            and t.bare == "تعاونيات"
            and j + 1 < len(tokens)
            and _proper_word(tokens[j + 1])
        ):
            found.last, j = j, j + 1  # "اتحاد تعاونيات تاكانت للأركان"
            continue
        cooperative = tokens[i].bare in _COOPERATIVES or tokens[i + 1].bare == "تعاونيات"
        if (
            cooperative
            and j - 1 == found.last
            and _proper_word(t)
            and all(tokens[k].norm[:1] != "ل" for k in range(i + 1, j))  # not after its purpose
        ):
            # "تعاونية واحة زناقة"، "التعاونية النسوية أزهار تيسة"، "تعاونية زوزفانة لتثمين
            # التمور": a cooperative's own name, to a comma or its purpose
            end = j + 1 if j + 1 < len(tokens) and _proper_word(tokens[j + 1]) else j
            after = tokens[end + 1] if end + 1 < len(tokens) else None
            if (
                after is not None
                and after.norm.startswith("ال")
                and not _hard_gap(after.gap)
                and (end + 2 >= len(tokens) or _hard_gap(tokens[end + 2].gap))
            ):
                end, after = end + 1, None  # "التعاونية الفلاحية تاوجطات الخضراء،"
            if after is None or _hard_gap(after.gap) or after.norm[:1] == "ل":
                found.last, j = end, end + 1
                continue
        if t.norm[:1] not in "لو" and _core(tokens[j - 1].norm)[2]:
            break  # a definite word is never followed by its indefinite genitive
        if t.norm[:1] == "ل" and found.last > i:
            # "غرفة التجارة لإشبيلية،", "… لغران كناريا،": a closing proper name after ل
            end = j
            while end + 1 < len(tokens) and end - j < 2 and not _hard_gap(tokens[end + 1].gap):
                nxt = tokens[end + 1].norm
                if _stop(nxt) or nxt[:1] in "لبو" or nxt.startswith("ال") or tokens[end + 1].latin:
                    break
                end += 1
            if end + 1 >= len(tokens) or _hard_gap(tokens[end + 1].gap):
                found.last = end
                break
        if t.norm[:1] == "ل" and tokens[j - 1].norm.startswith("وال") and j - 1 == found.last:
            break  # "المديرية الجهوية للصناعة والتجارة لمواكبة المشاريع": a purpose, not a name
        end = _genitive(tokens, j)
        if end is None:
            break
        found.last, j = end, end + 1
    if (
        found.last > i + 1
        and tokens[found.last].norm in NATIONALITIES
        and not found.place_at
        and not _core(tokens[found.last - 1].norm)[2]
    ):  # "جامعة بواتييه الفرنسية": a proper name's description ("… والمطاط الإيطالية" keeps it)
        found.last -= 1
    return found


def _proper_word(token: Token) -> bool:
    """An indefinite word that may be part of a proper name ("زناقة", "أزهار")."""
    word = token.norm
    return (
        not _hard_gap(token.gap)
        and not token.latin
        and not word.startswith(("ال", "لل", "و", "ب", "ل"))
        and not word.endswith("ي")
        and word not in _DESCRIPTIVE
        and word not in VERBS
        and not _stop(word)
        and not word.isdigit()
    )


def _unknown_seat(doc: Doc, j: int) -> bool:
    """ "بموكادور"، "بكازامانس": a place the gazetteer does not hold (not a verbal noun,
    "بتنظيم", nor a common word)."""
    tokens = doc.tokens
    word = tokens[j].norm[1:]
    return (
        len(word) >= 4
        and not word.startswith("ال")
        and not (word[:1] == "ت" and len(word) >= 5)
        and not _stop(tokens[j].norm)
        and not _stop(word)
        and word not in VERBS
        and match_at(doc, j) is None
    )


def _genitive(tokens: list[Token], j: int) -> int | None:
    """End of an idafa run starting at indefinite token j, or None if it has no genitive."""
    word = tokens[j].norm
    if word[:2] == "لم":
        word = word[1:]  # "لمنتجي ومصدري الفواكه": a plural's construct after ل
    if word.endswith("ي") and len(word) > 3 and word[:1] != "م" and not word.endswith("يي"):
        return None  # "مرصد جهوي يتتبع مؤشرات …": an adjective heads no idafa ("مستثمري" does)
    k = j + 1
    while k < len(tokens) and k - j <= 3 and not _hard_gap(tokens[k].gap):
        if tokens[k].latin or _stop(tokens[k].norm):
            return None
        if tokens[k].norm[:1] in "لب" and not tokens[k].norm.startswith(("لل", "بال")):
            return None  # "صندوق جهوي لضمان …": a purpose, not a genitive
        _word, prep, definite = _core(tokens[k].norm)
        if definite:
            return k if prep is None else None
        k += 1
    return None


class _Finder:
    """One pass over a document collecting organisation mentions and alias links."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.mentions: list[OrgMention] = []
        self.links: list[tuple[int, int]] = []
        self.taken: set[int] = set()
        self.pending: list[tuple[int, str]] = []  # Latin quotes that may name the body before
        # "…، المعروف باسم "X"": the body's other name (body's last token, name, name's last)
        self.known_as: list[tuple[int, str, int]] = []

    def run(self) -> None:
        self._quoted()
        i = 0
        while i < len(self.tokens):
            if i in self.taken:
                i += 1
                continue
            mention = self._at_head(i)
            if mention is None:
                i += 1
                continue
            self._add(mention)
            i = mention.last + 1
        self._board_affiliations()
        self._known()
        self.mentions = [
            m for m in self.mentions if not self._market(m.first) and not self._party(m)
        ]
        self.mentions.sort(key=lambda m: m.first)
        for mention in self.mentions:
            after = mention.last + 1
            if (
                not mention.bare
                and after < len(self.tokens)
                and self.tokens[after].norm in ("بالجهه", "للجهه")
                and not _hard_gap(self.tokens[after].gap)
            ):
                mention.of_region = True  # "الاتحاد العام لمقاولات المغرب بالجهة": its branch
        for before, name in self.pending:
            self._alias_of_previous(before, name)
        for before, name, last in self.known_as:
            # "التجمع المهني … بتيزنيت، المعروف باسم "Cluster Agro-Terroir Tiznit"", "…،
            # المعروف اختصارا بـ"CATM" (Cluster Agroalimentaire Tétouan-M'diq)"
            spelled = [m for m in self.mentions
                       if m.first == last + 1 and "(" in self.tokens[m.first].gap]  # fmt: skip
            for mention in (m for m in self.mentions if m.last == before):
                if _is_acronym(name) and mention.acronym is None:
                    mention.acronym = name
                else:
                    mention.aliases.append(name)
                for other in spelled:
                    mention.aliases.append(other.name)
                    self.mentions.remove(other)
        self._adjacent_aliases()
        self._reused_aliases()

    # -- building blocks -------------------------------------------------------------

    def _party(self, mention: OrgMention) -> bool:
        """ "انتخب NAME عن حزب التجمع الوطني للأحرار": a political party is a candidate's
        affiliation, not a body of the story."""
        before = self.tokens[mention.first - 1].norm if mention.first else ""
        return before in _PARTY_WORDS or normalize_arabic(mention.name).startswith(_PARTIES)

    def _add(self, mention: OrgMention) -> int:
        self.mentions.append(mention)
        self.taken.update(range(mention.first, mention.last + 1))
        return len(self.mentions) - 1

    def _raw(self, first: int, last: int) -> str:
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def _latin_run(self, j: int) -> int:
        """Last token of the Latin name starting at j."""
        last = j
        k = j + 1
        while (
            k < len(self.tokens)
            and (self.tokens[k].latin or self.tokens[k].norm.isdigit())
            and _LATIN_GAP.fullmatch(self.tokens[k].gap)
        ):
            last = k
            k += 1
        return last

    def _latin_mention(self, j: int, kind: str, head: str = "") -> OrgMention:
        last = self._latin_run(j)
        raw = " ".join(self._raw(j, last).split())
        acronym = None
        if ":" in raw:
            short, _, long = (p.strip() for p in raw.partition(":"))
            if _is_acronym(short) and long:
                raw, acronym = long, short
        end = self.tokens[last].end
        if _LEGAL_FORM.search(raw) and self.doc.text[end : end + 1] == ".":
            raw += "."  # "Envases Hispalis S.A.": the tokens leave the form's last period out
        words = raw.split()
        if (
            acronym is None
            and len(words) >= 2
            and _is_acronym(words[-1])
            and words[-1].replace(".", "").upper() not in LEGAL_FORMS
        ):
            acronym = words[-1]  # "Sahara Solar Pumping SSP", not the "SA" of a company
        if any(w in raw.lower() for w in _ANY_CLUSTER):
            kind = "cluster"
        return OrgMention(raw, j, last, kind, head, acronym)

    # -- the knowledge base ------------------------------------------------------------

    def _known(self) -> None:
        """Institutions of the knowledge base: found even without a head word ("OCP",
        "طنجة المتوسط"), and tagged so that an acronym and a full name make one body."""
        doc = self.doc
        for known in find_institutions(doc.text):
            first = doc.first_token_from(doc.folded_offset(known.start))
            if first and self.tokens[first - 1].nend > doc.folded_offset(known.start):
                first -= 1  # the name starts inside a word, after its clitic ("لولاية …")
            last = doc.first_token_from(doc.folded_offset(known.end)) - 1
            institution = known.institution
            if last < first or (institution.kind == "local-authority" and self._territory(first)):
                continue
            if normalize_arabic(known.surface).split()[0] in _INFRASTRUCTURE:
                continue  # "ميناء الناظور غرب المتوسط": a place the press names, not a body
            if institution.kind == "media" and self._dateline(known.start):
                continue  # "هسبريس – المحمدية": the outlet signing the article
            nxt = self.tokens[last + 1] if last + 1 < len(self.tokens) else None
            if (
                known.surface in institution.acronyms
                and nxt is not None
                and (nxt.latin or nxt.norm.isdigit())
                and not _hard_gap(nxt.gap)
            ):
                continue  # "CETIEV 2.0": the acronym starts another name
            overlapping = [m for m in self.mentions if m.first <= last and first <= m.last]
            inside = [m for m in overlapping if first <= m.first and m.last <= last]
            tails = [m for m in overlapping if first < m.first <= last < m.last]
            if tails and len(inside) + len(tails) == len(overlapping):
                # "للتجاري وفا بنك بجهة مراكش آسفي": the base's name ends in a head ("بنك")
                # that the text's reading took to open another name, with the seat after it
                inside += tails
            elif overlapping and len(inside) < len(overlapping):
                if known.surface not in institution.acronyms:  # not "CETIEV" in "CETIEV 2.0"
                    for m in overlapping:  # the text's own, longer name wins ("… بالرباط")
                        self._trim(m, first, last)
                        if m.first == first:  # not "جمعية المقاولين المناولين للمكتب …"
                            m.known = m.known or institution.key
                continue
            for m in inside:
                self.mentions.remove(m)
                self.taken.difference_update(range(m.first, m.last + 1))
            surface = known.surface
            acronym = surface if surface in institution.acronyms else None
            head = head_of(self.tokens[first].norm) or ""
            mention = OrgMention(surface, first, last, institution.kind, head, acronym,
                                 region=institution.region, known=institution.key)  # fmt: skip
            for m in inside:  # what the text's own reading knew: seat, stem, aliases
                mention.city = mention.city or m.city
                mention.region = mention.region or m.region
                mention.aliases += [a for a in m.aliases if a not in mention.aliases]
                mention.acronym = mention.acronym or m.acronym
                if (m.first, m.last) == (first, last):
                    mention.stem, mention.name = m.stem, m.name
            self._add(mention)

    def _market(self, first: int) -> bool:
        """ "نحو أسواق الاتحاد الأوروبي", "بلدان المجموعة الاقتصادية لدول غرب إفريقيا": the
        countries of a union as a market, not the union as a party."""
        return (
            first > 0
            and self.tokens[first - 1].norm in _MARKETS
            and not _hard_gap(self.tokens[first].gap)
        )

    def _dateline(self, offset: int) -> bool:
        """Whether an original offset lies on a short line among the first ones."""
        text = self.doc.text
        line_start = text.rfind("\n", 0, offset) + 1
        line_end = text.find("\n", offset)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        return text.count("\n", 0, line_start) < 6 and len(line.split()) <= 6

    def _trim(self, mention: OrgMention, first: int, last: int) -> None:
        """Cut a name back to the known one it extends with a coordinated noun
        ("المكتب الوطني للكهرباء والماء الصالح للشرب والسلطات المحلية") or with a purpose
        ("المكتب الوطني للسلامة الصحية … لتسريع مساطر …"), not with its seat ("لجهة …")."""
        if mention.first != first or mention.last <= last:
            return
        nxt = self.tokens[last + 1].norm
        purpose = (
            nxt[:1] == "ل"
            and not nxt.startswith("لل")
            and head_of(nxt) is None
            and match_at(self.doc, last + 1) is None
        )
        if nxt[:1] == "و" or purpose:
            self.taken.difference_update(range(last + 1, mention.last + 1))
            mention.last = last
            mention.name = self.doc.surface(first, last, mention.head or None)

    # -- quoted names ------------------------------------------------------------------

    def _quoted(self) -> None:
        doc = self.doc
        for m in _QUOTED.finditer(doc.norm):
            first = doc.token_index(m.start(1))
            if first is None:
                continue
            last = doc.first_token_from(m.end(1)) - 1
            inner_head = head_of(self.tokens[first].norm) if first < len(self.tokens) else None
            if last < first or last - first > (13 if inner_head else 9):
                continue
            before = first - 1
            head = head_of(self.tokens[before].norm) if before >= 0 else None
            name = doc.surface(first, last)
            latin = self.tokens[first].latin
            if latin and not all(
                t.latin or t.norm.isdigit() for t in self.tokens[first : last + 1]
            ):
                continue
            called = next((k for k in range(max(before - 2, 0), before + 1)
                           if self.tokens[k].bare in _KNOWN_AS), None)  # fmt: skip
            if called is not None:
                self.known_as.append((called - 1, name, last))
                continue
            if (
                head is None
                and before >= 1
                and self.tokens[before].norm.startswith("ال")
                and self.tokens[before].norm.endswith(("ي", "يه"))
                and not _hard_gap(self.tokens[before].gap)
                and (outer := head_of(self.tokens[before - 1].norm)) not in _SITE_HEADS
                and HEADS.get(outer or "") in _MEMBERS
            ):  # "الاتحاد التعاوني "زيتون الغرب"": a head and its adjective before the name
                before -= 1
                head = head_of(self.tokens[before].norm)
            definite_head = head is not None and head.startswith("ال")
            if definite_head and HEADS[head] != "media" and last - first > 1 and not latin:
                continue  # "الجامعة "تتحمل جزءا من المسؤولية"": a quotation, not a name
            if head is not None and before not in self.taken:
                kind = _kind(head, [head, *(t.norm for t in self.tokens[first : last + 1])])
                if latin:
                    kind = self._latin_mention(first, kind).kind
                aliases = [f"{doc.surface(before, before, head)} {name}"] if kind == "media" else []
                end = self._brand_complement(head, last) if not latin else last
                if end > last:  # the association's whole name, its brand unquoted
                    name = " ".join(doc.surface(before, end, head).translate(_NO_QUOTES).split())
                mention = OrgMention(name, before, end, kind, head, aliases=aliases)
            elif inner_head is not None and not latin and last > first:
                mention = self._chain(first, inner_head)
                if (mention is None or mention.bare) and inner_head in _VERB_LIKE | {"تكتل"}:
                    # ""تجمع درعة لتثمين التمور"": a cluster's name, whole inside its quotes
                    mention = OrgMention(
                        doc.surface(first, last), first, last, HEADS[inner_head], inner_head
                    )
                if mention is None or mention.bare or mention.last > last:
                    continue
                if mention.last < last:  # the quotes close the name: "الجمعية … بجهة العيون"
                    mention.last = last
                    mention.name = doc.surface(first, last, mention.head or None)
            elif (
                not latin
                and before >= 0
                and any(v in _PLANT_NOUNS for v in self.tokens[before].variants())
                and last - first <= 3
            ):  # "مسيرة وحدة "نوق الساقية" لتحويل حليب الإبل", "المسيرة لوحدة "…"": its company
                mention = OrgMention(name, first, last, "company", "")
            elif self._quoted_item(first):  # "- "الشمال للتصبير" من طنجة: …"
                mention = OrgMention(name, first, last, "company", "")
                if latin:
                    mention = self._latin_mention(first, "company")
            elif latin and (
                self._listed_company(before)
                or self._partner_quote(before)
                or self.tokens[before].bare in _FIRM_NOUNS
            ):  # "وحدة "Oued Noun Cuir"", "رواق مقاولة "Drâa Irrigation Systems""
                mention = self._latin_mention(first, "company")
            elif latin:
                self.pending.append((before, name))
                continue
            elif (
                before >= 0
                and self._named_by_context(before)
                and (latin or not any(t.norm in PREPOSITIONS for t in self.tokens[first:last]))
            ):  # not a slogan: علامة "صنع في المغرب"
                kind = self._context_kind(before, latin, first, last)
                mention = OrgMention(name, first, last, kind)
            else:
                continue
            if latin and mention.kind != "cluster" and mention.head:
                mention.kind = self._latin_mention(first, mention.kind).kind
            gloss = _GLOSS.match(doc.text, self.tokens[mention.last].end)
            if gloss and not latin and not _is_acronym(gloss.group(1)):
                mention.aliases.append(gloss.group(1))  # "زياني ميتال" (Zyani Métal): its spelling
            self._add(mention)

    def _board_affiliations(self) -> None:
        """ "- Karim Bennani (Sotrafil Maroc): نائب الرئيس": in a list of a board's members,
        the Latin name in brackets after a member's name is the company they come from."""
        text, doc = self.doc.text, self.doc
        for line in _ITEM_LINE.finditer(text):
            item = _LATIN_ITEM.match(line.group())
            words = item.group(1).split() if item else []
            proper = sum(w[:1].isupper() or w[:1].isdigit() or w == "&" for w in words)
            acting = item is not None and item.group("acting")  # only a body acts through
            if 2 * proper >= len(words) > 0 and (acting or self._company_list(line.start())):
                # "من بينهم شركات …، ومن أبرزها:\n• Usinage Atlas": a list of companies
                first = doc.first_token_from(doc.folded_offset(line.start() + item.start(1)))
                if first < len(self.tokens) and first not in self.taken:
                    self._add(self._latin_mention(first, "company"))
                continue
            for m in _BRACKETED_LATIN.finditer(line.group()):
                first = doc.first_token_from(doc.folded_offset(line.start() + m.start(1)))
                last = doc.first_token_from(doc.folded_offset(line.start() + m.end(1))) - 1
                if first > last or any(k in self.taken for k in range(first, last + 1)):
                    continue
                if not self.tokens[first].latin or _is_acronym(m.group(1)):
                    continue  # an acronym in brackets is the alias of the name before it
                self._add(self._latin_mention(first, "company"))

    def _quoted_item(self, first: int) -> bool:
        """Whether the quoted name at token `first` opens an item of a list of companies."""
        text = self.doc.text
        offset = self.tokens[first].start
        start = text.rfind("\n", 0, offset) + 1
        opening = rf"[ \t]*{BULLET}[ \t]*[{QUOTES}][ \t]*"
        return bool(re.fullmatch(opening, text[start:offset])) and self._company_list(start)

    def _company_list(self, offset: int) -> bool:
        """Whether the item line at `offset` belongs to a list that a plural of companies
        introduces ("الشركات التالية:", "لائحة الشركات المشاركة:"), its other items between."""
        text = self.doc.text
        while offset > 0:
            start = text.rfind("\n", 0, offset - 1) + 1
            line = text[start:offset].strip()
            if line and not _ITEM_LINE.fullmatch(line):
                return bool(_PLURAL_BEFORE.search(normalize_arabic(line)))
            offset = start
        return False

    def _brand_complement(self, head: str, last: int) -> int:
        """End of "جمعية "تيفاوين" لتنمية المرأة القروية": an association's purpose that
        runs on after its quoted name."""
        if HEADS[head] not in ("association", "federation", "cluster"):
            return last
        end, k = last, last + 1
        if k >= len(self.tokens) or not set(self.tokens[k].gap) <= set(QUOTES + " "):
            return last
        if self.tokens[k].norm[:1] != "ل" or self.tokens[k].latin:
            return last
        while (
            k < len(self.tokens)
            and k - last <= 4
            and not _hard_gap(self.tokens[k].gap.strip(QUOTES))
        ):
            word = self.tokens[k].norm
            if (
                _stop(word)
                or word[:1] == "و"
                and k > last + 1
                or word in _EVENT_NOUNS
                or match_at(self.doc, k) is not None
            ):
                break
            if k > last + 1 and not _core(word)[2]:
                break
            end, k = k, k + 1
        return end

    def _listed_company(self, before: int) -> bool:
        """Whether a quoted Latin name is one of the companies a list names: after a plural
        of companies ("شركات "X""), after "و" that follows one ("… و"Y""), or after "من بينها"
        when such a plural was just written."""
        if before < 0:
            return False
        word = self.tokens[before].norm
        if any(v in _PLURAL_COMPANIES for v in self.tokens[before].variants()):
            return True
        if word == "و" and before and any(
            m.kind == "company" and 0 < before - m.last <= _LIST_REACH
            and not any(set(t.gap) & set("!?؛:\n") or ". " in t.gap
                        for t in self.tokens[m.last + 1 : before + 1])
            for m in self.mentions
        ):  # fmt: skip
            return True  # "… "Gharb Olive Industries" المتخصصة في تثمين زيت الزيتون و"Sebou Pack""
        if word in ("منها", "بينها", "ومنها", "بينهم", "قبيل", "مثل", "غرار"):
            # "ومن بينها "X"", "شركات من قبيل X وY"
            window = self.tokens[max(before - 14, 0) : before]
            return any(v in _PLURAL_COMPANIES for t in window for v in t.variants())
        return False

    def _alias_of_previous(self, before: int, name: str) -> bool:
        """A Latin name in quotes right after a quoted Arabic name is that body's alias."""
        for mention in self.mentions:
            if mention.last == before and set(self.tokens[before + 1].gap) <= set(QUOTES + " "):
                mention.aliases.append(name)
                return True
        return False

    def _partner_quote(self, before: int) -> bool:
        """ "بتنسيق مع "Cámara de Comercio …"", "بدعم من "…"": a quoted partner body."""
        return (
            before > 0
            and self.tokens[before].norm in ("مع", "من")
            and self.tokens[before - 1].norm in _WITH_BODY
        )

    def _named_by_context(self, before: int) -> bool:
        """Whether the word before a quote introduces an organisation's name."""
        word = self.tokens[before].norm
        if word in _NAMING or self._partner_quote(before):
            return True
        if word in ("ل", "ب") or word.startswith("ل") and word[1:] in TITLE_WORDS:
            return any(
                self.tokens[k].norm in TITLE_WORDS or self.tokens[k].bare in TITLE_WORDS
                for k in range(max(before - 3, 0), before + 1)
            )
        return False

    def _context_kind(self, before: int, latin: bool, first: int, last: int) -> str:
        if latin:
            return self._latin_mention(first, "company").kind
        for k in range(before - 1, max(before - 9, -1), -1):
            head = head_of(self.tokens[k].norm)
            if head:
                return HEADS[head]
        return "company" if self.tokens[before].norm == "ل" else "other"

    # -- head-led names ----------------------------------------------------------------

    def _at_head(self, i: int) -> OrgMention | None:
        tokens = self.tokens
        token = tokens[i]
        if token.latin:
            if not token.norm[:1].isalpha():
                return None  # "منها 445 في …": a number, not a name
            nxt_latin = i + 1 < len(tokens) and tokens[i + 1].latin
            if (
                i
                and tokens[i - 1].bare in _LATIN_OWNERS
                and not _hard_gap(token.gap)
                and not _is_acronym(self.doc.text[token.start : token.end])
            ):
                return self._latin_mention(i, "company")  # "مديرة مصنع Lubrimar Industries"
            if i and self._listed_company(i - 1) and not _hard_gap(token.gap):
                return self._latin_mention(i, "company")  # "شركات من قبيل Frutas Segura SL"
            if (
                token.norm == "cluster"
                and nxt_latin
                and not _hard_gap(tokens[i + 1].gap)
                or (i and tokens[i - 1].norm in ("ل", "ب") and self._named_by_context(i - 1))
            ):
                return self._latin_mention(i, "company")
            return None
        head = head_of(token.norm)
        if head is None:
            embassy = next((v for v in clitic_variants(token.norm) if v in _EMBASSY), None)
            return self._embassy(i, embassy) if embassy else None
        if i and tokens[i - 1].norm in _DEMONSTRATIVES and not _hard_gap(token.gap):
            return None
        if head == "مجموعه" and i and tokens[i - 1].norm == "ما":
            return None  # "ما مجموعه 286 مشروعا": "a total of", not a group
        if HEADS[head] == "local-authority" and self._territory(i):
            return None  # "عامل عمالة وجدة", "مقاولات عمالة مكناس": an office, a territory
        if self._branch(i):
            return None  # "المركز الجهوي للمعهد الوطني …": a branch, titled with its parent
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if not _opens_body(tokens, i):
            if head == "المكتب" and (
                token.norm == "للمكتب"
                and (nxt is None or _hard_gap(nxt.gap))
                or token.norm == "المكتب"
                and i
                and tokens[i - 1].norm == "عن"
            ):  # "والمدير الجهوي للمكتب،", "وقعتها عن المكتب مديرته": the office named before
                return OrgMention(self.doc.surface(i, i, head), i, i, HEADS[head], head, bare=True)
            if head == "الاتحاديه" and (nxt is None or _hard_gap(nxt.gap)):
                return self._bare(i, head)  # "نائب رئيس الاتحادية،": the federation named before
            return None
        if (
            head == "المكتب"
            and nxt is not None
            and nxt.norm == "الجهوي"
            and i + 2 < len(tokens)
            and tokens[i + 2].norm in ("لجهه", "بجهه", "للجهه", "بالجهه")
        ):
            return None  # "المكتب الجهوي لجهة طنجة …": a federation's regional board
        if head in ("مجلس", "المجلس") and nxt is not None and nxt.bare in _GOVERNING:
            return None  # "رئيس مجلس إدارة شركة …": a company's board, part of the title
        if (
            nxt is not None
            and not _hard_gap(nxt.gap)
            and (
                head in _SITE_HEADS
                and nxt.norm.startswith("ال")
                and nxt.norm.endswith("ي")
                or head in ("مركز", "المركز")
                and nxt.bare in _VENUES
            )
        ):
            return None  # "القطب الفلاحي لمداغ", "مركز المعارض": a site, not a body
        if head in ("قطب", "القطب"):
            sentence = self.doc.sentence_span(self.doc.sentence_of(token.nstart))
            near = [t for t in tokens[max(i - 15, 0) : i + 8]
                    if sentence[0] <= t.start and t.end <= sentence[1]]  # fmt: skip
            if any(t.norm.removeprefix("و") in _FAIR_SECTIONS for t in near):
                return None  # "موزعين على أربعة أقطاب: قطب التعاونيات، …": a fair's sections
        if head in ("قطب", "القطب") and i and tokens[i - 1].bare in TITLE_WORDS:
            k = i + 1
            while k < len(tokens) and k - i <= 8 and not _hard_gap(tokens[k].gap):
                if tokens[k].norm[:1] == "ب" and head_of(tokens[k].norm[1:]):
                    return None  # "مسؤولة قطب التصدير بالوكالة …": a department of that body
                k += 1
        if head in ("قطب", "القطب") and nxt is not None and nxt.bare in _DEPARTMENT_WORKS:
            return None  # "رئيس قطب تحفيز الاستثمار": a department of an investment centre
        if head == "ولايه" and nxt is not None and nxt.norm in _TERM_WORDS:
            return None  # "رئيسا لولاية ثانية": a term of office
        if head in ("شبكه", "الشبكه") and nxt is not None and nxt.bare in _UTILITIES:
            return None  # "شبكة التطهير السائل", "الشبكة الكهربائية": pipes, not a body
        if nxt is not None and nxt.bare == "الصيفيه":
            return None  # "الجامعة الصيفية لـ …": an event
        if nxt is not None and head in ("هيئه", "الهيئه") and nxt.bare == "التحرير":
            return None  # "هيئة التحرير": the outlet's staff
        if (
            head in _VERB_LIKE
            and (nxt is None or not nxt.norm.startswith("ال"))
            and not (i and tokens[i - 1].gap.rstrip().endswith(tuple(QUOTES)))
            and not (token.norm == head and i and tokens[i - 1].bare in VERBS)
            and not (nxt is not None and not _hard_gap(nxt.gap) and match_at(self.doc, i + 1))
        ):  # ("عقد "تجمع درعة لتثمين التمور"", "لتجمع خريبكة للصناعات …": the cluster,
            # quoted, after a verb or before a place)
            return None  # "تجمع عروض الشركات": the verb "gathers", not a cluster
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if (
            head in ("مكتب", "شركه", "مجموعه")
            and nxt is not None
            and nxt.norm.startswith("ال")
            and after is not None
            and after.latin
            and not _hard_gap(nxt.gap)
            and not _hard_gap(after.gap)
        ):  # "لمكتب الاستشارة Bab Okla Conseil": what it does, then its name
            mention = self._latin_mention(i + 2, HEADS[head], head)
            mention.first = i
            return mention
        if head == "مكتب" and (
            nxt is None
            or not nxt.norm.startswith("ال")
            or head_of(nxt.norm)
            or nxt.norm in _BOARD_WORDS
        ):
            return None  # "مكتب الجمعية", "مكتب مسير": a board, not the body "مكتب الصرف"
        if nxt is not None and nxt.latin and nxt.norm[:1].isalpha() and not _hard_gap(nxt.gap):
            mention = self._latin_mention(i + 1, HEADS[head], head)  # not "مجموعة 100 ألف"
            mention.first = i
            if head in ("شركه", "مجموعه", "تجمع", "قطب", "تكتل", "الشركه"):
                return mention
            mention.name = f"{self.doc.surface(i, i, head)} {mention.name}"
            return mention
        return self._chain(i, head)

    def _embassy(self, i: int, head: str) -> OrgMention | None:
        """ "بسفارة مملكة هولندا بالرباط": an embassy, named by its country and its seat."""
        tokens, last, seat = self.tokens, i, None
        for k in range(i + 1, min(i + 5, len(tokens))):
            if _hard_gap(tokens[k].gap):
                break
            hit = match_at(self.doc, k)
            if hit is not None and hit[2]:
                if last > i:
                    last, seat = hit[1], hit[0]  # "بالرباط": its seat closes the name
                break
            word = tokens[k].norm
            if _stop(word) or word in GIVEN_NAMES or word[:1] == "ب" or _opens_body(tokens, k):
                break
            last = k
        if last == i:
            return None
        mention = OrgMention(self.doc.surface(i, last, head), i, last, "other", head)
        if seat is not None:
            mention.city, mention.region = seat.name, seat.region
        return mention

    def _chain(self, i: int, head: str) -> OrgMention | None:
        kind = HEADS[head]
        # "جامعة القاضي عياض": proper names follow an indefinite university head
        university = kind == "university" and not head.startswith("ال")
        regional = head in _REGIONAL
        found = chain(self.doc, i, loose=2 if university else 0, regional=regional)
        last = found.last
        if last == i and head in _COMPANY_HEADS:
            return self._proper_company(i, head)
        seat = found.place_at == i + 1 and found.city is not None
        council = (
            head in ("مجلس", "المجلس")
            and i + 1 < len(self.tokens)
            and self.tokens[i + 1].bare in _UNITS
        )
        if last == i or (seat and kind != "local-authority" and not council):
            # ("مجلس عمالة قلعة السراغنة" is the prefecture's council, not a seat)
            return self._bare(i, head)
        words = [t.norm for t in self.tokens[i : last + 1]]
        plain = [t.bare for t in self.tokens[i + 1 : last + 1]]
        if head in ("الجمعيه", "جمعيه") and plain[0] == "العامه":
            return None  # "الجمعية العامة لغرفة …": the chamber's assembly, an event
        if head in ("الشركه", "المجموعه") and set(plain) <= NATIONALITIES | {"الجنوبيه"}:
            return self._bare(i, head)  # "الشركة الكورية الجنوبية": a company described
        if head in _COMMITTEES and plain[0] not in _LEVELS | {"الوطنيه"}:
            # "اللجنة المنظمة", "لجنة التتبع", "لجنة الصناعة التقليدية الفنية": a committee
            # of an event or of a body's board
            return None
        if head in ("قطب", "القطب") and last + 1 < len(self.tokens):
            after = self.tokens[last + 1]
            if not _hard_gap(after.gap) and after.norm[:1] in "بل" and head_of(after.norm):
                return None  # "مدير قطب المواكبة بالمركز الجهوي …": a division, in the title
        if plain[0] == "الجهه" and head != "ولايه" and found.region is None:
            # "مجلس الجهة", "غرفة الجهة": the region's own body, named elsewhere in full;
            # what follows is not its name ("وعن مجلس الجهة الحسين أوبلا"، "مجلس الجهة بنصفه")
            last = i + 1
            return OrgMention(self.doc.surface(i, last, head), i, last, HEADS[head], head,
                              bare=True, of_region=True)  # fmt: skip
        if kind == "local-authority" and plain[0] == "الاقليم":
            return self._bare(i, head)  # "بتنسيق مع عمالة الإقليم": the province named in full
        if words[-1] in ("للمدينه", "بالمدينه"):
            return self._bare(i, head)  # "المجلس الجماعي للمدينة": the town's, named elsewhere
        if head.startswith("ال") and plain[0].startswith("ال") and plain[0].endswith("ات"):
            return self._bare(i, head)  # "وتدعو الغرفة المقاولات …": the verb's object
        if len(plain) == 1 and (
            plain[0] in _GENERIC
            # "أعضاء الغرفة القادمين من …": a definite head takes no genitive, so a plural
            # after it is an adjective of the people, not part of a name
            or head.startswith("ال")
            and plain[0].startswith("ال")
            and plain[0].endswith(("ين", "ون"))
            or head in ("الشركه", "المجموعه")
            and (plain[0].endswith(("يه", "ي")) or plain[0] == "بالمغرب")
            # "الشركة العملاقة", "التعاونية المتميزة", "الجمعية المنتهية ولايتها": a definite
            # head and one adjective that is no nisba describe a body, they do not name it
            or head.startswith("ال")
            and plain[0].startswith("ال")
            and not plain[0].endswith(("يه", "ي"))
        ):  # "المجموعة اليابانية", "الشركة بالمغرب": the company named before
            return self._bare(i, head)
        mention = OrgMention(
            self.doc.surface(i, last, head),
            i,
            max(last, found.acronym_at),
            _kind(head, words),
            head,
            found.acronym,
        )
        if found.place_at and (found.city or found.region):
            mention.stem = normalize_arabic(self.doc.surface(i, found.place_at - 1, head))
        if found.region is not None:
            mention.region = found.region.region
            if self.tokens[found.place_at].norm[:1] == "ب" and _NATIONAL.search(mention.stem):
                # "الاتحاد العام لمقاولات المغرب بجهة فاس-مكناس": a national body's branch,
                # named as the body with its region (the seeds' reading)
                mention.aliases.append(mention.name)
                mention.name = self.doc.surface(i, found.place_at - 1, head)
                mention.branch = True
        if found.city is not None:
            mention.city, mention.region = found.city.name, found.city.region
        return mention

    def _territory(self, i: int) -> bool:
        """Whether a prefecture or commune named at token i is a territory, not an actor:
        the office of the official before it ("عامل عمالة وجدة"), or the genitive of a
        common noun ("مقاولات عمالة مكناس", "ساكنة جماعة سلا")."""
        if not i or _hard_gap(self.tokens[i].gap):
            return False
        before, word = self.tokens[i - 1], self.tokens[i].norm
        if before.bare in _OFFICIALS:
            return True
        if word[:1] == "ب" and word[1:] in HEADS and before.norm not in _ACTOR_NOUNS:
            # "… بجماعة بني يخلف بإقليم خريبكة": where, not who; but "رئيس قسم الشؤون
            # الاقتصادية بعمالة إقليم تارودانت": the prefecture a title belongs to
            return not (word[1:] in ("عماله", "ولايه") and self._after_title(i))
        if word != strip_clitics(word) or word[:1] in "لبو" and head_of(word) != word:
            return False  # "لعمالة", "بجماعة", "وعمالة": a preposition or a list
        return not (
            before.latin
            or before.norm in _ACTOR_NOUNS
            or _ACTS.fullmatch(before.norm)  # "الذي تنظمه عمالة إقليم آسفي", "من طرف عمالة …"
            or _stop(before.norm)
            or before.bare in TITLE_WORDS
            or head_of(before.norm)
            or before.norm in _NAMING
        )

    def _after_title(self, i: int) -> bool:
        """Whether a title opens the phrase that token i ends (a few words, no comma)."""
        for k in range(i - 1, max(i - 7, -1), -1):
            if self.tokens[k].bare in TITLE_WORDS:
                return True
            if _hard_gap(self.tokens[k].gap):
                return False
        return False

    def _branch(self, i: int) -> bool:
        """ "المديرية الجهوية لوزارة …": a regional office followed by the body it belongs to."""
        tokens = self.tokens
        if i + 2 >= len(tokens) or tokens[i + 1].bare not in _LEVELS:
            return False
        nxt = tokens[i + 2]
        return not _hard_gap(nxt.gap) and nxt.norm[:1] == "ل" and head_of(nxt.norm) is not None

    def _proper_company(self, i: int, head: str) -> OrgMention | None:
        """ "شركة فوسبوكراع": a company's own name, one or two unknown words after its head."""
        tokens = self.tokens
        last = i
        for k in range(i + 1, min(i + 3, len(tokens))):
            t = tokens[k]
            if _hard_gap(t.gap) or t.latin or _stop(t.norm) or head_of(t.norm):
                break
            if t.norm[:1] in "بلو" and k > i + 1 or t.norm.startswith("ال"):
                break
            if t.norm[-1] in "هي" or match_at(self.doc, k) is not None:
                break  # "شركة صينية", "شركة رائدة": a description, not a name
            last = k
        if last == i or (last + 1 < len(tokens) and not _hard_gap(tokens[last + 1].gap)
                         and tokens[last + 1].norm[:1] not in "بلو"):  # fmt: skip
            return None
        return OrgMention(self.doc.surface(i + 1, last), i, last, HEADS[head], head)

    def _bare(self, i: int, head: str) -> OrgMention | None:
        if not head.startswith("ال") or head == "المكتب":
            return None
        mention = OrgMention(self.doc.surface(i, i, head), i, i, HEADS[head], head, bare=True)
        nxt = self.tokens[i + 1] if i + 1 < len(self.tokens) else None
        if nxt is not None and not _hard_gap(nxt.gap) and nxt.norm.startswith("ال"):
            mention.qualifier = _content(nxt.norm)
        return mention

    def _reused_aliases(self) -> None:
        """A one-word Arabic alias the text gave a body ("… للتمويل "تمويلكم"") names it
        again wherever it comes back, clitics and all ("المدير العام لتمويلكم")."""
        names: dict[str, OrgMention] = {}
        for mention in self.mentions:
            for text in (mention.name, *mention.aliases) if not mention.bare else ():
                words = normalize_arabic(text).split()
                if len(words) == 1 and len(words[0]) >= 4 and not text[:1].isascii():
                    names.setdefault(words[0], mention)
        if not names:
            return
        for i, token in enumerate(self.tokens):
            if i in self.taken or token.latin:
                continue
            for variant in token.variants():
                mention = names.get(variant)
                if mention is not None and variant not in HEADS:
                    alias = next(a for a in (mention.name, *mention.aliases)
                                 if normalize_arabic(a) == variant)  # fmt: skip
                    self._add(OrgMention(alias, i, i, mention.kind))
                    break
        self.mentions.sort(key=lambda m: m.first)

    # -- aliases written next to a name ------------------------------------------------

    def _adjacent_aliases(self) -> None:
        """Link a name to the acronym, Latin name or expansion written right after it."""
        tokens, norm = self.tokens, self.doc.norm
        named = [k for k, m in enumerate(self.mentions) if not m.bare]
        for a, b in zip(named, named[1:], strict=False):
            first, second = self.mentions[a], self.mentions[b]
            between = norm[tokens[first.last].nend : tokens[second.first].nstart]
            if second.first == first.last + 1 and (
                set(between) <= set(QUOTES + " ") or between.strip(" " + QUOTES) in ("–", "-")
            ):
                latin_pair = tokens[first.first].latin != tokens[second.first].latin
                opener = tokens[second.first].norm
                if opener[:1] == "و" and head_of(opener[1:]):
                    continue  # "IRESEN وجامعة …": the next body of a list
                quoted = any(q in between for q in QUOTES)  # NAME "مغرب المقاولات"
                if latin_pair or quoted or between.strip(" " + QUOTES) in ("–", "-"):
                    self.links.append((a, b))
        for index, mention in enumerate(self.mentions):
            if mention.bare:
                continue
            nxt = mention.last + 1
            if nxt >= len(tokens) or not tokens[nxt].gap.strip().endswith("("):
                continue
            close = norm.find(")", tokens[nxt].nstart)
            if close < 0 or close - tokens[nxt].nstart > 80:
                continue
            last = self.doc.first_token_from(close) - 1
            inner = tokens[nxt : last + 1]
            within = [k for k, o in enumerate(self.mentions)
                      if o is not mention and nxt <= o.first and o.last <= last]  # fmt: skip
            if within and inner[0].latin:
                self.links.append((index, within[0]))  # "… – سوس ماسة (CGEM Souss-Massa)"
                continue
            if not inner or any(
                o.first <= nxt <= o.last for o in self.mentions if o is not mention
            ):
                continue
            raw = " ".join(self._raw(nxt, last).split())
            if inner[0].latin:
                words = raw.split()
                if len(words) == 1 and _is_acronym(words[0]) and not mention.acronym:
                    mention.acronym = words[0]
                elif words and inner[-1].norm == "سابقا":
                    mention.aliases.append(" ".join(w for w in words[:-1]))
                continue
            if country_at(self.doc, nxt) == last:
                continue  # "Mar Azul Acuicultura (إسبانيا)": where the company comes from
            if len(inner) <= 7 and not any(
                _stop(t.norm) or t.bare in TITLE_WORDS for t in inner[:1]
            ):
                mention.aliases.append(raw)


def find_mentions(doc: Doc) -> tuple[list[OrgMention], list[tuple[int, int]]]:
    """Organisation mentions in text order, and pairs of mentions written as aliases."""
    finder = _Finder(doc)
    finder.run()
    return finder.mentions, finder.links


def _content(name: str) -> frozenset[str]:
    """Folded content words of a name, article and clitics set aside."""
    words = set()
    for word in normalize_arabic(name).replace("-", " ").split():
        if word in ("في", "من", "و", "ل"):
            continue
        for prefix in ("وال", "لل", "ال", "و"):
            if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                word = word[len(prefix) :]
                break
        words.add(word)
    return frozenset(words)


def _loose_content(name: str) -> frozenset[str]:
    """Content words with a leading و/ل/ب set aside too ("ووكالة", "لتنفيذ"), to tell one
    name's words inside another's."""
    words = (strip_clitics(w) for w in _content(name))
    return frozenset(
        w[2:] if w.startswith("ال") else w[1:] if w[:1] in "لبو" and len(w) > 4 else w
        for w in words
    )


def resolve(
    mentions: list[OrgMention], links: list[tuple[int, int]]
) -> tuple[list[Organization], dict[int, int]]:
    """Group mentions into organisations; returns them and mention index → organisation."""
    parent = list(range(len(mentions)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    known: dict[int, str | None] = {k: m.known for k, m in enumerate(mentions)}

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb and known[ra] and known[rb] and known[ra] != known[rb]:
            return  # two institutions of the knowledge base are never one body
        parent[rb] = ra
        known[ra] = known[ra] or known[rb]

    # "… بالجهة" after a national body the base also holds by region: the regional one the
    # article names ("الاتحاد العام لمقاولات المغرب بجهة الدار البيضاء-سطات")
    regional_keys = {m.known for m in mentions if m.known and m.region}
    for k, m in enumerate(mentions):
        if m.known and m.of_region and not m.bare:
            branches = {key for key in regional_keys if key.startswith(m.known + "-")}
            if len(branches) == 1:
                known[k] = branches.pop()
    named = [k for k, m in enumerate(mentions) if not m.bare]
    by_key: dict[str, int] = {}
    by_content: dict[frozenset[str], int] = {}
    for k in named:
        for text in (mentions[k].name, *mentions[k].aliases):
            key = normalize_arabic(text)
            if key in by_key:
                union(by_key[key], k)
            else:
                by_key[key] = k
        content = _content(mentions[k].name)
        if len(content) >= 2:
            if content in by_content:
                union(by_content[content], k)
            else:
                by_content[content] = k
    for a, b in links:
        union(a, b)
    by_known: dict[str, int] = {}
    for k in named:
        if known[k]:
            union(by_known.setdefault(known[k], k), k)
    # one body written with its city or with its region ("… بطنجة" / "… لجهة طنجة تطوان …")
    stems: dict[str, list[int]] = {}
    for k in named:
        stem = mentions[k].stem or normalize_arabic(mentions[k].name)
        if stem == mentions[k].head:
            continue  # "مجلس جهة …", "مجلس عمالة …": a head alone before the place says nothing
        stems.setdefault(stem, []).append(k)
    regional: dict[tuple[str, str | None], set[int]] = {}
    for b in named:
        if mentions[b].stem != mentions[b].head and not mentions[b].city:  # not a city's body
            regional.setdefault((mentions[b].head.removeprefix("ال"), mentions[b].region),
                                set()).add(b)  # fmt: skip
    for a in named:  # "غرفة فاس مكناس": the head and a region name the regional body
        if mentions[a].stem == mentions[a].head and mentions[a].region:
            same = {
                find(b)
                for b in regional.get((mentions[a].head.removeprefix("ال"), mentions[a].region), ())
            }
            if len(same) == 1:
                union(same.pop(), a)
    for group in stems.values():
        for a in group[1:]:
            if mentions[a].region in (None, mentions[group[0]].region) or (
                mentions[group[0]].region is None
            ):
                union(group[0], a)
    # "وكالة تنفيذ المشاريع" (a headline's short form) is the one body whose name holds its
    # words ("الوكالة الجهوية لتنفيذ المشاريع بجهة …")
    same_head: dict[str, list[int]] = {}
    for k in named:
        same_head.setdefault(mentions[k].head.removeprefix("ال"), []).append(k)
    for group in same_head.values():
        loose = {k: _loose_content(mentions[k].name) for k in group}
        for k in group:
            if len(loose[k]) < 3:
                continue
            holders = {find(m) for m in group if loose[k] < loose[m] and find(m) != find(k)}
            if len(holders) == 1:
                union(holders.pop(), k)
    # "جماعة زايو" and "المجلس الجماعي لزايو": a commune and its council, one body
    communes: dict[str, list[int]] = {}
    for k in named:
        folded = normalize_arabic(mentions[k].name)
        if mentions[k].city and folded.startswith(("جماعه ", "المجلس الجماعي ")):
            communes.setdefault(mentions[k].city, []).append(k)
    for group in communes.values():
        for k in group[1:]:
            union(group[0], k)
    # a name that is the start of exactly one longer name of the same head is that body
    extending: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    owner: dict[tuple[str, ...], int] = {}
    for k in named:
        words = tuple(normalize_arabic(mentions[k].name).split())
        owner.setdefault(words, k)
        for cut in range(1, len(words)):
            extending.setdefault(words[:cut], set()).add(words)
    for words, k in owner.items():
        longer = extending.get(words, set())
        if len(longer) == 1:
            union(owner[next(iter(longer))], k)
    groups: dict[int, list[int]] = {}
    for k in named:
        groups.setdefault(find(k), []).append(k)
    organizations: list[Organization] = []
    index: dict[int, int] = {}
    for members in sorted(groups.values(), key=lambda g: mentions[g[0]].first):
        org = _merge([mentions[k] for k in members])
        for k in members:
            index[k] = len(organizations)
        organizations.append(org)
    by_head: dict[str, set[int]] = {}
    for k in named:
        by_head.setdefault(mentions[k].head.removeprefix("ال"), set()).add(index[k])
    for k, mention in enumerate(mentions):
        if not mention.bare:
            continue
        head = mention.head.removeprefix("ال")
        same = by_head.get(head, set())
        if mention.of_region:  # "مجلس الجهة": a regional body, not a city's ("المجلس البلدي")
            same = {o for o in same if organizations[o].region and not organizations[o].city}
        recent = [n for n in named if mentions[n].head.removeprefix("ال") == head and
                  0 < mention.first - mentions[n].last <= _RECENT]  # fmt: skip
        if len(same) > 1 and mention.qualifier:
            # "رئيس المجلس الإقليمي" beside "مجلس جهة …" and "المجلس الإقليمي للحسيمة"
            same = {o for o in same if mention.qualifier <= _content(organizations[o].name)}
        # "أوضح الرئيس المدير العام للشركة" long after "… تابعة لشركة "أطلس لين"": a company
        # named before it, not one named later; "ترأسه رئيس الغرفة" before the article names a
        # foreign chamber: of several bodies of that head, the one named already
        earlier = {index[n] for n in named if index[n] in same and mentions[n].last < mention.first}
        if head in _COMPANY_HEADS or len(same) > 1 and earlier:
            same = earlier
        if len(same) == 1:
            index[k] = next(iter(same))
        elif (
            recent
            and not mention.of_region
            and (head in _COMPANY_HEADS or mention.first - mentions[recent[-1]].last <= _NEAR)
        ):
            # "… وشركة "أكوا صحراء" … المدير العام للشركة", "… الفيدرالية الوطنية … . في هذا
            # الحوار، يتحدث رئيس الفيدرالية": the body of that head named just before
            index[k] = index[recent[-1]]
    return organizations, index


def _merge(group: list[OrgMention]) -> Organization:
    """One organisation from its mentions: Arabic name first, the fullest form of it."""
    names: dict[str, str] = {}
    for mention in group:
        for text in (mention.name, *mention.aliases):
            if text:
                names.setdefault(normalize_arabic(text), text)
    names = list(names.values())
    arabic = [n for n in names if not n[:1].isascii()]
    name = (arabic or names)[0]
    short = _loose_content(name)
    fuller = [n for n in arabic if len(short) >= 3 and short < _loose_content(n)]
    if fuller:  # "وكالة تنفيذ المشاريع" in a headline, its full name in the body
        name = max(fuller, key=len)
    stems = {m.stem for m in group if m.stem}
    placed = [m.name for m in group if m.stem and m.name in arabic]
    if len(stems) == 1 and placed:
        name = max(placed, key=len)
    branch = next((m.name for m in group if m.branch), None)
    folded = normalize_arabic(name)
    longer = [n for n in arabic if normalize_arabic(n).startswith(folded + " ")]
    if branch:
        name = branch  # "الاتحاد العام لمقاولات المغرب" of "… بجهة فاس-مكناس", its region kept
    elif len(longer) == 1:
        name = longer[0]
    kinds = [m.kind for m in group if m.head] or [m.kind for m in group]
    acronym = next((m.acronym for m in group if m.acronym), None)
    return Organization(
        name=name,
        kind=next((k for k in kinds if k != "other"), kinds[0]),
        aliases=[n for n in names if n != name and n != acronym],
        acronym=acronym,
        city=next((m.city for m in group if m.city), None),
        region=next((m.region for m in group if m.region), None),
        first=min(m.first for m in group),
    )
