"""The French reader end to end on short articles written for the test: people with their
titles and affiliations, organisations and acronyms, the event, roles and agreements; the
language detection that chooses it; mixed Arabic articles; text it must survive."""

import time
from datetime import date

import pytest

from extraction.extractor import extract_article
from extraction.extractor.french.mixed import latin_passages, skeleton
from extraction.extractor.pipeline import READERS, detect_language

FORUM = """Tanger : l'industrie automobile cherche ses fournisseurs

Le Journal du Nord – Tanger

La quatrième édition du Forum régional de la sous-traitance industrielle s'est tenue \
mardi dernier à Tanger, à l'initiative de la Chambre de commerce, d'industrie et de services \
de la région Tanger-Tétouan-Al Hoceima (CCIS TTA), en partenariat avec l'Agence marocaine de \
développement des investissements et des exportations (AMDIE).

« Nous devons doubler le taux d'intégration locale », a déclaré le président de la CCIS TTA, \
Omar Bennani, à l'ouverture des travaux.

Mme Salma Idrissi, directrice générale de Câbles du Détroit, a présenté le plan de son \
entreprise. Le directeur du pôle Export de l'AMDIE, Youssef Alami, a pour sa part détaillé \
les aides à l'export.

Temps fort de la rencontre, la CCIS TTA et l'AMDIE ont signé une convention de partenariat \
d'un montant de 12 millions de dirhams sur la période 2025-2027. Elle a été paraphée par \
M. Bennani et M. Alami.
"""
PUBLISHED = date(2025, 6, 12)  # a Thursday: "mardi dernier" is 10 June


@pytest.fixture(scope="module")
def record():
    return extract_article(FORUM, published_on=PUBLISHED)


def names(items):
    return {i["name"] for i in items}


def test_source_and_language(record):
    assert record["source"]["language"] == "fr"
    assert record["source"]["title"].startswith("Tanger : l'industrie")


def test_organisations_and_acronyms(record):
    orgs = {o["name"]: o for o in record["organizations"]}
    chamber = orgs[
        "Chambre de commerce, d'industrie et de services de la région Tanger-Tétouan-Al Hoceima"
    ]
    assert "CCIS TTA" in chamber["aliases"]
    assert (
        orgs["Agence marocaine de développement des investissements et des exportations"]["acronym"]
        == "AMDIE"
    )
    assert "Câbles du Détroit" in orgs  # a company named by a title's affiliation
    assert not any(name in orgs for name in ("CCIS TTA", "AMDIE", "Le Journal du Nord"))


def test_people_titles_and_affiliations(record):
    people = {p["name"]: p for p in record["people"]}
    assert set(people) == {"Omar Bennani", "Salma Idrissi", "Youssef Alami"}
    assert "Bennani" in people["Omar Bennani"]["aliases"]

    def position(name):
        return [(p["title"], p["organization"]) for p in people[name]["positions"]]

    chamber = (
        "Chambre de commerce, d'industrie et de services de la région Tanger-Tétouan-Al Hoceima"
    )
    assert position("Omar Bennani") == [("président", chamber)]  # title before the name
    assert position("Salma Idrissi") == [("directrice générale", "Câbles du Détroit")]
    assert position("Youssef Alami") == [
        ("directeur du pôle Export",
         "Agence marocaine de développement des investissements et des exportations")
    ]  # fmt: skip


def test_event_fields_and_roles(record):
    (event,) = record["events"]
    assert event["kind"] == "forum" and event["edition"] == 4
    assert event["start_date"] == event["end_date"] == "2025-06-10"
    assert event["city"] == "طنجة" and event["region"] == "tanger-tetouan-al-hoceima"
    roles = {o["name"]: o["role"] for o in event["organizations"]}
    assert (
        roles["Agence marocaine de développement des investissements et des exportations"]
        == "partner"
    )
    assert "organizer" in roles.values()


def test_agreement_amount_and_period(record):
    (agreement,) = record["agreements"]
    assert agreement["kind"] == "partnership"
    assert agreement["amount_mad"] == 12_000_000
    assert (agreement["period_start"], agreement["period_end"]) == (2025, 2027)
    assert len(agreement["parties"]) == 2


def test_every_span_quotes_a_sentence_of_the_text(record):
    for kind in ("events", "organizations", "people", "agreements"):
        for item in record[kind]:
            start, end = item["span"]
            assert 0 <= start < end <= len(FORUM)
    people = {p["name"]: p for p in record["people"]}
    start, end = people["Salma Idrissi"]["span"]
    assert "Salma Idrissi" in FORUM[start:end]


def test_a_board_list_and_respectively():
    text = """Fès : nouveau bureau pour l'Association des tanneurs de Fès

L'Association des tanneurs de Fès (ATF) a tenu samedi dernier son assemblée générale élective.

Le nouveau bureau se présente comme suit :
- Karim Tazi : président ;
- Nadia Fassi, gérante de Cuirs du Saïss : trésorière.

Hamid Alaoui et Sanae Berrada ont été élus respectivement vice-président et secrétaire générale.
"""
    record = extract_article(text, published_on=PUBLISHED)
    people = {
        p["name"]: {(x["title"], x["organization"]) for x in p["positions"]}
        for p in record["people"]
    }
    body = "Association des tanneurs de Fès"
    assert people["Karim Tazi"] == {("président", body)}
    assert people["Nadia Fassi"] == {("gérante", "Cuirs du Saïss"), ("trésorière", body)}
    assert ("vice-président", body) in people["Hamid Alaoui"]
    assert ("secrétaire générale", body) in people["Sanae Berrada"]
    assert record["events"][0]["kind"] == "general-assembly"


def test_officials_by_office_and_ministers():
    text = """Une convention signée à Oujda

La cérémonie s'est tenue lundi à Oujda sous la présidence du wali de la région de l'Oriental, \
gouverneur de la préfecture d'Oujda-Angad, Ahmed Karimi. La ministre de l'Industrie et du \
Commerce, Leïla Benali, a salué le projet.
"""
    record = extract_article(text, published_on=PUBLISHED)
    people = {p["name"]: p["positions"] for p in record["people"]}
    assert people["Ahmed Karimi"][0]["organization"] is None
    assert people["Ahmed Karimi"][0]["title"].startswith("gouverneur")
    assert people["Leïla Benali"] == [{"title": "ministre de l'Industrie et du Commerce",
                                       "organization":
                                       "ministère de l'Industrie et du Commerce"}]  # fmt: skip
    assert "Benali" not in {o["name"] for o in record["organizations"]}


def test_a_surname_that_is_a_town_stays_a_name():
    text = "Le président de la fédération, Karim Benslimane, a ouvert le forum à Rabat lundi."
    record = extract_article(text, published_on=PUBLISHED)
    assert names(record["people"]) == {"Karim Benslimane"}
    assert record["events"][0]["city"] == "الرباط"


# -- language detection and dispatch --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (FORUM, "fr"),
        ("افتتح المنتدى الجهوي للاستثمار أشغاله بمدينة وجدة بحضور والي الجهة.", "ar"),
        ("The regional investment forum opened in Oujda with the governor of the region.", "en"),
        (
            "El foro regional de inversión se celebró en Tánger con los empresarios del sector.",
            "es",
        ),
        ("", None),
        ("12 345 — 2025", None),
    ],
)
def test_language_detection(text, language):
    assert detect_language(text) == language


def test_an_arabic_article_with_a_french_list_is_arabic():
    text = "انتخب المكتب الجديد للجمعية على النحو التالي:\n- M. Karim Tazi, Président de la FMP\n"
    assert detect_language(text * 3) == "ar"


def test_each_language_has_its_reader_behind_one_interface():
    assert {"ar", "fr"} <= set(READERS)
    for language, reader in READERS.items():
        assert reader.language == language and callable(reader.read)


# -- mixed articles -------------------------------------------------------------------------


def test_latin_passages_of_an_arabic_article():
    text = (
        "وقعت الاتفاقية الإطار لتهيئة المنطقة الصناعية الجديدة بالدار البيضاء، يوم الثلاثاء، "
        "بحضور عدد من المنتخبين والمسؤولين والفاعلين الاقتصاديين بالجهة، ووقعها كل من:\n"
        "- M. Driss Benali, Président du Conseil de la Région Casablanca-Settat\n"
        "- Mme Houda Alami, Directrice générale de Atlas Finance\n"
        "وتهدف الاتفاقية إلى تسريع تهيئة المناطق الصناعية وتوفير العقار الصناعي للمستثمرين."
    )
    ((start, end),) = latin_passages(text)
    assert text[start:end].startswith("- M. Driss Benali") and text[start:end].endswith(
        "Atlas Finance"
    )
    record = extract_article(text, published_on=PUBLISHED)
    assert record["source"]["language"] == "ar"
    people = {p["name"]: p for p in record["people"]}
    positions = [
        (p["title"].lower(), p["organization"]) for p in people["Houda Alami"]["positions"]
    ]
    assert ("directrice générale", "Atlas Finance") in positions
    assert "Atlas Finance" in names(record["organizations"])
    a, b = people["Houda Alami"]["span"]
    assert "Houda Alami" in text[a:b]  # offsets in the whole article


def test_a_latin_board_list_in_an_arabic_article_is_the_assembly_body_s_board():
    text = (
        "النواصر.. رئيسة جديدة لجمعية صناعيي ميدبارك\n\n"
        "♦ مجلة صناعة المغرب — من النواصر\n\n"
        "انتخب الجمع العام العادي لجمعية صناعيي ميدبارك، المنعقد يوم الجمعة 26 يونيو 2026 "
        "بالنواصر، مكتبا مسيرا جديدا للجمعية لولاية من ثلاث سنوات. وتشكل المكتب على الشكل "
        "التالي:\n\n"
        "• Omar Lahlou, CEO d'Atlas Harness Aero : Vice-président\n"
        "• Leila Naciri, Gérante de SkyTest Services : Membre\n"
    )
    record = extract_article(text, published_on=date(2026, 6, 30))
    body = "جمعية صناعيي ميدبارك"
    assert [o for o in record["events"][0]["organizations"] if o["role"] == "organizer"] == [
        {"name": body, "role": "organizer"}
    ]  # not the outlet of the dateline
    people = {p["name"]: p["positions"] for p in record["people"]}
    assert {"title": "vice-président", "organization": body} in people["Omar Lahlou"]
    assert {"title": "CEO", "organization": "Atlas Harness Aero"} in people["Omar Lahlou"]
    assert {"title": "membre", "organization": body} in people["Leila Naciri"]


def test_a_latin_name_and_its_arabic_spelling_sound_alike():
    assert skeleton("Anas Benjelloun") == skeleton("أنس بنجلون")
    assert skeleton("Leila Chraibi") == skeleton("ليلى الشرايبي")
    assert skeleton("Karim Tazi") != skeleton("كريم العلوي")


# -- robustness -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "<html><body><p>Le <b>Forum</b> de l'industrie s'est tenu à Fès.</p></body></html>",
        "Le forum \ud800 s'est tenu \x00 à Rabat \ufeff le 3 mars.",
        "The forum on industry was held in Casablanca on Tuesday with the federation.",
        "El foro de la industria se celebró en Casablanca con la federación.",
        "(((( )))) « » -- ;;; M. Mme ,,, 2024-2025 DH MDH",
    ],
    ids=["empty", "blank", "html", "broken-unicode", "english", "spanish", "punctuation"],
)
def test_odd_texts_give_a_record_not_a_crash(text):
    record = extract_article(text, published_on=PUBLISHED)
    assert set(record) == {"source", "events", "organizations", "people", "agreements"}
    if record["source"]["language"] not in ("ar", "fr"):
        assert record["events"] == record["organizations"] == record["people"] == []


def test_html_tags_are_not_read_as_words():
    html = (
        "<div class='Office'><p>Le <b>Forum</b> régional s'est tenu à Fès le 3 mars 2025.</p></div>"
    )
    record = extract_article(html, published_on=PUBLISHED)
    assert record["source"]["language"] == "fr"
    assert record["events"][0]["city"] == "فاس"
    assert "Office" not in names(record["organizations"])


def test_a_megabyte_of_french_is_read_in_bounded_time():
    text = (FORUM + "\n") * (1_000_000 // len(FORUM) + 1)
    started = time.perf_counter()
    record = extract_article(text, published_on=PUBLISHED)
    assert time.perf_counter() - started < 30
    assert record["source"]["language"] == "fr" and record["events"]


def test_a_dateline_date_is_not_the_event_date():
    text = """Les Assises de l'industrie s'ouvrent à Errachidia

Errachidia, 18 avril 2025 (Eco Sud) – Les premières Assises régionales de l'industrie se \
tiennent depuis jeudi à Errachidia, à l'initiative du Conseil de la région Drâa-Tafilalet, \
avec la participation de nombreux industriels de la région et de leurs partenaires.
"""
    (event,) = extract_article(text, published_on=date(2025, 4, 18))["events"]
    assert event["start_date"] == "2025-04-17" and event["edition"] == 1
    assert event["kind"] == "conference" and event["region"] == "draa-tafilalet"


def test_the_author_of_the_article():
    """A byline under the headline or a signature on the last line, as "كاتب المقال" in Arabic."""
    signed = extract_article(
        "Le salon du terroir ouvre ses portes\n\nPar Lahcen Ait Bihi | Le 12/01/2026\n\n"
        "Le salon, organisé à Guelmim, a été inauguré par Karim Alaoui, directeur de l'ADA."
    )
    positions = {p["name"]: p["positions"] for p in signed["people"]}
    assert positions["Lahcen Ait Bihi"] == [{"title": "auteur de l'article", "organization": None}]
    assert positions["Karim Alaoui"][0]["title"] == "directeur"
    correspondent = extract_article(
        "Trois zones d'activités à Fès\n\nDe notre correspondant à Fès, Hicham Ouazzani\n\n"
        "Une convention a été signée mardi à Fès.\n\nPropos recueillis par Yassine Alami"
    )
    positions = {p["name"]: p["positions"] for p in correspondent["people"]}
    assert positions["Hicham Ouazzani"] == [{"title": "auteur de l'article", "organization": None}]
    assert positions["Yassine Alami"] == [{"title": "auteur de l'article", "organization": None}]


def test_a_byline_after_the_outlet_s_pipes_and_a_signature_in_capitals():
    body = (
        "La convention a été signée lundi à Ouarzazate par Samira Idrissi, directrice "
        "générale du Centre régional d'investissement, en présence des élus de la région."
    )
    piped = extract_article(
        "Une convention à Ouarzazate\n\nAbda24 | Économie | Publié le lundi 16 février 2026 | "
        f"Par Hamid Ouchen\n\n{body}"
    )
    signed = extract_article(f"Une convention à Ouarzazate\n\n{body}\n\nMohamed AIT BAHA")
    newsroom = extract_article(f"Une convention à Ouarzazate\n\n{body}\n\nRédaction Oriental Info")
    author = [{"title": "auteur de l'article", "organization": None}]
    assert {p["name"]: p["positions"] for p in piped["people"]}["Hamid Ouchen"] == author
    assert {p["name"]: p["positions"] for p in signed["people"]}["Mohamed AIT BAHA"] == author
    assert all(p["positions"] != author for p in newsroom["people"])


def test_a_commune_or_province_is_no_one_and_an_oil_mill_is_a_company():
    record = extract_article(
        "Un salon du terroir à Guelmim\n\nLes coopératives d'Assa-Zag et de Tan-Tan exposent. "
        "Driss Amrani, gérant de l'huilerie Zitouna Tahla, a présenté ses huiles."
    )
    names = {p["name"] for p in record["people"]}
    assert "Assa-Zag" not in names
    positions = {p["name"]: p["positions"] for p in record["people"]}
    # the company's own name, as "le groupe OCP" gives "OCP"
    assert positions["Driss Amrani"] == [{"title": "gérant", "organization": "Zitouna Tahla"}]


def test_the_knowledge_base_s_longer_name_wins_over_a_name_cut_at_a_title_word():
    """ "chefs" reads as a title word and cut the name; the base knows the whole of it."""
    record = extract_article(
        "Assemblée à Oujda\n\nNadia Bekkali, présidente de l'Association des femmes chefs "
        "d'entreprises du Maroc, a ouvert samedi l'assemblée générale à Oujda."
    )
    assert {o["name"] for o in record["organizations"]} == {
        "Association des femmes chefs d'entreprises du Maroc"
    }
    (person,) = record["people"]
    assert person["positions"] == [
        {
            "title": "présidente",
            "organization": "Association des femmes chefs d'entreprises du Maroc",
        }
    ]


def test_a_byline_the_model_misses_is_read_from_its_line():
    record = extract_article(
        "Trois conventions à El Jadida\n\nPar Hamid Oubella | Publié le 05/02/2026 à 11h30\n\n"
        "Trois conventions ont été signées lundi dernier à El Jadida."
    )
    positions = {p["name"]: p["positions"] for p in record["people"]}
    assert positions["Hamid Oubella"] == [{"title": "auteur de l'article", "organization": None}]


def test_the_company_a_manager_runs_and_the_one_a_description_follows():
    """No head word makes these companies: the job before them and the description after."""
    record = extract_article(
        "Forum de la sous-traitance à Mohammedia\n\nLe forum s'est tenu jeudi à Mohammedia. "
        "Leila Fassi, directrice générale de la Minoterie Tadla, a ouvert les débats. "
        "Omar Bennis, directeur du site de Mohammedia de Portline Terminals, a suivi. "
        "Parmi les exposants figure Argan Tighmert, spécialisée dans l'huile cosmétique. "
        "Karim Alaoui, directeur régional de l'Industrie et du Commerce, était présent."
    )
    companies = {o["name"] for o in record["organizations"] if o["kind"] == "company"}
    assert {"Minoterie Tadla", "Portline Terminals", "Argan Tighmert"} <= companies
    assert not companies & {"Industrie", "Industrie et du Commerce", "Mohammedia"}
    positions = {p["name"]: p["positions"] for p in record["people"]}
    assert positions["Omar Bennis"] == [
        {"title": "directeur du site de Mohammedia", "organization": "Portline Terminals"}
    ]
    assert "Argan Tighmert" not in positions


def test_the_dateline_s_town_in_the_region_the_event_s_sentence_names():
    record = extract_article(
        "Des investisseurs coréens prospectent\n\nNoun Press – Guelmim, jeudi 28 novembre 2024\n\n"
        "Une délégation d'hommes d'affaires coréens a séjourné de lundi à mercredi dans la "
        "région Guelmim-Oued Noun. Elle comprenait le directeur du bureau de la KOTRA à "
        "Casablanca."
    )
    (event,) = record["events"]
    assert (event["city"], event["region"]) == ("كلميم", "guelmim-oued-noun")


def test_a_name_closed_by_its_proper_complement_leaves_the_sentence_s_words_out():
    record = extract_article(
        "Journée de la sous-traitance à Safi\n\n"
        "L'École nationale des sciences appliquées de Safi des entreprises de la région a "
        "accueilli mardi la rencontre, financée par le ministère de l'Industrie et du Commerce "
        "et les cotisations des membres. Le Conseil de la région de Marrakech-Safi d'ici la fin "
        "de l'année lancera un appel. Parmi les exposants, Bosch Rexroth, Festo et la "
        "Coopérative laitière Al Fath. SM le Roi a adressé un message. Onze projets ont été "
        "approuvés par la Commission régionale unifiée d'investissement."
    )
    names = {o["name"] for o in record["organizations"]}
    assert {
        "École nationale des sciences appliquées de Safi",
        "ministère de l'Industrie et du Commerce",
        "Conseil de la région de Marrakech-Safi",
        "Coopérative laitière Al Fath",
        "Commission régionale unifiée d'investissement",
    } <= names
    assert not any(n.endswith(("région", "membres", "année", ", Festo")) for n in names)
    assert "SM" not in names


def test_a_named_event_with_its_edition_wins_over_a_common_noun_met_first():
    record = extract_article(
        "Tiznit planche sur sa bijouterie\n\nHespress FR – Dimanche 22 juin 2025\n\n"
        "Les bijoutiers peuvent-ils passer de l'atelier à la petite industrie ? C'est le fil "
        "conducteur de la 2e édition de la Conférence régionale sur la filière de l'argent, "
        "tenue hier samedi à Tiznit."
    )
    (event,) = record["events"]
    assert (event["kind"], event["edition"]) == ("conference", 2)


def test_a_company_listed_after_a_comma_is_a_body_of_its_own():
    record = extract_article(
        "Assemblée à Béni Mellal\n\nL'assemblée s'est tenue samedi à Béni Mellal. Le président "
        "sera épaulé par un bureau : Lahcen Boutaleb, secrétaire général ; Omar Lagzouli, PDG "
        "d'Atlas Briques, trésorier, et Siham Ezzahraoui, trésorière adjointe. La délégation "
        "comprenait des représentants de Bosch Rexroth, Festo et du fabricant Turner GmbH."
    )
    names = {o["name"] for o in record["organizations"]}
    assert not any("," in name for name in names)


def test_the_story_after_a_standfirst_and_its_dated_byline_gives_the_event():
    record = extract_article(
        "Tanger : un équipementier inaugure son usine\n\n"
        "Un site de 30.000 m² et un millier d'emplois attendus : l'équipementier parie sur la "
        "plateforme du Détroit pour servir les constructeurs de véhicules électriques.\n\n"
        "Industries du Maroc — Tanger | Publié le 3 juin 2025\n\n"
        "L'équipementier Kessler Automotive Systems a inauguré, hier lundi, son unité de "
        "production implantée dans la zone franche de Tanger, à Tanger, la première du groupe.\n\n"
        "Le directeur de l'usine a ensuite conduit la visite des ateliers, où chaque faisceau "
        "est contrôlé avant son envoi vers les constructeurs européens.",
        published_on=date(2025, 6, 3),
    )
    (event, *_) = record["events"]
    assert (event["kind"], event["start_date"]) == ("other", "2025-06-02")


@pytest.mark.parametrize(
    ("spread", "end"),
    [
        ("Organisé sur deux jours", "2025-11-21"),
        ("Trois jours durant", "2025-11-22"),
        ("Ouvert pour deux jours de travaux", "2025-11-21"),
    ],
)
def test_a_forum_opened_on_a_day_and_said_to_last_days(spread, end):
    record = extract_article(
        "Oujda accueille le Forum de l'investissement\n\n"
        "Oujda, 20/11/2025 (MAP) - Les travaux du Forum de l'investissement industriel de "
        f"l'Oriental se sont ouverts jeudi à Oujda. {spread}, il réunit 500 opérateurs "
        "économiques venus du Maroc et de l'étranger autour des zones d'activités de la région.",
        published_on=date(2025, 11, 20),
    )
    (event,) = record["events"]
    assert (event["start_date"], event["end_date"]) == ("2025-11-20", end)


def test_the_town_an_assembly_is_held_at_over_one_in_its_venue_s_name():
    record = extract_article(
        "Cluster : un nouveau président\n\nLe Journal – 11 février 2025\n\n"
        "Le cluster a élu samedi dernier son président lors de son assemblée générale tenue au "
        "Technopolis de Rabat-Salé, à Salé, en présence d'une soixantaine d'entreprises "
        "membres et de laboratoires.",
        published_on=date(2025, 2, 11),
    )
    (event,) = record["events"]
    assert event["city"] == "سلا"


def test_a_university_named_inside_a_centre_s_name_or_after_a_faculty_is_a_body():
    record = extract_article(
        "Fès : mission textile\n\nLe Journal – 12 juin 2025\n\n"
        "La délégation a visité la Cité de l'innovation de l'Université Sidi Mohamed Ben "
        "Abdellah (USMBA), puis la Faculté des sciences et techniques d'Errachidia (Université "
        "Moulay Ismail), avant de rencontrer la commission régionale unifiée d'investissement.",
        published_on=date(2025, 6, 12),
    )
    found = {o["name"]: o for o in record["organizations"]}
    assert found["Université Sidi Mohamed Ben Abdellah"]["acronym"] == "USMBA"
    assert (
        found["Cité de l'innovation de l'Université Sidi Mohamed Ben Abdellah"]["acronym"] is None
    )
    assert {"Université Moulay Ismail", "commission régionale unifiée d'investissement"} <= set(
        found
    )


def test_the_items_of_a_list_of_companies_are_companies_but_its_towns_and_countries_are_not():
    record = extract_article(
        "Berrechid : des industriels turcs en prospection\n\nLe Journal – 12 juin 2025\n\n"
        "Une trentaine de rencontres B2B ont été organisées avec des entreprises locales, parmi "
        "lesquelles Chaouia Plast, Berrechid Textile Industrie et Atlas Mécanique de Précision. "
        "Parmi elles figurent le fabricant de linge de maison Têxteis Ribeiro et l'ennoblisseur "
        "Acabamentos Vale do Ave. Les exposants, dont la zone industrielle de Sidi Ghanem, "
        "viennent de Turquie et du Portugal.",
        published_on=date(2025, 6, 12),
    )
    companies = {o["name"] for o in record["organizations"] if o["kind"] == "company"}
    assert {
        "Chaouia Plast",
        "Berrechid Textile Industrie",
        "Atlas Mécanique de Précision",
        "Têxteis Ribeiro",
        "Acabamentos Vale do Ave",
    } <= companies
    assert not companies & {"Sidi Ghanem", "Turquie", "Portugal"}


def test_a_regional_director_of_two_fields_is_no_company_named_after_the_second():
    record = extract_article(
        "Nador : nouveau bureau\n\nLe Journal – 12 avril 2025\n\n"
        "Le directeur régional de l'Industrie et du Commerce de l'Oriental, Jamal Eddine Harrak, "
        "a salué une transition exemplaire et invité l'association à faire remonter les projets.",
        published_on=date(2025, 4, 12),
    )
    assert not any(o["name"].startswith("Commerce") for o in record["organizations"])
    (person,) = record["people"]
    assert person["positions"][0]["title"] == (
        "directeur régional de l'Industrie et du Commerce de l'Oriental"
    )


def test_a_visit_that_goes_on_until_a_day_named_paragraphs_later():
    record = extract_article(
        "Al Hoceïma : des opérateurs de Murcie en prospection\n\n"
        "Al Hoceïma, 21/05/2025 (MAP) – Une délégation d'une vingtaine d'opérateurs économiques "
        "de la région espagnole de Murcie a été reçue, mardi, au siège de la Chambre à Al "
        "Hoceïma.\n\nLes échanges ont porté sur la pêche, l'agroalimentaire et le tourisme.\n\n"
        "Les opérateurs ont présenté leurs projets aux élus de la Chambre.\n\n"
        "Le programme de la visite, qui se poursuit jusqu'à jeudi, comprend des rencontres B2B.",
        published_on=date(2025, 5, 21),
    )
    (event,) = record["events"]
    assert (event["start_date"], event["end_date"]) == ("2025-05-20", "2025-05-22")


def test_a_centre_s_or_an_institute_s_field_and_its_adjectives_stay_in_its_name():
    record = extract_article(
        "Safi : la chimie verte\n\nLe Journal – 12 juin 2025\n\n"
        "Le Centre d'innovation en chimie verte a présenté ses travaux en présence de "
        "l'Institut de technologie des pêches maritimes de Dakhla, en marge du forum régional.",
        published_on=date(2025, 6, 12),
    )
    names = {o["name"] for o in record["organizations"]}
    assert {
        "Centre d'innovation en chimie verte",
        "Institut de technologie des pêches maritimes de Dakhla",
    } <= names
    assert not any("marge" in name or "présence" in name for name in names)
