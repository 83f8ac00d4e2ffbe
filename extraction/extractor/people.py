"""People and the positions they hold, from the frames the press writes them in.

Frames, most reliable first: the King; board lists ("• NAME، في منصب ROLE"); apposition
with commas ("TITLE لـ ORG، NAME،" and "NAME، TITLE ORG"); "السيد/السيدة NAME"; a name
after a verb of speech ("وصرح مزور"); a common given name followed by a family name; and
an author's byline. A family name alone is kept when that is all the text gives, and is
merged into the full name when the text gives both.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from core.arabic import normalize_arabic

from .knowledge import lookup
from .lexicon import (
    COMPOUND_SECONDS,
    GIVEN_NAMES,
    MONTH_AND_DAY_WORDS,
    NAME_PARTICLES,
    NATIONALITIES,
    PEOPLE_GROUPS,
    PREPOSITIONS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_WORDS,
    VERBAL_NOUN,
    VERBS,
    WOMEN_NAMES,
)
from .normalize import clitic_variants, strip_clitics
from .organizations import LEGAL_FORMS, TOPONYM_OPENERS, OrgMention, head_of
from .places import country_at, match_at
from .text import BULLET, QUOTES, Doc

BOARD = -1  # position in the board whose members a list gives (resolved by the pipeline)
_KING = re.compile(r"(?:الملك|العاهل المغربي|جلالته)\s+(محمد السادس)")
_BULLET = re.compile(rf"^\s*{BULLET}\s*")
# An office of one to four words and a colon opening a short line.
_OFFICE_LINE = re.compile(r"^(\s*)[^\s:،,.]+(?:\s[^\s:،,.]+){0,3}\s*:\s*(?=\S)(?=.{3,200}$)")
_SENTENCE_STOP = re.compile(r"[.!?؟]|\n")
_SEGMENT_BREAK = re.compile(r"[،,()؛:–—]|\s-\s")
_DATELINE = re.compile(
    r"^\s*(?:[^\s:،,.][^:\n،,.–—]{1,25}?(?:\s*[–—]\s*|\s+-\s+))?"
    r"([^\s:،,.][^:\n،,.–—]{1,25}?)\s*([:–—-])\s*([^\s:،,.(][^:\n،,.()]{2,40}?)"
    r"(?:\s+من\s+[^\s:،,.()]+(?:\s[^\s:،,.()]+)?)?\s*$"
)  # "LEAD – NAME" with an optional "من CITY": "هسبريس - NAME من وجدة"; "OUTLET – CITY: NAME"
_PLACE_AFTER = re.compile(r"\s*\([^()\n]{2,30}\)\s*$")  # "NAME (الحسيمة)"
# "تحرير من طرف NAME في 12/05/2026", "بقلم NAME": who wrote it.
_WRITTEN_BY = re.compile(
    r"\s*(?:تحرير\s+من\s+طرف|بقلم|كتبه)\s*:?\s*"
    r"(?P<name>[^\s:،,.|()\d]+(?:\s+[^\s:،,.|()\d]+){1,3}?)(?=\s+في\s|\s*$)"
)
# A signature with an initial ("ع. الناصري"), alone or after an outlet's name and a dash.
_INITIALED = re.compile(
    r"\s*(?:[^\n:|–—-]{2,30}\s[–—-]\s)?(?P<name>[\u0621-\u064a]\.\s?[\u0621-\u064a]{2,}"
    r"(?:\s[\u0621-\u064a]{2,})?)\s*$"
)
_BYLINE_WORDS = {"بقلم", "متابعه", "اعداد", "تقرير", "حاوره", "كتبه", "مراسله", "تحليل", "تغطيه"}
# Capitalised Latin words that open titles or company names, not people's names.
_LATIN_NOT_NAMES = {"m", "mme", "mlle", "dr", "pr", "président", "présidente", "directeur",
                    "directrice", "group", "groupe", "maroc", "morocco",
                    "the", "industries", "industrie", "industrial", "industriel", "systems",
                    "system", "technologies", "technology", "solutions", "services", "logistics",
                    "logistique", "holding", "international", "engineering", "electronics",
                    "components", "energy", "energies", "énergies", "automotive", "motors",
                    "métal", "metal", "plast", "plastic", "textile", "textiles", "foods",
                    "food", "agro", "consulting", "partners", "capital", "invest", "cables",
                    "câbles", "wiring", "packaging", "pharma", "chemicals", "steel"}  # fmt: skip
# A title that speaks of succession names an office of the article's own body.
_SUCCESSION = re.compile(r"^ال\S+ (?:\S+ )?(?:المنتهيه ولايت|السابق)")
_PRONOUN_SUFFIXES = ("هم", "هما", "هن", "كم")
_TANWEEN = re.compile("[\u064b-\u064d]")  # "تطورًا ملحوظًا": an indefinite noun, never a name
# … and of the third stem after a first word ("حمو مساهمة الشركاء"); "مباركة" opens a name.
_THIRD_STEM_NOUN = re.compile(r"^م\wا\w\wه$")
_SIXTH_STEM_NOUN = re.compile(r"^ت\wا\w\w$")  # "حسن تعامل": after a given name that is a word
# Titles of a board's officers that, without a body, are held in the article's own body.
_OFFICERS = re.compile(r"(?:^|\s)(?:للرئيس|الرئيس|للرئيسه|الرئيسه|المال|المقرر)$")
_ITEM_HONORIFICS = {"الساده", "الحاج", "الحاجه"}  # before a board list's names only
_UNIT_WORDS = {"الاقليم", "الجهه", "العماله", "المدينه", "الولايه"}
_PLACE_NOUNS = {"جهه", "اقليم", "عماله", "مدينه", "جماعه", "ولايه", "منطقه"}
_CAPACITY = {"بصفته", "بصفتها", "بوصفه", "بوصفها"}  # "NAME، بصفته رئيس …"
_PRONOUNS = {"وهو", "وهي", "هو", "هي"}  # "NAME، وهي رئيسة قسم …"
_INSTALLED = {"عاملا": "عامل", "واليا": "والي"}  # the office an appointment gives
_WHEN = {"يوم", "امس", "صباح", "مساء", "اليوم", "خلال", "بتاريخ", "وذلك"}
_PREPOSITION_BREAKS = {"الي", "علي"}  # "الوزير إلى عرض …": the title's clause moved on
_RELATIVES = {"الذي", "التي", "الذين", "اللذين", "اللتين"}
# How many attend: "السيد NAME وعدد من …"، "… وعدة فعاليات".
_QUANTITIES = {"عده", "عدد", "مجموعه", "ثله", "نخبه", "عشرات", "مئات", "الاف"}  # not "لفيف"
_CLAUSE_OPENERS = _RELATIVES | {"ان", "بان", "لان", "حول", "كما", "حيث"}
# Places and prizes named after someone: "سد مولاي عبد الله", "شارع علال بن عبد الله".
_NAMED_AFTER = {
    normalize_arabic(w)
    for w in (
        "سد", "شارع", "زنقة", "مسجد", "مدرسة", "ثانوية", "إعدادية", "مستشفى", "ساحة", "مطار",
        "ملعب", "قاعة", "مركب", "حي", "فندق", "قنطرة", "سوق", "مدار", "ميناء", "جائزة", "كأس",
    )
}  # fmt: skip
_OFFICIALS = {"والي", "الوالي", "عامل", "العامل", "عامله", "العامله"}
# Glosses written between a title and the name ("…، المكلفة بالتنمية الاقتصادية، NAME").
_QUALIFIERS = {"المكلف", "المكلفه", "فرع", "بالنيابه", "المنتدب", "المنتدبه", "التابع", "التابعه"}
# Words that open what follows a name set off by commas ("…، NAME، إن …"، "NAME، التي …").
_AFTER_NAME = {"ان", "التي", "الذي", "قائلا", "قائله", "مؤكدا", "مؤكده", "مبرزا", "مبرزه",
               "موضحا", "موضحه", "مشيرا", "مشيره", "معتبرا", "معتبره", "فقد", "حيث"}  # fmt: skip
# Honorifics that are also titles ("الأستاذ بجامعة …"): honorific only before a name.
_ACADEMIC = {"الاستاذ", "الاستاذه", "الدكتور", "الدكتوره", "والدكتور", "والدكتوره", "البروفيسور",
             "البروفيسوره", "البروفسور", "والبروفيسور", "والبروفيسوره", "المهندس", "المهندسه",
             "والمهندس", "والمهندسه"}  # fmt: skip
_HONORIFIC = {"السيد", "السيده", "للسيد", "للسيده", "والسيد", "والسيده", "بالسيد", "السيدين",
              *_ACADEMIC}  # fmt: skip
_TAIL = PREPOSITIONS | _HONORIFIC | {"ل", "ب", "لدي"}  # what ends no title
# "ممثلة في مديرها" reads "represented by"; "ممثل عن ORG" names whom a speaker stands for.
_REPRESENTED = {"ممثلا", "ممثله", "ممثل", "ممثلين", "ممثلو", "ممثلي"}
# Words between a body and the title of the person who acts for it ("عن الوكالة مديرها",
# "الجمعية، ممثلة في شخص رئيستها").
_OWNER_LINKS = _REPRESENTED | {"في", "عن", "شخص", "طرف", "من"}
_POSSESSIVE = ("ها", "هم", "ه")
# Adjectives in -ي that follow a noun that is also a given name ("جمال الطبيعي").
_NISBA_ADJECTIVES = {
    normalize_arabic(w)
    for w in (
        "الطبيعي",
        "الصناعي",
        "الاقتصادي",
        "الاجتماعي",
        "الجهوي",
        "الوطني",
        "الدولي",
        "المحلي",
        "العمومي",
        "التجاري",
        "الفلاحي",
        "المالي",
        "السياحي",
        "البحري",
        "الرقمي",
        "الطاقي",
        "البيئي",
        "المهني",
        "التقني",
        "الثقافي",
        "الرياضي",
        "الحضري",
        "القروي",
        "الإداري",
        "العمراني",
        "المعماري",
        "الإنساني",
        "الأندلسي",
        "الجمالي",
        "الفني",
        "التاريخي",
        "المغربي",
        "العربي",
        "الإفريقي",
        "الأوروبي",
    )
}
_AMBIGUOUS_GIVEN = {
    normalize_arabic(w)
    for w in [
        "لحسن",  # "لحسن الاستقبال": for the good welcome
        "نور",
        "أمين",
        "أمينة",
        "سعيد",
        "سعيدة",
        "نبيلة",
        "فريدة",
        "خيرة",
        "كريم",
        "كريمة",
        "نبيل",
        "حسن",
        "جمال",
        "كمال",
        "عادل",
        "رشيد",
        "منير",
        "بدر",
        "هدى",
        "وفاء",
        "حياة",
        "دنيا",
        "نجاة",
        "رجاء",
        "بشرى",
        "سعاد",
        "جميلة",
        "يحيى",  # "يحيي" (greets) once folded
        "آنا",  # "أنا" once folded
        "محمود",
        "منصور",
        "محفوظ",
        "مختار",
        "زكي",
        "جلال",
    ]
}
_DIRECTOR_OF = re.compile(r"(?:ال)?مدير(?:ه)? (?P<level>الجهوي|الاقليمي) (?P<field>لل\S+)")
# What a keeper keeps: "أمين المال", "الأمين العام"
_KEPT = {"المال", "مال", "السر", "العام", "عام", "الصندوق", "للمال"}
# "الإسباني خابيير مورينو"، "الفرنسية كلير …": a foreigner's nationality opens the name.
_NATIONALS = NATIONALITIES | {w[:-1] for w in NATIONALITIES}
# Titles that are also family names ("حميد الوالي"): a name's last word after a given name.
_TITLE_SURNAMES = {"الوالي", "الامين"}
_NOT_NAMES = {
    normalize_arabic(w)
    for w in [
        "السنة",  # "ربيع السنة": the spring of the year
        "إجماع",  # "انتخب بإجماع الأعضاء رئيسا"
        "الأعضاء",
        "الجاري",
        "المقبل",
        "منصب",
        "رجال",
        "نساء",
        "عضو",
        "مصدر",
        "بلاغ",
        "بيان",
        "تقرير",
        "السيد",
        "السيدة",
        "السادة",
        "السيدات",
        "صاحب",
        "الجلالة",
        "جلالة",
        "الملك",
        "نصره",
        "الله",
        "رئيسا",
        "رئيسة",
        "المال",
        "خلفا",
        # regnal numbers: "محمد السادس" outside "الملك …" names a university, a city, a port
        "السادس",
        "الخامس",
        "الأول",
        "الثاني",
        "الثالث",
        "الرابع",
        # words of place names ("جهة الداخلة واد الذهب")
        "واد",
        "وادي",
        # a body's branch ("الجمعية المغربية للمصدرين، فرع سوس")
        "فرع",
        # groups of people ("دعا مشاركون في …")
        "طاقم",
        "مختلف",
        "مصادر",
        "مشاركون",
        "المشاركون",
        "مشاركين",
        "متدخلون",
        "المتدخلون",
        "متدخلين",
        "مهنيون",
        "مهنيين",
        "منتخبون",
        "منتخبين",
        "فاعلون",
        "فاعلين",
        "آخرون",
        "آخرين",
        # company kept ("مرفوقا بآنا …")
        "مرفوقا",
        "مرفوقة",
        "بمعية",
        "رفقة",
        "برفقة",
        "بصحبة",
        # what a named person gives, takes or holds: "أعطى السيد NAME انطلاقة الاجتماع"،
        # "قدم NAME عرضا"، "تنصيب السيد NAME عاملا على الإقليم"، "أحمد الله تعالى"
        "انطلاقة",
        "شهادة",
        "عرضا",
        "عاملا",
        "واليا",
        "تعالى",
        "أمام",
        "ذات",
        # what is held: "افتتح السيد NAME اللقاء"
        "حفل",
        "لقاء",
        "اجتماع",
        "اللقاء",
        "الاجتماع",
        "الجمع",
        "الندوة",
        "الحفل",
        "المنتدى",
        "المعرض",
        "الملتقى",
        "الأشغال",
        "الكلمة",
        # an outlet's name in a byline ("دنيا بريس/ NAME")
        "بريس",
        "نيوز",
        "أنفو",
        "ليس",
        "ليست",
        # amounts ("بتمويل يقدر بمليون دولار")
        "مليون",
        "مليار",
        "ملايين",
        "ملايير",
        "درهم",
        "دولار",
        "أورو",
        "سنتيم",
    ]
}


def _stems(text: str) -> list[str]:
    """Folded words without clitics, article or feminine ending, to compare a minister's
    title with the ministry's name ("المنتدب" ~ "المنتدبة")."""
    words = []
    for word in normalize_arabic(text).split():
        word = strip_clitics(word)
        word = word[2:] if word.startswith("ال") and len(word) > 4 else word
        words.append(word.removesuffix("ه"))
    return words


def _hard(gap: str) -> bool:
    """A comma, bracket, colon or dash, or a line break, between two words."""
    return "\n" in gap or bool(_SEGMENT_BREAK.search(gap))


@dataclass(slots=True)
class PersonMention:
    name: str
    first: int
    last: int
    positions: list[tuple[str | None, int | None]] = field(default_factory=list)
    role: str | None = None  # "king" or "author": kept out of event participants
    aliases: list[str] = field(default_factory=list)  # "ماركو روسيتي (Marco Rossetti)"


_ACCUSATIVE = re.compile(r"(?<=[\u0621-\u064a]{3})ا$")


_ENDS_IN_ALIF = {"باشا"}  # a noun whose alif is its own, not the accusative's


def nominative(title: str) -> str:
    """Undo the accusative of lists and objects on the indefinite words opening a phrase.

    "كاتبا عاما" → "كاتب عام", "لقاء تواصليا" → "لقاء تواصلي".
    """
    words = _TANWEEN.sub("", title).split()  # "لقاءً رسميًا" → "لقاء رسمي"
    if not words:
        return title
    accusative = normalize_arabic(words[0]).endswith("ا") and words[0] not in _ENDS_IN_ALIF
    for n, word in enumerate(words):
        folded = normalize_arabic(word)
        if folded.startswith("ال") or folded in STOPWORDS or "،" in word:
            break
        if folded == "ثانيا" and n:
            words[n] = "ثان"  # "نائبا ثانيا" → "نائب ثان": the ordinal is a defective noun
        elif accusative or n and folded.endswith("يا") and len(folded) >= 5:
            words[n] = _ACCUSATIVE.sub("", word)
    return " ".join(words)


# A board's offices named as the list elects them, indefinite ("نائبا أول للرئيس", "كاتبا
# عاما", "أمينة للمال"), and as the office is called: "النائب الأول للرئيس", "الكاتب العام".
_ELECTED_OFFICE = re.compile(
    r"^(?P<office>نائب|نائبة|كاتب|كاتبة)\s+(?P<rank>أول|أولى|ثان|ثانية|ثالث|ثالثة|رابع|رابعة"
    r"|عام|عامة)(?P<rest>(?:\s+.*)?)$"
)
_TREASURER = re.compile(r"^(?P<office>(?:نائب|نائبة)\s+(?:ل)?أمين|أمين|أمينة)\s+(?:لل|ال)?مال$")


# Men's given names with the feminine ending.
_MEN_IN_A = {"حمزه", "اسامه", "طلحه", "عبيده", "معاويه", "عطيه", "حذيفه", "قتيبه"}


def _woman(given: str) -> bool:
    """A woman's given name (folded, a "و" before it set aside): one ending in ة, but for a
    few men's, or one of the women's names without it."""
    if given[:1] == "و" and (given[1:] in GIVEN_NAMES or given[1:] in WOMEN_NAMES):
        given = given[1:]
    return given.endswith("ه") and given not in _MEN_IN_A or given in WOMEN_NAMES


def _for_member(office: str, given: str) -> str:
    """ "NAME وNAME: مستشارين": a woman among them is "مستشارة"."""
    return "مستشارة" if office == "مستشار" and _woman(given) else office


def elected_office(title: str) -> str:
    """The name of a board's office from the indefinite form a list elects it in."""
    m = _ELECTED_OFFICE.match(title)
    if m:
        rank = "الثاني" if m["rank"] == "ثان" else "ال" + m["rank"]
        rest = re.sub(r"^ (مساعدة?)\b", r" ال\1", m["rest"])  # "كاتب عام مساعد"
        return f"ال{m['office']} {rank}{rest}"
    m = _TREASURER.match(title)
    if m:
        return m["office"].replace(" لأمين", " أمين") + " المال"
    return title


# "للوحدة", "بالمصنع" closing a title: the plant of the company the article is about.
_THE_PLANT = {"للوحده", "بالوحده", "للمصنع", "بالمصنع", "للمعمل", "بالمعمل"}
# The head of a body's department ("رئيس قطب تحفيز الاستثمار", "رئيسة مصلحة التصدير").
_DEPARTMENT_HEAD = re.compile(r"^(?:ال)?(?:رئيس|رئيسه|مدير|مديره)\s+(?:قطب|قسم|مصلحه|خليه|شعبه)\s")
_SUCCEEDING = re.compile(r"\s+(?:خلفا|خلفاً|عوضا|عوضاً)(?:\s|$).*")
# Offices held by several members of a board, as a list writes them, and each one's office.
_PLURAL_OFFICES = {
    normalize_arabic(plural): office
    for office, plurals in {
        "مستشار": ("المستشارون", "المستشارين", "مستشارون", "مستشارين", "مستشاران"),
        "مستشارة": ("المستشارات", "مستشارات", "مستشارتان", "مستشارتين"),
        "عضو": ("الأعضاء", "أعضاء", "عضوان", "عضوين", "عضوا"),
        "نائب الرئيس": ("نواب الرئيس", "نواب الرئيسة"),
    }.items()
    for plural in plurals
}
_LATTER = {"الاخيره", "الاخير"}  # "هذه الأخيرة", "هذا الأخير": the last body named
_NEW = {"الجديد", "الجديده", "جديدا", "جديده", "جديد"}


def clean_title(title: str) -> str:
    """A title in the nominative without "new" ("رئيسا جديدا" → "رئيس") nor whom its holder
    succeeds ("نائبة للرئيس خلفا لـ X")."""
    title = _SUCCEEDING.sub("", title).strip() or title
    return " ".join(w for w in nominative(title).split() if normalize_arabic(w) not in _NEW)


def title_parts(title: str | None, org: int | None) -> list[tuple[str | None, int | None]]:
    """One title per office: "أستاذ التعليم العالي ورئيس اللجنة العلمية" holds two, the body
    going with the last."""
    if not title:
        return [(title, org)]
    words = title.split()
    cuts = [
        n for n, word in enumerate(words)
        if n > 1 and word[:1] == "و" and normalize_arabic(word[1:]) in TITLE_WORDS
    ]  # fmt: skip
    if not cuts:
        return [(title, org)]
    bounds = [0, *cuts, len(words)]
    parts = [" ".join(words[a:b]).removeprefix("و") for a, b in pairwise(bounds)]
    return [(part, org if n == len(parts) - 1 else None) for n, part in enumerate(parts)]


@lru_cache(maxsize=1 << 16)
def _given(word: str) -> str | None:
    """The given name a token reads as, once a leading و/ل/ب is set aside."""
    for variant in (word, word[1:] if word[:1] in "ولب" else ""):
        if variant in GIVEN_NAMES:
            return variant
    return None


class _Finder:
    def __init__(self, doc: Doc, orgs: list[OrgMention]) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.orgs = orgs
        self.people: list[PersonMention] = []
        self.links: list[tuple[int, int]] = []
        self.taken: set[int] = set()
        self.surnames: set[str] = set()
        self.definite_ok = False  # set by name_ok for the words it checks
        self.given_first = False
        self.titles: dict[int, str | None] = {}  # token → the title word it reads as
        self.owned: set[int] = set()  # title tokens with a possessive ("مديرها"، "رئيسه")
        self.org_at = {}
        for k, m in enumerate(orgs):
            for t in range(m.first, m.last + 1):
                self.org_at[t] = k

    # -- helpers -------------------------------------------------------------------

    def namey(self, i: int, first: bool = False) -> bool:
        """Whether token i can be part of a person's name."""
        t = self.tokens[i]
        word = t.norm
        if i in self.org_at:
            return False  # "جامعة سيدي محمد بن عبد الله": a given name inside a body's name
        if first and _given(word) or not first and word in COMPOUND_SECONDS:
            return True
        if t.latin:
            return self.latin_name_word(i)
        if any(c.isdigit() for c in word) or len(word) < 2 or i in self.org_at:
            return False
        if not first and self.tokens[i - 1].norm == "مولاي":
            return word not in VERBS  # "مولاي علي", whose "علي" also reads as "على"
        if (
            not first
            and word == "علي"
            and (i + 1 == len(self.tokens) or _hard(self.tokens[i + 1].gap))
        ):
            return True  # "عبد الله الطالب علي، رئيس …": "على" is never followed by a comma
        if (
            not first
            and self.given_first
            and word in _TITLE_SURNAMES
            and (i + 1 == len(self.tokens) or _hard(self.tokens[i + 1].gap))
        ):
            return True  # "الكاتب: حميد الوالي": a family name, not the wali
        bare = word[1:] if word[:1] == "و" and len(word) >= 3 else word  # "… وعن الجامعة"
        if {word, bare} & (
            STOPWORDS
            | VERBS
            | TITLE_WORDS
            | MONTH_AND_DAY_WORDS
            | PEOPLE_GROUPS
            | _QUANTITIES
            | _NOT_NAMES
        ):
            return False
        if _TANWEEN.search(self.doc.text, t.start, t.end) or VERBAL_NOUN.match(word):
            return False
        if not first and _THIRD_STEM_NOUN.match(word):
            return False
        if not first and len(word) >= 5 and self.doc.text.endswith("ته", t.start, t.end):
            return False  # "السيد NAME كلمته": his speech; a family name ends in "ة"
        if not first and bare != word and _given(bare):
            return False  # "عبد الكريم ومحمد": two people
        if word[:1] in "بل" and word[1:] in _NOT_NAMES:
            return False  # "بمليون", "لدرهم"
        if (
            len(word) > 4
            and (word.endswith(_PRONOUN_SUFFIXES) or word.endswith("ها") and word[:2] != "او")
            and not t.bare.startswith("ال")
        ):
            return False  # "أبرزهم", "مشاركتها", "مكتبها": a word with a pronoun; "أوبها" is a name
        if any(
            word.endswith(p) and re.sub("ت$", "ه", word[: -len(p)]) in TITLE_WORDS
            for p in _POSSESSIVE
        ):
            return False  # "مديرها التقني", "مديرتها": a title with its owner's pronoun
        if (
            not first
            and self.tokens[i - 1].norm == "نور"
            and (word[:1] == "و" or word[:2] == "يت" or match_at(self.doc, i) is not None)
        ):
            return False  # "نور ورزازات": the solar complex; "نور يتوفر": light
        if t.bare in TITLE_WORDS or head_of(word) or word in _HONORIFIC:
            return False
        if (
            first
            and t.bare.startswith("ال")
            and not self.definite_ok
            and not self.doc.text.startswith(("أل", "آل"), t.start)  # "أليخاندرو", "ألبرتو"
        ):
            return False
        if not first and t.norm != t.bare:
            return False  # "للمنطقة", "بالرباط": a clitic article never sits inside a name
        if not first and self.given_first and t.norm == t.bare:
            return True  # "طارق بنسليمان": a family name that is also a town's
        return match_at(self.doc, i) is None

    def latin_name_word(self, i: int) -> bool:
        """A capitalised Latin word outside organisation names ("Hicham Berrada")."""
        t = self.tokens[i]
        raw = self.doc.text[t.start : t.end]
        return (
            i not in self.org_at
            and len(raw) >= 2
            and raw[0].isupper()
            and not raw.isupper()
            and raw.lower() not in _LATIN_NOT_NAMES
            and raw.upper() not in LEGAL_FORMS  # "Metalúrgica Vouga Lda"
        )

    def name_ok(
        self, first: int, last: int, given_needed: bool = False, definite: bool = False
    ) -> bool:
        """Whether tokens first..last read as a name; `definite` admits a first word with
        the article ("الغالية الزاوي"), which only a strong frame may. A name is written in
        one script."""
        if last < first or last - first > 4 or any(k in self.taken for k in range(first, last + 1)):
            return False
        if any("\n" in self.tokens[k].gap for k in range(first + 1, last + 1)):
            return False  # a name is written on one line
        after = self.tokens[last + 1].gap.lstrip()[:1] if last + 1 < len(self.tokens) else ""
        if after and after in QUOTES:
            return False  # "… جودة محلية بطموح وطني"، عامل الإقليم": a quotation's end
        if len({self.tokens[k].latin for k in range(first, last + 1)}) > 1:
            return False
        if self.tokens[first].latin:
            return all(
                self.latin_name_word(k) and (k == first or not self.tokens[k].gap.strip(" -"))
                for k in range(first, last + 1)
            )
        if self.tokens[first].norm[:1] == "ف" and self.tokens[first].norm[1:] in VERBS:
            return False  # "أما NAME، TITLE، فقدمت …": the clause's verb
        given = _given(self.tokens[first].norm) is not None
        if given_needed and not given:
            return False
        if self.tokens[first].norm == "علي" and last == first + 1:
            # "علي الصديقي": the name folds like the preposition; a family name in -ي decides
            family = self.tokens[last].norm
            return family.endswith("ي") and family not in STOPWORDS and self.namey(last)
        self.definite_ok, self.given_first = definite, given
        try:
            if not self.namey(first, first=True):
                return False
            return all(
                self.namey(k)
                or self.tokens[k].norm in NAME_PARTICLES
                and k < last
                or self.tokens[k - 1].norm in NAME_PARTICLES
                and k - 1 > first - 1
                for k in range(first + 1, last + 1)
            )  # after a particle any word ("آيت علي", "أيت بها", "ولد الزين")
        finally:
            self.definite_ok = self.given_first = False

    def add(self, first: int, last: int, role: str | None = None) -> PersonMention:
        name = self.doc.surface(first, last)
        given = _given(self.tokens[first].norm)
        if (
            given
            and given != self.tokens[first].norm
            and normalize_arabic(name.split()[0]) != given
            or not given
            and self.tokens[first].norm[:1] == "و"
            and len(self.tokens[first].norm) > 3
            and "،" in self.tokens[first].gap
        ):
            name = name[1:]  # "…، وإلس فيرمولن، الرئيسة …": the next item of a list
        person = PersonMention(name, first, last, role=role)
        self.people.append(person)
        self.surnames.add(self.tokens[last].norm)
        self.taken.update(range(first, last + 1))
        return person

    def title_word(self, i: int) -> str | None:
        if i in self.titles:
            return self.titles[i]
        word = None
        nxt = self.tokens[i + 1].norm if i + 1 < len(self.tokens) else ""
        if self.tokens[i].norm in _REPRESENTED and (
            nxt == "في" or nxt[:1] == "ب" and i + 1 < len(self.tokens) and self.possessive(i + 1)
        ):
            pass  # "ممثلة في مديرها …", "ممثلا بمديرته الجهوية": "represented by", a title follows
        elif not (
            i
            and self.tokens[i - 1].bare.removesuffix("ا") in ("مكتب", "المكتب")
            and self.tokens[i].bare in ("المسير", "مسير", "المسيره")
        ):  # (after "المكتب" it is the board's adjective, "المكتب المسير", not a title)
            word = next((v for v in self.tokens[i].variants() if v in TITLE_WORDS), None)
            if word in ("امين", "امينه") and nxt not in _KEPT:
                word = None  # "أمين الزياني رئيسا": a given name; "أمين المال" is an office
            owner_title = self.possessive(i)
            if owner_title is not None:
                word = owner_title
                self.owned.add(i)
        self.titles[i] = word
        return word

    def possessive(self, i: int) -> str | None:
        """The title word a token reads as once its possessive pronoun is set aside
        ("مديرها" → "مدير", "مديرته" → "مديرة", "رئيسه" → "رئيس"): the pronoun names the
        body the holder acts for. The original spelling tells "رئيسه" from "رئيسة"."""
        t = self.tokens[i]
        raw = self.doc.text[t.start : t.end]
        suffix = next((x for x in _POSSESSIVE if raw.endswith(x)), None)
        if suffix is None or len(t.norm) - len(suffix) < 3:
            return None
        base = t.norm[: -len(suffix)]
        if base.endswith("ت"):
            base = base[:-1] + "ه"  # "مديرته": the feminine ending before a pronoun
        return next((v for v in clitic_variants(base) if v in TITLE_WORDS), None)

    def _owner(self, start: int) -> int | None:
        """The body a possessive title refers to: named right before it, across "عن",
        "ممثلة في (شخص)" or a comma ("عن الوكالة مديرها"، "الجمعية، ممثلة في رئيستها")."""
        k = start - 1
        while k >= 0 and start - k <= 6 and "\n" not in self.tokens[k + 1].gap:
            if k in self.org_at:
                return self.org_at[k]
            if k - 1 in self.org_at and self.orgs[self.org_at[k - 1]].qualifier:
                return self.org_at[k - 1]  # "وعن المجلس الإقليمي رئيسه": a body named short
            if self.tokens[k].norm not in _OWNER_LINKS or "." in self.tokens[k + 1].gap:
                break
            k -= 1
        # "عرضت شركة X تجربتها، حيث أوضح مديرها التقني", "ويضم الاتحاد، حسب رئيسه NAME":
        # the body last named in the sentence
        for k in range(start - 1, max(start - 16, -1), -1):
            if "." in self.tokens[k + 1].gap or "\n" in self.tokens[k + 1].gap:
                return None
            if k in self.org_at:
                return self.org_at[k]
        return None

    def _on_behalf(self, start: int) -> int | None:
        """ "ووقع عن الوزارة المدير الجهوي …، NAME": the body a signatory signs for."""
        k = start - 1
        if k not in self.org_at or _hard(self.tokens[start].gap):
            return None
        j = self.orgs[self.org_at[k]].first - 1
        return self.org_at[k] if j >= 0 and self.tokens[j].norm in ("عن", "وعن") else None

    def _represented(self, start: int) -> int | None:
        """ "ممثل عن ORG، TITLE، NAME": the body a representative's title belongs to."""
        k = start - 1
        if k not in self.org_at or not _hard(self.tokens[start].gap):
            return None
        j = self.orgs[self.org_at[k]].first - 1
        if (
            j >= 1
            and self.tokens[j].norm in ("عن", "في")
            and self.tokens[j - 1].norm in _REPRESENTED
        ):
            return self.org_at[k]
        return None

    def position(self, start: int, end: int) -> tuple[str | None, int | None] | None:
        """(title, org mention) read from tokens start..end, which begin with a title word."""
        variant = self.title_word(start)
        if variant is None:
            return None
        end = next((k - 1 for k in range(start + 1, end + 1) if self._ends_title(k)), end)
        end = self._without_tail(start, end)  # "عامل عمالة وجدة إلى"، "والي أمن الرباط السيد"
        if variant in _OFFICIALS:
            # "والي جهة الشرق عامل عمالة وجدة أنكاد": the office is the whole title
            return clean_title(self.doc.surface(start, end, variant)), None
        org = None
        stop = end
        for k in range(start + 1, end + 1):
            if k in self.org_at:
                org, stop = self.org_at[k], k - 1
                break
        stop = self._without_tail(start, stop)  # "الخبير … لدى صندوق X"
        title = clean_title(self.doc.surface(start, stop, variant)) if stop >= start else None
        owned = [k for k in (start, start + 1) if k in self.owned and k <= stop]
        words = title.split() if title else []
        possessed = re.fullmatch(r"(.{3,})ت(?:ها|ه)", words[-1]) if len(words) > 1 else None
        if possessed and not words[-2].startswith("ال") and not owned and org is None:
            # "رئيس مجلس إدارتها": the board of the body named before ("الرئيس المنتهية
            # ولايته" is his term)
            title = " ".join([*words[:-1], f"ال{possessed.group(1)}ة"])
            org = self._owner(start)
        if title and owned:
            title = self._unpossessed(title, start, owned)
            if org is None:
                org = self._owner(start)
        elif org is None and title and variant not in _OFFICIALS:
            org = self._represented(start)
            if org is None:
                org = self._on_behalf(start)
        if (
            org is None
            and title
            and (
                _SUCCESSION.search(normalize_arabic(title))
                or " " in title
                and _OFFICERS.search(normalize_arabic(title))
            )
        ):
            org = BOARD  # "الرئيس المنتهية ولايته": the head of the body the article is about
        if org is None and title and normalize_arabic(title).split()[-1] in _THE_PLANT:
            # "المديرة التقنية للوحدة": the plant of the first company the article names
            companies = (
                k for k, m in enumerate(self.orgs)
                if m.last < start and m.kind == "company" and not m.bare
            )  # fmt: skip
            org = next(companies, None)
        if org is None and title and _DEPARTMENT_HEAD.match(normalize_arabic(title)):
            org = self._subject(start)  # "ممثل المركز …، رئيس قطب تحفيز الاستثمار، NAME"
        if org is None and title and variant.removesuffix("ه") in ("وزير", "الوزير"):
            org = self._ministry(title)
        if org is None and title:
            org = self._council(title)
        if org is None and title:
            org = self._directorate(title)
        if org is None and title and stop - start >= 2 and self.tokens[stop].norm in _LATTER:
            # "رئيس هذه الأخيرة": the body named last before the title
            org = next((k for k in range(len(self.orgs) - 1, -1, -1)
                        if self.orgs[k].last < start and not self.orgs[k].bare), None)  # fmt: skip
            if org is not None:
                title = clean_title(self.doc.surface(start, stop - 2, variant))
        pronoun = next((k for k in (end, end + 1) if k < len(self.tokens) and k > start
                        and self.tokens[k].norm in ("له", "لها")
                        and not _hard(self.tokens[k].gap)), None)  # fmt: skip
        if org is None and title and pronoun is not None:
            org = self._subject(start)  # "… تنتخب NAME رئيسة لها": the body named before
            title = " ".join(title.split()[: pronoun - start]) or title
        return title or None, org

    def _without_tail(self, start: int, end: int) -> int:
        """The title's last token once prepositions and an honorific that open what follows
        are left out ("… مديرته العامة السيدة NAME", "… لدى صندوق X")."""
        while end > start and self.tokens[end].norm in _TAIL:
            end -= 1
        return end

    def _ends_title(self, k: int) -> bool:
        """Token k ends the title before it: a new sentence, a clause about its holder
        ("رئيس الحكومة الذي كان مقررا أن …"، "وزير الداخلية أن …") or others with him ("…
        وعدة فعاليات")."""
        token = self.tokens[k]
        return bool(
            _SENTENCE_STOP.search(token.gap)
            or token.norm in _CLAUSE_OPENERS
            or token.norm[:1] == "و"
            and token.norm[1:] in _QUANTITIES
        )

    def _subject(self, start: int) -> int | None:
        """The last body named before token `start` in its sentence."""
        sentence = self.doc.sentence_of(self.tokens[start].nstart)
        for k in range(start - 1, -1, -1):
            if self.doc.sentence_of(self.tokens[k].nstart) != sentence:
                return None
            if k in self.org_at:
                return self.org_at[k]
        return None

    def _council(self, title: str) -> int | None:
        """ "رئيس جهة مراكش آسفي" presides "مجلس جهة مراكش آسفي": a region stands for its
        council when the text names that council."""
        words = normalize_arabic(title.replace("-", " ").replace("–", " ")).split()
        at = next((n for n, w in enumerate(words) if w in ("جهه", "لجهه", "الجهه")), None)
        if at is None or at == 0:
            return None
        wanted = "مجلس جهه " + " ".join(words[at + 1 :])  # "رئيس الجهة": the one council named
        councils = {
            k for k, mention in enumerate(self.orgs)
            if (" ".join(normalize_arabic(mention.name.replace("-", " ")).split()) + " ")
            .startswith(wanted.rstrip() + " ")
        }  # fmt: skip
        names = {normalize_arabic(self.orgs[k].name) for k in councils}
        return min(councils) if len(names) == 1 else None

    def _directorate(self, title: str) -> int | None:
        """ "المدير الجهوي للفلاحة بالنيابة" heads "المديرية الجهوية للفلاحة لجهة …" when the
        text names it."""
        m = _DIRECTOR_OF.match(normalize_arabic(title))
        if m is None:
            return None
        wanted = f"المديريه {m['level']}ه {m['field']}"
        return next((k for k, mention in enumerate(self.orgs)
                     if normalize_arabic(mention.name).startswith(wanted)), None)  # fmt: skip

    def _unpossessed(self, title: str, start: int, owned: list[int]) -> str:
        """ "مديرها العام" → "المدير العام", "نائب رئيسه" → "نائب رئيس"."""
        words = title.split()
        for k in owned:
            n = k - start
            if n >= len(words):
                continue
            word = words[n]
            suffix = next(x for x in _POSSESSIVE if word.endswith(x))
            word = word[: -len(suffix)]
            if word[:1] == "و" and normalize_arabic(word[1:]) in TITLE_WORDS:
                word = word[1:]  # "مؤسسها ورئيسها": the second title of one person
            if word.endswith("ت"):
                word = word[:-1] + "ة"
            if n == 0 and word[:1] == "ب" and normalize_arabic(word[1:]) in TITLE_WORDS:
                word = word[1:]  # "ممثلا بمديرته الجهوية": the title without its preposition
            if n == 0 and n + 1 < len(words) and normalize_arabic(words[1]).startswith("ال"):
                word = "ال" + word  # "رئيسها المدير العام" → "الرئيس المدير العام"
            words[n] = word
        return " ".join(words)

    def _ministry(self, title: str) -> int | None:
        """ "وزيرة الانتقال الطاقي" holds office in "وزارة الانتقال الطاقي" when it is named:
        in full, by a shorter name the knowledge base gives the same ministry, or by a name
        whose every word the title holds ("الوزير المنتدب … المكلف بالاستثمار" → "الوزارة
        المنتدبة المكلفة بالاستثمار")."""
        portfolio = normalize_arabic(title).split(maxsplit=1)[1:]
        if not portfolio:
            return None
        for k, mention in enumerate(self.orgs):
            if normalize_arabic(mention.name) == f"وزاره {portfolio[0]}":
                return k
        known = lookup(f"وزارة {portfolio[0]}")
        if known is not None:
            found = next((k for k, m in enumerate(self.orgs) if m.known == known.key), None)
            if found is not None:
                return found
        held = _stems(portfolio[0])
        for k, mention in enumerate(self.orgs):
            words = _stems(mention.name)[1:]  # without "وزارة"
            if mention.kind == "ministry" and words and set(words) <= set(held):
                return k
        return None

    def segments(self, first: int, last: int) -> list[tuple[int, int]]:
        """Token ranges between commas, brackets, colons and dashes."""
        spans, start = [], first
        for k in range(first + 1, last + 1):
            if k - 1 in self.org_at and self.org_at.get(k) == self.org_at[k - 1]:
                continue  # "غرفة … لجهة مراكش – آسفي": a dash inside one body's name
            if _SEGMENT_BREAK.search(self.tokens[k].gap):
                spans.append((start, k - 1))
                start = k
        spans.append((start, last))
        return spans

    # -- frames --------------------------------------------------------------------

    def run(self) -> None:
        self.king()
        self.board_lists()
        self.byline()  # before appositions, which would read a signature as a bare name
        for s_start, s_end in self.doc.sentences:
            first = self.doc.first_token_from(s_start)
            last = self.doc.first_token_from(s_end) - 1
            if last >= first:
                self.apposition(first, last)
        self.honorifics()
        self.speech()
        self.given_names()
        self.predecessors()

    def predecessors(self) -> None:
        """ "… رئيسا جديدا للتجمع، خلفا لرشيد بنكيران": the one succeeded is the outgoing
        president of the body whose board was elected."""
        for person in self.people:
            k = person.first
            if person.positions or k < 1 or self.tokens[k - 1].norm not in ("خلفا", "خلفاً"):
                continue
            if self.tokens[k].norm[:1] != "ل":
                continue
            sentence = self.doc.sentence_of(self.tokens[k].nstart)
            start = self.doc.first_token_from(self.doc.sentences[sentence][0])
            words = [t.norm for t in self.tokens[start:k]]
            if {"رئيسا", "رئيسه"} & set(words) or "علي راس" in " ".join(words):
                woman = _woman(self.tokens[k].norm[1:])
                office = "الرئيسة المنتهية ولايتها" if woman else "الرئيس المنتهية ولايته"
                person.positions.append((office, BOARD))

    def king(self) -> None:
        for m in _KING.finditer(self.doc.norm):
            first = self.doc.token_index(m.start(1))
            if first is not None and first not in self.taken:
                self.add(first, first + 1, role="king").positions.append(("الملك", None))

    def board_lists(self) -> None:
        text = self.doc.text
        default = None
        offset = 0
        for line in text.splitlines(keepends=True):
            start, end = offset, offset + len(line)
            offset = end
            bullet = _BULLET.match(line)
            if bullet:
                item = bullet.end()
            else:  # "الكاتب العام: NAME": an office line needs its colon early
                item = self.office_line(start, line) if ":" in line[:60] else None
            if item is None:
                folded = normalize_arabic(line)
                if "اعضاء" in folded:
                    m = re.search(r"اعضاء\s+((?:ال[\u0621-\u064a]+\s*){1,3})", folded)
                    words = m.group(1).split() if m else []
                    while words and words[-1] in ("الجديد", "الجديده"):
                        words.pop()
                    default = f"عضو {' '.join(words)}" if words else default
                elif folded.strip():
                    default = None if len(folded) > 300 else default
                continue
            first = self.doc.first_token_from(self.doc.folded_offset(start + item))
            last = self.doc.first_token_from(self.doc.folded_offset(end)) - 1
            if last > first:
                found = len(self.people)
                self.board_item(first, last, default)
                if len(self.people) > found:
                    self.taken.update(range(first, last + 1))

    def office_line(self, start: int, line: str) -> int | None:
        """A board member's line without a bullet, the office first ("الكاتب العام: NAME، …"):
        where its item starts."""
        m = _OFFICE_LINE.match(line)
        if not m:
            return None
        first = self.doc.first_token_from(self.doc.folded_offset(start + m.end(1)))
        return m.end(1) if first < len(self.tokens) and self.office_at(first) else None

    def office_at(self, i: int) -> bool:
        """A title, or offices several members hold ("المستشارون"), opens at token i."""
        return bool(self.title_word(i)) or self.tokens[i].norm in _PLURAL_OFFICES

    def board_item(self, first: int, last: int, default: str | None) -> None:
        """One member of a board list: the name, an affiliation, the office on the board.

        "NAME، ORG، في منصب ROLE (TITLE لـ LATIN-ORG)" names one body twice: linked.
        """
        lead_role = None
        while first < last and self.tokens[first].norm in _HONORIFIC | _ITEM_HONORIFICS:
            first += 1  # "- السيدة NAME: …", "- السادة NAME وNAME: مستشارين", "- الحاج NAME"
        colon = next((k for k in range(first + 1, min(first + 9, last + 1))
                      if ":" in self.tokens[k].gap), None)  # fmt: skip
        if colon is not None and self.office_at(first):
            # "- الكاتب العام: NAME، TITLE ORG": the office first
            lead_role = nominative(self.doc.surface(first, colon - 1))
            first = colon
        office = _PLURAL_OFFICES.get(normalize_arabic(lead_role or ""))
        tail = next((k for k in range(last, first, -1) if ":" in self.tokens[k].gap), None)
        if lead_role is None and tail is not None:
            # "- NAME وNAME: مستشاران", "- كل من NAME (COMPANY) وNAME (COMPANY): مستشارين":
            # the office after the names
            office = _PLURAL_OFFICES.get(normalize_arabic(self.doc.surface(tail, last)))
            last = tail - 1 if office else last
            if office and self.tokens[first].norm == "كل" and self.tokens[first + 1].norm == "من":
                first += 2
        elif (
            lead_role is None
            and last > first + 1
            and not any(
                _SEGMENT_BREAK.search(self.tokens[k].gap) for k in range(first + 1, last + 1)
            )
        ):  # "- الحسين أوعلي وإدريس الكبداني مستشارين": names and their office, no comma
            office = _PLURAL_OFFICES.get(self.tokens[last].norm)
            last = last - 1 if office else last
        if office:  # "المستشارون: NAME، وNAME، وNAME": one office, several members
            member = None
            for a, b in self.coordinated_names(first, last):
                if a in self.org_at and member is not None:
                    member.positions.insert(0, (None, self.org_at[a]))  # "NAME (COMPANY)"
                elif b > a and self.name_ok(a, b):
                    member = self.add(a, b)
                    member.positions.append((_for_member(office, self.tokens[a].norm), BOARD))
            return
        name_end = first
        while name_end + 1 <= last and not _SEGMENT_BREAK.search(self.tokens[name_end + 1].gap):
            name_end += 1
        office_end = name_end
        while name_end > first + 1 and not self.name_ok(first, name_end):
            name_end -= 1  # "- محمد بوعزاوي رئيسا؛": the office right after the name
        if name_end - first < 1 or not self.name_ok(first, name_end):
            return
        if name_end < office_end and self.title_word(name_end + 1) is None:
            return
        if (
            _given(self.tokens[first].norm) is None
            and not self.tokens[first].latin
            and lead_role is None
            and not any(self.office_at(k) for k in range(name_end + 1, last + 1))
        ):
            return  # "- موقع استراتيجي: المغرب يتمتع …", "- ترميم التراث (180 مليون درهم)"
        person = self.add(first, name_end)
        role, role_span = self.board_role(name_end + 1, last)
        segs = self.segments(name_end + 1, last) if name_end < last else []
        offices = [
            seg for seg in segs
            if self.title_word(seg[0])
            and not any(t in self.org_at for t in range(seg[0], seg[1] + 1))
        ]  # fmt: skip
        if role is None and offices:
            # "- NAME، TITLE ORG، نائبا للرئيس", "- NAME رئيسا", "- NAME، نائبة للرئيس
            # (COMPANY)": an office, a title with no body
            role = clean_title(self.doc.surface(offices[-1][0], offices[-1][1]))
            role_span = offices[-1]
        role = lead_role or role
        titled, untitled = [], []
        for k in sorted(
            {self.org_at[t] for t in range(name_end + 1, last + 1) if t in self.org_at}
        ):
            mention = self.orgs[k]
            if role_span and role_span[0] <= mention.first <= role_span[1]:
                continue
            title = self.title_before(mention.first, name_end + 1, last)
            (titled if title else untitled).append((title, k))
        if titled and untitled:
            self.links.append((untitled[0][1], titled[0][1]))
            person.positions.append((titled[0][0], untitled[0][1]))
            person.positions.extend(titled[1:])
        else:
            person.positions.extend((titled or untitled)[:1])
        if role or default:
            person.positions.append((elected_office(role or default), BOARD))

    def coordinated_names(self, first: int, last: int) -> list[tuple[int, int]]:
        """Spans of the names in "NAME، وNAME وNAME": a comma or a given name with و opens one."""
        spans, start = [], first
        for k in range(first + 1, last + 1):
            word = self.tokens[k].norm
            joined = word[:1] == "و" and word not in GIVEN_NAMES and word[1:] in GIVEN_NAMES
            if joined or word in ("والسيد", "والسيده") or _hard(self.tokens[k].gap):
                spans.append((start, k - 1))
                start = k
        spans.append((start, last))
        skip = {"و", *_HONORIFIC}  # "… وعمر الزموري والسيدة فاطمة أيت علي"
        return [(a + (self.tokens[a].norm in skip), b) for a, b in spans]

    def title_before(self, at: int, first: int, last: int) -> str | None:
        """The title written before token `at` in its segment ("المدير العام لـ …")."""
        for seg_first, seg_last in self.segments(first, last):
            if seg_first <= at <= seg_last:
                for t in range(seg_first, at):
                    if self.title_word(t):
                        return self.position(t, at - 1)[0]
        return None

    def board_role(self, first: int, last: int) -> tuple[str | None, tuple[int, int] | None]:
        """The office after "في منصب"/"بمنصب" or after a colon ("… : رئيسا"), to the end."""
        for k in range(first, last + 1):
            if ":" in self.tokens[k].gap and self.title_word(k):
                end = k  # "… : رئيسا (المسير لشركة …)": the office, then his job in brackets
                while end + 1 <= last and "(" not in self.tokens[end + 1].gap:
                    end += 1
                raw = self.doc.text[self.tokens[k].start : self.tokens[end].end]
                return nominative(" ".join(raw.strip(QUOTES + " .").split())), (k, end)
        for k in range(first, last):
            if self.tokens[k].norm in ("منصب", "بمنصب"):
                start = k + 1
                end = start
                while end + 1 <= last and "(" not in self.tokens[end + 1].gap:
                    end += 1
                raw = self.doc.text[self.tokens[start].start : self.tokens[end].end]
                role = " ".join(raw.strip(QUOTES + " ").split())
                return role.strip(QUOTES + " ") or None, (k, end)
        return None, None

    def apposition(self, first: int, last: int) -> None:
        segs = self.segments(first, last)
        used: set[int] = set()  # title segments already given to the name before them
        for n, (a, b) in enumerate(segs):
            before = segs[n - 1] if n else None
            after = segs[n + 1] if n + 1 < len(segs) else None
            # "…، والسيدة NAME، TITLE": "و" opens the next item, the title before is not hers
            next_item = self.tokens[a].norm[:1] == "و" and n > 0
            if self.tokens[a].norm in _HONORIFIC and (
                self.tokens[a].norm not in _ACADEMIC or a < b and _given(self.tokens[a + 1].norm)
            ):
                a += 1  # "، السيد عادل الوزاني،", "، الأستاذ يوسف بنعمر،"
            person = self.titled_name(a, b)
            if person is not None:  # "TITLE ORG NAME، [TITLE2 ORG2]"
                if (
                    after
                    and self.title_word(after[0]) is not None
                    and not (self.tokens[after[0]].norm[:1] == "و" and self.opens_item(after[0]))
                ):
                    person.positions.append(self.position(after[0], after[1]))
                    used.add(n + 1)
                continue
            if (
                before
                and n >= 2
                and (
                    all(t.latin for t in self.tokens[before[0] : before[1] + 1])
                    or self.tokens[before[0]].bare in _QUALIFIERS
                    or "(" in self.tokens[before[0]].gap
                    and before[1] - before[0] < 2
                )
            ):  # "مديرة … (GIZ)، NAME", "… (مازن)، NAME", "نائبة رئيس …، المكلفة بـ…، NAME":
                # a gloss between
                before = (segs[n - 2][0], before[1])
            # TITLE [ORG]، NAME،  (a name with the article only before a list's next item)
            listed = (
                after is None
                or self.opens_item(after[0])
                or self.tokens[after[0]].norm in _AFTER_NAME
            )
            if before and b - a > 3:  # "TITLE ORG، NAME في تصريح …": the clause goes on
                b = next((e for e in range(a + 3, a, -1)
                          if self.closes(e + 1) and self.name_ok(a, e, given_needed=True)),
                         b)  # fmt: skip
            if (
                before
                and not next_item
                and n - 1 not in used
                and ":" not in self.tokens[a].gap  # "…، ممثلة بمديرها NAME: منصة …": no name
                and b - a <= 3
                and b > a
                and self.name_ok(a, b, definite=listed)
            ):
                titles = [k for k in range(before[0], before[1] + 1) if self.title_word(k)]
                # "واستمع الوزير إلى عرض قدمه مديرها التقني، NAME": the title after the
                # clause's verb is the name's
                title_at = next(
                    (k for k in titles if not any(
                        self.tokens[v].norm in VERBS or self.tokens[v].norm in _PREPOSITION_BREAKS
                        for v in range(k + 1, before[1] + 1))),
                    titles[0] if titles else None,
                )  # fmt: skip
                if title_at is not None:
                    person = self.add(a, b)
                    position = self.position(title_at, before[1])
                    if (
                        position
                        and position[1] is None
                        and after
                        and self.tokens[after[0]].norm == "عن"
                        and after[0] + 1 in self.org_at
                    ):  # "المدير الجهوي …، NAME، عن وزارة الصناعة": whom he signs for
                        position = (position[0], self.org_at[after[0] + 1])
                    person.positions.append(position)
                    if (
                        after
                        and self.title_word(after[0]) is not None
                        and not (self.tokens[after[0]].norm.startswith("و"))
                    ):  # "، والرئيس …" opens the next person of a list
                        person.positions.append(self.position(after[0], after[1]))
                    continue
            # NAME، [بصفته] TITLE [ORG]  (not "NAME، ورئيس …": the next item of a list)
            if (
                after
                and self.tokens[after[0]].norm in _CAPACITY | _PRONOUNS
                and after[1] > after[0]
            ):
                after = (after[0] + 1, after[1])
            elif (
                after
                and after[1] > after[0] + 1
                and self.tokens[after[0]].norm in ("في", "ب")
                and self.tokens[after[0] + 1].norm == "منصب"
            ):
                after = (after[0] + 2, after[1])  # "تعيين NAME، في منصب مدير المركز …"
            if (
                after
                and self.title_word(after[0]) is not None
                and not (self.tokens[after[0]].norm[:1] == "و" and self.opens_item(after[0]))
            ):
                start, alias = self.name_suffix(a, b), None
                if before and self.latin_gloss(a, b):
                    # "الإيطالي ماركو روسيتي (Marco Rossetti)، TITLE": the name, then its
                    # Latin spelling
                    start, alias = self.name_suffix(*before), self.doc.surface(a, b)
                    a, b = before
                if start is not None:
                    person = self.add(start, b)
                    if alias:
                        person.aliases.append(alias)
                    person.positions.append(self.position(after[0], after[1]))
                    used.add(n + 1)
                    office = segs[n + 2] if n + 2 < len(segs) else None
                    if office is not None and self.elected(office):
                        # "انتخاب NAME، TITLE ORG، رئيسا للقطب": the office voted for
                        title, org = self.position(office[0], office[1]) or (None, None)
                        person.positions.append((title, BOARD if org is None else org))
                        used.add(n + 2)

    def latin_gloss(self, a: int, b: int) -> bool:
        """Whether tokens a..b are a Latin spelling in brackets right after an Arabic word."""
        return (
            "(" in self.tokens[a].gap
            and not self.tokens[a - 1].latin
            and all(self.tokens[k].latin for k in range(a, b + 1))
        )

    def elected(self, seg: tuple[int, int]) -> bool:
        """A short segment that is an office in the accusative of election ("رئيسا
        للقطب", "نائبة للرئيس", "كاتبا عاما"), not the next item of a list."""
        first = self.tokens[seg[0]]
        if seg[1] - seg[0] > 4 or first.norm[:1] == "و" or self.title_word(seg[0]) is None:
            return False
        if seg[0] in self.owned or any(_given(self.tokens[k].norm) for k in range(*seg)):
            return False
        accusative = first.norm.endswith("ا") and not first.norm.startswith("ال")
        return accusative or bool(
            _OFFICERS.search(self.doc.norm[first.nstart : self.tokens[seg[1]].nend])
        )

    def titled_name(self, a: int, b: int) -> PersonMention | None:
        """ "عامل إقليم العرائش بوعزة الكتاني"، "رئيس غرفة الفلاحة لجهة … عبد السلام الرحموني":
        a segment that opens with a title and its body or place and ends with a name."""
        if b - a < 2 or b in self.org_at or b in self.taken or self.tokens[b].norm in STOPWORDS:
            return None
        titles = [k for k in range(a, b - 1) if self.title_word(k) is not None
                  and k not in self.org_at]  # fmt: skip
        if titles and self.tokens[titles[0]].norm in _REPRESENTED and titles[0] + 1 in titles:
            titles.pop(0)  # "ممثلة برئيس مجلس إدارتها NAME": the title of whom it acts through
        listed = [k for k in titles if self.tokens[k].norm[:1] == "و"]
        if not titles:
            return None
        own = titles[-1]
        if own in self.owned and own + 2 <= b <= own + 5 and self.name_ok(own + 1, b):
            # "يقوده رئيسها خوسيه أنطونيو رويث ماركيث": all after a possessed title is the name
            opening = own
            while opening - 1 in titles:
                opening -= 1  # "نائب رئيسه سعيد الودغيري"
            person = self.add(own + 1, b)
            person.positions.append(self.position(opening, own))
            return person
        starts = [b - 2, b - 1]
        if _given(self.tokens[b - 1].norm) and not _given(self.tokens[b - 2].norm):
            starts = [b - 1]  # "… عمالة وجدة أنجاد محمد مهيدية"
        if self.tokens[b].latin:  # "ممثلة برئيس مجلس إدارتها Luis Ferreira Matos": in one script
            start = b
            while start > a and self.tokens[start - 1].latin and b - start < 3:
                start -= 1
            starts = [start] if start < b else []
        names = [
            start
            for start in starts
            if start - 1 > a
            and not self.tokens[start].norm.startswith(("ال", "لل", "بال", "وال"))
            and not (
                self.tokens[start].norm.startswith(("لت", "بت"))
                and _given(self.tokens[start].norm) is None
            )  # "… لشركة "سوس بريموز" لتلفيف البواكر": what the company does
            and self.name_ok(start, b)
        ]  # (a name of this frame never opens with the article: a cheap test first)
        if not names:
            return None
        title_at = (listed or titles)[-1 if listed else 0]  # "… ورئيس جهة الشرق NAME"
        for start in names:
            before = start - 1
            if before <= title_at:
                continue
            head = self.tokens[start]
            if head.norm[:1] == "و" and _given(head.norm) not in (None, head.norm):
                return None  # "… المدير الجهوي للغرفة ومحمد أمين …": the next item
            if any(_given(self.tokens[k].norm) for k in range(title_at + 1, before)):
                return None  # another name between the title and this one
            if any(
                self.tokens[k].norm in _CLAUSE_OPENERS or self.tokens[k].norm in VERBS
                for k in range(title_at + 1, before)
            ):
                return None  # "رئيس الجهة أن هذه الزيارة … وجلب الاستثمارات": a clause
            if self.tokens[start].norm[1:] in _PLACE_NOUNS:
                continue  # "… بجهة الشمال": where the body sits, not a name
            if self.tokens[before].norm == "خلفا":
                return None  # "… رئيسا خلفا لعادل بنعيسى": the one succeeded
            mention = self.org_at.get(before)
            closes = (
                mention is not None and self.orgs[mention].last == before
                or self.tokens[before].bare in _UNIT_WORDS
                or len(starts) == 1 and self.tokens[before].norm == self.tokens[before].bare
                or any((hit := match_at(self.doc, k)) is not None and hit[1] == before
                       for k in range(title_at + 1, before + 1))
            )  # fmt: skip
            if closes and start not in self.org_at:
                person = self.add(start, b)
                person.positions.append(self.position(title_at, before))
                return person
        return None

    def opens_item(self, k: int) -> bool:
        """Whether token k opens the next item of a list of officials ("، ورئيس …")."""
        norm = self.tokens[k].norm
        return norm[:1] == "و" and (norm[1:] in TITLE_WORDS or strip_clitics(norm[1:]) in
                                    TITLE_WORDS) or norm in VERBS  # fmt: skip

    def name_suffix(self, a: int, b: int) -> int | None:
        """Start of the name that ends segment a..b, if the segment ends with one."""
        for start in range(max(a, b - 4), b):  # "سيدي محمد ولد أحمدو"
            if not self.name_ok(start, b):
                continue
            opener = (
                start == a
                or self.tokens[start - 1].bare in VERBS
                or (self.tokens[start - 1].norm in VERBS)
                or self.tokens[start - 1].norm.removeprefix("و") in VERBS  # "ويرافقه NAME"
                or self.tokens[start - 1].norm in _HONORIFIC
                or self.tokens[start - 1].norm in ("اما", "واما")  # "أما NAME، TITLE، فـ…"
                or self.tokens[start - 1].norm.removeprefix("و") in _NATIONALS
                or self.tokens[start].latin
                and not self.tokens[start - 1].latin
            )  # a Latin name inside Arabic text is set off by its script
            if (
                start == a < b - 1
                and not _given(self.tokens[a].norm)
                and _given(self.tokens[a + 1].norm)
                and not self.tokens[a].latin
            ):
                return a + 1  # "تطرق عمر أمزيل", "ستؤطرها سناء الأزرق": a verb the lexicon lacks
            if not _given(self.tokens[start].norm) and self.tokens[start].norm != "سيدي":
                # ("سيدي محمد ولد أحمدو": a compound given name)
                given = next((k for k in range(start + 1, b) if _given(self.tokens[k].norm)), None)
                if given is not None and self.name_ok(given, b):
                    return given  # "فيما سيتناول محمد بوكريم", "تم تتويج سلمى …": a verb before
            if opener or _given(self.tokens[start].norm):
                return start
        return None

    def honorifics(self) -> None:
        for i, t in enumerate(self.tokens):
            if t.norm in _HONORIFIC and i + 1 < len(self.tokens):
                known = self.tokens[i + 1].norm in self.surnames
                end = i + 1 if known else self.extent(i + 1, 3)
                if end is not None:
                    title = None if known else self.title_before_name(i)
                    person = self.add(i + 1, end)
                    if title is None:  # "السيد طارق بنحدو المدير العام للمركز …"
                        title = self.title_after_name(end) or self.installed(end)
                    if title is not None:  # "وزيرة … السيدة فاطمة الزهراء المنصوري"
                        person.positions.append(title)

    def title_after_name(self, end: int) -> tuple[str | None, int | None] | None:
        """The title written right after a name with no comma, up to the end of the clause
        or the next item of a list ("السيد X المدير العام لشركة Y، والسيدة Z رئيسة …",
        "السيد حسن الوردي نائبا للرئيسة والسيد …")."""
        start = end + 1
        if start >= len(self.tokens) or _hard(self.tokens[start].gap):
            return None
        if self.title_word(start) is None or start in self.owned or self.opens_item(start):
            return None  # ("السيدة X والأستاذ Y": the next person)
        stop = start
        while stop + 1 < len(self.tokens) and stop - start < 12:
            nxt = self.tokens[stop + 1]
            if _hard(nxt.gap) or nxt.norm in _HONORIFIC or nxt.norm in VERBS:
                break
            if nxt.norm in MONTH_AND_DAY_WORDS or nxt.norm in _WHEN or nxt.norm[:1].isdigit():
                break  # "… وزير السكنى يوم الإثنين"، "… في 5 دجنبر": when, not the office
            if nxt.norm[:1] == "و" and (self.opens_item(stop + 1) or _given(nxt.norm)):
                break
            stop += 1
        title, org = self.position(start, stop) or (None, None)
        if title and org is None and self.tokens[start].norm.endswith("ا"):
            org = BOARD  # "… أمينا للمال": an office voted for on the body's board
            title = elected_office(title)
        return (title, org) if title else None

    def installed(self, end: int) -> tuple[str, None] | None:
        """ "تعيين NAME عاملا على إقليم الحسيمة": the office of the name ending at `end` that
        an appointment gives, with its territory ("عامل إقليم الحسيمة")."""
        tokens, k = self.tokens, end + 1
        if (
            k + 2 >= len(tokens)
            or tokens[k].norm not in _INSTALLED
            or tokens[k + 1].norm != "علي"
            or any(_hard(tokens[n].gap) for n in (k, k + 1, k + 2))
        ):
            return None
        stop = k + 2
        while (
            stop + 1 < len(tokens)
            and stop - k < 8
            and (not _hard(tokens[stop + 1].gap) or tokens[stop + 1].gap.strip() in ("-", "–"))
            and not _SENTENCE_STOP.search(tokens[stop + 1].gap)
            and tokens[stop + 1].norm[:1] != "و"
            and tokens[stop + 1].norm not in _WHEN
        ):
            stop += 1
        return f"{_INSTALLED[tokens[k].norm]} {self.doc.surface(k + 2, stop)}", None

    def speech(self) -> None:
        for i, t in enumerate(self.tokens):
            word = t.norm[1:] if t.norm[:1] in "وف" and t.norm[1:] in SPEECH_VERBS else t.norm
            if word in SPEECH_VERBS and i + 1 < len(self.tokens):
                if i and self.tokens[i - 1].norm in PREPOSITIONS:
                    continue  # "في أبرز نقاط الدخول": the superlative, not the verb
                end = self.extent(i + 1, 3)
                if end is None or end + 1 < len(self.tokens) and not self.closes(end + 1):
                    continue
                if end + 1 < len(self.tokens) and _SENTENCE_STOP.search(self.tokens[end + 1].gap):
                    continue  # "كشف حجم الانتظارات.": the verb's object ends the sentence
                if country_at(self.doc, i + 1) is not None:
                    continue  # "أكدت فرنسا": a country speaks through its government
                self.add(i + 1, end)

    def closes(self, k: int) -> bool:
        """Whether token k ends a name: punctuation or a preposition/conjunction after it."""
        t = self.tokens[k]
        return bool(t.gap.strip()) or t.norm in ("في", "ان", "بان", "علي", "الي", "خلال", "امام")

    def extent(self, i: int, most: int) -> int | None:
        """Last token of the name starting at i (up to `most` words, stopping at punctuation)."""
        if self.tokens[i].gap.strip() or not self.name_ok(i, i):
            return None
        end = i
        while (
            end + 1 < len(self.tokens)
            and end + 1 - i < most + sum(t.norm in NAME_PARTICLES for t in self.tokens[i : end + 1])
            and not self.tokens[end + 1].gap.strip()
            and self.name_ok(i, end + 1)
        ):
            end += 1
        return end

    def given_names(self) -> None:
        tokens = self.tokens
        named_after = -9  # last token of the last place named after someone
        for i, t in enumerate(tokens):
            given = _given(t.norm)
            if not given or i in self.taken or match_at(self.doc, i) is not None:
                continue  # "لبني يخلف", "بسيدي قاسم": a place, not a given name
            if (
                i <= named_after
                or i
                and _NAMED_AFTER & {tokens[i - 1].norm, re.sub("^[وبل]", "", tokens[i - 1].norm)}
                or t.norm[:1] == "و"
                and i - named_after <= 3
            ):
                named_after = i + 2  # "سد يوسف بن تاشفين", "شارع علال بن عبد الله والمختار …"
                continue
            if i and tokens[i - 1].norm[:1] in "بل" and tokens[i - 1].norm[1:] in TOPONYM_OPENERS:
                continue  # "منتجو الشمندر ببني موسى": a tribe's land, a place
            place = match_at(self.doc, i - 1) if i else None
            if place is not None and place[1] >= i:
                continue  # "اختيار بن أحمد محطة": a town's name
            end = i
            if end + 1 < len(tokens) and tokens[end + 1].norm in COMPOUND_SECONDS or given == "عبد":
                end += 1
            if end + 1 >= len(tokens) or tokens[end + 1].gap.strip():
                continue
            end += 1
            if tokens[end].norm in NAME_PARTICLES and end + 1 < len(tokens):
                end += 1
            surname = tokens[end].norm
            if (
                given in _AMBIGUOUS_GIVEN
                and surname.startswith("ال")
                and not (  # "سعيد الودغيري": a family name, not "جمال الطبيعي"
                    surname.endswith("ي") and len(surname) > 5 and surname not in _NISBA_ADJECTIVES
                )
                and self.title_before_name(i) is None
            ):
                continue  # "جمال الصناعة", unless a title names him ("عامل الإقليم جمال …")
            if given in _AMBIGUOUS_GIVEN and _SIXTH_STEM_NOUN.match(surname):
                continue  # "مشيدا بحسن تعامل المغرب": good handling
            if (
                given in _AMBIGUOUS_GIVEN
                and i
                and not t.gap.strip()  # ("متابعة…. كريمة بلغزال": a byline)
                and self.doc.text.endswith("ة", t.start, t.end)
                and self.doc.text.endswith("ة", tokens[i - 1].start, tokens[i - 1].end)
                and tokens[i - 1].norm not in _HONORIFIC
                and self.title_before_name(i) is None
            ):
                continue  # "تركيبة جيولوجية فريدة تختزن …": the adjective of a feminine noun
            if not self.name_ok(i, end):
                continue
            nxt = tokens[end + 1] if end + 1 < len(tokens) else None
            if (
                nxt is not None
                and not nxt.gap.strip()
                and nxt.norm.startswith("ال")
                and nxt.norm.endswith("ي")
                and nxt.norm == nxt.bare
                and self.name_ok(i, end + 1)
            ):
                end += 1  # a second family name: "محمد أمين العلوي الإسماعيلي"
            person = self.add(i, end)
            if (
                end + 1 < len(tokens)
                and not _hard(tokens[end + 1].gap)
                and not (tokens[end + 1].norm[:1] == "و" and self.opens_item(end + 1))
            ):
                stop = end + 1
                while (
                    stop + 1 < len(tokens)
                    and not _hard(tokens[stop + 1].gap)
                    and not tokens[stop + 1].gap.strip()
                    and not _given(tokens[stop + 1].norm)
                    and tokens[stop + 1].norm not in STOPWORDS
                ):
                    stop += 1
                position = self.position(end + 1, stop)
                if position:
                    person.positions.append(position)
            if not person.positions:
                before = self.title_before_name(i) or self.installed(end)
                if before is not None:
                    person.positions.append(before)

    def title_before_name(self, i: int) -> tuple[str | None, int | None] | None:
        """ "… عامل الإقليم جمال الشعراني", "ورئيس جهة الشرق محمد بوعرورو": a title written
        right before a name, in the same clause, with no comma between them."""
        if self.tokens[i].norm[:1] in "لب" and _given(self.tokens[i].norm) != self.tokens[i].norm:
            return None  # "… رئيسا للمكتب خلفا لنزهة العراقي": a name after a preposition
        if self.tokens[i].norm[:1] == "و" and self.tokens[i].norm[1:] in _HONORIFIC:
            return None  # "… NAME1 نائبا للرئيسة والسيد NAME2": the title was NAME1's
        k, title_at = i, None
        while k > 0 and i - k < 12 and not _hard(self.tokens[k].gap):
            k -= 1
            if k in self.taken and k not in self.org_at:
                if title_at is not None and self.tokens[title_at].norm[:1] != "و":
                    return None  # "NAME1 TITLE NAME2": the title follows NAME1
                break  # another person between the title and this name
            if self.tokens[k].norm in VERBS or self.tokens[k].bare in VERBS:
                break
            if self.tokens[k].norm in _WHEN or self.tokens[k].norm in _PREPOSITION_BREAKS:
                break  # "أشرف وزير الداخلية اليوم على تنصيب السيد NAME": another clause
            if self.title_word(k) and k not in self.org_at:
                title_at = k  # the first of the titles: "والي الجهة عامل عمالة وجدة"
                if self.tokens[k].norm[:1] == "و":
                    break  # "… ورئيس جهة الشرق NAME": this item of a list starts here
            elif (
                _given(self.tokens[k].norm)
                and k not in self.org_at  # "رئيس جامعة محمد الخامس بالرباط NAME"
                or self.tokens[k].norm[:1] == "و"
                and title_at
            ):
                break
        return None if title_at is None else self.position(title_at, i - 1)

    def byline(self) -> None:
        """The author's signature: a dateline "CITY: NAME" (or "بقلم: NAME", "تحرير من طرف
        NAME") or one of an outlet's fields ("OUTLET | NAME | DATE") among the first lines, a
        name alone under the headline or on a line after the body, initials and all
        ("ع. الناصري")."""
        offset = 0
        lines = self.doc.text.splitlines(keepends=True)
        filled = [n for n, line in enumerate(lines) if line.strip()]
        tail = set(filled[-2:])
        for number, line in enumerate(lines):
            start, offset = offset, offset + len(line)
            if number < 6 and "|" in line:
                at = start
                for field_ in line.split("|"):
                    self.signature(at, field_, header=True, alone=True)
                    at += len(field_) + 1
                continue
            if (number < 6 or number in tail) and self.signature(start, line, header=number < 6):
                continue
            words = _PLACE_AFTER.sub("", line).split()
            # A name alone on a line: a signature after the body, or one of the lines under
            # the headline (before the body's first sentence)
            in_body = start >= len(self.doc.text) // 3
            under_headline = number <= 5 and "." not in self.doc.text[:start].rstrip()[-1:]
            if not 2 <= len(words) <= 3 or number > 1 and not in_body and not under_headline:
                continue
            first = self.doc.first_token_from(self.doc.folded_offset(start))
            last = first + len(words) - 1
            if last >= len(self.tokens) or self.tokens[last].end > offset:
                continue
            if self.name_ok(first, last, given_needed=True):
                self.add(first, last, role="author").positions.append(("كاتب المقال", None))

    def signature(self, start: int, text: str, *, header: bool, alone: bool = False) -> bool:
        """Read an author from one line or field of the header, or from a closing line;
        `alone`: a field may be the bare name ("ياسين الزروالي | 16 يونيو 2025")."""
        m = _WRITTEN_BY.match(text) or _INITIALED.match(text)
        if m:
            first = self.doc.first_token_from(self.doc.folded_offset(start + m.start("name")))
            last = self.doc.first_token_from(self.doc.folded_offset(start + m.end("name"))) - 1
            if 1 <= last - first <= 3:
                self.add(first, last, role="author").positions.append(("كاتب المقال", None))
                return True
            return False
        dateline = _DATELINE.match(text)
        by = dateline is not None and normalize_arabic(dateline.group(1)) in _BYLINE_WORDS
        if dateline and (header or by):
            self.dateline(start, text, dateline)
            return True
        words = text.split()
        if alone and 2 <= len(words) <= 3:
            first = self.doc.first_token_from(
                self.doc.folded_offset(start + len(text) - len(text.lstrip()))
            )
            last = first + len(words) - 1
            if last < len(self.tokens) and self.name_ok(first, last, given_needed=True):
                self.add(first, last, role="author").positions.append(("كاتب المقال", None))
                return True
        return False

    def dateline(self, start: int, line: str, m: re.Match[str]) -> None:
        lead = self.doc.first_token_from(self.doc.folded_offset(start + m.start(1)))
        first = self.doc.first_token_from(self.doc.folded_offset(start + m.start(3)))
        last = self.doc.first_token_from(self.doc.folded_offset(start + m.end(3))) - 1
        is_place = match_at(self.doc, lead) is not None
        by = normalize_arabic(m.group(1)) in _BYLINE_WORDS
        dash = m.group(2) != ":"  # "أكادير – هسبريس" signs an outlet: a dash needs a given name
        # After an outlet's name ("الأخبار – NAME") only a given name tells a person.
        if (
            (is_place or by or dash)
            and 1 <= last - first <= 3
            and self.name_ok(first, last, given_needed=dash)
        ):
            self.add(first, last, role="author").positions.append(("كاتب المقال", None))


def find_people(
    doc: Doc, orgs: list[OrgMention]
) -> tuple[list[PersonMention], list[tuple[int, int]]]:
    """Person mentions in text order, and org mention pairs a board list shows are one body."""
    finder = _Finder(doc, orgs)
    finder.run()
    people = sorted(finder.people, key=lambda p: p.first)
    for person in people:
        # a position is a title, or a company alone ("- NAME (COMPANY)", "عن شركة X"): where
        # a board's member works; any other body alone says where, not what
        person.positions = [
            p
            for p in person.positions
            if p is not None
            and (p[0] or p[1] not in (None, BOARD) and orgs[p[1]].kind == "company")
        ]
    return people, finder.links


@dataclass(slots=True)
class Person:
    name: str
    aliases: list[str]
    positions: list[tuple[str | None, int | None]]
    mentions: list[PersonMention]
    role: str | None


def resolve_people(mentions: list[PersonMention]) -> list[Person]:
    """One person per name; a family name alone joins the single full name ending with it (or
    else holding it after the given name), and a name of two words or more the single fuller
    name it opens."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    for mention in sorted(mentions, key=lambda m: -(m.last - m.first)):
        key = normalize_arabic(mention.name)
        person = by_key.get(key)
        if person is None:
            fuller = [p for k, p in by_key.items() if k.endswith(" " + key)]
            if not fuller and " " not in key:  # "بناني" of "كريم بناني السميرس"
                fuller = [p for k, p in by_key.items() if key in k.split()[1:]]
            if not fuller and " " in key:  # "محمد لمين" cut before "ولد الزين"
                fuller = [p for k, p in by_key.items() if k.startswith(key + " ")]
            if len(fuller) == 1:
                person = fuller[0]
                if mention.name not in person.aliases:
                    person.aliases.append(mention.name)
        if person is None:
            person = Person(mention.name, [], [], [], mention.role)
            people.append(person)
            by_key[key] = person
        person.mentions.append(mention)
        person.aliases.extend(a for a in mention.aliases if a not in person.aliases)
        for position in mention.positions:
            if position not in person.positions:
                person.positions.append(position)
    people.sort(key=lambda p: min(m.first for m in p.mentions))
    return people
