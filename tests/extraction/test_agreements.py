import pytest

from extraction.extractor.agreements import find_agreements, parse_amount
from extraction.extractor.text import Doc


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("250 مليون درهم", 250_000_000),
        ("1,4 مليار درهم", 1_400_000_000),
        ("1.4 مليار درهم", 1_400_000_000),
        ("290 مليون درهم", 290_000_000),
        ("3,5 ملايير درهم", 3_500_000_000),
        ("1.200.000 درهم", 1_200_000),
        ("مليار درهم", 1_000_000_000),
        ("ملياري درهم", 2_000_000_000),
        ("150 ألف درهم", 150_000),
        ("مليونا درهم", 2_000_000),  # the dual: two millions
        ("خمسة وعشرون مليونا من الدراهم", 25_000_000),  # after a number, one million each
        ("مليارا درهم", 2_000_000_000),
        ("مليارا و250 مليون درهم", 1_250_000_000),  # an accusative that more follows
    ],
)
def test_amounts_in_dirhams(text, amount):
    assert parse_amount(Doc(text).norm) == amount


def test_other_currencies_are_not_dirhams():
    assert parse_amount(Doc("12 مليون أورو").norm) is None


def test_agreement_kind_amount_and_period():
    doc = Doc(
        "وقعت وزارة الصناعة والتجارة، أول أمس، اتفاقية إطار لتفعيل المخطط عن الفترة 2022-2025. "
        "ويدشن هذا المخطط، الذي رصد له غلاف مالي قيمته 250 مليون درهم، إطارا جديدا."
    )
    (agreement,) = find_agreements(doc)
    assert (agreement.kind, agreement.amount_mad, agreement.period) == (
        "framework",
        250_000_000,
        (2022, 2025),
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("وقعت الجهة اتفاقية شراكة لدعم المقاولات.", "partnership"),
        ("وقع الطرفان مذكرة تفاهم لتبادل الخبرات.", "mou"),
        ("تم توقيع اتفاقية استثمار لإحداث وحدة صناعية.", "other"),
    ],
)
def test_agreement_kinds(text, kind):
    assert find_agreements(Doc(text))[0].kind == kind


def test_funded_programme_with_period_and_amount():
    doc = Doc(
        "في أعقاب المخطط التنموي للمراكز التقنية الصناعية 2014-2020، الموقع بقيمة 290 مليون درهم."
    )
    (programme,) = find_agreements(doc)
    assert programme.kind == "other"
    assert (programme.amount_mad, programme.period) == (290_000_000, (2014, 2020))
    assert programme.title == "المخطط التنموي للمراكز التقنية الصناعية 2014-2020"


def test_a_period_and_an_amount_make_a_programme_only_with_a_plan_or_an_agreement():
    budget = "وأعلن أن المجلس رصد 12 مليون درهم لتهيئة منطقة للأنشطة خلال الفترة 2026-2027."
    assert find_agreements(Doc(budget)) == []
    earlier = (
        "وتأتي الاتفاقية بعد تقييم الاتفاقية السابقة التي جمعت الطرفين خلال الفترة 2021-2023، "
        "بغلاف مالي ناهز 30 مليون درهم."
    )
    (agreement,) = find_agreements(Doc(earlier))
    assert (agreement.amount_mad, agreement.period) == (30_000_000, (2021, 2023))
    cost = (
        "وصادق المجلس على اتفاقية شراكة لتهيئة المنطقة الصناعية. وتبلغ الكلفة الإجمالية للمشروع "
        "156 مليون درهم، على أن تمتد الأشغال على الفترة 2025-2028."
    )
    assert [(a.amount_mad, a.period) for a in find_agreements(Doc(cost))] == [
        (156_000_000, (2025, 2028))
    ]


def test_unsigned_mentions_are_not_agreements():
    assert find_agreements(Doc("تربط المملكة اتفاقيات تبادل حر مع عدة دول.")) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("بغلاف مالي يصل إلى 1،4 مليار درهم", 1_400_000_000),
        ("باستثمار يبلغ مليار و250 مليون درهم", 1_250_000_000),
        ("بكلفة 2 مليار و400 مليون درهم", 2_400_000_000),
        ("بكلفة إجمالية تبلغ ثمانية ملايين درهم", 8_000_000),
        ("بميزانية قدرها خمسمائة ألف درهم", 500_000),
        ("بقيمة ٣٫٥ مليار درهم", 3_500_000_000),
        ("بتكلفة ١٢٠ مليون درهم", 120_000_000),
        ("رصد لها 45 م.د", 45_000_000),
        ("بقيمة 30 مليون د", 30_000_000),
        ("استثمار بقيمة 900 MDH", 900_000_000),
        ("بقيمة 2,4 MMDH", 2_400_000_000),
        ("بمساهمة قدرها عشرة ملايين من الدراهم", 10_000_000),
        ("تساهم الجهة بـ600 مليون درهم", 600_000_000),
        ("بمبلغ 50 مليون سنتيم", 500_000),
    ],
)
def test_amounts_in_the_forms_the_press_writes(text, amount):
    assert parse_amount(Doc(text).norm) == amount


def test_a_word_of_cost_makes_a_bare_scaled_number_dirhams_but_not_another_currency():
    from extraction.extractor.agreements import amounts

    doc = Doc("مشروع باستثمار يناهز 1,4 مليار، وقرض بقيمة 3 ملايين دولار.")
    assert amounts(doc, 0, len(doc.norm)) == [1_400_000_000]


def test_each_agreement_of_a_series_gets_its_own_amount():
    doc = Doc(
        "وتوج المنتدى بالتوقيع على ثلاث اتفاقيات. وتهم الأولى اتفاقية استثمار وقعها المركز "
        "الجهوي للاستثمار وشركة للنسيج، باستثمار يبلغ 300 مليون درهم. "
        "أما الاتفاقية الثانية، فهي اتفاقية شراكة بين مجلس الجهة ووكالة التشغيل، "
        "ترصد لها 20 مليون درهم برسم الفترة 2025-2026. "
        "فيما تتعلق الثالثة بمذكرة تفاهم بين الغرفة والجامعة، بكلفة تقدر بـ5 ملايين درهم."
    )
    found = find_agreements(doc)
    assert [(a.kind, a.amount_mad) for a in found] == [
        ("other", 300_000_000),
        ("partnership", 20_000_000),
        ("mou", 5_000_000),
    ]
    assert found[1].period == (2025, 2026)


def test_a_later_sentence_about_the_meeting_lends_no_amount():
    doc = Doc(
        "وتوج اللقاء بالتوقيع على اتفاقية تعاون بين الغرفتين. "
        "ويأتي هذا اللقاء في سياق بلغت فيه الصادرات 4,7 مليار درهم."
    )
    (agreement,) = find_agreements(doc)
    assert agreement.amount_mad is None


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("مليار ونصف مليار درهم", 1_500_000_000),
        ("مليارين ونصف درهم", 2_500_000_000),
        ("1 مليار 200 مليون درهم", 1_200_000_000),
        ("200 000 000 درهم", 200_000_000),
        ("مليون و500 ألف درهم", 1_500_000),
    ],
)
def test_halves_unjoined_scales_and_spaced_thousands(text, amount):
    assert parse_amount(Doc(text).norm) == amount


def test_a_period_before_an_amount_is_not_part_of_it():
    assert parse_amount(Doc("خلال الفترة 2025-2028، 600 مليون درهم").norm) == 600_000_000


def test_each_agreement_of_a_numbered_series_keeps_its_amount():
    found = find_agreements(
        Doc(
            "ترأس الوزير يوم الاثنين حفل توقيع ثلاث اتفاقيات استثمار بقيمة 2,3 مليار درهم. "
            "وتتعلق الاتفاقية الأولى بتوسيع مصنع للفرامل، باستثمار قدره مليار و200 مليون درهم. "
            "أما الاتفاقية الثانية، فتهم إحداث وحدة بتطوان باستثمار يبلغ 650 مليون درهم، فيما "
            "تخص الاتفاقية الثالثة إحداث مصنع ببنسليمان باستثمار قدره 450 مليون درهم."
        )
    )
    assert [a.amount_mad for a in found] == [1_200_000_000, 650_000_000, 450_000_000]


def test_a_headline_and_the_body_name_one_agreement_and_its_subject_gives_the_period():
    found = find_agreements(
        Doc(
            "توقيع اتفاقية لإحداث حاضنة للمقاولات بكلفة 45 مليون درهم\n\n"
            "وقعت الوكالة والغرفة، أمس، اتفاقية شراكة لإحداث حاضنة للمقاولات بكلفة 45 مليون "
            "درهم. وتمتد الاتفاقية على الفترة 2025-2028."
        )
    )
    assert [(a.kind, a.amount_mad, a.period) for a in found] == [
        ("partnership", 45_000_000, (2025, 2028))
    ]


def test_an_agreement_to_be_signed():
    found = find_agreements(
        Doc("سنوقع اتفاقية مع مجلس الجهة لإحداث صندوق جهوي، بغلاف مالي يناهز 80 مليون درهم.")
    )
    assert [a.amount_mad for a in found] == [80_000_000]


def test_items_of_a_series_whose_noun_is_left_out():
    doc = Doc(
        'وتم التوقيع على ثلاث اتفاقيات. وتهم الاتفاقية الأولى شركة "أ" باستثمار 100 مليون درهم. '
        'وتتعلق الثانية بشركة "ب" بكلفة 200 مليون درهم، فيما تخص الثالثة مجموعة "ج" '
        "باستثمار قدره 300 مليون درهم خلال الفترة 2026-2027."
    )
    found = find_agreements(doc)
    assert [(a.amount_mad, a.period) for a in found] == [
        (100_000_000, None),
        (200_000_000, None),
        (300_000_000, (2026, 2027)),
    ]
    assert found[1].title == "الاتفاقية الثانية"


def test_the_next_item_of_a_series_does_not_lend_its_period_back():
    doc = Doc(
        "مذكرتا تفاهم بزاكورة\n\n"
        "وتهم المذكرة الأولى إنجاز محطة شمسية بكلفة ملياري درهم. ووقعها عن الوكالة مديرها. "
        "أما المذكرة الثانية، فتروم تهيئة منطقة صناعية بمليار درهم خلال الفترة 2025-2028."
    )
    first, second = find_agreements(doc)
    assert (first.amount_mad, first.period) == (2_000_000_000, None)
    assert (second.amount_mad, second.period) == (1_000_000_000, (2025, 2028))


def test_signings_of_an_earlier_edition_are_no_summary():
    doc = Doc("وكانت الدورة السابقة قد عرفت توقيع اتفاقيات بقيمة 300 مليون درهم.")
    assert find_agreements(doc) == []


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("45 مليار سنتيم", 450_000_000),
        ("مليار و400 مليون درهم", 1_400_000_000),
        ("1،4 مليار درهم", 1_400_000_000),
        ("12،5 مليون درهم", 12_500_000),
        ("٣٢٠ مليون درهم", 320_000_000),
        ("180 MDH", 180_000_000),
        ("مليار ونصف المليار درهم", 1_500_000_000),
    ],
)
def test_amounts_in_other_spellings(text, amount):
    assert parse_amount(Doc(text).norm) == amount


def test_items_of_a_pair_of_agreements_after_a_semicolon():
    found = find_agreements(
        Doc(
            "وشهد حفل الاختتام توقيع اتفاقيتين استثماريتين؛ الأولى بين وزارة الصناعة والتجارة "
            'وشركة "Yazaki Morocco"، تهم توسعة مصنعها، باستثمار قدره 900 مليون درهم. أما '
            "الاتفاقية الثانية فوقعت بين الوكالة وشركة أخرى بكلفة 1,1 مليار درهم."
        )
    )
    assert [(a.title, a.amount_mad) for a in found] == [
        ("الاتفاقية الأولى", 900_000_000),
        ("الاتفاقية الثانية", 1_100_000_000),
    ]


def test_a_sentence_on_its_cost_gives_the_agreement_before_its_amount_and_period():
    doc = Doc(
        "وتهم الاتفاقية الثانية تكوين الشباب، وتجمع مكتب التكوين المهني والجمعية. وتبلغ "
        "كلفتها 4,8 ملايين درهم، تصرف خلال سنتي 2025 و2026."
    )
    [agreement] = find_agreements(doc)
    assert (agreement.amount_mad, agreement.period) == (4_800_000, (2025, 2026))


def test_one_agreement_per_listed_item_with_its_amount():
    doc = Doc(
        "ووقعت الشركة أربع اتفاقيات استثمار مع شركات خاصة بمبلغ إجمالي قدره 640 مليون درهم، "
        "ويتعلق الأمر بـ:\n"
        "- Oriental Cold، ممثلة بمديرها: منصة للتبريد، باستثمار 210 ملايين درهم؛\n"
        "- Medbridge Terminals، ممثلة برئيسها: محطة للحاويات، باستثمار 260 مليون درهم؛\n"
        "- Rif Agro-Export: وحدة لتوضيب الفواكه، باستثمار 95 مليون درهم؛\n"
        "- TransNador Freight: مستودع للشحن، باستثمار 75 مليون درهم.\n"
        "\nوحضر التوقيع عامل الإقليم.\n- نقطة أخرى بقيمة 5 ملايين درهم."
    )
    found = find_agreements(doc)
    assert [(a.title, a.amount_mad) for a in found] == [
        ("اتفاقية استثمار: منصة للتبريد", 210_000_000),
        ("اتفاقية استثمار: محطة للحاويات", 260_000_000),
        ("اتفاقية استثمار: وحدة لتوضيب الفواكه", 95_000_000),
        ("اتفاقية استثمار: مستودع للشحن", 75_000_000),
    ]
