"""Organisations named in French: a head word and its complement ("Office national de
l'électricité et de l'eau potable"), acronyms, and the full name an acronym in parentheses
stands for ("Confédération générale des entreprises du Maroc (CGEM)")."""

import re
from dataclasses import dataclass, field

from .text import fold

TOKEN = re.compile(
    r"(?:[dlDLnNsScCjJ]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu)'|[0-9A-Za-zÀ-ÖØ-öø-ɏ]+(?:[-&][0-9A-Za-zÀ-ÖØ-öø-ɏ]+)*|\S"
)


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # folded

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters) and self.text[0].isalpha()


def tokenize(text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in TOKEN.finditer(text)]


# Head word (folded) → organisation kind. A head must be capitalised, except "ministère".
HEADS = {
    "ministere": "ministry", "office": "public-agency", "agence": "public-agency",
    "institut": "public-agency", "chambre": "chamber", "chambres": "chamber",
    "confederation": "federation", "federation": "federation", "union": "federation",
    "groupement": "association", "association": "association", "cluster": "cluster",
    "universite": "university", "ecole": "university", "faculte": "university",
    "centre": "technical-center", "conseil": "local-authority", "commune": "local-authority",
    "wilaya": "local-authority", "province": "local-authority", "prefecture": "local-authority",
    "groupe": "company", "societe": "company", "banque": "company", "caisse": "public-agency",
    "fondation": "other", "commission": "public-agency", "autorite": "public-agency",
    "technopole": "other", "technopark": "other", "agropole": "other", "agropolis": "other",
    "parc": "other", "cooperative": "other",
    "haut commissariat": "public-agency",
    "laboratoires": "company", "observatoire": "public-agency", "direction": "public-agency",
    "departement": "ministry", "secretariat": "ministry", "fonds": "public-agency",
    "tanger med": "public-agency", "zone": "other", "port": "other", "cite": "other",
    "conseil regional": "local-authority", "credit": "company", "maroc": "other",
    "region": "local-authority",  # "la Région Rabat-Salé-Kénitra": the regional council
    # Spanish, Portuguese and Italian bodies keep their own names ("Cámara de Comercio de X")
    "camara": "chamber", "camera": "chamber", "asociacion": "association",
    "associacao": "association", "federacion": "federation", "federacao": "federation",
    "confederacion": "federation",
}  # fmt: skip
_ENTITY_HEADS = {
    h for h in HEADS if h not in ("maroc", "zone", "port", "cite", "direction", "parc")
}
CONNECTORS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "aux", "au",
              "sur", "a", "&",
              "do", "da", "dos", "das", "del", "di"}  # fmt: skip  # "Acabamentos Vale do Ave"
# Works named after what they make: "la conserverie Atlantique Sardine", "l'huilerie X".
WORKS = ("conserverie", "laiterie", "minoterie", "sucrerie", "cimenterie", "raffinerie",
         "fonderie", "imprimerie", "huilerie", "fromagerie", "briqueterie", "biscuiterie",
         "savonnerie", "verrerie")  # fmt: skip
# Lower-case words that announce a company's name: "le groupe OCP", "la société X".
COMPANY_CUES = {"groupe", "societe", "start up", "startup", "filiale", "entreprise", "cabinet",
                "association", "federation", "fondation", "cluster",
                "equipementier", "constructeur", "operateur", "laboratoire", "firme",
                "cooperative", "compagnie", "holding", "promoteur", *WORKS}  # fmt: skip
_CUE_KINDS = {"association": "association", "federation": "federation", "fondation": "other",
              "cluster": "cluster"}  # fmt: skip
# Lower-case heads that, with an article, stand for a body named before ("l'association").
ANAPHORIC_HEADS = {"association", "federation", "confederation", "chambre", "agence", "office",
                   "universite", "cluster", "ecole", "groupement"}  # fmt: skip
# Heads that are names in their own right ("l'Agropolis").
PROPER_HEADS = {"agropolis", "technopolis", "haliopolis"}
# Words that name a programme after them, not a body ("le Plan Maroc Vert").
_PROGRAMMES = {"plan", "programme", "strategie", "initiative", "label"}
# Heads whose full name states a purpose ("Association X pour le développement …"); a
# cooperative's name is its brand.
_PURPOSE_HEADS = {"association", "fondation", "groupement"}
# "la Fédération pour la période 2025-2027": a complement of time, not of the name.
_NOT_PURPOSE = {"periode", "annee", "annees", "duree", "mandat", "montant", "horizon", "compte"}
_ARTICLES = {"la", "le", "les", "l", "d", "de", "du", "des"}
_ADJECTIVE = re.compile(
    r"(?:al|ale|ales|aux|ique|iques|ien|ienne|iens|iennes|enne|ennes|ais|aise|aises|ain|aine|ains|aines"
    r"|el|elle|els|elles|if|ive|ifs|ives|aire|aires|ier|iere|iers|ieres|able|ables|ible|ibles"
    r"|eur|eure|eurs|ieure|ieures|ole|oles|ile|iles|ime|imes)$"
    r"|^(?:potable|durable|bleue|verte|vertes|bleues|moderne|modernes|sociale|sociaux|solidaire"
    r"|public|publics|publique|publiques"
    r"|appliquee|appliquees|superieure|superieur|generale|general|delegue|deleguee|agricole"
    r"|unifiee|unifie|integree|integre|specialisee|specialise"
    r"|agricoles|sortant|sortante|maritime|halieutique|minier|miniere|pharmaceutiques|spatiales"
    r"|automobile|renouvelables|renouvelable|numerique|energetique|economique|industrielle)$"
)
_NOT_ADJECTIVE = re.compile(
    r"^(?:tenu|signe|organis|paraph|conclu|elu|presid|reuni|consacr|destin|prevu|lanc|annonc"
    r"|dote|charge|cree|base|situe|install|porte|compose|present|represent|mene)"
    r"|^(?:rappelle|appelle|interpelle)$"  # verbs that end like adjectives
    r"|^(?:lie|dont|cette|ce|son|sa|ses|leur|leurs|une|un|qui|que|pres|plus|lors|entre|avec|dans|par|ainsi"
    r"|apres|avant|depuis|selon|vers|sous|contre|sans|pendant|ayant|etant|ete|elle|il|ils|elles"
    r"|nous|vous|on|se|ne|pas|tout|tous|toute|toutes|meme|autre|autres|notamment|aussi|encore"
    r"|nombreux|nombreuses|plusieurs|divers|diverses|certains|certaines|differents|differentes)$"
)
_STOP_CAPITALS = {"M", "Mme", "MM", "Mmes", "Dr", "Pr", "Le", "La", "Les", "Il", "Elle", "Ils",
                  "Ce", "Cette", "Un", "Une", "En", "Au", "À", "A", "Pour", "Par",
                  "Selon"}  # fmt: skip
NOT_ORG_ACRONYMS = {"DH", "DHS", "MDH", "MMDH", "MAD", "USD", "EUR", "PME", "PMES", "TPE", "TPME",
                    "PIB", "TVA", "IA", "RH", "BTP", "HT", "TTC", "CO2", "ZI", "ZAE", "B2B", "IDE",
                    "MW", "GW", "KW", "MWH", "GWH", "KM", "HA", "II", "III", "IV", "VI", "VII",
                    "UE", "MACF", "CBAM", "ESG", "RSE", "QSE", "R&D", "TIC", "NTIC", "SA", "SARL",
                    "OK", "AG", "AGE", "AGO", "CA", "CO", "H2", "PDG", "DG", "CEO", "MRE", "SMIG",
                    "DRH", "DAF", "DSI", "CFO", "COO", "CTO",
                    "ONG", "TGV", "ZLECAF", "HACCP", "ISO", "CNSS", "MD", "MDS", "MMAD", "GMT",
                    "PV", "MM", "MME", "MMES", "MLLE", "SM", "GIE", "PDR", "ZAI", "PET", "UHT",
                    "NFC", "HSE", "IATF"}  # fmt: skip


@dataclass(slots=True)
class OrgMention:
    start: int
    end: int
    name: str
    kind: str
    acronym: str | None = None
    generic: bool = False  # "le Conseil régional": a head without a complement
    aliases: list[str] = field(default_factory=list)


def _head_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    t = tokens[i]
    two = f"{t.key} {tokens[i + 1].key}" if i + 1 < len(tokens) else ""
    if two in HEADS and t.cap:
        return two, i + 1
    if t.key == "region" and not (t.cap and i + 1 < len(tokens) and tokens[i + 1].cap):
        return None
    if t.key in HEADS and (t.cap or t.key in ("ministere", "parc")):
        return t.key, i
    return None


def _is_word(text: str) -> bool:
    return text.replace("-", "").isalpha()


def _is_adjective(token: Token) -> bool:
    return (
        not token.cap
        and _is_word(token.text)
        and len(token.key) > 3
        and bool(_ADJECTIVE.search(token.key))
        and not _NOT_ADJECTIVE.match(token.key)
    )


def _is_head_start(tokens: list[Token], i: int) -> bool:
    """Whether a new organisation starts at i ("… et l'Office …")."""
    while i < len(tokens) and tokens[i].key in _ARTICLES:
        i += 1
    return i < len(tokens) and (
        (_head_at(tokens, i) is not None and _head_at(tokens, i)[0] in _ENTITY_HEADS)
        or tokens[i].key in COMPANY_CUES
        or tokens[i].acronym
        or tokens[i].text in ("M", "Mme")
    )


def _enumeration_follows(text: str, at: int) -> bool:
    """ ", d'industrie et de services": a comma inside an enumerated complement."""
    return bool(
        re.match(
            r",\s+(?:(?:de|d'|des|du)\s*(?:la\s+|l')?)?(?!(?:le|la|les|un|une)\s)"
            r"[A-Za-zÀ-ÿ]+(?:\s+[a-zà-ÿ]+)?\s*(?:,|\s+et\s)",
            text[at : at + 80],
        )
    )


# A verb after "et" ends a name: "placée sous l'égide du ministère … et bénéficie du soutien".
_VERB = re.compile(
    r"(?:(?:a|ont|est|sont|sera|seront|se)\b|s'|(?:bénéfici|accueill|réuni|prévoi|vise|compte"
    r"|regroupe|associe)\w*\b)",
    re.I,
)
# An office after "et" ends a name: "… de Tétouan et coordinateur du comité".
_TITLE_START = re.compile(
    r"(?:co-?)?(?:coordinat|présiden|vice-présiden|directeu|directric|responsable|secrétaire"
    r"|trésori|membre|enseignant|chercheu|professeu|fondat|gérant|conseill|chef)\w*\b",
    re.I,
)


_FIELD_HEADS = {"centre", "institut", "ecole", "faculte", "pole"}
# "en marge de", "en présence de", "en mai": no field of a centre's name
_EN_PHRASES = {"marge", "partenariat", "presence", "collaboration", "coordination", "cours",
               "vue", "faveur", "charge", "matiere", "tant", "effet", "outre", "particulier",
               "plus", "partie", "lien", "date", "janvier", "fevrier", "mars", "avril", "mai",
               "juin", "juillet", "aout", "septembre", "octobre", "novembre",
               "decembre"}  # fmt: skip


def extend(
    text: str, tokens: list[Token], first: int, head_last: int, *, named: bool = False
) -> int:
    """Index of the last token of the name whose head ends at `head_last`. `named`: the
    name so far is a proper name ("Chaouia Industrial Parks"), which "pour …" does not
    continue."""
    last = head_last
    j = head_last + 1
    n = len(tokens)
    after_noun = True
    complemented = False
    # named: a capitalised word beyond the head: "Souss Green Packaging"
    while j < n and j - first < 22:
        t = tokens[j]
        gap = text[tokens[j - 1].end : t.start]
        if "\n" in gap or gap.strip():
            break
        if t.text == "," and _enumeration_follows(text, t.start):
            j += 1
            continue
        if t.cap and t.text.isalpha() is False and not t.text[0].isalpha():
            break
        if t.cap or (t.acronym and t.key.upper() not in NOT_ORG_ACRONYMS):
            if t.text in _STOP_CAPITALS:
                break
            last, j, after_noun, named = j, j + 1, False, True
            continue
        if t.key in CONNECTORS:
            k = j
            while k < n and tokens[k].key in CONNECTORS and k - j < 3:
                if tokens[k].key in ("et", "&") and _is_head_start(tokens, k + 1):
                    return last
                k += 1
            if k >= n or text[tokens[k - 1].end : tokens[k].start].strip():
                break
            nxt = tokens[k]
            if tokens[j].key == "a" and tokens[j].text != "à":
                break
            word = tokens[j].key
            field = (  # "Centre d'innovation en chimie verte": a school's or centre's field
                word == "en"
                and complemented
                and tokens[first].key in _FIELD_HEADS
                and not nxt.cap
                and nxt.key not in _EN_PHRASES
            )
            if (
                word == "a"
                or word == "en"
                and not (tokens[j - 1].key == "mise" and not nxt.cap or field)
            ):
                break
            if word == "pour" and re.search(r"(?:er|ir|re)$", nxt.key) and k == j + 1:
                break  # "la Chambre pour identifier des partenaires": a purpose, not the name
            purpose = (  # "Association Ferkla pour le développement oasien": its full name
                word == "pour"
                and tokens[first].key in _PURPOSE_HEADS
                and k == j + 2
                and tokens[j + 1].key in ("le", "la", "l", "les")
                and nxt.key not in _NOT_PURPOSE
            )
            if (
                word in ("pour", "au", "aux", "sur")
                and not nxt.cap
                and not purpose
                and (complemented or named or word != "pour" or nxt.key in _NOT_PURPOSE)
            ):
                break
            if word == "et" and (
                _TITLE_START.match(text, nxt.start) or _VERB.match(text, nxt.start)
            ):
                break  # "… de Tétouan et coordinateur du comité", "… du Commerce et bénéficie de"
            if word == "et" and (
                not complemented
                and not after_noun
                or nxt.cap
                and (k == j + 1 or tokens[j + 1].key in ("la", "le", "l", "les"))
                or not nxt.cap
                and k > j + 1
                and tokens[j + 1].key in ("la", "le", "l", "les", "de", "du", "des", "d")
                and not complemented
            ):
                break
            complemented = True
            if (nxt.cap and nxt.text not in _STOP_CAPITALS) or (
                _is_word(nxt.text)
                and not nxt.cap
                and not _NOT_ADJECTIVE.match(nxt.key)
                and len(nxt.key) > 2
            ):
                if nxt.cap and _is_head_start(tokens, k) and tokens[j].key in ("et", "au", "aux"):
                    return last
                last, j, after_noun = k, k + 1, True
                continue
            break
        if after_noun and _is_adjective(t):
            last, j = j, j + 1
            continue
        break
    return last


def _to_acronym(text: str, tokens: list[Token], last: int) -> int:
    """ "… des données à caractère personnel (CNDP)": lower-case words up to an acronym in
    parentheses close after the name belong to it, and so does a branch after a dash ("… de
    l'habillement – zone Nord (AMITH-ZN)")."""
    dashed = False
    for k in range(last + 1, min(last + 9, len(tokens) - 1)):
        t = tokens[k]
        if t.text == "(" and tokens[k + 1].acronym and k > last + 1:
            return k - 1
        if t.text in ("–", "—") and not dashed and k == last + 1:
            dashed = True
            continue
        if (
            not (_is_word(t.text) and t.text not in _STOP_CAPITALS or t.key in CONNECTORS)
            or "\n" in text[tokens[k - 1].end : t.start]
            or _is_head_start(tokens, k)
            and not t.acronym
            and not dashed
            or t.key == "et"
            and tokens[k + 1].key in ("la", "le", "l", "les")
        ):  # "… du Commerce et la Korea Trade … (KOTRA)": a second name, not this one's end
            return last
    return last


def _trim(tokens: list[Token], first: int, last: int) -> int:
    last = proper_end(tokens, first, last)
    while last > first and tokens[last].key in CONNECTORS:
        last -= 1
    return last


def proper_end(tokens: list[Token], first: int, last: int) -> int:
    """Where a name ends once a proper complement closed it ("… de Safi", "… du Commerce"):
    what follows in lower case is the sentence's ("… de Safi des entreprises de la région",
    "… du Commerce et les cotisations", "… d'Oujda et rencontrera …"), and so is another
    capitalised name after a comma ("Bosch Rexroth, Festo")."""
    proper = False
    for k in range(first + 1, last + 1):
        token = tokens[k]
        if token.key == "et" or token.text == ",":
            if token.text == "," and k + 1 <= last and tokens[k + 1].key not in _ARTICLES:
                return k - 1  # "Atlas Briques, trésorier", "Bosch Rexroth, Festo"
            nxt = k + 1
            while nxt <= last and tokens[nxt].key in _ARTICLES:
                nxt += 1
            if proper and (nxt > last or not tokens[nxt].cap):
                return k - 1
        elif token.key in _ARTICLES and proper:
            if not any(tokens[n].cap for n in range(k + 1, last + 1)):
                return k - 1
        elif token.cap and tokens[k - 1].key in _ARTICLES:
            proper = True
    return last


def find_organizations(text: str, tokens: list[Token]) -> list[OrgMention]:
    """Head-word names and acronyms, each tied to the parenthesised form that follows it."""
    found: list[OrgMention] = []
    i = 0
    n = len(tokens)
    while i < n:
        cue = tokens[i].key if tokens[i].key in COMPANY_CUES else None
        if cue is None and i + 1 < n and f"{tokens[i].key} {tokens[i + 1].key}" in COMPANY_CUES:
            cue = f"{tokens[i].key} {tokens[i + 1].key}"
        width = (1 if tokens[i].key == cue else 2) if cue else 0  # "start-up": one token
        while (  # "le groupe sino-marocain X", "la société casablancaise X"
            cue
            and width < 4
            and i + width + 1 < n
            and not tokens[i + width].cap
            and _is_word(tokens[i + width].text)
            and tokens[i + width].key not in CONNECTORS
            and not _NOT_ADJECTIVE.match(tokens[i + width].key)
            and (tokens[i + width + 1].cap or not tokens[i + width + 1].text[:1].isalpha())
            and tokens[i + width + 1].text not in _STOP_CAPITALS
        ):
            width += 1
        if (
            cue
            and not tokens[i].cap
            and i + width < n
            and tokens[i + width].cap
            and (tokens[i + width].text not in _STOP_CAPITALS)
        ):
            first = i + width
            last = _trim(tokens, first, extend(text, tokens, first, first))
            name = text[tokens[first].start : tokens[last].end]
            # the span starts at the cue, so "PDG du groupe X" reads "du" before the name
            acronym = name if tokens[first].acronym and first == last else None
            mention = OrgMention(
                tokens[i].start,
                tokens[last].end,
                name,
                _CUE_KINDS.get(cue, "company"),
                acronym=acronym,
            )
            mention.aliases.append(text[tokens[i].start : tokens[last].end])
            i = _parenthesis(text, tokens, last, mention)
            found.append(mention)
            continue
        if (
            tokens[i].key in ANAPHORIC_HEADS
            and not tokens[i].cap
            and i
            and tokens[i - 1].key in ("l", "la", "le", "cette", "cet", "ce", "du")
        ):  # "l'association", "la fédération", "du groupement": the body named before
            found.append(OrgMention(tokens[i].start, tokens[i].end, tokens[i].text,
                                    HEADS[tokens[i].key], generic=True))  # fmt: skip
            i += 1
            continue
        head = _head_at(tokens, i)
        if head is not None and i and tokens[i - 1].key in _PROGRAMMES:
            head = None  # "le Plan Maroc Vert": a programme named like a body
        if head is not None:
            key, head_last = head
            last = _to_acronym(text, tokens, _trim(tokens, i, extend(text, tokens, i, head_last)))
            generic = key not in PROPER_HEADS and (
                last == head_last
                or all(
                    not tokens[k].cap
                    and tokens[k].key not in CONNECTORS
                    and _is_adjective(tokens[k])
                    for k in range(head_last + 1, last + 1)
                )
            )
            if (
                key in ("maroc", "zone", "port", "cite", "direction", "credit", "parc")
                and last == head_last
            ):
                i += 1
                continue
            if key == "parc" and not (
                i + 1 <= last
                and tokens[i + 1].cap
                or i + 2 <= last
                and _is_adjective(tokens[i + 1])
                and tokens[i + 2].cap
            ):
                i += 1
                continue
            if key == "maroc" and not tokens[head_last + 1].cap:
                i += 1
                continue
            mention = OrgMention(
                tokens[i].start,
                tokens[last].end,
                text[tokens[i].start : tokens[last].end],
                _kind(key, text[tokens[i].start : tokens[last].end]),
                generic=generic,
            )
            i = _parenthesis(text, tokens, last, mention)
            found.append(mention)
            parent = _PARENT.search(mention.name)
            if parent and key != "universite":
                found.append(_parent(mention, parent))
            continue
        t = tokens[i]
        if (
            t.acronym
            and t.key.upper().replace("-", "") not in NOT_ORG_ACRONYMS
            and len(t.text) <= 12
            and not (i >= 2 and tokens[i - 1].text == "/" and tokens[i - 2].acronym)
        ):  # "CRI/SM": one acronym written with its region, not two bodies
            last = i
            # "CGEM Tanger-Tétouan-Al Hoceima", "CCIS TTA", "AHK Maroc": a branch's name
            while (
                last + 1 < n
                and (tokens[last + 1].cap or tokens[last + 1].acronym)
                and not text[tokens[last].end : tokens[last + 1].start].strip()
                and "\n" not in text[tokens[last].end : tokens[last + 1].start]
                and (tokens[last + 1].text not in _STOP_CAPITALS)
            ):
                last += 1
            last = _branch_place(text, tokens, last)
            name = text[t.start : tokens[last].end]
            acronym = t.text if last == i else None
            mention = OrgMention(t.start, tokens[last].end, name, "other", acronym=acronym)
            i = _parenthesis(text, tokens, last, mention)
            found.append(mention)
            continue
        i += 1
    return found


_OF_PLACE = re.compile(r"\s+(?:de\s+la\s+région\s+(?:de\s+l'|de\s+)?|de\s+l'|du\s+|d'|de\s+)")


def _branch_place(text: str, tokens: list[Token], last: int) -> int:
    """ "la CCIS de l'Oriental", "le CRI de Fès-Meknès": an acronym with the town or region
    of its branch is one name."""
    place_end = _place_after(text, tokens[last].end, of=True)
    if place_end is None:
        return last
    k = last
    while k + 1 < len(tokens) and tokens[k + 1].end <= place_end:
        k += 1
    return k


def _place_after(text: str, at: int, of: bool = False) -> int | None:
    """Where "de Fès-Meknès", "de l'Oriental", "de la région Souss-Massa" (or, unless `of`,
    plain "Souss-Massa") starting at `at` ends: the branch of the body named before it."""
    from .places import find_places

    m = _OF_PLACE.match(text, at) or (None if of else re.compile(r"\s+").match(text, at))
    if not m:
        return None
    if "l'" in m.group() and re.match(r"Oriental\b", text[m.end() : m.end() + 9]):
        return m.end() + len("Oriental")
    places = find_places(text[m.end() : m.end() + 60])
    if not places or places[0].start != 0:
        return None
    return m.end() + places[0].end


def _parenthesis(text: str, tokens: list[Token], last: int, mention: OrgMention) -> int:
    """Ties "(ACRONYM)" after a name to it; the index of the first token after both."""
    m = re.match(r"\s*\(([^()\n]{2,60})\)", text[tokens[last].end : tokens[last].end + 64])
    if not m:
        return last + 1
    inner = " ".join(m.group(1).split())
    first_word = inner.split()[0]
    if first_word == "Université":
        return last + 1  # "la Faculté … d'Errachidia (Université Moulay Ismail)": its parent
    letters = [c for c in first_word if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 2:
        mention.aliases.append(inner)
        if len(inner.split()) == 1:
            mention.acronym = inner
    close = tokens[last].end + m.end()
    place_end = _place_after(text, close)
    if place_end:  # "le Centre régional d'investissement (CRI) de Fès-Meknès": one name
        tail = text[close:place_end]
        mention.aliases = [
            f"{alias}{tail}" if alias == inner else alias for alias in mention.aliases
        ]
        mention.name = f"{mention.name}{tail}"
        mention.end = close = place_end
    while last + 1 < len(tokens) and tokens[last + 1].start < close:
        last += 1
    return last + 1


_PARENT = re.compile(r"\bde\s+l'(Université(?:\s+[A-Z][\w'-]*)+)$")


def _parent(mention: OrgMention, m: re.Match) -> OrgMention:
    """ "la Cité de l'innovation de l'Université Ibn Zohr": the university, a body of its own,
    that takes the acronym its initials spell ("(USMBA)")."""
    name = m.group(1)
    start = mention.start + m.start(1)
    initials = "".join(w[0] for w in name.split())
    acronym = None
    if mention.acronym == initials:
        acronym, mention.acronym = initials, None
        mention.aliases = [a for a in mention.aliases if a != initials]
    return OrgMention(start, start + len(name), name, "university", acronym=acronym)


def _kind(head: str, name: str) -> str:
    folded = fold(name)
    if folded.startswith("centre regional d investissement"):
        return "investment-center"
    if head == "conseil" and not re.search(
        r"\b(?:region|regional|provincial|prefectoral|communal|commune)", folded
    ):
        return "other"
    return HEADS.get(head, "other")
