"""The French reader's rule families, each on short texts written for the test: dates
(relative ones against the publication date), amounts, periods, editions, event and
agreement kinds, places."""

from datetime import date

import pytest

from extraction.extractor.french.amounts import find_amounts, find_periods
from extraction.extractor.french.dates import find_dates
from extraction.extractor.french.kinds import find_agreements, find_editions, find_events
from extraction.extractor.french.places import find_places
from extraction.extractor.french.text import Text

THURSDAY = date(2025, 6, 12)


def dates_of(text, published=THURSDAY):
    return [(d.start, d.end) for d in find_dates(text, published)]


# -- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        (
            "Le salon se tiendra les 14 et 15 mai 2024 à Agadir.",
            date(2024, 5, 14),
            date(2024, 5, 15),
        ),
        ("Rendez-vous du 19 au 21 juin à Tanger.", date(2025, 6, 19), date(2025, 6, 21)),
        ("Il aura lieu du 30 septembre au 2 octobre 2025.", date(2025, 9, 30), date(2025, 10, 2)),
        ("La mesure entre en vigueur le 1er mars.", date(2025, 3, 1), date(2025, 3, 1)),
        (
            "Le forum, tenu mardi 10 juin, a réuni 300 personnes.",
            date(2025, 6, 10),
            date(2025, 6, 10),
        ),
    ],
)
def test_absolute_dates_and_ranges(text, start, end):
    assert dates_of(text)[0] == (start, end)


def test_a_year_left_out_is_the_one_nearest_the_publication():
    assert dates_of("Le salon a fermé le 28 décembre.", date(2026, 1, 3))[0][0] == date(
        2025, 12, 28
    )


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mardi dernier", date(2025, 6, 10)),
        ("jeudi dernier", date(2025, 6, 5)),  # never the publication day itself
        ("jeudi prochain", date(2025, 6, 19)),
        ("lundi prochain", date(2025, 6, 16)),
        ("hier", date(2025, 6, 11)),
    ],
)
def test_relative_dates_resolve_against_the_publication_with_the_weekday_checked(words, expected):
    (start, _end), *_ = dates_of(f"La rencontre s'est tenue {words} à Fès.")
    assert start == expected
    if words.split()[0] in ("mardi", "jeudi", "lundi"):
        assert start.weekday() == ["lundi", "mardi", "mercredi", "jeudi"].index(words.split()[0])


def test_a_bare_weekday_is_the_last_one_and_a_pair_is_a_range():
    assert dates_of("Les accords ont été signés lundi à Oujda.")[0][0] == date(2025, 6, 9)
    assert dates_of("Le forum a accueilli, mercredi et jeudi, 700 participants.")[0] == (
        date(2025, 6, 11), date(2025, 6, 12))  # fmt: skip
    assert not dates_of("Le marché est ouvert chaque lundi.")


def test_relative_dates_need_a_publication_date():
    assert not dates_of("La réunion s'est tenue mardi dernier.", None)


def test_until_marks_the_end_of_an_event():
    (until,) = find_dates("Le salon se poursuit jusqu'au samedi 24 mai.", THURSDAY)
    assert until.until and until.end == date(2025, 5, 24)
    (opening,) = find_dates("Jusqu’à samedi 24 mai, 140 exposants sont présents.", THURSDAY)
    assert opening.until and opening.end == date(2025, 5, 24)


def test_a_bare_weekday_told_as_to_come_is_the_coming_one():
    (coming,) = find_dates("La ville accueille à partir de ce samedi le salon.", THURSDAY)
    assert coming.start == date(2025, 6, 14)
    (future,) = find_dates("Le forum se tiendra lundi à Oujda.", THURSDAY)
    assert future.start == date(2025, 6, 16)
    (past,) = find_dates("Le forum s'est tenu lundi à Oujda.", THURSDAY)
    assert past.start == date(2025, 6, 9)


def test_until_a_bare_weekday_is_the_coming_one():
    (until,) = find_dates("Le forum, qui se poursuit jusqu'à samedi, réunit 300 élus.", THURSDAY)
    assert until.until and until.end == date(2025, 6, 14)
    (last,) = find_dates("Le forum s'est ouvert samedi.", THURSDAY)
    assert not last.until and last.start == date(2025, 6, 7)


# -- amounts and periods ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mad"),
    [
        ("un budget de 45 millions de dirhams", 45_000_000),
        ("un investissement de 1,26 milliard de DH", 1_260_000_000),
        ("pour 2,4 MMDH", 2_400_000_000),
        ("d'un montant de 900 MDH", 900_000_000),
        ("dotée de 1,2 milliard de dirhams", 1_200_000_000),
        ("dotée d'un milliard de dirhams", 1_000_000_000),
        ("une enveloppe de 3.200.000 dirhams", 3_200_000),
        ("18 MDH sur trois ans", 18_000_000),
    ],
)
def test_amounts_become_integer_mad(text, mad):
    assert [a.value for a in find_amounts(text)] == [mad]


def test_numbers_without_a_currency_are_not_amounts():
    assert find_amounts("Le salon a accueilli 9.500 visiteurs et 190 exposants en 2025.") == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("sur la période 2024-2026", (2024, 2026)),
        ("le plan 2023-2027", (2023, 2027)),
        ("elle couvre les années 2025 et 2026", (2025, 2026)),
    ],
)
def test_periods(text, period):
    assert [p[:2] for p in find_periods(text)] == [period]


def test_a_date_is_not_a_period():
    assert find_periods("signée le 12/05/2025 à Rabat") == []


# -- editions, event and agreement kinds ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "edition"),
    [("la 4e édition du salon", 4), ("la quatrième édition du forum", 4),
     ("sa 12ème édition", 12), ("la première édition", 1)],
)  # fmt: skip
def test_editions(text, edition):
    assert find_editions(text)[0][0] == edition


def test_an_ordinal_before_the_event_name_is_its_edition():
    (event,) = find_events("Les participants au deuxième Forum de l'agro-industrie du Tadla.")
    assert event.kind == "forum" and event.edition == 2


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Le Forum régional de l'investissement", "forum"),
        ("Le Salon international de la logistique", "exhibition"),
        ("une conférence internationale sur l'hydrogène", "conference"),
        ("l'assemblée générale élective de l'association", "general-assembly"),
        ("une délégation d'hommes d'affaires", "delegation"),
        ("un atelier de sensibilisation", "workshop"),
        ("une journée d'information sur les métiers", "workshop"),
    ],
)
def test_event_kinds(text, kind):
    assert find_events(text)[0].kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Ils ont signé une convention-cadre de coopération.", "framework"),
        ("Ils ont signé une convention de partenariat pour la formation.", "partnership"),
        ("Les deux chambres ont signé un mémorandum d'entente.", "mou"),
        ("Un protocole d'accord a été signé.", "mou"),
        ("Une convention d'investissement a été conclue.", "other"),
    ],
)
def test_agreement_kinds(text, kind):
    sentences = [(s.start, s.end) for s in Text(text).sentences]
    (agreement,) = find_agreements(text, sentences)
    assert agreement.kind == kind and agreement.signed


def test_an_event_s_title_stops_before_the_clause_that_holds_it():
    (event,) = find_events("La 4e édition du Forum régional de l'emploi s'y est tenue jeudi.")
    assert event.title == "Forum régional de l'emploi"


def test_a_count_is_not_an_agreement_but_its_items_are():
    text = ("Deux conventions ont été signées. La première, entre le CRI et la société X, porte "
            "sur une usine. La seconde, entre le CRI et l'ANAPEC, porte sur la formation."
            )  # fmt: skip
    sentences = [(s.start, s.end) for s in Text(text).sentences]
    assert len(find_agreements(text, sentences)) == 2


def test_a_funded_plan_over_years_is_a_programme_the_last_plan_noun_names():
    text = (
        "Ce programme prend le relais du programme de mise à niveau des zones industrielles "
        "2019-2023, doté de 320 millions de dirhams. Le plan d'action 2024-2026 vise l'export."
    )
    sentences = [(s.start, s.end) for s in Text(text).sentences]
    (programme,) = find_agreements(text, sentences)  # the second has no amount
    assert programme.programme and not programme.signed
    assert programme.title == "programme de mise à niveau des zones industrielles 2019-2023"


# -- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "region"),
    [
        ("Le salon se tient à Casablanca.", "الدار البيضاء", "casablanca-settat"),
        ("Une usine à Fès.", "فاس", "fes-meknes"),
        ("Rendez-vous à Laâyoune.", "العيون", "laayoune-sakia-el-hamra"),
        ("Une unité à Mohammedia.", "المحمدية", "casablanca-settat"),
        ("Le forum de Béni Mellal.", "بني ملال", "beni-mellal-khenifra"),
        ("Un forum à Aïn Aouda.", "عين العودة", "rabat-sale-kenitra"),  # "Ain El Aouda"
        ("Un salon à Kelaat M'Gouna.", "قلعة مكونة", "draa-tafilalet"),  # "Kalâat M'gouna"
    ],
)
def test_french_city_names_map_to_the_hcp_gazetteer(text, name, region):
    (place,) = find_places(text)
    assert place.place.kind == "city" and place.place.name == name and place.place.region == region


def test_regions_by_their_french_names():
    places = find_places("Dans la région de l'Oriental et la région Tanger-Tétouan-Al Hoceima.")
    assert [p.place.region for p in places] == ["oriental", "tanger-tetouan-al-hoceima"]
    assert all(p.place.kind == "region" for p in places)


def test_oriental_alone_is_an_adjective():
    assert find_places("Le marché Oriental attire les touristes.") == []


def test_a_day_of_the_current_month():
    assert dates_of("La journée d'étude organisée le 5 courant à Khouribga.")[0][0] == date(
        2025, 6, 5
    )


def test_a_future_month_named_as_next_is_not_last_year():
    published = date(2025, 3, 17)
    assert dates_of("Le salon se tiendra du 7 au 9 novembre prochain.", published)[0] == (
        date(2025, 11, 7), date(2025, 11, 9))  # fmt: skip


def test_an_agreement_of_partnership_is_one_agreement():
    text = "Un accord de partenariat de 60 MDH a été conclu entre le Conseil régional et l'ADA."
    sentences = [(s.start, s.end) for s in Text(text).sentences]
    (agreement,) = find_agreements(text, sentences)
    assert agreement.kind == "partnership"


def test_a_shared_nickname_yields_to_the_cities_the_article_names():
    """ "La porte du désert" is Ouarzazate's name, and Guelmim's too."""
    guelmim = find_places("Guelmim : la porte du désert accueille le salon de Guelmim.")
    assert {p.place.name for p in guelmim} == {"كلميم"}
    ouarzazate = find_places("La porte du désert accueille le salon.")
    assert [p.place.name for p in ouarzazate] == ["ورزازات"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("un projet d'un coût de soixante-cinq millions de dirhams", 65_000_000),
        ("une enveloppe d'un milliard et demi de dirhams", 1_500_000_000),
        ("deux cent cinquante millions de DH", 250_000_000),
        ("quatre-vingt-dix millions de dirhams", 90_000_000),
        ("vingt et un millions de dirhams", 21_000_000),
    ],
)
def test_amounts_in_words(text, value):
    assert [a.value for a in find_amounts(text)] == [value]
