"""Dates with Moroccan month names in Arabic, and amounts in dirhams per language."""

import datetime

import pytest
from django.utils import formats, translation

from core.templatetags.portal_tags import date_range, day, mad

MOROCCAN_MONTHS = [
    "يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو",
    "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر",
]  # fmt: skip


def test_the_twelve_moroccan_month_names():
    with translation.override("ar"):
        names = [day(datetime.date(2025, month, 1)).split()[1] for month in range(1, 13)]
        # Django's own formatting (the admin's) says the same.
        django_names = [
            formats.date_format(datetime.date(2025, month, 1), "F") for month in range(1, 13)
        ]
    assert names == django_names == MOROCCAN_MONTHS


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ar", "7 غشت 2025"), ("fr", "7 août 2025"), ("en", "7 August 2025")],
)
def test_day(lang, expected):
    with translation.override(lang):
        assert day(datetime.date(2025, 8, 7)) == expected


def test_date_ranges():
    with translation.override("ar"):
        across = date_range(datetime.date(2025, 5, 30), datetime.date(2025, 6, 2))
        years = date_range(datetime.date(2024, 12, 30), datetime.date(2025, 1, 2))
        single = date_range(datetime.date(2025, 7, 1), datetime.date(2025, 7, 1))
    assert across == (
        '<bdi class="dates"><time datetime="2025-05-30">30 ماي</time> – '
        '<time datetime="2025-06-02">2 يونيو 2025</time></bdi>'
    )
    assert "30 دجنبر 2024</time> – <time" in years and "2 يناير 2025" in years
    assert single == '<bdi class="dates"><time datetime="2025-07-01">1 يوليوز 2025</time></bdi>'


@pytest.mark.parametrize(
    ("amount", "ar", "fr", "en"),
    [
        (250_000_000, "250 مليون درهم", "250 millions MAD", "MAD 250 million"),
        (5_000_000, "5 ملايين درهم", "5 millions MAD", "MAD 5 million"),
        (1_000_000, "1 مليون درهم", "1 million MAD", "MAD 1 million"),
        (1_500_000_000, "1,5 مليار درهم", "1,5 milliard MAD", "MAD 1.5 billion"),
        (3_000_000_000, "3 ملايير درهم", "3 milliards MAD", "MAD 3 billion"),
        (750_000, "750\u202f000 درهم", "750\u202f000 MAD", "MAD 750,000"),
        (0, "0 درهم", "0 MAD", "MAD 0"),
    ],
)
def test_amounts_in_dirhams(amount, ar, fr, en):
    for lang, expected in (("ar", ar), ("fr", fr), ("en", en)):
        with translation.override(lang):
            assert mad(amount) == expected


def test_no_amount_is_blank():
    assert mad(None) == ""


def test_django_writes_arabic_dates_day_first_with_moroccan_months():
    """What the admin shows: Django's own date and date-time formats, and the abbreviations
    of its default format, in Arabic."""
    moment = datetime.datetime(2026, 12, 1, 14, 30)
    with translation.override("ar"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "1 دجنبر 2026، 14:30"
        assert formats.date_format(moment.date()) == "1 دجنبر 2026"
        abbreviated = [
            formats.date_format(datetime.date(2025, month, 1), "N") for month in range(1, 13)
        ]
    assert abbreviated == MOROCCAN_MONTHS
    with translation.override("fr"):
        assert formats.date_format(moment, "DATETIME_FORMAT") == "1 décembre 2026 14:30"


def test_lists_are_joined_with_the_arabic_comma_in_arabic():
    from django.utils import translation

    from core.templatetags.portal_tags import joined

    with translation.override("ar"):
        assert joined(["الرباط", "الرباط-سلا-القنيطرة"]) == "الرباط، الرباط-سلا-القنيطرة"
    with translation.override("fr"):
        assert joined(["Rabat", "Rabat-Salé-Kénitra"]) == "Rabat, Rabat-Salé-Kénitra"


def test_items_holding_commas_are_joined_with_the_languages_semicolon():
    from django.utils import translation

    from core.templatetags.portal_tags import semicolons

    chamber = "Chambre de commerce, d'industrie et de services"
    with translation.override("fr"):
        assert semicolons([chamber, "CRI (partenaire)"]) == f"{chamber} ; CRI (partenaire)"
    with translation.override("en"):
        assert semicolons(["A, B", "C"]) == "A, B; C"
    with translation.override("ar"):
        assert semicolons(["الغرفة", "المركز"]) == "الغرفة؛ المركز"
