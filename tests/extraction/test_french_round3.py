"""The French reader on constructions of the real press it had not been written for (round
3): superscript and compound ordinals, editions named later in the article, city nicknames,
amounts in "M DH", plant openings, venues as hosts, parties listed after the signing, board
lists, "élire à la tête de", "au nom de", titles that point back to "le groupe", and the
names a title or a site gives that are no person's."""

from datetime import date

import pytest

from extraction.extractor import extract_article
from extraction.extractor.french.amounts import find_amounts
from extraction.extractor.french.kinds import find_editions
from extraction.extractor.french.places import find_places
from extraction.extractor.french.text import clean

PUBLISHED = date(2025, 6, 17)
FILLER = (
    " Les participants, venus de toute la région, ont débattu pendant deux jours des "
    "perspectives du secteur et des moyens de renforcer l'intégration industrielle locale."
)


def article(*paragraphs: str, headline: str = "Industrie : une rencontre régionale") -> str:
    """A headline, an outlet line and paragraphs long enough to read as the body."""
    body = "\n\n".join(p + FILLER for p in paragraphs)
    return f"{headline}\n\nLe Journal – 17 juin 2025\n\n{body}\n"


def read(*paragraphs: str, **kwargs) -> dict:
    return extract_article(article(*paragraphs, **kwargs), published_on=PUBLISHED)


def positions(record: dict) -> dict[str, set[tuple[str, str | None]]]:
    return {
        p["name"]: {(x["title"], x["organization"]) for x in p["positions"]}
        for p in record["people"]
    }


def roles(record: dict) -> dict[str, str]:
    return {o["name"]: o["role"] for o in record["events"][0]["organizations"]}


# -- editions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("la 11ᵉ édition", 11),
        ("la 1ʳᵉ édition", 1),
        ("la vingt et unième édition", 21),
        ("la trente-deuxième édition", 32),
        ("la 3e mouture", 3),
    ],
)
def test_ordinals_of_editions(written, number):
    text = clean(f"Le salon a ouvert ses portes pour {written} du rendez-vous.")
    assert [value for value, _offset in find_editions(text)] == [number]


def test_an_edition_named_later_by_this_edition():
    record = read(
        "Le Salon régional de l'emballage a ouvert ses portes jeudi 12 juin à Fès, organisé "
        "par la Chambre de commerce, d'industrie et de services de la région Fès-Meknès.",
        "Cette 7e édition a réuni quatre-vingt-dix exposants. La huitième édition se tiendra "
        "en 2026 à Meknès.",
    )
    assert record["events"][0]["edition"] == 7


def test_an_edition_only_the_headline_gives():
    record = read(
        "Le Salon régional de l'emballage a ouvert ses portes jeudi 12 juin à Fès, organisé "
        "par la Chambre de commerce, d'industrie et de services de la région Fès-Meknès.",
        headline="Emballage : la 5e édition du salon de Fès fait le plein",
    )
    assert record["events"][0]["edition"] == 5


# -- places -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nickname", "city"),
    [
        ("La cité ocre", "مراكش"),
        ("La capitale du Souss", "أكادير"),
        ("La capitale du Gharb", "القنيطرة"),
        ("La ville du détroit", "طنجة"),
        ("La capitale spirituelle du Royaume", "فاس"),
        ("La capitale de l'Oriental", "وجدة"),
        ("La colombe blanche", "تطوان"),
        ("La cité des alizés", "الصويرة"),
    ],
)
def test_a_city_named_by_its_nickname_holds_the_event(nickname, city):
    record = read(
        f"{nickname} a abrité, les 12 et 13 juin, le Forum régional de l'investissement "
        "industriel, organisé par la Confédération générale des entreprises du Maroc (CGEM)."
    )
    assert record["events"][0]["city"] == city


def test_a_second_economic_capital_is_not_casablanca():
    assert find_places("Tanger, la deuxième capitale économique du pays.")[-1].place.name == (
        "طنجة"
    )
    (place,) = find_places("Les industriels de la capitale économique se sont réunis.")
    assert place.place.name == "الدار البيضاء"


# -- amounts and agreements ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("une enveloppe de 120 M DH", 120_000_000),
        ("un coût de 12 M de DH", 12_000_000),
        ("un projet de 65 Mdhs", 65_000_000),
        ("un demi-milliard de dirhams", 500_000_000),
        ("1,5 Mrd DH", 1_500_000_000),
    ],
)
def test_amounts_in_short_units(written, value):
    assert [a.value for a in find_amounts(written)] == [value]


def test_a_sector_total_is_not_the_money_of_the_deal_signed_before():
    record = read(
        "Le groupe Atlas Carton a inauguré mardi 10 juin à Berrechid sa nouvelle usine. En "
        "marge de l'inauguration, une convention a été signée entre le groupe et l'Université "
        "Hassan Ier pour l'accueil de stagiaires.",
        "Le ministre a rappelé que la filière a enregistré 1.500 MDH d'investissements nouveaux "
        "depuis 2022.",
    )
    assert [a["amount_mad"] for a in record["agreements"]] == [None]


def test_the_main_agreement_of_several_carries_its_amount():
    record = read(
        "Le Forum provincial de l'investissement s'est tenu jeudi 12 juin à Larache, organisé "
        "par le Conseil provincial de Larache. Cinq conventions ont été signées avec des "
        "investisseurs. La principale, conclue entre le Conseil provincial de Larache et la "
        "société Loukkos Berries, porte sur une unité de surgélation d'un montant de 210 MDH."
    )
    (agreement,) = record["agreements"]
    assert agreement["amount_mad"] == 210_000_000
    assert agreement["parties"] == ["Conseil provincial de Larache", "Loukkos Berries"]


def test_parties_listed_after_the_signing_and_a_period_two_sentences_on():
    record = read(
        "Une convention de partenariat pour l'aménagement de la zone industrielle de Selouane "
        "a été signée mardi 10 juin à Nador. Le document lie l'Agence spéciale Tanger "
        "Méditerranée, le Conseil de la région de l'Oriental et la société Selouane Parcs. Le "
        "texte prévoit des lots équipés. Il couvre la période 2025-2030."
    )
    (agreement,) = record["agreements"]
    assert len(agreement["parties"]) == 3
    assert (agreement["period_start"], agreement["period_end"]) == (2025, 2030)
    assert set(roles(record).values()) == {"partner"}


def test_a_memorandum_named_again_without_its_complement():
    record = read(
        "Le ministère de l'Industrie et du Commerce et la Korea Trade-Investment Promotion "
        "Agency (KOTRA) ont signé, mercredi 11 juin à Rabat, un mémorandum d'entente sur les "
        "batteries. La cérémonie s'est tenue au siège du ministère. Le mémorandum a été signé "
        "par le secrétaire général du ministère, Othmane Bensouda. Il couvre la période "
        "2025-2028."
    )
    names = {o["name"] for o in record["organizations"]}
    assert {
        "ministère de l'Industrie et du Commerce",
        "Korea Trade-Investment Promotion Agency",
    } <= (names)
    assert record["agreements"][0]["period_end"] == 2028
    assert roles(record)["ministère de l'Industrie et du Commerce"] == "partner"  # not the host


# -- events -----------------------------------------------------------------------------------


def test_a_plant_opening_is_an_event_of_its_own():
    record = read(
        "Le groupe marocain Cartonnerie du Sahel a inauguré, mardi 10 juin à Berrechid, son "
        "nouveau complexe de fabrication d'emballages, en présence du ministre de l'Industrie "
        "et du Commerce, Omar Fassi Halim. En marge de l'inauguration, une convention a été "
        "signée avec l'Université Hassan Ier."
    )
    (event,) = record["events"]
    assert event["kind"] == "other" and event["title"].startswith("Inauguration")
    assert roles(record)["Cartonnerie du Sahel"] == "organizer"


def test_venues_and_delegation_leaders_have_their_roles():
    record = read(
        "Le Salon international de la maintenance a ouvert ses portes mardi 10 juin à l'Office "
        "des foires et des expositions de Casablanca (OFEC), organisé par la société Expo "
        "Industrie Maroc."
    )
    assert roles(record) == {
        "Office des foires et des expositions de Casablanca": "host",
        "Expo Industrie Maroc": "organizer",
    }
    record = read(
        "Une délégation de chefs d'entreprise belges, conduite par l'Agence wallonne à "
        "l'exportation et aux investissements étrangers (AWEX), a visité Oujda les 10 et 11 "
        "juin. Elle a été reçue dans l'enceinte de la Technopole d'Oujda."
    )
    assert roles(record)["Agence wallonne à l'exportation et aux investissements étrangers"] == (
        "organizer"
    )


def test_the_second_organiser_after_an_acronym_in_parentheses():
    record = read(
        "Le forum s'est tenu jeudi 12 juin à Agadir, organisé par le Centre régional "
        "d'investissement Souss-Massa (CRI Souss-Massa) et le Conseil de la région Souss-Massa."
    )
    assert roles(record)["Conseil de la région Souss-Massa"] == "organizer"


# -- organisations ----------------------------------------------------------------------------


def test_organisations_after_a_common_noun_and_an_adjective():
    record = read(
        "Le groupe sino-marocain Gharb Wiring Systems a lancé jeudi 12 juin à Kénitra sa ligne "
        "de production, avec la société casablancaise Predicto Systems et l'association Solaire "
        "Drâa. La Chambre pour identifier des partenaires locaux a ouvert un guichet."
    )
    names = {o["name"] for o in record["organizations"]}
    assert {"Gharb Wiring Systems", "Predicto Systems", "Solaire Drâa"} <= names
    assert not any(name.startswith("Chambre pour") for name in names)


# -- people and titles ------------------------------------------------------------------------


def test_a_board_listed_in_one_sentence_belongs_to_the_electing_body():
    record = read(
        "La Chambre de commerce, d'industrie et de services de la région Fès-Meknès a tenu, "
        "mercredi 11 juin à Fès, son assemblée générale élective. Le nouveau bureau compte "
        "Fatima-Zahra Bennouna, élue première vice-présidente, Youssef Kabbaj, deuxième "
        "vice-président, et Mohamed Lamrani, trésorier."
    )
    chamber = "Chambre de commerce, d'industrie et de services de la région Fès-Meknès"
    assert positions(record)["Fatima-Zahra Bennouna"] == {("première vice-présidente", chamber)}
    assert positions(record)["Youssef Kabbaj"] == {("deuxième vice-président", chamber)}
    assert positions(record)["Mohamed Lamrani"] == {("trésorier", chamber)}


def test_elected_at_the_head_of_the_association_named_before():
    record = read(
        "L'Association des industriels de Tétouan (AIT) a tenu samedi 14 juin son assemblée "
        "générale élective. Les membres ont décidé d'élire à la tête de l'association Samira "
        "El Hajjaji, directrice générale de la société Martil Textiles."
    )
    assert ("présidente", "Association des industriels de Tétouan") in positions(record)[
        "Samira El Hajjaji"
    ]


def test_titles_whose_body_is_named_elsewhere_in_the_sentence():
    record = read(
        "Le Forum de l'agro-industrie s'est tenu jeudi 12 juin à Agadir. Intervenant au nom de "
        "l'AMDIE, Karim Sefrioui, directeur du pôle promotion, a plaidé pour une marque commune. "
        "Le directeur du complexe Noor Ouarzazate pour Masen, Youssef Amraoui, a pris la "
        "parole. La société Predicto Systems, dont le cofondateur, Ilyas Bennis, a présenté "
        "ses capteurs, était présente. Le groupe Cartonnerie du Sahel exposait aussi ; le PDG "
        "du groupe, Abdeslam Tahiri, a salué l'initiative."
    )
    found = positions(record)
    assert {title for title, _org in found["Karim Sefrioui"]} == {"directeur du pôle promotion"}
    assert found["Youssef Amraoui"] == {("directeur du complexe Noor Ouarzazate", "Masen")}
    assert found["Ilyas Bennis"] == {("cofondateur", "Predicto Systems")}
    assert found["Abdeslam Tahiri"] == {("PDG", "Cartonnerie du Sahel")}
    assert "Noor Ouarzazate" not in found


def test_the_part_played_at_the_event_gives_way_to_the_position():
    record = read(
        "Une délégation wallonne a visité Oujda le 10 juin. Le chef de la délégation, Pierre "
        "Dumont, inspecteur général de l'AWEX, a présenté les entreprises. Un représentant de "
        "Renault Group Maroc, Farid Ouazzani, responsable de la sécurité de l'usine de "
        "Melloussa, a témoigné."
    )
    found = positions(record)
    awex = "Agence wallonne à l'exportation et aux investissements étrangers"
    assert {title for title, _org in found["Pierre Dumont"]} == {"inspecteur général"}
    assert {org for _title, org in found["Pierre Dumont"]} <= {awex, "AWEX"}
    assert found["Farid Ouazzani"] == {
        ("responsable de la sécurité de l'usine de Melloussa", "Renault Group Maroc")
    }
    assert "Melloussa" not in {o["name"] for o in record["organizations"]}


def test_names_a_title_or_a_person_gives():
    record = read(
        "La cérémonie s'est tenue jeudi 12 juin à Kénitra en présence du président du Conseil "
        "de la région Rabat-Salé-Kénitra, Mustapha Bennis. Le bureau compte Rachid Belfqih, "
        "gérant de Khouribga Béton, élu vice-président. Le vice-président de la KOTRA, Park "
        "Ji-won, a salué l'accord ; M. Park a invité les industriels à Séoul. L'ambassadeur de "
        "la République de Corée au Maroc, Kim Dong-hyun, était présent."
    )
    found = positions(record)
    assert ("président", "Conseil de la région Rabat-Salé-Kénitra") in found["Mustapha Bennis"]
    assert "Khouribga Béton" not in found and "Park" not in found
    assert found["Kim Dong-hyun"] == {("ambassadeur de la République de Corée au Maroc", None)}


def test_an_assembly_held_at_another_body_and_a_chair_without_a_name():
    record = read(
        "La Fédération des industries de la mer du Souss (FIMS) a tenu, samedi 14 juin, son "
        "assemblée générale élective au siège de la Chambre de commerce, d'industrie et de "
        "services de la région Souss-Massa, à Agadir. Les membres ont élu à la présidence "
        "Brahim Aït Lhaj, directeur général de la conserverie Sardimar."
    )
    federation = "Fédération des industries de la mer du Souss"
    assert roles(record)[federation] == "organizer"
    assert roles(record)[
        "Chambre de commerce, d'industrie et de services de la région Souss-Massa"
    ] == ("host")
    assert ("président", federation) in positions(record)["Brahim Aït Lhaj"]


# -- a fourth reading: boards, branches and companies the press names -------------------


def test_an_acronym_in_brackets_then_the_branch_place_is_one_name():
    record = read(
        "L'atelier a été organisé par le Centre régional d'investissement (CRI) de "
        "Béni Mellal-Khénifra, en présence de M. Abdellatif Ouhammou, directeur du pôle "
        "impulsion économique du Centre régional d'investissement (CRI) de l'Oriental."
    )
    names = {o["name"]: o for o in record["organizations"]}
    assert "Centre régional d'investissement de Béni Mellal-Khénifra" in names
    assert (
        "CRI de Béni Mellal-Khénifra"
        in names["Centre régional d'investissement de Béni Mellal-Khénifra"]["aliases"]
    )
    assert "Centre régional d'investissement de l'Oriental" in names


def test_board_lines_without_a_space_before_the_colon_and_offices_held_by_two():
    record = read(
        "Les adhérents ont élu un bureau qui se compose comme suit:\n"
        "- Mehdi Saadaoui, directeur général de Kenitra Wiring Systems: président;\n"
        "- Anass Filali, DRH de Gharb Plastic Injection: secrétaire général;\n"
        "- Omar Lamrani et Hind Seddiki : assesseurs.\n"
        "Le nouveau bureau se réunira dans les quinze jours.",
        headline="Kénitra : l'Association des industriels d'Atlantic Free Zone élit son bureau",
    )
    found = positions(record)
    assert ("DRH", "Gharb Plastic Injection") in found["Anass Filali"]
    assert any(t == "secrétaire général" for t, _ in found["Anass Filali"])
    assert any(t == "assesseur" for t, _ in found["Omar Lamrani"])
    assert any(t == "assesseur" for t, _ in found["Hind Seddiki"])
    assert "DRH" not in {o["name"] for o in record["organizations"]}


def test_a_company_whose_name_holds_expo_and_one_named_after_la_societe():
    record = read(
        "M. Rachid Amzil, directeur général d'Atlas Events & Expo, a présenté le salon. "
        "La délégation a visité l'usine de la société Souss Emballage, où son directeur "
        "général, Abdelaziz Id Ahmed, a présenté les lignes de production."
    )
    found = positions(record)
    assert ("directeur général", "Atlas Events & Expo") in found["Rachid Amzil"]
    assert "Souss Emballage" not in found
    assert "Souss Emballage" in {o["name"] for o in record["organizations"]}


def test_elected_on_a_given_day_and_the_board_of_the_body_not_of_the_company():
    record = read(
        "Mme Meryem Kabbaj, présidente du directoire de Kabbaj Textile Holding, a été élue "
        "mardi 27 janvier présidente de l'Association marocaine des industries du textile et "
        "de l'habillement (AMITH), lors de l'assemblée générale élective. Ainsi, Youssef "
        "Benjelloun, directeur général de Denim Atlas, et Mourad Skalli, directeur industriel "
        "de Confection Moderne, ont été élus respectivement premier vice-président et "
        "trésorier. M. Benchekroun devant la presse a salué le vote.",
        headline="Textile : Meryem Kabbaj prend la tête de l'AMITH",
    )
    found = positions(record)
    amith = "Association marocaine des industries du textile et de l'habillement"
    assert ("présidente", amith) in found["Meryem Kabbaj"]
    assert ("premier vice-président", amith) in found["Youssef Benjelloun"]
    assert ("trésorier", amith) in found["Mourad Skalli"]
    assert not any(name.endswith(" de") for name in found)


def test_the_assembly_of_the_body_named_before_is_held_by_it():
    record = read(
        "Le Groupement des industries marocaines aéronautiques et spatiales (GIMAS) a une "
        "nouvelle présidente, élue mardi dernier lors de l'assemblée générale ordinaire "
        "élective du groupement, tenue au siège de MidParc.",
        headline="GIMAS : une nouvelle présidente",
    )
    (event,) = record["events"]
    assert {
        "name": "Groupement des industries marocaines aéronautiques et spatiales",
        "role": "organizer",
    } in event["organizations"]


# -- board lines with the member's job after a dash ---------------------------------------------


def test_a_board_line_with_the_job_and_company_after_a_dash():
    """ "- Office : NAME – Title, COMPANY": the office on the board, the job at the company,
    and a company (which the NER model reads as a person) that is no one."""
    record = read(
        "L'assemblée générale élective de l'Association des industriels de Mohammedia s'est "
        "tenue mardi dernier. Le nouveau bureau se compose comme suit :\n"
        "- Président : Hicham Bennani – Directeur général, Sodichem Maroc\n"
        "- 1er Vice-président : Rachid El Kettani – Directeur d'usine, Mohammedia Lubrifiants\n"
        "- Assesseure : Khadija Ennaciri – Gérante, Chimicolor\n"
    )
    board = "Association des industriels de Mohammedia"
    assert positions(record) == {
        "Hicham Bennani": {("président", board), ("directeur général", "Sodichem Maroc")},
        "Rachid El Kettani": {
            ("1er Vice-président", board),
            ("directeur d'usine", "Mohammedia Lubrifiants"),
        },
        "Khadija Ennaciri": {("assesseure", board), ("gérante", "Chimicolor")},
    }
    companies = {o["name"] for o in record["organizations"] if o["kind"] == "company"}
    assert companies == {"Sodichem Maroc", "Mohammedia Lubrifiants", "Chimicolor"}


# -- other editions of the event ------------------------------------------------------------------


def test_an_earlier_edition_held_elsewhere_is_an_event_of_its_own():
    record = read(
        "La ville d'El Kelâa des Sraghna a accueilli, samedi dernier, la deuxième édition de "
        "la Conférence régionale de l'olive.",
        "Après une première édition organisée l'an dernier à Mogador, la conférence s'est "
        "déplacée vers les bassins oléicoles.",
        "Les organisateurs ont annoncé que la troisième édition se tiendra à Safi en 2026.",
    )
    main, *others = record["events"]
    assert (main["kind"], main["edition"], main["city"]) == ("conference", 2, "قلعة السراغنة")
    assert [(e["kind"], e["edition"], e["city"], e["start_date"]) for e in others] == [
        ("conference", 1, "الصويرة", None)
    ]


def test_a_board_in_running_text_parted_by_semicolons():
    record = read(
        "L'assemblée générale du Cluster agro-industriel du Souss s'est tenue mardi dernier à "
        "Taroudant. Le nouveau bureau est composé de Saïd Amzough, directeur général "
        "d'Agrumes Sebt Taroudant, président ; Latifa Boutaleb (Tiznit Argan Process), "
        "vice-présidente ; Omar Id Ouaarab, secrétaire général ; ainsi que Mbarek Bihi et "
        "Nadia Oubaha, assesseurs."
    )
    cluster = "Cluster agro-industriel du Souss"
    found = positions(record)
    assert ("vice-présidente", cluster) in found["Latifa Boutaleb"]
    assert ("Omar Id Ouaarab" in found) and found["Omar Id Ouaarab"] == {
        ("secrétaire général", cluster)
    }
    assert found["Mbarek Bihi"] == found["Nadia Oubaha"] == {("assesseur", cluster)}


def test_a_branch_named_after_a_dash_is_not_the_national_body():
    record = read(
        "L'Association marocaine des industries du textile et de l'habillement – zone Nord "
        "(AMITH-ZN) a renouvelé ses instances samedi dernier à Tétouan. Salma Bouhlal a été "
        "élue présidente de l'AMITH-ZN.",
        "Le vice-président général de l'AMITH, Driss Lamrabet, a salué une alternance sereine.",
    )
    branch = "Association marocaine des industries du textile et de l'habillement – zone Nord"
    acronyms = {o["name"]: o["acronym"] for o in record["organizations"]}
    assert acronyms[branch] == "AMITH-ZN"
    found = positions(record)
    assert found["Salma Bouhlal"] == {("présidente", branch)}
    assert found["Driss Lamrabet"] == {("vice-président général", "AMITH")}


def test_a_board_told_in_prose():
    record = read(
        "Les membres fondateurs du Cluster des industries de la mer ont élu mardi dernier un "
        "bureau de sept membres. Il est présidé par Mohamed Lamine Ould Hammadi, secondé par "
        "Salka Mrabih Rabou, vice-présidente. Mina Ait Ouarab occupe le poste de trésorière."
    )
    cluster = "Cluster des industries de la mer"
    found = positions(record)
    assert ("président", cluster) in found["Mohamed Lamine Ould Hammadi"]
    assert found["Salka Mrabih Rabou"] == {("vice-présidente", cluster)}
    assert found["Mina Ait Ouarab"] == {("trésorière", cluster)}


def test_an_inaugural_edition_under_the_king_s_patronage():
    record = read(
        "Guelmim a abrité samedi et dimanche l'édition inaugurale du Forum de l'investissement "
        "de Guelmim-Oued Noun, placé sous le Haut Patronage de Sa Majesté le Roi Mohammed VI."
    )
    assert record["events"][0]["edition"] == 1
    assert positions(record)["Mohammed VI"] == {("Roi", None)}


def test_named_rencontres_are_a_conference_and_a_meeting_is_not():
    record = read(
        "Tétouan a accueilli, samedi dernier, la quatrième édition des Rencontres "
        "Industrie-Environnement de Tétouan, organisée par l'Université Abdelmalek Essaâdi."
    )
    assert (record["events"][0]["kind"], record["events"][0]["edition"]) == ("conference", 4)
    meeting = read("Une rencontre a réuni mardi dernier à Tanger les industriels de la région.")
    assert meeting["events"][0]["kind"] == "other"


# -- round 13: a series of conventions, board companies in brackets -----------------------------
def test_three_conventions_announced_then_told_one_by_one():
    record = read(
        "Trois conventions d'investissement, d'un montant global de 1,2 milliard de dirhams, "
        "ont été signées mardi au siège de la province de Sidi Kacem.",
        "La première convention, la plus importante, porte sur la création d'une unité de "
        "trituration, pour un investissement de 810 millions de dirhams, sur la période "
        "2025-2028. La deuxième convention, d'un montant de 350 MDH, concerne l'extension "
        "d'une usine de carton. La troisième, d'une enveloppe de quarante millions de "
        "dirhams, porte sur une centrale photovoltaïque.",
    )
    (event,) = record["events"]
    assert (event["kind"], event["title"]) == (
        "signing",
        "Signature de trois conventions d'investissement",
    )
    agreements = record["agreements"]
    assert [a["amount_mad"] for a in agreements] == [810_000_000, 350_000_000, 40_000_000]
    assert {a["title"] for a in agreements} == {"convention d'investissement"}
    assert (agreements[0]["period_start"], agreements[0]["period_end"]) == (2025, 2028)


def test_a_board_line_s_company_in_brackets_is_read_whole_and_offices_are_no_bodies():
    record = read(
        "L'Association des industriels de Khénifra a tenu samedi dernier son assemblée "
        "générale, sur le thème «Décarboner la filière» . Le bureau se présente comme suit :\n"
        "– Président : Mohamed Ouhaddou (Atlas Bois Industrie) ;\n"
        "– Trésorier : Abdelkrim Bouazza (Transports Bouazza et Fils) ;\n"
        "– Assesseurs : Hamid Oulhaj (Ajdir Carrières) et Youssef Benchekroun "
        "(Agri-Froid Khénifra).\n"
        "M. Ouhaddou, directeur général d'Atlas Bois Industrie, a remercié les adhérents."
    )
    names = {o["name"] for o in record["organizations"]}
    assert "Transports Bouazza et Fils" in names
    assert not names & {"Transports Bouazza", "Assesseurs", "Décarboner la filière"}
    found = positions(record)
    body = "Association des industriels de Khénifra"
    assert found["Abdelkrim Bouazza"] == {("trésorier", body), (None, "Transports Bouazza et Fils")}
    # a title at the company replaces the company alone
    assert (None, "Atlas Bois Industrie") not in found["Mohamed Ouhaddou"]


def test_a_ministry_s_field_is_no_body_and_an_office_after_et_ends_a_name():
    record = read(
        "Le salon a été inauguré en présence de la directrice régionale des Eaux et Forêts du "
        "Moyen Atlas, Nadia Ouhammou, et de Younes Berrada, directeur régional par intérim de "
        "l'Industrie et du Commerce à Fès-Meknès. Le Pr Karim El Ouardi, enseignant-chercheur "
        "à la Faculté des sciences de Tétouan et coordinateur du comité scientifique, a pris "
        "la parole."
    )
    names = {o["name"] for o in record["organizations"]}
    assert "Faculté des sciences de Tétouan" in names
    assert not names & {"Eaux", "Commerce"}
    found = positions(record)
    assert found["Nadia Ouhammou"] == {("directrice régionale", None)}
    assert ("enseignant-chercheur", "Faculté des sciences de Tétouan") in found["Karim El Ouardi"]


def test_the_latter_is_the_body_named_last():
    record = read(
        "La délégation a tenu des rencontres B2B avec des entreprises locales, dont Laâyoune "
        "Marine Products et Sakia Froid Logistique. Le directeur commercial de cette dernière, "
        "Ahmed Salem Ould Brahim, y voit une occasion de moderniser la chaîne du froid."
    )
    found = positions(record)
    assert found["Ahmed Salem Ould Brahim"] == {("directeur commercial", "Sakia Froid Logistique")}


def test_board_bullets_under_a_line_naming_the_board():
    record = read(
        "Anas Sqalli a été élu vendredi dernier président de la CGEM Fès-Meknès lors de "
        "l'assemblée générale élective. La composition du bureau a été annoncée dans la "
        "foulée. Il comprend, outre le président :\n"
        "- Driss Alaoui, vice-président chargé de l'investissement ;\n"
        "- Hicham Filali, trésorier.\n"
    )
    found = positions(record)
    assert found["Hicham Filali"] == {("trésorier", "CGEM Fès-Meknès")}
    assert found["Driss Alaoui"] == {
        ("vice-président chargé de l'investissement", "CGEM Fès-Meknès")
    }


def test_a_verb_after_et_ends_a_name_and_the_second_accord_of_three_is_one():
    record = read(
        "Trois conventions de partenariat totalisant près de 2,9 milliards de dirhams ont été "
        "signées lundi dernier. La première convention porte sur 750 MDH. Le deuxième accord, le "
        "plus important, mobilise 2,1 milliards de dirhams entre 2025 et 2030. La troisième "
        "convention porte sur douze millions de dirhams. L'édition est placée sous l'égide du "
        "ministère de l'Industrie et du Commerce et bénéficie du soutien du Conseil provincial "
        "d'El Jadida."
    )
    names = {o["name"] for o in record["organizations"]}
    assert {"ministère de l'Industrie et du Commerce", "Conseil provincial d'El Jadida"} <= names
    agreements = record["agreements"]
    assert [a["amount_mad"] for a in agreements] == [750_000_000, 2_100_000_000, 12_000_000]
    assert {(a["title"], a["kind"]) for a in agreements} == {
        ("convention de partenariat", "partnership")
    }


def test_names_an_acronym_spells_foreign_chambers_and_an_association_s_purpose():
    found = read(
        "L'unité est exploitée par la filiale locale du groupe, Varnhold Wiring Morocco (VWM). "
        "Le ministère de l'Industrie et du Commerce rappelle que le projet a été approuvé.",
        "Le salon est initié par l'Association Ferkla pour le développement oasien. Manuel "
        "Ortega Ruiz, vice-président de la Cámara de Comercio de Sevilla, a pris la parole. "
        "Des unités financées par le Plan Maroc Vert exposent.",
    )
    orgs = {o["name"]: o["acronym"] for o in found["organizations"]}
    assert {
        "Varnhold Wiring Morocco": "VWM",
        "ministère de l'Industrie et du Commerce": None,
        "Association Ferkla pour le développement oasien": None,
        "Cámara de Comercio de Sevilla": None,
    }.items() <= orgs.items()
    assert not any("Maroc Vert" in name for name in orgs)
    assert "Varnhold Wiring Morocco" not in positions(found)
    assert positions(found)["Manuel Ortega Ruiz"] == {
        ("vice-président", "Cámara de Comercio de Sevilla")
    }


def test_members_after_mm_share_the_office_and_a_title_said_again_keeps_its_body():
    found = read(
        "L'Association des industriels de Berkane a tenu samedi son assemblée générale élective "
        "au siège de la province, en présence de ses adhérents. Le bureau se compose ainsi:\n"
        "- Secrétaire général: Hassan Ouchen, gérant de Transports Ouchen & Fils;\n"
        "- Assesseurs: MM. Ahmed Zerrouki et Noureddine Belhaj.\n",
        "Selon le nouveau secrétaire général, Hassan Ouchen, l'association va s'élargir.",
    )
    board = "Association des industriels de Berkane"
    people = positions(found)
    assert ("assesseur", board) in people["Ahmed Zerrouki"]
    assert ("assesseur", board) in people["Noureddine Belhaj"]
    assert {t for t, _org in people["Hassan Ouchen"]} == {"gérant", "secrétaire général"}
    assert ("secrétaire général", None) not in people["Hassan Ouchen"]


def test_an_agreement_named_with_its_money_right_after_is_kept_without_it_in_its_title():
    found = read(
        "Les partenaires ont paraphé une convention-cadre de 1,2 MMDH sur la période 2025-2029.",
        "Le deuxième texte, une convention spécifique de 85 MDH couvrant 2025-2028, engage "
        "l'Université Sultan Moulay Slimane.",
    )
    assert [
        (a["title"], a["amount_mad"], a["period_start"], a["period_end"])
        for a in found["agreements"]
    ] == [
        ("convention-cadre", 1_200_000_000, 2025, 2029),
        ("convention spécifique", 85_000_000, 2025, 2028),
    ]


def test_a_town_and_its_valley_joined_by_a_dash_are_no_person():
    found = read(
        "Les rosiers de Kelaat M'Gouna-Dadès fleurissent en mai, a indiqué Lahcen Ouhmad, "
        "président de l'association."
    )
    assert set(positions(found)) == {"Lahcen Ouhmad"}


def test_a_regional_representative_a_managing_partner_and_a_regional_director_s_bodies():
    record = read(
        "Hajar Benmoussa, représentante régionale de l'Agence nationale pour le développement "
        "de l'aquaculture (ANDA), a présenté le plan. Salwa Tadlaoui est associée gérante du "
        "cabinet d'expertise comptable Atlas Audit & Conseil, basé à Béni Mellal.",
        "Le ministère de l'Industrie et du Commerce a signé la convention. Karim Ennaciri, "
        "directeur régional de l'Industrie et du Commerce, a salué le projet.",
    )
    assert positions(record) == {
        "Hajar Benmoussa": {
            ("représentante régionale", "Agence nationale pour le développement de l'aquaculture")
        },
        "Salwa Tadlaoui": {("associée gérante", "Atlas Audit & Conseil")},
        "Karim Ennaciri": {
            (
                "directeur régional de l'Industrie et du Commerce",
                "ministère de l'Industrie et du Commerce",
            )
        },
    }


def test_a_board_member_s_charge_a_tandem_of_surnames_and_a_venue_it_was_not_held_in():
    record = extract_article(
        "CGEM Béni Mellal-Khénifra : le tandem Ouhammou-Tadlaoui élu à Fquih Ben Salah\n\n"
        "Par Yassine Oulhaj (Béni Mellal, correspondance)\n\n"
        "Youssef Ouhammou et Salwa Tadlaoui ont été élus, vendredi 20 juin à Fquih Ben Salah, "
        "respectivement président et vice-présidente de la CGEM Béni Mellal-Khénifra. Le vote "
        "a eu lieu lors de l'assemblée générale élective de l'union, qui a choisi de tenir ses "
        "travaux hors de Béni Mellal. Le bureau comprend aussi Imane Bouazzaoui, vice-présidente "
        "chargée de l'export." + FILLER,
        published_on=date(2025, 6, 21),
    )
    found = positions(record)
    assert "Ouhammou-Tadlaoui" not in found
    assert found["Yassine Oulhaj"] == {("auteur de l'article", None)}
    assert found["Imane Bouazzaoui"] == {
        ("vice-présidente chargée de l'export", "CGEM Béni Mellal-Khénifra")
    }
    assert [o["name"] for o in record["organizations"]] == ["CGEM Béni Mellal-Khénifra"]
    (event,) = record["events"]
    assert event["city"] == "الفقيه بن صالح"


def test_a_board_listed_one_member_a_line_with_the_office_closing_each_line():
    record = extract_article(
        "Tétouan : le cluster de l'emballage change de main\n\n"
        "De notre correspondant, Omar Benhaddou\n\n"
        "Passage de relais au Cluster Emballage et Agro-industrie du Nord (CEAN). Réunie samedi "
        "dernier à Tétouan, l'assemblée générale ordinaire élective de l'association a porté à "
        "sa tête Nadia El Ouazzani, directrice générale de Rif Emballages." + FILLER + "\n\n"
        "Le nouveau bureau, élu à l'unanimité pour un mandat de trois ans (2025-2028), se "
        "compose comme suit:\n"
        "- Mehdi Skalli, gérant de Martil Plast, premier vice-président chargé des relations "
        "institutionnelles;\n"
        "- Pr Salma Bennouna, enseignante-chercheuse à la Faculté des sciences de Tétouan, "
        "vice-présidente chargée de l'innovation et de la recherche;\n"
        "- Hajar Lamrini, consultante en qualité, trésorière adjointe;\n"
        "- Omar Zniber (Nord Etiquettes) et Yassine Temsamani (Emballages du Détroit), "
        "assesseurs.\n",
        published_on=date(2025, 6, 24),
    )
    cluster = "Cluster Emballage et Agro-industrie du Nord"
    found = positions(record)
    assert found["Mehdi Skalli"] == {
        ("gérant", "Martil Plast"),
        ("premier vice-président chargé des relations institutionnelles", cluster),
    }
    assert found["Hajar Lamrini"] == {("trésorière adjointe", cluster)}
    assert found["Omar Zniber"] == {(None, "Nord Etiquettes"), ("assesseur", cluster)}
    (event,) = record["events"]  # the lead's, not a line with a year under it
    assert (event["kind"], event["start_date"], event["city"]) == (
        "general-assembly",
        "2025-06-21",
        "تطوان",
    )


def test_a_meeting_of_an_investment_committee_is_an_event():
    record = read(
        "La Commission régionale unifiée d'investissement de Souss-Massa s'est réunie mercredi "
        "dernier à Agadir et a approuvé 23 projets. La réunion était présidée par le wali."
    )
    (event,) = record["events"]
    assert (event["kind"], event["start_date"], event["city"]) == ("other", "2025-06-11", "أكادير")


def test_a_title_stops_at_the_next_person_and_honorific_words_leave_the_name():
    record = read(
        "Le forum a été ouvert par Monsieur Karim Benjelloun, wali de la région de l'Oriental, "
        "en présence de Madame Salma Idrissi, directrice du CRI de l'Oriental. Le bureau élu "
        "comprend Omar Fassi, trésorier et Nadia Chraibi, secrétaire générale. Le ministre de "
        "l'Industrie et du commerce et son homologue sénégalais Moussa Diop ont signé."
    )
    found = positions(record)
    assert {"Karim Benjelloun", "Salma Idrissi", "Omar Fassi", "Nadia Chraibi"} <= set(found)
    assert not any(name.startswith(("Monsieur", "Madame")) for name in found)
    assert "trésorier" in {title for title, _org in found["Omar Fassi"]}
    assert not any("Chraibi" in title or "Diop" in title for p in found.values() for title, _ in p)


def test_numbered_sites_are_no_people_but_the_king_is():
    record = read(
        "Sa Majesté le Roi Mohammed VI a inauguré la centrale Noor III, après Noor I et Noor II, "
        "en présence de Mustapha Bakkoury, président de Masen."
    )
    names = {p["name"] for p in record["people"]}
    assert "Mohammed VI" in names
    assert not any(name.startswith("Noor") for name in names)


def test_offices_and_countries_the_model_reads_as_bodies_are_no_organisations():
    record = read(
        "La convention a été signée par Karim Tazi, secrétaire d'Etat chargé du Commerce "
        "extérieur, et Lina Amrani, Directrice Exécutive de l'Agence. Le PDG Veolia Maroc, "
        "Hugo Martin, a salué la présence de la Vice-Présidente Générale de la CGEM et des "
        "délégations de Monaco et de l'Arabie Saoudite."
    )
    names = {o["name"] for o in record["organizations"]}
    assert not names & {"Etat", "Directrice Exécutive", "Vice-Présidente Générale", "Monaco"}
    assert not any(name.startswith("PDG") for name in names)
    karim = positions(record)["Karim Tazi"]
    assert {title for title, _org in karim} == {"secrétaire d'Etat chargé du Commerce extérieur"}
