"""The French reader on constructions of outlets the first rules did not see (round 2):
press spellings of towns, Roman and other editions, editions of other events, amounts in
every common unit, "La seconde lie …" agreements, a title in apposition inside a list,
"X, PDG de Y, a été élu président", "la ministre, X" after her ministry, places read as
organisations, "délégation provinciale" that is no visit, "au terme de trois jours"."""

from datetime import date

import pytest

from extraction.extractor import extract_article
from extraction.extractor.french.amounts import find_amounts
from extraction.extractor.french.kinds import find_agreements, find_editions, find_events
from extraction.extractor.french.places import find_places
from extraction.extractor.french.text import Text

PUBLISHED = date(2025, 6, 17)  # a Tuesday


def positions(record):
    return {
        p["name"]: {(x["title"], x["organization"]) for x in p["positions"]}
        for p in record["people"]
    }


# -- places -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spelling", "city"),
    [
        ("Taroudant", "تارودانت"),  # the gazetteer writes "Taroudannt"
        ("Fkih Ben Salah", "الفقيه بن صالح"),
        ("Kelâa des Sraghna", "قلعة السراغنة"),
        ("Smara", "السمارة"),
        ("Ouazzane", "وزان"),
        ("Er-Rachidia", "الرشيدية"),
        ("Mohammedia", "المحمدية"),
        ("Laâyoune", "العيون"),
        ("Béni Mellal", "بني ملال"),
    ],
)
def test_press_spellings_of_towns(spelling, city):
    (place,) = find_places(f"La rencontre a eu lieu à {spelling} mardi.")
    assert place.place.name == city and place.locative


def test_the_event_city_is_not_a_city_named_for_another_event():
    text = """Taroudant accueille le forum des agrumes

Près de 600 producteurs ont pris part, les 3 et 4 novembre, à la 3ème édition du Forum \
régional de l'agrumiculture, organisée à Taroudant par la Chambre d'agriculture de la région \
Souss-Massa en partenariat avec l'Université Ibn Zohr d'Agadir.

Un programme sera présenté lors du Salon international de l'agriculture au Maroc (SIAM), \
dont la 18e édition se tiendra à Meknès en avril.
"""
    (event,) = extract_article(text, published_on=date(2025, 11, 5))["events"]
    assert event["city"] == "تارودانت" and event["region"] == "souss-massa"
    assert event["edition"] == 3


# -- editions ---------------------------------------------------------------------------------


def test_roman_editions():
    found = find_editions("La IIe édition, puis la IIIe édition et la XIIème édition.")
    assert [n for n, _ in found] == [2, 3, 12]
    assert find_editions("la vie édition") == []  # a word, not VI
    (event, *_rest) = find_events("la IIIe édition du Salon de la pêche de Safi")
    assert event.edition == 3
    (salon,) = find_events("Le Salon a ouvert ses portes.")
    assert salon.edition is None  # "Le" is no Roman fifty


def test_an_edition_of_another_event_or_a_future_one_is_not_taken():
    text = """Un atelier sur l'eau à Safi

L'atelier régional sur l'eau industrielle s'est tenu mardi à Safi, en marge de la 18e \
édition du Salon international de l'agriculture. La quatrième édition se tiendra en 2026.
"""
    (event,) = extract_article(text, published_on=PUBLISHED)["events"]
    assert event["kind"] == "workshop" and event["edition"] is None


def test_pour_sa_edition():
    text = """Communiqué

L'Association marocaine de la maintenance industrielle annonce la tenue, pour sa 5e édition, \
des Journées de la maintenance industrielle, les 24 et 25 février 2026 à El Jadida.
"""
    (event,) = extract_article(text, published_on=date(2026, 1, 20))["events"]
    assert event["edition"] == 5 and event["city"] == "الجديدة"
    assert (event["start_date"], event["end_date"]) == ("2026-02-24", "2026-02-25")


# -- amounts and agreements -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,3 MMDH", 1_300_000_000),
        ("2,5 Mds de DH", 2_500_000_000),
        ("1 200 millions de dirhams", 1_200_000_000),
        ("8,5 MDHS", 8_500_000),
        ("1,2 Mrds DH", 1_200_000_000),
        ("deux milliards de dirhams", 2_000_000_000),
        ("3 milliards MAD", 3_000_000_000),
    ],
)
def test_amount_units(text, value):
    assert [a.value for a in find_amounts(f"un investissement global de {text}.")] == [value]


def test_number_words_need_a_scale():
    assert find_amounts("deux dirhams, trois millions d'emplois") == []


def test_the_second_of_two_agreements_without_a_comma():
    text = (
        "Deux conventions ont été signées. La première, entre la Chambre et l'Université, porte "
        "sur un centre d'essais. La seconde lie le Centre régional d'investissement au promoteur "
        "Chaouia Parks, d'un investissement global de 1,3 MMDH."
    )
    bounds = [(s.start, s.end) for s in Text(text).sentences]
    items = [a for a in find_agreements(text, bounds) if a.signed]
    assert len(items) == 2 and text[items[1].start :].startswith("La seconde")


def test_an_agreement_to_be_signed_with_its_parties_and_money():
    text = """Safi prépare son salon

Une convention entre la Chambre de commerce, d'industrie et de services de la région \
Marrakech-Safi et l'Institut national de recherche halieutique (INRH), d'une enveloppe de \
6 millions de dirhams, portera sur le suivi des stocks de sardine.
"""
    (agreement,) = extract_article(text, published_on=PUBLISHED)["agreements"]
    assert agreement["amount_mad"] == 6_000_000 and agreement["signed_on"] is None


# -- organisations ----------------------------------------------------------------------------

NAMES = """Kénitra : un parc automobile

Une convention a été signée mardi à Kénitra entre le ministère de l'Industrie et du Commerce \
et le groupe Sebou Parts. Le choix de Kénitra s'explique par la proximité du port de Tanger \
Med et de l'usine de Stellantis, selon le promoteur Chaouia Industrial Parks pour \
l'aménagement du site. Les ingénieurs du site OCP de Jorf Lasfar y ont pris part. Le texte a \
été paraphé par MM. Bakkali et Matos.
"""


def test_names_stop_where_another_phrase_starts():
    orgs = {o["name"] for o in extract_article(NAMES, published_on=PUBLISHED)["organizations"]}
    assert "Tanger Med" in orgs and "Chaouia Industrial Parks" in orgs
    assert not any(" et de l" in o or " pour l" in o for o in orgs)
    assert "MM" not in orgs and "Jorf Lasfar" not in orgs


# -- titles -----------------------------------------------------------------------------------


def test_a_title_in_apposition_inside_a_list_is_the_name_before():
    text = """Les Journées de la maintenance

Les interventions seront assurées notamment par Khalid Ait Lahcen, directeur de la maintenance \
de Doukkala Services, Souad Benjelloun, directrice de l'École nationale des sciences \
appliquées d'El Jadida (ENSAJ), et Mehdi Zouiten, président de l'Association marocaine de la \
maintenance industrielle (AMMI).
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    assert people["Khalid Ait Lahcen"] == {("directeur de la maintenance", "Doukkala Services")}
    assert people["Souad Benjelloun"] == {
        ("directrice", "École nationale des sciences appliquées d'El Jadida")
    }


def test_elected_after_an_apposition():
    text = """Khouribga : un nouveau président

L'Association des industriels de la province de Khouribga (AIPK) a tenu samedi son assemblée \
générale élective à Khouribga. Noureddine Sabri, PDG de Phosphea Emballages, a été élu \
président pour un mandat de trois ans. Rachid Belfqih, gérant de Khouribga Béton, élu \
vice-président, l'assistera.
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    aipk = "Association des industriels de la province de Khouribga"
    assert people["Noureddine Sabri"] == {
        ("PDG", "Phosphea Emballages"),
        ("président", aipk),
    }
    assert ("vice-président", aipk) in people["Rachid Belfqih"]


def test_the_minister_after_her_ministry_and_a_company_noun():
    text = """Nador : un terminal

La convention a été signée au siège du ministère de la Transition énergétique et du \
Développement durable, en présence de la ministre, Nadia Sebti. Abdellah Zerouali, PDG de la \
conserverie Atlantique Sardine, y a pris part.
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    assert people["Nadia Sebti"] == {
        ("ministre", "ministère de la Transition énergétique et du Développement durable")
    }
    assert people["Abdellah Zerouali"] == {("PDG", "Atlantique Sardine")}


# -- events -----------------------------------------------------------------------------------


def test_a_provincial_delegation_is_an_office_not_a_visit():
    text = """Safi : entretien

Président de la délégation provinciale de Safi de la Chambre de commerce, Abdellah Zerouali \
prépare la IIIe édition du Salon de la pêche de Safi, du 14 au 17 mai prochain.
"""
    (event,) = extract_article(text, published_on=date(2026, 3, 3))["events"]
    assert event["kind"] == "exhibition" and event["edition"] == 3
    assert (event["start_date"], event["end_date"]) == ("2026-05-14", "2026-05-17")


def test_a_fair_that_closed_after_three_days():
    text = """Settat : le salon ferme ses portes

Le Salon de l'industrie de la Chaouia a fermé ses portes samedi 14 juin à Settat, au terme de \
trois jours d'exposition, avec 95 exposants.
"""
    (event,) = extract_article(text, published_on=PUBLISHED)["events"]
    assert (event["start_date"], event["end_date"]) == ("2025-06-12", "2025-06-14")


def test_the_predecessor_and_the_outgoing_president_belong_to_the_board():
    text = """Mohammedia : l'AIM élit son président

L'Association des industriels de Mohammedia (AIM) a tenu samedi à Mohammedia son assemblée \
générale élective. Mme Salma Berrada, directrice générale de Chimie Atlas, a été élue \
présidente pour un mandat de trois ans. Elle succède à Abdelkader Saïdi, qui a dirigé l'AIM \
pendant deux mandats. Le président sortant, M. Karim Alami, a présenté le bilan.
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    aim = "Association des industriels de Mohammedia"
    assert ("présidente", aim) in people["Salma Berrada"]
    assert people["Abdelkader Saïdi"] == {("président sortant", aim)}
    assert people["Karim Alami"] == {("président sortant", aim)}


def test_a_title_of_the_body_that_is_represented():
    text = """Tanger : un salon de la logistique

L'Agence marocaine de développement des investissements et des exportations (AMDIE), \
représentée à la conférence de presse par Ghita Lazrak, directrice du pôle Export, prendra en \
charge la venue d'acheteurs étrangers. La représentante de l'Union européenne, Anna Berg, a \
salué le projet.
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    assert people["Ghita Lazrak"] == {
        (
            "directrice du pôle Export",
            "Agence marocaine de développement des investissements et des exportations",
        )
    }
    assert people["Anna Berg"] == {("représentante", "Union européenne")}


def test_branches_countries_and_acronyms_with_a_slash():
    text = """Oujda : une rencontre

Le président de la commission investissement de la CCIS de l'Oriental, Kamal Bennis, a reçu \
mardi à Oujda le consul général du Royaume du Maroc à Algésiras, Driss Soussi, et le \
directeur général du CRI/SM, Marouane Abdelati.
"""
    record = extract_article(text, published_on=PUBLISHED)
    orgs = {o["name"] for o in record["organizations"]}
    assert "CCIS de l'Oriental" in orgs
    assert not orgs & {"Royaume du Maroc", "SM", "CCIS"}


def test_the_city_is_never_one_inside_a_name_and_not_of_an_event_in_passing():
    abroad = """La Chambre de Souss Massa à Cadix

La mission économique de la région Souss Massa à Cadix a signé mardi un accord de \
collaboration. Étaient présents M. Abdallah Boulghmair, vice-président du Conseil municipal \
d'Agadir, et M. Driss Boutti, président de la CGEM Souss Massa.
"""
    (event,) = extract_article(abroad, published_on=PUBLISHED)["events"]
    assert event["city"] is None
    margin = """Un accord signé à Rabat

Le Centre régional d'investissement Souss-Massa et la société Provence Promotion ont signé \
mardi à Rabat, en marge du Forum des mondes méditerranéens, une convention de partenariat.
"""
    (event,) = extract_article(margin, published_on=PUBLISHED)["events"]
    assert event["kind"] == "signing" and event["city"] == "الرباط"


def test_roles_announced_organised_with_supported_and_hosted():
    text = """Communiqué

L'Association marocaine de la maintenance industrielle (AMMI) et l'Ordre des ingénieurs \
annoncent la tenue de la 5e édition des Journées de la maintenance, les 24 et 25 février \
2026 au campus de l'Université Chouaïb Doukkali, à El Jadida. Le salon est organisé par \
l'AMMI avec l'Institut national de recherche halieutique (INRH). Le Conseil provincial \
d'El Jadida et la Société d'aménagement du port de Safi apportent leur soutien.
"""
    (event,) = extract_article(text, published_on=date(2026, 1, 20))["events"]
    roles = {o["name"]: o["role"] for o in event["organizations"]}
    assert roles["Association marocaine de la maintenance industrielle"] == "organizer"
    assert roles["Université Chouaïb Doukkali"] == "host"
    assert roles["Institut national de recherche halieutique"] == "partner"
    assert roles["Conseil provincial d'El Jadida"] == "partner"


@pytest.mark.parametrize(
    ("sentence", "city"),
    [
        (
            "La Faculté des sciences et techniques de Béni Mellal a abrité mardi une journée "
            "d'étude sur l'eau, organisée par l'Agence du bassin hydraulique de l'Oum Er-Rbia.",
            "بني ملال",
        ),
        (
            "Une conférence sur l'hydrogène vert a eu lieu mardi à l'École nationale de commerce "
            "et de gestion de Kénitra.",
            "القنيطرة",
        ),
        (
            "Le forum régional de l'arganier s'est tenu mardi en partenariat avec l'Université "
            "Ibn Zohr d'Agadir. Les travaux se sont déroulés à Taroudant, en présence d'élus.",
            "تارودانت",
        ),
    ],
)
def test_a_venue_named_with_its_town_and_a_partner_named_with_another(sentence, city):
    (event,) = extract_article(f"Titre\n\n{sentence}", published_on=PUBLISHED)["events"]
    assert event["city"] == city


DISPATCH = """Béni Mellal : une convention pour la zone industrielle

Béni Mellal, 3 juin 2025 (MAP) - Le Conseil de la région Béni Mellal-Khénifra et la société \
Al Omrane Béni Mellal-Khénifra ont signé, mardi à Béni Mellal, une convention pour \
l'aménagement de la zone industrielle de Fquih Ben Salah. La région, qui a attiré 4,2 milliards \
de dirhams d'investissements en 2024, mobilisera 150 MDH, tandis qu'Al Omrane apportera 80 \
millions de dirhams, pour un coût global de 230 millions de dirhams. Mehdi Sekkouri, fondateur \
de la start-up Argan Tech, a présenté le programme Génération Green.
"""


def test_a_dispatch_its_agency_its_day_and_short_names():
    record = extract_article(DISPATCH)  # no publication date: the dateline's day
    (event,) = record["events"]
    assert event["start_date"] == "2025-06-03" and event["city"] == "بني ملال"
    orgs = {o["name"] for o in record["organizations"]}
    assert "Argan Tech" in orgs
    assert not orgs & {"MAP", "Al Omrane", "Tech", "Génération Green"}
    (agreement,) = record["agreements"]
    assert agreement["amount_mad"] == 230_000_000
    assert agreement["parties"] == [
        "Conseil de la région Béni Mellal-Khénifra",
        "Al Omrane Béni Mellal-Khénifra",
    ]


def test_a_charge_between_the_title_and_the_name():
    text = """Agadir : clôture

Le vice-président du Conseil de la région Souss-Massa, chargé de l'investissement, Brahim \
Hafidi, a clôturé mardi la séance à Agadir.
"""
    people = positions(extract_article(text, published_on=PUBLISHED))
    assert people["Brahim Hafidi"] == {
        ("vice-président chargé de l'investissement", "Conseil de la région Souss-Massa")
    }
