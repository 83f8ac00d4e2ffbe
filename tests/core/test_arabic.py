"""The one Arabic normaliser (core.arabic) and its SQL twin on PostgreSQL."""

import pytest
from django.db import connection
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.arabic import highlight, normalize_arabic, search_terms


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("فِدِرَالِيَّةُ الكِيمْيَاءِ", "فدراليه الكيمياء"),  # harakat, and ة → ه
        ("المنتدى الدولى", "المنتدي الدولي"),  # ى → ي
        ("أإآٱ", "اااا"),  # every hamza form of the alef
        ("الكيـــمياء", "الكيمياء"),  # tatweel
        ("  Forum   INTERNATIONAL\n", "forum international"),  # case and spaces
        ("مدرسة", "مدرسه"),
        ("", ""),
    ],
)
def test_normalize_arabic(text, expected):
    assert normalize_arabic(text) == expected


def test_spellings_of_the_same_name_compare_equal():
    spellings = ["المنتدى الدولي", "المنتدي الدولى", "المُنتَدى الدَّوْلِي", "المنتـــدى الدولي"]
    assert len({normalize_arabic(s) for s in spellings}) == 1


def test_normalising_twice_changes_nothing():
    text = "فَدْرَالِيَّة الكيمياء وشبه الكيمياء — Fédération"
    assert normalize_arabic(normalize_arabic(text)) == normalize_arabic(text)


def test_search_terms_add_the_word_without_its_article():
    assert search_terms("الكيمياء") == ["الكيمياء", "كيمياء"]
    assert search_terms("a الدولى") == ["الدولي", "دولي"]


def test_highlight_marks_the_original_letters_with_their_harakat():
    html = highlight("تنظم فِدِرَالِيَّة الكيمياء منتدى", "فدرالية")
    assert html == "تنظم <mark>فِدِرَالِيَّة</mark> الكيمياء منتدى"


def test_highlight_finds_the_word_behind_a_clitic_and_escapes_html():
    html = highlight("<b>منتدى</b> للكيمياء", "الكيمياء")
    assert html == "&lt;b&gt;منتدى&lt;/b&gt; لل<mark>كيمياء</mark>"


def test_highlight_without_a_match_only_escapes():
    assert highlight("R&D", "chimie") == "R&amp;D"


ARABIC = st.text(
    alphabet=st.sampled_from(list("ابتثجحخدذرسشصضطظعغفقكلمنهويءأإآٱىةـ ًٌٍَُِّْٰ") + list("Aé ")),
    max_size=30,
)


@pytest.mark.postgres
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=ARABIC)
def test_the_sql_normaliser_agrees_with_python(db, text):
    with connection.cursor() as cursor:
        cursor.execute("SELECT portal_normalize(%s)", [text])
        assert cursor.fetchone()[0] == normalize_arabic(text)
