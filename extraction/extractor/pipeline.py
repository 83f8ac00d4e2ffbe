"""From an article's text to the draft record editors review (DESIGN.md, "Extraction record").

Every event, organisation, person and agreement carries `span`: the [start, end] offsets
in the given text of the sentence that supports it, so an editor can check it at a glance.
"""

import re
from datetime import date
from itertools import islice
from typing import Protocol

from core.arabic import normalize_arabic

from .agreements import _SIGNED, AgreementMention, find_agreements, reports_signing
from .dates import FUTURE_VERB, DateMention, duration, event_span, find_dates, lasting
from .events import OPENING, EventMention, find_editions, find_events, role_cue, sectors
from .french import FrenchReader
from .french.mixed import merge_latin_passages
from .organizations import Organization, find_mentions, head_of, resolve
from .people import BOARD, Person, find_people, resolve_people, title_parts
from .places import find_places, hosting
from .records import another_edition
from .text import QUOTES, Doc, clean

_DATELINE = re.compile(
    r"^[\s♦•*]*(?P<outlet>[^\n]{2,40}?)\s+[ـ—–-]+\s*(?:من\s+)?(?P<city>[^\n]{2,30})$"
)
_ARABIC = re.compile("[\u0600-\u06ff]")
_LATIN = re.compile("[A-Za-z]")
_AGENCY = re.compile(r"\(?\s*(و\s?م\s?ع|ومع)\s*\)?$")
_HOST = {"احتضن", "احتضنت", "يحتضن", "تحتضن", "ستحتضن", "سيحتضن", "استقبل", "استقبلت",
         "يستقبل", "تستقبل", "ضيافه"}  # fmt: skip
_SIGNING = {"وقع", "وقعت", "يوقع", "توقع", "وقعها"}
# Words before the body whose seat hosts ("بمقر …"); a hosting verb does too ("ورشة
# احتضنتها كلية … بسطات").
_SEAT = {"بمقر", "مقر", "داخل", "بقاعه", "بمقرات"}
_HALLS = {"بقاعه", "بمدرج", "بفضاء", "بقصر", "بمركز"}  # "بقاعة الندوات التابعة للمدرسة …"
_BRIDGE = {"من", "مع", "طرف", "الساميه", "الفعليه", "ممثلين", "ممثلي", "عن", "كل", "ايضا"}
_ROLE_ORDER = ("organizer", "host", "partner", "patron", "participant")


_NONBLANK = re.compile(r"\S+")
_WORD = re.compile(r"[a-zàâçéèêëîïôûùüÿœ']+")
# Words that are frequent in one of these languages and rare in the others.
_FUNCTION_WORDS = {
    "fr": {"le", "la", "les", "des", "du", "et", "une", "est", "dans", "pour", "sur", "au", "aux",
           "qui", "par", "avec", "été", "ont", "ce", "cette", "d'", "l'", "à", "sont"},
    "en": {"the", "and", "of", "to", "is", "was", "with", "for", "that", "by", "on", "are", "has",
           "have", "this", "from", "which", "were"},
    "es": {"el", "los", "las", "del", "y", "en", "con", "por", "para", "que", "una", "es", "fue",
           "se", "al", "como", "su", "sus"},
}  # fmt: skip


def detect_language(text: str) -> str | None:
    """ "ar", "fr", another two-letter guess ("en", "es"), or None for a text without words.

    Arabic wins at 30% of the letters: French articles quote no Arabic, while Arabic ones
    often carry Latin-script lists. Latin text is told apart by its function words.
    """
    # the first words, however much blank (tags blanked by clean) comes before them
    sample = " ".join(m.group() for m in islice(_NONBLANK.finditer(text), 800))[:5000]
    arabic = len(_ARABIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if arabic + latin == 0:
        return None
    if arabic >= 0.3 * (arabic + latin):
        return "ar"
    words = [w for w in _WORD.findall(sample.lower().replace("’", "'"))]
    elided = sum(1 for w in words if w[:2] in ("l'", "d'"))
    counts = {
        lang: sum(1 for w in words if w in vocabulary)
        for lang, vocabulary in _FUNCTION_WORDS.items()
    }
    counts["fr"] += elided
    best = max(counts, key=lambda lang: counts[lang])
    return best if counts[best] >= 2 else None


def _outlet(text: str) -> str | None:
    """The outlet from a dateline ("هبة بريس ـ الدار البيضاء") or a MAP signature."""
    lines = [line.strip() for line in text.splitlines()]
    for line in lines[:8]:
        m = _DATELINE.match(line) if len(line) <= 80 else None  # a dateline is short
        if m and len(m.group("outlet").split()) <= 5:
            return m.group("outlet").strip()
    m = next((m for line in lines if len(line) <= 20 and (m := _AGENCY.match(line))), None)
    return " ".join(m.group(1).replace(" ", "")) if m else None


class _Article:
    def __init__(self, doc: Doc, published_on: date | None) -> None:
        self.doc = doc
        self.mentions, links = find_mentions(doc)
        person_mentions, board_links = find_people(doc, self.mentions)
        self.orgs, self.org_of = resolve(self.mentions, links + board_links)
        self.people = resolve_people(person_mentions)
        self.places = find_places(doc)
        # A dateline's day is the publication's, not the event's: read only when the
        # publication date is not given, to resolve the text's relative days.
        dated = find_dates(doc, published_on)
        issued = next((d.start for d in dated if d.dateline), None)
        if published_on is None and issued is not None:
            dated = find_dates(doc, issued)
        self.dates = [d for d in dated if not d.dateline]
        self.events = find_events(doc)
        self.agreements = find_agreements(doc)
        self.starts = {m.first: k for k, m in enumerate(self.mentions)}
        self.person_starts = {m.first: p for p in self.people for m in p.mentions}
        inside = {t for m in self.mentions if not m.bare for t in range(m.first, m.last + 1)}
        self.free_places = [p for p in self.places if p.first not in inside and p.locative]
        self.board: int | None = None  # the body whose board a member list gives
        self.assembly = False  # the main event is a general assembly (of self.board)

    # -- shared helpers ----------------------------------------------------------------

    def sentence(self, token: int) -> int:
        return self.doc.sentence_of(self.doc.tokens[token].nstart)

    def in_headline(self, index: int) -> bool:
        """Sentence `index` is on the article's first line, and a body follows that line."""
        end = self.doc.sentences[index][1]
        return "\n" not in self.doc.norm[:end] and "\n" in self.doc.norm[end:].rstrip()

    def span(self, token: int) -> list[int]:
        return self.doc.sentence_span(self.sentence(token))

    def in_sentence(self, events: list[EventMention], index: int) -> list[EventMention]:
        return [e for e in events if self.sentence(e.first) == index]

    def _date_sentence(self, d: DateMention) -> int:
        return self.doc.sentence_of(d.nstart)

    def coordinated(self, k: int) -> list[int]:
        """Organisations listed from token k on: "X، وY، وكذا Z" (entity indexes)."""
        found: list[int] = []
        tokens = self.doc.tokens
        bridged = False
        while k < len(tokens):
            if tokens[k].norm in ("وكذا", "كذا", "وكذلك", "كل"):
                k, bridged = k + 1, True
                continue
            mention = self.starts.get(k)
            if mention is None or mention not in self.org_of:
                person = self.person_starts.get(k)
                if person is not None and not found:
                    orgs = [o for _t, o in person.positions if o is not None and o != BOARD]
                    if orgs and orgs[0] in self.org_of:
                        found.append(self.org_of[orgs[0]])
                break
            if found and not (
                bridged or tokens[k].norm.startswith("و") or tokens[k].gap.strip() in ("،", ",")
            ):
                break
            bridged = False
            found.append(self.org_of[mention])
            k = self.mentions[mention].last + 1
            for _ in range(2):  # "… المغرب بالجهة، وكذا …": a locative tail between items
                if k < len(tokens) and tokens[k].norm[:1] == "ب" and not tokens[k].gap.strip():
                    k += 1
        return found

    def roles(self) -> dict[int, str]:
        """Entity → role in the main event, from the words that introduce organisations."""
        roles: dict[int, str] = {}
        tokens = self.doc.tokens
        for i in range(len(tokens)):
            role = role_cue(self.doc, i)
            if role is None:
                continue
            k = i + 1
            while k < len(tokens) and tokens[k].bare in _BRIDGE:
                k += 1
            # "يُنظم هذا الموعد من طرف …", "احتضن مقر ولاية …": a short object first
            if any("\n" in tokens[x].gap for x in range(i + 1, min(k + 1, len(tokens)))):
                continue  # a headline's last word introduces nothing on the next line
            for ahead in range(k, min(k + 6, len(tokens))):
                if ahead in self.starts or tokens[ahead].gap.strip(" " + QUOTES):
                    k = ahead if ahead in self.starts and "\n" not in tokens[ahead].gap else k
                    break
            for org in self.coordinated(k):
                roles.setdefault(org, role)
        return roles

    # -- events ------------------------------------------------------------------------

    def main_event(self) -> EventMention | None:
        candidates = [e for e in self.events if not e.anaphoric and not e.context]
        if not candidates:
            return None
        for n, d in enumerate(self.dates):
            index = self._date_sentence(d)
            here = self.in_sentence(candidates, index)
            if here:
                # a named event over a bare head, a specific kind or a plant's opening over a
                # meeting ("لقاء")
                return max(here, key=lambda e: (e.named, e.kind != "other" or _opening(e)))
            if not n and self._reports_signing(index):
                return None  # "وقعت … أمس … اتفاقية شراكة": the article reports a signing
        named = [e for e in candidates if e.named]
        return (named or candidates)[0]

    def _reports_signing(self, index: int) -> bool:
        """Sentence `index` reports a signing: of its own agreement, or of agreements the
        next sentences detail ("جرى أمس … التوقيع على ثلاث اتفاقيات …")."""
        specific = [a for a in self.agreements if a.kind != "other"]
        return any(a.sentence == index for a in specific) or (
            any(a.sentence > index for a in specific) and reports_signing(self.doc, index)
        )

    def signing(self) -> EventMention | None:
        """An article that only reports a signature is about that signing."""
        signed = [a for a in self.agreements if a.kind != "other" or a.signed]
        if not signed:
            return None
        a = signed[0]
        return EventMention(
            kind="signing",
            first=a.first,
            last=a.last,
            title=f"توقيع {a.title}",
            edition=None,
            context=False,
            anaphoric=False,
            named=True,
        )

    def event_sentence(self, event: EventMention) -> int:
        if event.kind == "signing" and self.agreements:
            # the dated sentence that reports the signing ("ترأس … يوم … حفل توقيع ثلاث
            # اتفاقيات"), before the one that details the first agreement
            dated = {self._date_sentence(d) for d in self.dates}
            first = self.agreements[0].sentence
            for index in sorted(dated):
                if index < first and _SIGNED.search(self.doc.norm, *self.doc.sentences[index]):
                    return index
            return first
        return self.sentence(event.first)

    def date_near(self, index: int, reach: int = 2) -> tuple[date | None, date | None]:
        if reach and self.doc.sentences and self.in_headline(index):
            reach += 2  # an event the headline names: its day is in the lead, past the header
        for d in self.dates:
            where = self._date_sentence(d)
            if index <= where <= index + reach:
                start, end = event_span(self.dates, d)
                days = next(
                    (n for k in dict.fromkeys((where, index))
                     if (n := duration(self.doc.norm[slice(*self.doc.sentences[k])]))),
                    None,
                )  # fmt: skip
                return lasting(start, end, d.cue, days)
        return None, None

    def place_near(self, index: int) -> tuple[str | None, str | None]:
        cities = [p for p in self.free_places if p.place.kind == "city"]
        regions = [p for p in self.places if p.place.kind == "region"]
        seat = next(
            (m for m in self.mentions if m.city and not m.bare and m.first
             and self._seat(m.first) and self.sentence(m.first) == index),
            None,
        )  # fmt: skip
        if seat is not None and not any(self.sentence(p.first) == index for p in cities):
            return seat.city, seat.region  # "… بمقر عمالة إقليم تيزنيت": where it was held
        headed = {p.place for p in self.places if p.heading and p.place.kind == "city"}
        for p in self.places:
            if p.place in headed and self.sentence(p.first) == index:
                # "الفنيدق – …" over the dateline, "عقدت جمعية … بالفنيدق … بالمضيق": the
                # town the story is signed from, when the event's sentence names it too
                return p.place.name, p.place.region
        named = [
            p for p in cities
            if self.sentence(p.first) == index and p.first
            and self.doc.tokens[p.first - 1].norm in ("بمدينه", "مدينه", "وبمدينه")
        ]  # fmt: skip
        for pool in (
            named,  # "… بالحسيمة، أمس الخميس بمدينة إمزورن": the town the text calls one
            [p for p in cities if self.sentence(p.first) == index],
            [p for p in cities if index < self.sentence(p.first) <= index + 2],
            cities,
            # "منتدى الصويرة للاستثمار …" in the headline, no "بـ" before the town anywhere
            [
                p
                for p in self.places
                if p.place.kind == "city" and self.in_headline(self.sentence(p.first))
            ],  # fmt: skip
        ):
            if pool:
                return pool[0].place.name, pool[0].place.region
        for pool in ([p for p in regions if self.sentence(p.first) == index], regions):
            if pool:
                return None, pool[0].place.region
        return None, None

    def _seat(self, k: int) -> bool:
        """The body named from token k is where the event was held: "بمقر الغرفة", "بقاعة
        الندوات التابعة للمدرسة العليا … بخنيفرة"."""
        before = [t.norm for t in self.doc.tokens[max(k - 4, 0) : k]]
        return (
            before[-1] in _SEAT
            or hosting(before[-1])
            or before[-1] in ("التابعه", "التابع")
            and bool(_HALLS.intersection(before))
        )

    def build_events(self, main: EventMention | None) -> tuple[list[dict], dict[int, str]]:
        if main is None:
            return [], {}
        index = self.event_sentence(main)
        same = [e for e in self.events if e.kind == main.kind and not e.context]
        title = main.title if main.named else next((e.title for e in same if e.named), main.title)
        if main.kind == "signing" and self.agreements:
            title = f"توقيع {self.agreements[0].title}"
        opening = self.doc.first_token_from(self.doc.sentences[self.sentence(main.first)][0])
        if main.kind == "delegation" and any(
            t.norm in _HOST for t in self.doc.tokens[opening : main.first]
        ):
            title = f"استقبال {title}"
        roles = self.roles()
        if main.kind == "signing":  # the signatories are the partners of a signing
            roles.update({o: "partner" for a in self.agreements for o in self.parties(a)})
        if main.kind == "general-assembly":
            # "الجمع العام التأسيسي لـ X": the body named right after is the assembly's own;
            # else the last one named before it ("عقدت الغرفة … جمعها العام").
            after = [m for m in self.mentions if not m.bare and
                     main.first < m.first <= main.last + 2 and self._genitive(m.first)]  # fmt: skip
            before = [m for m in self.mentions if not m.bare and m.last < main.first and
                      main.first - m.last <= 40 and m.kind != "media"]  # fmt: skip
            if after or before:
                body = after[0] if after else before[-1]
                organizer = self.org_of[self.mentions.index(body)]
                roles[organizer] = "organizer"
                title = re.sub(r"\s+لـ?$", "", title)  # "… التأسيسي لـ" before a quoted name
                if len(title.split()) <= 3:  # "الجمع العام التأسيسي" names no body yet
                    name = self.orgs[organizer].name
                    title = f"{title} ل{name[1:] if name.startswith('ال') else name}"
        self.board = next((o for o, r in roles.items() if r == "organizer"), None)
        self.assembly = main.kind == "general-assembly"
        start, end = self.date_near(index)
        city, region = self.place_near(index)
        people = [self.event_person(p) for p in self.people if p.role is None]
        for person in self.people:
            for _title, org in person.positions:
                if org is not None and org != BOARD and person.role is None:
                    roles.setdefault(self.org_of.get(org, -1), "participant")
        roles.pop(-1, None)
        for o, org in enumerate(self.orgs):  # companies the article names take part in it
            if org.kind == "company":
                roles.setdefault(o, "participant")
        focus = (self.doc.first_token_from(self.doc.sentences[index][0]),
                 self.doc.first_token_from(self.doc.sentences[index][1]))  # fmt: skip
        record = {
            "title": title,
            "kind": main.kind,
            "edition": main.edition or next((e.edition for e in same if e.edition), None),
            "start_date": _iso(start),
            "end_date": _iso(end),
            "city": city,
            "region": region,
            "sectors": sectors(self.doc, focus),
            "organizations": [
                {"name": self.orgs[o].name, "role": r}
                for o, r in sorted(roles.items(), key=lambda item: _ROLE_ORDER.index(item[1]))
            ],
            "people": people,
            "span": self.doc.sentence_span(index),
        }
        others = self.other_events(main, index, record)
        return [record, *self.other_editions(main, index, record), *others], roles

    def other_editions(self, main: EventMention, index: int, record: dict) -> list[dict]:
        """Earlier editions of the main event that the article places ("الدورة الثانية، التي
        احتضنتها مدينة خريبكة"). One recalled without a place ("المنظمة في أكتوبر 2024") is
        background, and one still to come ("ستحتضن الداخلة النسخة الثالثة") only a plan."""
        if record["edition"] is None:
            return []
        events, seen = [], {record["edition"]}
        heads = {e.first: e for e in self.events}
        for number, k in find_editions(self.doc):
            here = self.sentence(k)
            if number in seen or here == index:
                continue
            following = next((heads[j] for j in range(k + 1, k + 6) if j in heads), None)
            if following is not None and (following.kind != main.kind or following.named):
                continue  # "الدورة 18 للمعرض الدولي للفلاحة": another event's edition
            cities = [p for p in self.free_places if p.place.kind == "city" and p.first > k and
                      self.sentence(p.first) == here]  # fmt: skip
            sentence = range(*(self.doc.first_token_from(n) for n in self.doc.sentences[here]))
            if not cities or any(_to_come(self.doc.tokens[j].norm) for j in sentence):
                continue
            seen.add(number)
            span = self.doc.sentence_span(here)
            events.append(another_edition(record, number, cities[0].place, span))
        return events

    def other_events(self, main: EventMention, index: int, record: dict) -> list[dict]:
        """Events of another kind the article names in their own right: with an edition, a
        date of their own, or as the setting of the main one ("على هامش المؤتمر")."""
        events = []
        seen = {main.kind}
        for other in self.events:
            if other.kind in seen or other.anaphoric or not other.named:
                continue
            here = self.sentence(other.first)
            dated = any(
                self._date_sentence(d) == here != index
                and not self._planned(here, self.doc.first_token_from(d.nstart))
                for d in self.dates
            )  # "… على أن يقوم الوفد، يوم الثلاثاء، بزيارة": the plan's day, not the event's
            if (
                other.edition is None
                and not other.context
                and (not dated or self._planned(here, other.first))
            ):
                continue
            seen.add(other.kind)
            # a delegation's meeting in another town: another stop of its visit
            stop = main.kind == "delegation" and other.kind == "other"
            start, end = self.date_near(here, 0) if here != index else (None, None)
            city, region = self.place_near(here)
            head = normalize_arabic(other.title).split()[0].removeprefix("ال")
            events.append({
                "title": other.title,
                "kind": "delegation" if stop else other.kind,
                "edition": other.edition,
                "start_date": _iso(start),
                "end_date": _iso(end),
                "city": city,
                "region": region,
                "sectors": record["sectors"],
                "organizations": [],
                # people whose title names this event ("نائب رئيس اللجنة المنظمة للمؤتمر")
                "people": [p for p in record["people"]
                           if p["title"] and head in normalize_arabic(p["title"])],
                "span": self.doc.sentence_span(here),
            })  # fmt: skip
        return events

    def _planned(self, index: int, k: int) -> bool:
        """Token k of sentence `index` is told as what is to come ("على أن يتوجه الوفد اليوم
        إلى وجدة للقاء …", "ويتضمن برنامج الزيارة … لقاء …"): part of the plan."""
        first = self.doc.first_token_from(self.doc.sentences[index][0])
        words = [t.norm.removeprefix("و") for t in self.doc.tokens[first:k]]
        pairs = zip(words, words[1:], strict=False)
        return any(map(_to_come, words)) or any(p in _PLAN_PAIRS for p in pairs)

    def event_person(self, person: Person) -> dict:
        board = [(t, o) for t, o in person.positions if o == BOARD]
        title, org = (board or person.positions or [(None, None)])[0]
        return {"name": person.name, "title": title, "organization": self.org_name(org)}

    def _body_in_title(self, title: str) -> dict:
        """ "رئيس غرفة التجارة … لجهة الشرق" as one title: the office, and the body it names."""
        for org in self.orgs:
            at = title.find(org.name)
            office = title[:at]
            if not office.endswith(" "):
                office = office.removesuffix("ل")  # "مدير لغرفة …": the clitic, not "عامل "
            office = office.rstrip().removesuffix("لـ").strip()
            if at > 0 and office and title[at + len(org.name) :].strip(" .،") == "":
                return {"title": office, "organization": org.name}
        return {"title": title, "organization": None}

    def _genitive(self, k: int) -> bool:
        """Token k opens with the preposition لـ ("لغرفة", "لـ"الجمعية…"")."""
        token = self.doc.tokens[k]
        head = head_of(token.norm)
        return (
            token.norm[:1] == "ل"
            and (token.norm != token.bare or head is not None and head[:1] != "ل")
            or (k > 0 and self.doc.tokens[k - 1].norm in ("ل", "لـ"))
        )  # ("لقطب": the clitic before an indefinite head)

    def org_name(self, mention: int | None) -> str | None:
        if mention == BOARD:
            return None if self.board is None else self.orgs[self.board].name
        if mention is None or mention not in self.org_of:
            return None
        return self.orgs[self.org_of[mention]].name

    # -- records -----------------------------------------------------------------------

    def parties(self, a: AgreementMention) -> list[int]:
        """The bodies that signed: after the verb before the agreement, or after "بين"."""
        s_start, s_end = self.doc.sentences[a.sentence]
        first = self.doc.first_token_from(s_start)
        for i in range(first, a.first):
            if set(self.doc.tokens[i].variants()) & _SIGNING:
                return self.coordinated(i + 1)
        for i in range(a.last + 1, self.doc.first_token_from(s_end)):
            if self.doc.tokens[i].norm == "بين":
                return self.coordinated(i + 1)
        return []

    def agreement(self, a: AgreementMention) -> dict:
        parties = self.parties(a)
        signed = next((d.start for d in self.dates if self._date_sentence(d) == a.sentence),
                      None) if a.kind != "other" else None  # fmt: skip
        cities = [p for p in self.free_places if p.place.kind == "city" and
                  self.sentence(p.first) == a.sentence]  # fmt: skip
        return {
            "title": a.title,
            "kind": a.kind,
            "signed_on": _iso(signed),
            "city": cities[0].place.name if cities and a.kind != "other" else None,
            "parties": [self.orgs[o].name for o in dict.fromkeys(parties)],
            "amount_mad": a.amount_mad,
            "period_start": a.period[0] if a.period else None,
            "period_end": a.period[1] if a.period else None,
            "span": self.doc.sentence_span(a.sentence),
        }

    def organization(self, org: Organization) -> dict:
        return {
            "name": org.name,
            "aliases": org.aliases,
            "acronym": org.acronym,
            "kind": org.kind,
            "city": org.city,
            "region": org.region,
            "span": self.span(org.first),
        }

    def person(self, person: Person) -> dict:
        positions, seen = [], set()
        for title, org in (p for t, o in person.positions for p in title_parts(t, o)):
            # "انتخب X رئيسا للجنة الصناعة التقليدية الفنية": the chair of a board's committee
            title = title and _OF_COMMITTEE.sub(r"\1 لجنة", title)
            entry = {"title": title, "organization": self.org_name(org)}
            if title and entry["organization"] is None:
                entry = self._body_in_title(title)
            if (
                entry["organization"] is None
                and self.assembly
                and person.role is None
                and _board_office(title)
            ):
                entry["organization"] = self.org_name(BOARD)  # "… نائبة ثانية للرئيس"
            same = (_title_key(entry["title"]), entry["organization"])
            if same not in seen and (entry["title"] or entry["organization"]):
                seen.add(same)
                positions.append(entry)
        words = [(set(_title_key(p["title"]).split()), p["organization"]) for p in positions]
        positions = [
            p for p, (mine, org) in zip(positions, words, strict=True)
            if not any(org == other_org and mine < other for other, other_org in words)
        ]  # "مدير" and "المدير الجهوي" of one body: the fuller title  # fmt: skip
        return {
            "name": person.name,
            "aliases": person.aliases,
            "positions": positions,
            "span": self.span(min(m.first for m in person.mentions)),
        }


_FUTURE = {"المقبل", "المقبله", "القادم", "القادمه", "يرتقب", "مرتقب", "المرتقب", "المرتقبه"}


def _to_come(word: str) -> bool:
    """ "ستحتضن", "سيتم", "المقبلة": a future verb or a word for what is to come."""
    return word in _FUTURE or bool(FUTURE_VERB.fullmatch(word))


_OF_COMMITTEE = re.compile(r"^(رئيس|رئيسة|نائب رئيس|مقرر)\s+للجنة")
_PLAN_PAIRS = {("علي", "ان"), ("برنامج", "الزياره")}  # "على أن …", "برنامج الزيارة"
_OFFICES = {"رئيس", "رئيسه", "نائب", "نائبه", "كاتب", "كاتبه", "امين", "امينه", "مستشار",
            "مستشاره", "عضو", "مقرر", "مقرره"}  # fmt: skip


def _board_office(title: str | None) -> bool:
    """An office on a body's board, written alone ("الرئيس", "النائب الأول للرئيس"), or the
    chair of one of its committees ("رئيس لجنة الشؤون المالية")."""
    words = _title_key(title).split()
    return bool(words) and words[0] in _OFFICES and (len(words) <= 4 or words[1] == "لجنه")


def _opening(event: EventMention) -> bool:
    """ "تدشين مصنع …": the opening of a plant, the story even when a deal is signed there."""
    return normalize_arabic(event.title.split()[0]) in OPENING if event.title else False


def _title_key(title: str | None) -> str:
    """A title folded without articles, so "الرئيس" and "رئيس" count once."""
    return " ".join(w.removeprefix("ال") for w in normalize_arabic(title or "").split())


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return " ".join(line.split())
    return None


class Reader(Protocol):
    """Reads articles of one language into the record's events, organisations, people and
    agreements. The seam where a statistical or neural reader can replace a rule-based one."""

    language: str

    def read(self, text: str, published_on: date | None, *, outlet: str | None = None) -> dict:
        """{"events", "organizations", "people", "agreements"} of the extraction record."""
        ...


class ArabicReader:
    """The rule-based Arabic reader, with the Latin-script passages (lists of a board's
    members and their companies) read by the French reader and merged in."""

    language = "ar"

    def read(self, text: str, published_on: date | None, *, outlet: str | None = None) -> dict:
        doc = Doc(text)
        article = _Article(doc, published_on)
        events, roles = article.build_events(article.main_event() or article.signing())
        outlet_key = normalize_arabic(outlet or _outlet(doc.text) or "")
        people = [article.person(p) for p in article.people]
        held = {position["organization"] for p in people for position in p["positions"]}
        # The outlet, and the press cited as a source ("حسب وكالة المغرب العربي للأنباء"),
        # are not actors: kept only with a role in the event or a person's position.
        dropped = {
            o for o, org in enumerate(article.orgs)
            if o not in roles and org.name not in held and (org.kind == "media" or outlet_key
            and outlet_key in {normalize_arabic(n) for n in (org.name, *org.aliases)})
        }  # fmt: skip
        record = {
            "events": events,
            "organizations": [
                article.organization(org) for o, org in enumerate(article.orgs) if o not in dropped
            ],
            "people": people,
            "agreements": [article.agreement(a) for a in article.agreements],
        }
        merge_latin_passages(record, doc.text, published_on)
        _drop_people_named_as_bodies(record)
        _offices_at_their_body(record)
        _representatives(record)
        return record


def _drop_people_named_as_bodies(record: dict) -> None:
    """A name the record holds as an organisation ("(Berrechid Métal)" in a list of a
    board's members) is not also a person's."""
    bodies = {
        normalize_arabic(n) for o in record["organizations"] for n in (o["name"], *o["aliases"])
    }
    people = [p for p in record["people"] if normalize_arabic(p["name"]) not in bodies]
    if len(people) < len(record["people"]):
        kept = {p["name"] for p in people}
        record["people"] = people
        for event in record["events"]:
            event["people"] = [p for p in event["people"] if p["name"] in kept]


_OFFICE = re.compile(r"(?:^|\s)(?:ال)?(?P<word>والي|عامله|عامل)\s+(?P<territory>.+?)(?=\s+عامل|$)")
# "المدير الجهوي للصناعة …" heads "المديرية الجهوية للصناعة …"
_DIRECTOR = re.compile(
    r"^(?:ال)?مدير(?:ه)?\s+(?:ال)?(?P<level>جهوي|اقليمي)ه?\s+(?P<rest>.+?)(?:\s+بالنيابه)?$"
)


def _offices_at_their_body(record: dict) -> None:
    """An office named after its body is held there when the article names that body too:
    "والي جهة الشرق" at "ولاية جهة الشرق", "عامل إقليم تيزنيت" at "عمالة إقليم تيزنيت",
    "المدير الجهوي للصناعة والتجارة" at "المديرية الجهوية للصناعة والتجارة"."""

    def folded(name: str) -> str:
        return " ".join(normalize_arabic(re.sub("[-–—]", " ", name)).split())

    bodies = {
        folded(n): o["name"] for o in record["organizations"] for n in (o["name"], *o["aliases"])
    }
    prefectures = {name for key, name in bodies.items() if key.startswith("عماله")}
    wilayas = {name for key, name in bodies.items() if key.startswith("ولايه")}

    def body(title: str) -> str | None:
        title = folded(title).removesuffix(" السيد").removesuffix(" السيده")
        if title in ("العامل", "العامله", "الوالي"):  # the one the article names
            named = wilayas if title == "الوالي" else prefectures
            return next(iter(named)) if len(named) == 1 else None
        director = _DIRECTOR.match(title)
        if director:  # the directorate, written with or without its region after it
            named = f"المديريه ال{director['level']}ه {director['rest']}"
            heads = [k for k in bodies if named == k or named.startswith(k + " ")]
            return bodies[max(heads, key=len)] if heads else None
        for office in _OFFICE.finditer(title):
            territory = office["territory"]
            if office["word"] == "والي":
                found = bodies.get(f"ولايه {territory}")
            elif territory in ("الاقليم", "العماله"):
                found = next(iter(prefectures)) if len(prefectures) == 1 else None
            else:
                found = bodies.get(
                    territory if territory.startswith("عماله") else f"عماله {territory}"
                )
            if found:
                return found
        return None

    for position in (
        *(p for person in record["people"] for p in person["positions"]),
        *(person for event in record["events"] for person in event["people"]),
    ):
        if position["organization"] is None and position["title"]:
            position["organization"] = body(position["title"])


READERS: dict[str, Reader] = {"ar": ArabicReader(), "fr": FrenchReader()}


def extract_article(
    text: str,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published_on: date | None = None,
) -> dict:
    """The draft record of one article; empty lists where the text gives nothing (no text,
    or a language no reader reads)."""
    text = text if isinstance(text, str) else ""
    cleaned = clean(text)
    language = detect_language(cleaned)
    record: dict = {
        "source": {
            "title": title if title is not None else _first_line(cleaned),
            "outlet": outlet or _outlet(cleaned),
            "published_on": _iso(published_on),
            "language": language,
        },
        "events": [],
        "organizations": [],
        "people": [],
        "agreements": [],
    }
    reader = READERS.get(language or "")
    if reader is not None:
        record.update(reader.read(text, published_on, outlet=record["source"]["outlet"]))
    return record


_REPRESENTATIVE = {"ممثل", "ممثله"}


def _representatives(record: dict) -> None:
    """ "المدير الجهوي …، NAME، ممثلا لوزارة …", "ممثل الوكالة …، NAME، مدير تطوير المشاريع":
    a representative holds his own office at the body he stands for; one position."""
    for person in record["people"]:
        positions = person["positions"]
        standing = [
            p for p in positions
            if p["organization"] and normalize_arabic(p["title"] or "") in _REPRESENTATIVE
        ]  # fmt: skip
        if len(standing) != 1:
            continue
        (stand,) = standing
        unattached = [p for p in positions if p["organization"] is None and p["title"]]
        if len(unattached) == 1:
            unattached[0]["organization"] = stand["organization"]
            held = unattached[0]
        else:
            same_body = (
                p
                for p in positions
                if p is not stand and p["organization"] == stand["organization"]
            )
            held = next(same_body, None)
            if held is None:
                continue
        positions.remove(stand)
        for event in record["events"]:
            for entry in event["people"]:
                if entry["name"] == person["name"] and entry["title"] in (
                    stand["title"],
                    held["title"],
                ):
                    entry["title"], entry["organization"] = held["title"], held["organization"]
