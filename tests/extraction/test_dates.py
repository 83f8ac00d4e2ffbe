from datetime import date

import pytest

from extraction.extractor.dates import duration, find_dates, lasting, parse_dates
from extraction.extractor.text import Doc

PUB = date(2025, 4, 9)  # a Wednesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("يومي 15 و16 ماي 2024، بالرباط", (date(2024, 5, 15), date(2024, 5, 16))),
        ("من 19 إلى 21 يونيو 2025 بطنجة", (date(2025, 6, 19), date(2025, 6, 21))),
        ("ما بين 3 و5 أكتوبر 2023", (date(2023, 10, 3), date(2023, 10, 5))),
        ("من 30 ماي إلى 2 يونيو 2025", (date(2025, 5, 30), date(2025, 6, 2))),
        ("من 28 دجنبر إلى 2 يناير 2025", (date(2024, 12, 28), date(2025, 1, 2))),
        ("يوم الخميس 24 مارس 2022 بالدار البيضاء", (date(2022, 3, 24), date(2022, 3, 24))),
        ("فاتح ماي 2023", (date(2023, 5, 1), date(2023, 5, 1))),
        ("الفاتح من شهر يوليوز 2024", (date(2024, 7, 1), date(2024, 7, 1))),
        ("١٥ نونبر ٢٠٢٣", (date(2023, 11, 15), date(2023, 11, 15))),
        ("في 15/05/2024", (date(2024, 5, 15), date(2024, 5, 15))),
    ],
)
def test_explicit_dates_and_ranges(text, expected):
    assert parse_dates(text)[0] == expected


@pytest.mark.parametrize(
    ("moroccan", "standard", "month"),
    [
        ("ماي", "مايو", 5),
        ("يوليوز", "يوليو", 7),
        ("غشت", "أغسطس", 8),
        ("شتنبر", "سبتمبر", 9),
        ("نونبر", "نوفمبر", 11),
        ("دجنبر", "ديسمبر", 12),
        ("أبريل", "ابريل", 4),
    ],
)
def test_moroccan_and_standard_month_names_agree(moroccan, standard, month):
    assert parse_dates(f"10 {moroccan} 2024") == parse_dates(f"10 {standard} 2024")
    assert parse_dates(f"10 {moroccan} 2024")[0][0] == date(2024, month, 10)


def test_year_less_dates_take_the_year_nearest_publication():
    assert parse_dates("ما بين 3 و5 أكتوبر", date(2024, 9, 1)) == [
        (date(2024, 10, 3), date(2024, 10, 5))
    ]
    assert parse_dates("يوم 10 يناير", date(2024, 12, 20)) == [(date(2025, 1, 10),) * 2]
    assert parse_dates("ما بين 3 و5 أكتوبر") == []


def test_the_days_of_a_range_listed_one_by_one():
    assert parse_dates("أيام 22 و23 و24 أكتوبر الجاري", date(2025, 10, 12)) == [
        (date(2025, 10, 22), date(2025, 10, 24))
    ]


def test_without_a_publication_date_the_first_full_date_gives_the_year():
    text = "افتتح يوم الخميس 30 دجنبر 2027 المعرض الذي يستمر إلى غاية الأحد 2 يناير."
    assert parse_dates(text) == [(date(2027, 12, 30),) * 2, (date(2028, 1, 2),) * 2]
    relative = "اختتم يوم 14 ماي 2026 المنتدى، وكان قد افتتح أمس الأربعاء."
    assert parse_dates(relative) == [(date(2026, 5, 14),) * 2]  # "أمس" needs the day of issue


def test_relative_days_resolve_against_publication_with_weekday_check():
    assert parse_dates("أمس الثلاثاء بالرباط", PUB) == [(date(2025, 4, 8),) * 2]
    assert parse_dates("أمس الاثنين", PUB) == []  # the day before was a Tuesday
    assert parse_dates("أول أمس الاثنين", PUB) == [(date(2025, 4, 7),) * 2]
    assert parse_dates("أمس", PUB) == [(date(2025, 4, 8),) * 2]
    assert parse_dates("اليوم الأربعاء", PUB) == [(PUB, PUB)]
    assert parse_dates("غدا الخميس", PUB) == [(date(2025, 4, 10),) * 2]
    assert parse_dates("أمس الثلاثاء") == []  # nothing to resolve against


def test_named_weekday_last_and_next():
    assert parse_dates("يوم الأربعاء الماضي", PUB) == [(date(2025, 4, 2),) * 2]
    assert parse_dates("الاثنين الماضي", PUB) == [(date(2025, 4, 7),) * 2]
    assert parse_dates("يوم الجمعة المقبل", PUB) == [(date(2025, 4, 11),) * 2]


def test_words_that_only_look_like_dates_are_ignored():
    assert parse_dates("أضحى اليوم رافعة لا غنى عنها", PUB) == []
    assert parse_dates("غدا الابتكار رافعة", PUB) == []
    assert parse_dates("الدورة الخامسة للمنتدى", PUB) == []
    assert parse_dates("خلال شهر فبراير 2013") == []
    assert parse_dates("31 فبراير 2024") == []


def test_two_weekdays_before_a_range():
    assert parse_dates("يومي الأربعاء والخميس 17 و18 شتنبر 2025 بورزازات") == [
        (date(2025, 9, 17), date(2025, 9, 18))
    ]


def _span(text, published_on):
    from extraction.extractor.dates import event_span, find_dates
    from extraction.extractor.text import Doc

    dates = find_dates(Doc(text), published_on)
    return event_span(dates, dates[0])


def test_closing_yesterday_and_opening_named_give_the_event_span():
    text = "اختتمت، أمس الخميس بوجدة، أشغال المنتدى. وكانت فعالياته انطلقت يوم الأربعاء 13 نونبر."
    assert _span(text, date(2024, 11, 15)) == (date(2024, 11, 13), date(2024, 11, 14))


def test_opening_yesterday_and_running_until_a_later_day():
    text = "افتتحت، أمس الأربعاء بكلميم، الدورة السادسة للمعرض، التي تتواصل إلى غاية 16 نونبر."
    assert _span(text, date(2025, 11, 13)) == (date(2025, 11, 12), date(2025, 11, 16))


def test_a_day_inside_a_range_given_later_takes_the_range():
    text = "افتتح، أمس الأربعاء بالرباط، المؤتمر الدولي المنظم يومي 14 و15 ماي الجاري."
    assert _span(text, date(2025, 5, 15)) == (date(2025, 5, 14), date(2025, 5, 15))


def test_unrelated_dates_far_apart_do_not_widen_the_span():
    text = "انطلق، أمس الإثنين، البرنامج. ويذكر أن الدورة السابقة اختتمت في 3 يناير 2024."
    assert _span(text, date(2025, 10, 7)) == (date(2025, 10, 6), date(2025, 10, 6))


def test_tomorrow_after_from_with_its_weekday():
    assert parse_dates("تنطلق، ابتداء من غد الخميس، فعاليات الصالون", date(2026, 9, 16)) == [
        (date(2026, 9, 17), date(2026, 9, 17))
    ]


def test_tomorrow_with_its_weekday():
    assert parse_dates("تنطلق يوم غد الخميس أشغال المنتدى", date(2025, 11, 5)) == [
        (date(2025, 11, 6), date(2025, 11, 6))
    ]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("انطلق المنتدى على مدى يومين بمكناس", 2),
        ("في زيارة تدوم ثلاثة أيام", 3),
        ("ويستمر المعرض 4 أيام", 4),
        ("في زيارة تمتد لثلاثة أيام", 3),
        ("في زيارة عمل تستغرق ثلاثة أيام", 3),
        ("انطلق المنتدى يوم الأربعاء", None),
    ],
)
def test_duration_of_an_event(text, days):
    from core.arabic import normalize_arabic

    assert duration(normalize_arabic(text)) == days


def test_a_one_day_span_lasts_the_days_given_from_its_first_or_back_from_its_last_day():
    day = date(2025, 6, 9)
    assert lasting(day, day, "start", 3) == (day, date(2025, 6, 11))
    assert lasting(day, day, "end", 3) == (date(2025, 6, 7), day)  # back from its last day
    assert lasting(day, date(2025, 6, 10), None, 3) == (day, date(2025, 6, 10))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("افتتحت، مساء السبت بمدينة الفقيه بنصالح، فعاليات المعرض.", date(2025, 4, 5)),
        ("انعقد صباح الأربعاء الجمع العام للجمعية.", PUB),  # the day of publication
        ("ستنطلق يوم الجمعة بمدينة أكادير أشغال المنتدى.", date(2025, 4, 11)),
    ],
)
def test_a_bare_weekday_is_this_week_s_by_the_sentence_s_tense(text, expected):
    assert parse_dates(text, PUB) == [(expected, expected)]


def test_a_weekday_written_with_its_date_is_read_once():
    assert parse_dates("يوم السبت 5 أبريل 2025 بالرباط", PUB) == [
        (date(2025, 4, 5), date(2025, 4, 5))
    ]


def test_a_range_whose_days_carry_their_weekdays():
    text = "خلال الفترة الممتدة من الخميس 26 إلى الأحد 29 مارس المقبل"
    assert parse_dates(text, date(2026, 2, 20)) == [(date(2026, 3, 26), date(2026, 3, 29))]


def test_two_weekdays_of_last_week():
    assert parse_dates("احتضنت مدينة تنغير، يومي السبت والأحد الماضيين، فعاليات الملتقى", PUB) == [
        (date(2025, 4, 5), date(2025, 4, 6))
    ]


@pytest.mark.parametrize(
    "header",
    [
        "هسبريس – من تنغير\nالثلاثاء 8 أبريل 2025\n\n",
        "السمارة 08-04-2025 (ومع) – ",
        "وادنون الآن – الثلاثاء 8 أبريل 2025\n\n",
        "السمارة – 8 أبريل 2025 (وكالة الصحراء للأنباء)\n\n",
    ],
)
def test_a_header_date_is_the_publication_s_not_the_event_s(header):
    text = f"عنوان المقال\n\n{header}دشن عامل الإقليم، يوم الجمعة الماضي، وحدة صناعية."
    found = find_dates(Doc(text), PUB)
    assert [(d.start, d.dateline) for d in found] == [
        (date(2025, 4, 8), True),
        (date(2025, 4, 4), False),
    ]


def test_a_place_and_a_date_alone_on_a_header_line_are_the_dispatch_s_day():
    text = (
        "لجنة الاستثمار تؤشر على تسعة مشاريع\n\nمريرت في 26 يونيو 2025\n\n"
        "صادقت اللجنة، خلال اجتماعها المنعقد أمس الأربعاء، على المشاريع."
    )
    found = find_dates(Doc(text), date(2025, 6, 26))
    assert [(d.start, d.dateline) for d in found] == [
        (date(2025, 6, 26), True),
        (date(2025, 6, 25), False),
    ]
