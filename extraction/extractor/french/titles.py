"""People and their positions: "M. X, directeur général de Y", "le président de la CCIS, X",
"Mme X, présidente du directoire de Y", board lists ("- X, gérante de Y : trésorière ;")."""

import re
from dataclasses import dataclass, field

from .organizations import WORKS
from .places import is_place_name
from .text import fold

_TITLE_WORDS = (
    r"(?:(?:premier|première|deuxième|second|seconde|troisième|nouveau|nouvelle|ancien|ancienne"
    r"|1er|1re|2e|2ème|3e|3ème)\s+)?"
    r"(?:vice-présidente?|présidente?(?:-directeur|-directrice)?|pdg|p-dg|dg|directeur|directrice"
    r"|gérante?|secrétaire|trésorière?|trésorier|rapporteur|rapporteuse|doyen(?:ne)?|chercheuse|chercheur"
    r"|enseignante?(?:-chercheu(?:r|se))?"
    r"|co-?fondat(?:eur|rice)|fondat(?:eur|rice)|administrat(?:eur|rice)|ministre|wali|gouverneur"
    r"|consule?|ambassad(?:eur|rice)|chef(?:fe)?|responsable|déléguée?|conseill(?:er|ère)"
    r"|coordinat(?:eur|rice)|commissaire|recteur|rectrice|maire|ceo|directeur|managing\s+director"
    r"|country\s+manager|manager|ingénieure?|professeure?|experte?|membre|patron(?:ne)?"
    r"|porte-parole|chargée?\s+de\s+mission|présidente?|roi|reine|prince|princesse"
    r"|inspect(?:eur|rice)|assesseure?|drh|daf|dsi|cfo|coo|cto"
    r"|associée?\s+(?:gérante?|fondat(?:eur|rice)|directe(?:ur|rice))"
    r"|représentante?(?=(?:\s+(?:régionale?|permanente?|locale?|résidente?))?\s+(?:de|du|des|d')\b))"
)
TITLE = re.compile(rf"(?<![\w-]){_TITLE_WORDS}(?![\w-])", re.I)
_PHRASE_END = re.compile(
    r"[,;:.!?()«»\"\n]|\s(?:a|ont|qui|dont|lors|sera|est|avait|était|s'est|en\s+présence|"
    r"ainsi|et\s+(?:M\.|Mme|par|le|la|les|l'|de\s+(?:M|Mme)|son|sa|ses)|pour\s+sa|au\s+cours"
    r"|et(?=(?-i:\s+[A-ZÀ-Þ][a-zà-ÿ'-]+\s+[A-ZÀ-Þ][a-zà-ÿ'-]+)))\s",  # "… et Nabila Regras"
    re.I,
)
_CONNECTOR = re.compile(
    r"(?:\s+(?:de|du|des|chez|auprès\s+de|au\s+sein\s+de|à|au|pour)\s*(?:la\s+|l'|le\s+|l’)?|\s+d'"
    r"|\s+de\s+l')\s*$",
    re.I,
)
_HONORIFIC = re.compile(
    r"^(?:M\.|MM\.|Mme|Mmes|Mlle|Dr\.?|Pr\.?|Me|Monsieur|Madame|Mademoiselle|Docteur|Professeur"
    r"|Président|Présidente)\s+"
)
_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][\w'’-]+|El|Ben|Ibn|Aït|Ait|Ould|Ment|Id|Oulad|Bel|Abou|Al|de|Da|Di|Del"
    r"|Van|von)(?![\w'’-])"  # a whole word: "M. Benchekroun devant", not "… de"
)
_HONORIFIC_NAME = re.compile(
    rf"\b(?:M\.|Mme|Mlle|Dr\.?|Pr\.?)\s+(?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+{_NAME_WORD}){{0,3}})"
)
# Between a name and the title that follows it: ", " or ", 46 ans, est", "a été élu".
_AFTER_NAME = re.compile(
    r"\s*(?:,\s*(?:\d{2}\s+ans\s*,\s*(?:est\s+)?|(?:ré)?élue?\s+|nommée?\s+|désignée?\s+)?"
    r"|\s+(?:est|était|devient|sera)\s+|\s+a\s+été\s+"
    r"(?:élue?|nommée?|désignée?|reconduite?|réélue?)\s+(?:au\s+poste\s+de\s+)?)"
    r"(?:(?:par\s+ailleurs|également|aussi|lui-même|elle-même|actuel(?:le)?)\s+)?"
    r"(?:(?:l[ea]|son|sa|l')\s*)?",
    re.I,
)
# "Hassan Bouhmidi (Conserveries du Sud) et Naïma El Ouafi (…)": a name coordinated with
# another, each with its affiliation in parentheses.
_COORDINATED = re.compile(
    rf"(?P<left>[A-ZÀ-Þ][\w'-]+)\s+\([A-ZÀ-Þ][^()\n]{{1,60}}\)\s+et\s+"
    rf"(?P<name>[A-ZÀ-Þ][\w'-]+(?:\s+{_NAME_WORD}){{1,3}})\s+\((?=[A-ZÀ-Þ])"
)
_LIST_LINE = re.compile(r"^[ \t]*[-–•*][ \t]*(?P<body>[^\n]+)$", re.M)
# What may come before a member's name on a board line: other names ("- X et Y : …").
_LISTED_BEFORE = re.compile(
    r"[\s\-–•*]*(?:(?:MM|Mmes|Mme|Mlle|M)\.?\s+)?"  # "- Assesseurs : MM. X et Y"
    r"(?:[A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’.-]*)*\s*(?:\([^()\n]{1,60}\)\s*)?"
    r"(?:,|et)\s*)*"  # "- X (Eaton Maroc) et Y": other members, each with a company
)


# A board line that gives the office first: "- 1er vice-président : NAME (COMPANY)".
_OFFICE_FIRST = re.compile(r"(?P<title>[^:\n,()]{2,80}?)\s*:\s*")
# After the member's name on such a line: "– Directeur général, Sodichem Maroc".
_DASH_JOB = re.compile(
    r"[ \t]+[–—-][ \t]+(?P<title>[^,;\n]{2,80}?),[ \t]*"
    r"(?P<company>[A-ZÀ-Þ][^,;()\n]{1,60}?)[ \t]*[;.]?[ \t]*$",
    re.M,
)
_BRACKETED = re.compile(r"\(([A-ZÀ-Þ][^()\n]{1,60}?)\)")
_LINE_NAME = re.compile(
    r"[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){1,3}(?=[ \t]*(?:[–—(,;.-]|$))", re.M
)


_MEMBER_HONORIFIC = re.compile(r"(?:(?:Pr|Dr|Me|M\.|MM\.|Mme|Mlle)\s+)?")


def _office_lines(text: str):
    """(line, offset where its names start) of the "- Office : …" lines of a board."""
    for line in _LIST_LINE.finditer(text):
        office = _OFFICE_FIRST.match(line.group("body"))
        if office and TITLE.match(office.group("title")):
            yield line, line.start("body") + office.end()


def board_line_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names right after the office on "- Office : NAME …" lines, which the
    NER model misses in such terse lines."""
    spans = []
    for line, at in _office_lines(text):
        name = _LINE_NAME.match(text, at, line.end())
        if name and not TITLE.match(name.group()):
            spans.append(name.span())
    for lines in _board_lists(text):
        # "Le bureau se compose comme suit : / - Pr Salma Bennouna, enseignante …": the
        # member's name opens each line
        for line in _LIST_LINE.finditer(text, *lines):
            at = line.start("body")
            at += len(_MEMBER_HONORIFIC.match(text, at).group())
            name = _LINE_NAME.match(text, at, line.end())
            if name and not TITLE.match(name.group()) and name.span() not in spans:
                spans.append(name.span())
    return spans


_BYLINE_NAME = re.compile(
    r"^(?:[^\n|]*\|)*[ \t]*(?:Par|Propos recueillis par)[ \t]+"
    rf"(?P<name>[A-ZÀ-Þ][\w'’-]+(?:[ \t]+{_NAME_WORD}){{1,3}})(?=[ \t]*(?:[|(,–—-]|$))",
    re.M,
)


# A signature alone on the last line, the family name often in capitals: "Mohamed AIT BAHA".
_SIGNATURE = re.compile(
    r"\n[ \t]*(?P<name>[A-ZÀ-Þ][a-zà-ÿ'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+){1,3})[ \t.]*\s*$"
)


_NEWSROOM = re.compile(r"(?:Rédaction|Service|Équipe|Agence|Source|Avec)\b", re.I)


def byline_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names on "Par NAME | Le 12/01/2026" lines ("Abda24 | Économie | Par
    NAME" too) and of a signature on the last line, which the NER model misses."""
    spans = [m.span("name") for m in _BYLINE_NAME.finditer(text)]
    signature = _SIGNATURE.search(text)
    if (
        signature
        and not TITLE.search(signature.group("name"))
        and not _NEWSROOM.match(signature.group("name"))
    ):
        spans.append(signature.span("name"))
    return spans


def board_line_companies(text: str) -> list[tuple[int, int]]:
    """Spans of the companies of "- Office : NAME – Title, COMPANY" lines: named by their
    place on the line, with no head word for the readers to find them by."""
    spans = []
    for line, at in _office_lines(text):
        job = _DASH_JOB.search(text, at, line.end())
        if job and TITLE.match(job.group("title")):
            spans.append(job.span("company"))
        # "- Trésorier : NAME (Transports Bouazza et Fils)": the member's company, whole
        spans += [m.span(1) for m in _BRACKETED.finditer(text, at, line.end())]
    return spans


def _office_first(
    text: str, lines: dict, line_start: int, mention, person: "Person", orgs: list[tuple[int, int]]
) -> bool:
    """ "- Trésorier adjoint : X (Airbus Atlantic Maroc)", "- Membres : X et Y (…)": the
    office on the board, and the company in brackets; whether the line read so."""
    line = next((m for s, m in lines.items() if line_start <= s <= mention.start), None)
    office = line and _OFFICE_FIRST.match(line.group("body"))
    if not office or not TITLE.match(title := _singular(office.group("title"))):
        return False
    names_from = line.start("body") + office.end()
    if mention.start < names_from or not _LISTED_BEFORE.fullmatch(text, names_from, mention.start):
        return False
    person.positions.append(Position(_clean_title(title), BOARD))
    company = _affiliation(text, mention.end, orgs)
    job = _DASH_JOB.match(text, mention.end, line.end())
    if job and TITLE.match(job.group("title")):
        span = job.span("company")
        company = Position(_clean_title(job.group("title")), span if span in orgs else None,
                           None if span in orgs else job.group("company"))  # fmt: skip
    if company:
        person.positions.append(company)
    return True


def _affiliation(text: str, end: int, orgs: list[tuple[int, int]]) -> "Position | None":
    """ "X (Airbus Atlantic Maroc)": the body in brackets right after a name at `end`."""
    m = re.match(r"\s*\(([A-ZÀ-Þ][^()\n]{1,60})\)", text[end : end + 64])
    if not m:
        return None
    span = next(((a, b) for a, b in orgs if a == end + m.start(1)), None)
    return Position(None, span, None if span else m.group(1))


def _singular(title: str) -> str:
    """ "assesseurs", "vice-présidents": the office each of the members listed holds."""
    first, _, rest = title.partition(" ")
    if first.endswith("s") and TITLE.fullmatch(first[:-1]):
        first = first[:-1]
    return f"{first} {rest}".strip()


BOARD = -1  # the body whose board a member list gives (resolved by the reader)


@dataclass(slots=True)
class PersonMention:
    start: int
    end: int
    name: str
    honorific: bool


@dataclass(slots=True)
class Position:
    title: str | None
    org: tuple[int, int] | None | int  # span of the organisation's name, None, or BOARD
    org_name: str | None = None  # an organisation the title alone names ("ministre de X")


@dataclass(slots=True)
class Person:
    name: str
    mentions: list[PersonMention]
    aliases: list[str] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def clean_name(name: str) -> str:
    name = _HONORIFIC.sub("", " ".join(name.split()))
    return name.strip(" ,;:.-–«»\"'")


_NUMBERED_SITE = re.compile(r"(?!Mohamm?ed\s|Hassan\s)[^\n]+\s(?:I{1,3}|IV|V|VI{1,3}|IX|X)")
_NAME_AFTER_TITLE = re.compile(
    rf",\s+(?P<name>[A-ZÀ-Þ][a-zà-ÿ'-]+(?:\s+{_NAME_WORD}){{1,3}})(?=\s*[.,;]|\s+(?:a|ont|qui)\s)"
)
_TITLE_OF = re.compile(rf"(?<![\w-]){_TITLE_WORDS}(?:\s+[a-zé]+)?\s+(?:de|du|d')\s*$", re.I)
_THING_BEFORE = re.compile(
    r"\b(?:complexe|centrale|site|usine|station|parc|projet|programme|plateforme|zone|prix"
    r"|trophée|label|navire|barrage)s?\s+$",
    re.I,
)


def person_mentions(
    text: str,
    ner: list[tuple[int, int]],
    blocked: list[tuple[int, int]],
    places: list[tuple[int, int]],
) -> list[PersonMention]:
    """Names from the NER and from honorifics ("M. Sebti"), outside organisation names and
    other than place names (a surname may be a town's: "Benslimane")."""
    found: dict[tuple[int, int], PersonMention] = {}

    def add(start: int, end: int, honorific: bool) -> None:
        raw = text[start:end]
        name = clean_name(raw)
        if not name or any(c.isdigit() for c in name) or "\n" in raw.strip():
            return
        offset = start + raw.find(name)
        end = offset + len(name)
        if any(a < end and offset < b for a, b in blocked):
            return
        if not honorific and (
            any(a <= offset and end <= b for a, b in places) or is_place_name(name)
        ):
            return
        words = name.split()
        if len(words) > 5 or not all(w[:1].isupper() or w in ("de", "el", "ben") for w in words):
            return
        found[(offset, end)] = PersonMention(offset, end, name, honorific)

    for m in _HONORIFIC_NAME.finditer(text):
        add(m.start("name"), m.end("name"), True)
    for m in _COORDINATED.finditer(text):
        if any(a <= m.start("left") < b for a, b in ner):
            add(m.start("name"), m.end("name"), False)
    for a, b in blocked:  # "le président du Conseil de la région X, Mustapha Bennis."
        named = _NAME_AFTER_TITLE.match(text, b)
        if named and TITLE.search(text, max(0, a - 60), a):
            add(named.start("name"), named.end("name"), False)
    for start, end in ner:
        if _THING_BEFORE.search(text, max(0, start - 14), start):
            continue  # "le complexe Noor Ouarzazate": a site's name, not a person's
        if _NUMBERED_SITE.fullmatch(text, start, end):
            continue  # "Noor IV", "Tanger Med II": a numbered site; "Mohammed VI" is the King
        if _TITLE_OF.search(text, max(0, start - 40), start):
            continue  # "gérant de Khouribga Béton": the title's company
        before = text[max(0, start - 5) : start]
        honorific = bool(re.search(r"(?:M\.|Mme|Mlle)\s*$", before)) or bool(
            _HONORIFIC.match(text[start:end])
        )
        if not any(a <= start < b for a, b in found):
            add(start, end, honorific)
    return sorted(found.values(), key=lambda m: m.start)


def group_people(mentions: list[PersonMention]) -> list[Person]:
    """Full names make people; a surname alone ("M. Sebti") joins the full name it ends."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    for m in sorted(mentions, key=lambda m: (-len(m.name.split()), m.start)):
        key = fold(m.name)
        words = key.split()
        owner = by_key.get(key) or next(
            (p for p in people if fold(p.name).endswith(" " + key)
             or (fold(p.name).startswith(key + " ") and (len(words) >= 2 or m.honorific))),
            None,
        )  # fmt: skip
        if owner is not None:
            owner.mentions.append(m)
            if fold(m.name) != fold(owner.name) and m.name not in owner.aliases:
                owner.aliases.append(m.name)
            continue
        if len(words) < 2 and not m.honorific:
            continue
        person = Person(m.name, [m])
        people.append(person)
        by_key[key] = person
    surnames = {fold(p.name).split()[-1] for p in people if "-" not in p.name}
    people = [  # "le tandem Ouhammou-Tadlaoui": two people's surnames, not a third person
        p for p in people
        if "-" not in p.name or not all(fold(w) in surnames for w in p.name.split("-"))
    ]  # fmt: skip
    return sorted(people, key=lambda p: p.first)


def read_title(
    text: str, start: int, end: int, orgs: list[tuple[int, int]], places: list[tuple[int, int]]
) -> Position | None:
    """The position a title phrase text[start:end] gives: the title and the organisation."""
    phrase_orgs = [(a, b) for a, b in orgs if start < a < end]
    for a, b in phrase_orgs:
        connector = _CONNECTOR.search(text[start:a]) or _DESCRIBED.search(text[start:a])
        if connector:
            title = text[start : start + connector.start()]
            return Position(_clean_title(title), (a, b))
    title = text[start:end]
    minister = re.match(
        r"ministre\s+(?:déléguée?\s+)?(?:chargée?\s+)?(?:de\s+|auprès\s+de\s+)?"
        r"(?P<of>(?:de\s+la|de\s+l'|du|des|de)\s+[A-ZÀ-Þ].*)$",
        " ".join(title.split()),
        re.I,
    )
    if minister:
        rest = minister.group("of")
        rest = re.sub(r"^de\s+(?=[A-ZÀ-Þ])", "", rest)
        name = (
            f"ministère {rest}"
            if rest.split()[0].lower() in ("de", "du", "des")
            else f"ministère de {rest}"
        )
        return Position(_clean_title(title), None, name)
    company = re.search(
        r"(?:\s+(?:de|du|des|chez)\s+(?:(?:la|le|l')\s*" + _COMPANY_NOUNS + r"\s+)?|\sd')"
        r"(?P<name>[A-ZÀ-Þ][\w&-]*(?:(?:\s+(?:de|du|des|&)\s+(?:la\s+)?|\s+(?:de\s+)?[dl]'|\s+)[A-ZÀ-Þ][\w&-]*){0,5})",
        title,
    )
    if company and re.match(r"(?:Expo|Forum|Salon|Assises|Journées?)\b", company.group("name")):
        company = None  # "commissaire du Salon Halieutis": an event, not a company
    if company and fold(company.group("name")) == "etat":
        company = None  # "secrétaire d'Etat chargé de …": the office, not a body
    if company and re.search(r"\set$", title[: company.start()]):
        company = None  # "directeur régional de l'Industrie et du Commerce": fields, listed
    department = _DEPARTMENT.match(" ".join(title.split()))
    if department:  # … heads the regional direction, or else the ministry, the text names
        of = department.group("of")
        for wanted in (fold(f"direction régionale {of}"), fold(f"ministère {of}")):
            body = next(((a, b) for a, b in orgs if fold(text[a:b]).startswith(wanted)), None)
            if body:
                return Position(_clean_title(title), body)
    if company:
        at = start + company.start("name")
        name = company.group("name").rstrip(" '")
        name = re.sub(r"\s+(?:de|du|des|d'|l')$", "", name)
        territory = _TERRITORY.search(text[start:at]) or _STATE.search(text[start:at])
        if not territory and not any(a <= at and at + len(name) <= b for a, b in places):
            return Position(_clean_title(text[start : start + company.start()]), None, name)
    return Position(_clean_title(title), None)


_DEPARTMENT = re.compile(
    r"(?:directeur|directrice|délégué|déléguée)\s+(?:régionale?|provinciale?)\s+"
    r"(?P<of>(?:de\s+l'|de\s+la\s+|du\s+|des\s+)[A-ZÀ-Þ].*)$",
    re.I,
)


def _clean_title(title: str) -> str:
    title = " ".join(title.split()).strip(" ,;:")
    title = re.sub(
        r"^(?:l[ea]\s+|l'|les\s+|du\s+|de\s+la\s+|de\s+l'|des\s+|au\s+|à\s+la\s+)",
        "",
        title,
        flags=re.I,
    )
    title = re.sub(r"\s+(?:de|du|des|d'|de\s+la|de\s+l'|chez|la|le|l')$", "", title, flags=re.I)
    title = re.sub(r"^(?:nouveau|nouvelle)\s+", "", title, flags=re.I)
    return title[:1].lower() + title[1:] if not title[:3].isupper() else title


def find_positions(
    text: str,
    people: list[Person],
    orgs: list[tuple[int, int]],
    places: list[tuple[int, int]],
    sentence_start: callable,
) -> None:
    """Fill each person's positions from appositions around their mentions, board lists,
    "élus respectivement …" and "à la présidence de …"."""
    board_lines = {m.start("body"): m for m in _LIST_LINE.finditer(text)}
    starts = {m.start: person for person in people for m in person.mentions}
    ends = frozenset(m.end for person in people for m in person.mentions)
    for person in people:
        for mention in person.mentions:
            line_start = text.rfind("\n", 0, mention.start) + 1
            listed = next((m for s, m in board_lines.items() if line_start <= s <= mention.start
                           and _LISTED_BEFORE.fullmatch(text, s, mention.start)), None)  # fmt: skip
            after = _title_after(text, mention, orgs, places, starts)
            if after and after.org is None and not after.org_name:
                after.org = _represented(text, mention.start, orgs, sentence_start(mention.start))
            if after:
                person.positions.append(after)
            if listed is None and _office_first(
                text, board_lines, line_start, mention, person, orgs
            ):
                continue
            if listed is not None:
                colon = re.search(r"\s?:\s*(?P<title>[^;:\n]+?)\s*[;.]?\s*$", listed.group("body"))
                title = colon and _singular(colon.group("title"))
                if title and TITLE.match(title):
                    # "- X, gérante de Y : trésorière": the first title is read above;
                    # "- X et Y : assesseurs": each holds the office
                    person.positions.append(Position(_clean_title(title), BOARD))
                affiliation = _affiliation(text, mention.end, orgs)
                if affiliation and not after:  # "- X (Nord Etiquettes) et Y (…), assesseurs"
                    person.positions.append(affiliation)
                continue
            before = _title_before(text, mention, orgs, places, sentence_start(mention.start), ends)
            if before:
                person.positions.append(before)
            bare = _BARE_TITLE.search(text, max(0, mention.start - 40), mention.start)
            if bare and not before:  # "Sa Majesté le Roi Mohammed VI", "le wali Ahmed Karimi"
                person.positions.append(Position(bare.group("title"), None))
            listed_title = re.match(r"\s*\(([^()\n]{2,60})\)", text[mention.end : mention.end + 64])
            if listed_title and TITLE.match(listed_title.group(1)):
                # "un bureau composé de X (vice-présidente), Y (trésorière)"
                person.positions.append(Position(_clean_title(listed_title.group(1)), BOARD))
                continue
            affiliation = _affiliation(text, mention.end, orgs)
            if affiliation:
                person.positions.append(affiliation)
            elected = _ELECTED.match(text, mention.end, mention.end + 200)
            if elected and not re.search(r"élue?s?\s", elected.group()):
                apposition = re.match(r",\s*", text[mention.end :])
                if not TITLE.match(text, mention.end + apposition.end()):
                    elected = None  # ", accompagné de Y, vice-président": Y's title
            if elected:  # "X, PDG de Y, a été élu président (de Z)"
                title = _clean_title(elected.group("title"))
                span = next(((a, b) for a, b in orgs if a == elected.end()), None)
                if not any(p.title == title for p in person.positions):
                    person.positions.append(Position(title, span or BOARD))
            if _CHAIRED_BY.search(text, max(0, mention.start - 40), mention.start):
                person.positions.append(Position("président", BOARD))
            holds = _HOLDS_POST.match(text, mention.end, mention.end + 80)
            if holds and _BOARD_TITLE.fullmatch(holds.group("title").strip()):
                person.positions.append(Position(_clean_title(holds.group("title")), BOARD))
            presidency = _PRESIDENCY.match(text, mention.end, mention.end + 200)
            if presidency:
                span = next(((a, b) for a, b in orgs if a == presidency.end()), None)
                if span:
                    female = presidency.group("verb").endswith("e")
                    person.positions.append(Position("présidente" if female else "président", span))
    _bylines(text, people)
    _respectively(text, people, sentence_start)
    _predecessors(text, people)
    _board_sentences(text, people, sentence_start)
    _board_items(text, people, sentence_start)
    _board_bullets(text, people)
    _head_of(text, people, orgs)
    for person in people:  # "le président sortant, X": of the body electing its board
        for position in person.positions:
            if (
                position.org is None
                and not position.org_name
                and re.fullmatch(r"(?:vice-)?présidente?\s+sortante?", position.title or "", re.I)
            ):
                position.org = BOARD


_BYLINE = re.compile(
    r"(?:[^\n|]*\|[ \t]*)*"  # "Abda24 | Économie | Par NAME": after the outlet's fields
    r"(?:Par|Propos recueillis par|De notre correspondante?(?:\s+(?:à|au|a)\s+[^,\n]{2,30})?,?)"
    r"\s+$",
    re.I,
)
_BYLINE_TAIL = re.compile(r"\s*(?:$|[|,–—-]|\(|\d)")


def _bylines(text: str, people: list[Person]) -> None:
    """ "Par Lahcen Ait Bihi | Le 12/01/2026" under the headline, "De notre correspondant à
    Dakhla, X", or the name alone on the last line: the article's author (as the annotators
    write it; in Arabic "كاتب المقال")."""
    last_line = text.rstrip().rfind("\n") + 1
    for person in people:
        for mention in person.mentions:
            line_start = text.rfind("\n", 0, mention.start) + 1
            line_end = text.find("\n", mention.end)
            tail = text[mention.end : len(text) if line_end < 0 else line_end]
            by = _BYLINE.fullmatch(text, line_start, mention.start)
            by = by if by and _BYLINE_TAIL.match(tail) else None
            signature = line_start == last_line and not (
                text[line_start : mention.start] + tail
            ).strip(" .")
            if by or signature:
                # "Par X (Settat, correspondance)": where the author writes from, no body
                person.positions[:] = [p for p in person.positions if p.title]
                person.positions.append(Position("auteur de l'article", None))
                break


_BOARD_SENTENCE = re.compile(
    r"\b(?:bureau|comité\s+(?:directeur|exécutif)|conseil\s+(?:d'administration|exécutif))\b", re.I
)
_BOARD_TITLE = re.compile(
    r"(?:(?:(?:premier|première|deuxième|second|seconde|troisième)\s+)?(?:vice-)?présidente?"
    r"|secrétaire\s+générale?(?:\s+adjointe?)?|trésorière?(?:\s+adjointe?)?|trésorier(?:\s+adjoint)?"
    r"|assesseur|assesseure|rapporteur|rapporteuse|membre)"
    r"(?:\s+chargée?\s+(?:de|du|des|d')\b.*)?",  # "vice-présidente chargée de l'export"
    re.I,
)


def _board_sentences(text: str, people: list[Person], sentence_start: callable) -> None:
    """ "Le bureau compte X, vice-président, Y, trésorière": bare board titles in a
    sentence about a board, or in the one after it ("… ont élu un bureau. Il est présidé
    par X, secondé par Y, vice-présidente"), are that body's (the one electing it)."""
    for person in people:
        for position in person.positions:
            if position.org is not None or position.org_name or not position.title:
                continue
            if not _BOARD_TITLE.fullmatch(position.title):
                continue
            at = person.first
            start = sentence_start(max(sentence_start(at) - 2, 0))
            end = text.find(".", at)
            if _BOARD_SENTENCE.search(text, start, end if end > 0 else len(text)):
                position.org = BOARD


# A line ending in a colon and the bullet lines under it.
_INTRODUCED_LIST = re.compile(r"^[^\n]*:[ \t]*\n(?:[ \t]*[-–•*][^\n]*\n?)+", re.M)


def _board_lists(text: str):
    """(start, end) of the bullet lines under a line that names a board and ends in a colon."""
    for intro in _INTRODUCED_LIST.finditer(text):
        head = intro.group().split("\n", 1)[0]
        if _BOARD_SENTENCE.search(head):
            yield intro.start() + len(head), intro.end()


def _board_bullets(text: str, people: list[Person]) -> None:
    """ "La composition du bureau … : / - X, vice-président chargé de … ; / - Y, trésorier":
    a board office on a bullet under a line naming the board is held on that board."""
    for lines in _board_lists(text):
        for person in people:
            if not any(lines[0] <= m.start < lines[1] for m in person.mentions):
                continue
            for position in person.positions:
                if (
                    position.org is None
                    and not position.org_name
                    and _BOARD_TITLE.match(position.title or "")
                ):
                    position.org = BOARD
        for line in _LIST_LINE.finditer(text, *lines):
            # "- X, gérant de Y, premier vice-président ;", "- X (Y) et Z (W), assesseurs."
            on_line = range(line.start(), line.end())
            members = [p for p in people if any(m.start in on_line for m in p.mentions)]
            _hold_closing_office(line.group("body"), members)


def _hold_closing_office(item: str, members: list[Person]) -> None:
    """The office that closes a list item is held on the board by everyone the item names."""
    office = _singular(re.split(r"[,)]", item)[-1].strip(" .;\n"))
    if not members or office == item.strip(" .;\n") or not _BOARD_TITLE.fullmatch(office):
        return
    for person in members:
        same = [p for p in person.positions if p.title and fold(p.title) == fold(office)]
        for position in same:
            position.org = position.org or BOARD
        if not same:
            person.positions.append(Position(_clean_title(office), BOARD))


def _board_items(text: str, people: list[Person], sentence_start: callable) -> None:
    """ "le bureau est composé de X, DG de Y, président ; Z (W), vice-présidente ; A et B,
    assesseurs": in a board sentence whose members are parted by semicolons, the office that
    closes an item is held on the board by everyone the item names."""
    mentions = sorted((m.start, m.end, p) for p in people for m in p.mentions)
    done: set[int] = set()
    for start, _end, _person in mentions:
        first = sentence_start(start)
        if first in done:
            continue
        done.add(first)
        stop = text.find(".", start)
        stop = stop if stop > 0 else len(text)
        board = _BOARD_SENTENCE.search(text, first, stop)
        if not board or ";" not in text[board.end() : stop]:
            continue
        at = board.end()
        for item in text[at:stop].split(";"):
            _hold_closing_office(item, [p for a, _b, p in mentions if at <= a < at + len(item)])
            at += len(item) + 1


_HEAD_OF = re.compile(
    r"\b(?:(?:ré)?élu\w*|élire|porté\w*|désigné\w*|nommé\w*)\s+(?:à\s+la\s+(?:tête|présidence)|président\w*)"
    r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)$",
    re.I,
)


# "ont élu à la présidence X": the body electing its board.
_TO_THE_CHAIR = re.compile(
    r"\b(?:(?:ré)?élu\w*|élire|porté\w*|désigné\w*)\s+à\s+la\s+(?:présidence|tête)\s*,?\s*$", re.I
)


def _head_of(text: str, people: list[Person], orgs: list[tuple[int, int]]) -> None:
    """ "élire à la tête de l'association Samira X": the person named right after the body
    presides it; "élu à la présidence X": the body electing its board."""
    for person in people:
        for mention in person.mentions:
            chair = None
            if _TO_THE_CHAIR.search(text, max(0, mention.start - 40), mention.start):
                chair = BOARD
            else:
                before = [(a, b) for a, b in orgs if b <= mention.start and mention.start - b < 4]
                if (
                    before
                    and re.fullmatch(r"\s*,?\s*", text[before[-1][1] : mention.start])
                    and _HEAD_OF.search(text, max(0, before[-1][0] - 60), before[-1][0])
                ):
                    chair = before[-1]
            if chair is None:
                continue
            if not any(p.title and "présid" in p.title for p in person.positions):
                title = "présidente" if _female(person) else "président"
                person.positions.insert(0, Position(title, chair))
            break


def _female(person: Person) -> bool:
    """A woman, as her other titles say ("directrice", "présidente", "trésorière")."""
    return any(re.search(r"(?:rice|ente|ère)\b", p.title or "") for p in person.positions)


# "X a été reconduit pour un second mandat à la présidence de la Fédération …"
_PRESIDENCY = re.compile(
    r"[^.;\n]{0,80}?\b(?P<verb>(?:ré)?élue?|reconduite?|nommée?|désignée?|portée?)\b[^.;\n]{0,80}?"
    r"à\s+la\s+(?:présidence|tête)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)",
    re.I,
)
# A board told in prose: "Il est présidé par X", "Y occupe le poste de trésorière".
_CHAIRED_BY = re.compile(r"\b(?:est|sera|a\s+été)\s+présidée?\s+par\s+$", re.I)
_HOLDS_POST = re.compile(
    r"\s+occupe(?:ra)?\s+(?:désormais\s+)?le\s+poste\s+de\s+(?P<title>[^,.;\n]{3,60})"
)
# After a name and its apposition: "X, PDG de Y, a été élu président pour …"
_ELECTED = re.compile(
    r",[^.;,\n]{3,120},\s*(?:(?:(?:a|ont)\s+été\s+|est\s+|vient\s+d'être\s+)?(?:ré)?élue?s?\s+"
    r"|en\s+qualité\s+de\s+)?"  # "X, directrice de Y, en qualité de vice-présidente"
    # "a été élue mardi 27 janvier présidente de …": the day between the verb and the office
    r"(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(?:dernier\s+)?)?"
    r"(?:\d{1,2}(?:er)?\s+[a-zéû]+\s+(?:\d{4}\s+)?)?"
    r"(?P<title>(?:vice-)?présidente?|secrétaire\s+générale?(?:\s+adjointe?)?|trésorière?"
    r"|trésorier(?:\s+adjoint)?)\b"
    r"(?:(?=\s*[,.]|\s+(?:pour|à\s+l'unanimité|par|avec)\b)|\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+)(?=[A-ZÀ-Þ]))",
    re.I,
)
_BARE_TITLE = re.compile(
    r"\b(?:le|la)\s+(?P<title>Roi|Reine|Prince|Princesse|wali|gouverneur|ministre|consul)\s+$"
)
# "PDG de la conserverie Atlantique Sardine": a common noun before a company's name.
_COMPANY_NOUNS = (
    r"(?:société|start-up|startup|coopérative|compagnie|holding|entreprise|firme|filiale|"
    + "|".join(WORKS)
    + ")"
)
# "associée gérante du cabinet d'expertise comptable Atlas Audit": what the body is, before
# its name
_DESCRIBED = re.compile(
    rf"\s+(?:de\s+la|de\s+l'|du|de)\s*{_COMPANY_NOUNS[:-1]}|cabinet|groupe)\b[^,;()A-Z]{{0,40}}$"
)
_ARTICLE_END = re.compile(r"(?:\b(?:l[ea]|son|sa|leur)\s+|l')$", re.I)
_CHARGE = re.compile(
    r",\s*(?P<charge>chargée?\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*[^,;.()]{2,60})$"
)
_POSSESSIVE = re.compile(r"(?:\b(?:son|sa|ses|leur)\s+|\bdont\s+l[ea]\s+|\bdont\s+l')$", re.I)
_TERRITORY = re.compile(
    r"(?:préfecture|province|région|commune|ville|wilaya|cercle|site|plateforme|port|bassin"
    r"|plaine|vallée|usine|unité|complexe|centrale|station)(?:\s+[A-Z][A-Za-z]{1,10})?\s*(?:de|d'|du)?\s*$",
    re.I,
)


# "ambassadeur de la République de Corée": a state, not an organisation, ends the title.
_STATE = re.compile(r"\b(?:République|Royaume|Émirats?|Etat|État|Sultanat)\s+(?:de|d'|du|des)\s*$")
_REPRESENTED = re.compile(
    r"\breprésentée?s?\b[^.;]{0,80}?\bpar\s*(?:M\.|Mme)?\s*$"
    r"|\b(?:au\s+nom|pour\s+le\s+compte)\s+d[eu']?\s*(?:la\s+|l'|le\s+)?[^.;,]{2,120},\s*(?:M\.|Mme)?\s*$",
    re.I,
)


def _represented(
    text: str, at: int, orgs: list[tuple[int, int]], sentence: int
) -> tuple[int, int] | None:
    """ "L'AMDIE, représentée par X, directrice du pôle Export", "Au nom de l'AMDIE, X,
    directeur du pôle promotion": the title is the AMDIE's."""
    m = _REPRESENTED.search(text, sentence, at)
    if m is None:
        return None
    if not m.group().lower().startswith("repr"):
        inside = [(a, b) for a, b in orgs if m.start() < a and b <= at]
        return inside[0] if inside else None
    before = [(a, b) for a, b in orgs if sentence <= a and b <= m.start() and m.start() - b < 40]
    return before[-1] if before else None


def _predecessors(text: str, people: list[Person]) -> None:
    """ "Il succède à X" where a board is elected: X is the outgoing president."""
    election = re.search(r"\b(?:ré)?élue?s?\b|\bélective\b", text)
    if not election:
        return
    for person in people:
        for mention in person.mentions:
            if mention.start < election.start() or not _SUCCEEDS.search(
                text, max(0, mention.start - 20), mention.start
            ):
                continue
            female = _female(person) or any(
                re.search(r"Mme\s*$", text[max(0, m.start - 5) : m.start]) for m in person.mentions
            )
            title = "présidente sortante" if female else "président sortant"
            if not any(p.title and "sortant" in p.title for p in person.positions):
                person.positions.append(Position(title, BOARD))
            break


_SUCCEEDS = re.compile(r"\bsuccèd(?:e|ent)\s+à\s+(?:M\.\s*|Mme\s*)?$")


def _respectively(text: str, people: list[Person], sentence_start: callable) -> None:
    """ "X et Y, élus respectivement présidente et vice-président": titles in the order of
    the names, on the board being elected."""
    for m in re.finditer(r"\brespectivement\s+(?P<titles>[^.;:\n]+)", text):
        start = sentence_start(m.start())
        named = sorted(
            ((mention.start, person) for person in people for mention in person.mentions
             if start <= mention.start < m.start()),
            key=lambda item: item[0],
        )  # fmt: skip
        parts = re.split(r"\s*,\s*|\s+et\s+", m.group("titles"))
        titles = []
        for part in parts:
            title = TITLE.match(part)
            if not title:
                break
            titles.append(_clean_title(re.split(r"\s+(?:pour|de|du|des|d')\s", part)[0]))
        order: list[Person] = []
        for _at, person in named:
            if all(person is not other for other in order):
                order.append(person)
        if len(titles) == len(order) >= 2:
            for person, title in zip(order, titles, strict=True):
                person.positions.append(Position(title, BOARD))


def _title_after(
    text: str,
    mention: PersonMention,
    orgs: list[tuple[int, int]],
    places: list[tuple[int, int]],
    starts: dict[int, Person],
) -> Position | None:
    """ "Youssef Kettani, directeur général de l'ONEE": the title right after the name, unless
    it opens the next item of a list ("X, la présidente de Y, Z")."""
    after = _AFTER_NAME.match(text, mention.end, mention.end + 60)
    if not after:
        return None
    title = TITLE.match(text, after.end())
    if not title:
        return None
    end = _title_phrase(text, title.start(), min(len(text), title.start() + 260), orgs)
    following = re.match(r",\s*(?:M\.|Mme|Pr|Dr)?\s*", text[end : end + 8])
    if (
        following
        and end + following.end() in starts
        and _ARTICLE_END.search(text[mention.end : title.start()])
    ):
        return None  # "X, la présidente de Y, Z": Y's president is Z
    return read_title(text, title.start(), end, orgs, places)


def _title_phrase(text: str, start: int, limit: int, orgs: list[tuple[int, int]]) -> int:
    """End of the title phrase from `start`: the first clause boundary outside org names
    and the acronym in parentheses that follows one."""
    pos = start
    ends = {b for _a, b in orgs}
    while pos < limit:
        m = _PHRASE_END.search(text, pos, limit)
        if m is None:
            return limit
        inside = next((b for a, b in orgs if a <= m.start() < b), None)
        if (
            inside is None
            and m.group() == "("
            and text[: m.start()].rstrip()
            and (len(text[: m.start()].rstrip()) in ends)
        ):
            close = text.find(")", m.start(), m.start() + 60)
            inside = close + 1 if close > 0 else None
        if inside is None:
            return m.start()
        pos = inside
    return limit


def _title_before(
    text: str,
    mention: PersonMention,
    orgs: list[tuple[int, int]],
    places: list[tuple[int, int]],
    sentence: int,
    ends: frozenset[int] = frozenset(),
) -> Position | None:
    """ "le président de la CGEM, Karim Benslimane": the title ends at a comma before the
    name. "Son directeur général, X": the organisation is the one named just before."""
    window = text[max(sentence, mention.start - 9) : mention.start]
    comma = re.search(r",\s*(?:M\.|Mme|Pr\.?|Dr\.?|Me)?\s*$", window)
    if not comma:
        return None
    end = mention.start - len(window) + comma.start()
    # "le vice-président du Conseil, chargé de l'investissement, X": the charge ends the title
    charge = _CHARGE.search(text, max(sentence, end - 80), end)
    if charge:
        end = charge.start()
    candidates = list(TITLE.finditer(text, max(sentence, end - 260), end))
    for n in range(len(candidates) - 1, -1, -1):
        if _title_phrase(text, candidates[n].start(), end + 1, orgs) < end:
            continue
        while n and not text[candidates[n - 1].end() : candidates[n].start()].strip():
            n -= 1  # "ministre déléguée": one title
        start = candidates[n].start()
        gap = text[max(0, start - 14) : start]
        apposed = re.search(r",\s*(?:(?:ré)?élue?\s+|nommée?\s+|désignée?\s+)?$", gap)
        if apposed and start - len(gap) + apposed.start() in ends:
            return None  # "X, directeur de Y, Z, …": the title is X's
        position = read_title(text, start, end, orgs, places)
        if position and charge and position.title:
            position.title = f"{position.title} {' '.join(charge.group('charge').split())}"
        if (
            position
            and position.org is None
            and not position.org_name
            and _POSSESSIVE.search(text[max(0, start - 8) : start])
        ):
            before = [(a, b) for a, b in orgs if b <= start and start - b < 400]
            if before:
                position.org = before[-1]
        return position
    return None
