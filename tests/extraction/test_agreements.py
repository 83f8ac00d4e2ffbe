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


def test_unsigned_mentions_are_not_agreements():
    assert find_agreements(Doc("تربط المملكة اتفاقيات تبادل حر مع عدة دول.")) == []
