from core.arabic import normalize_arabic
from extraction.extractor.normalize import clitic_variants, strip_clitics
from extraction.extractor.text import Doc


def test_harakat_tatweel_and_letter_variants_fold_together():
    assert normalize_arabic("الْمَغْرِبُ") == "المغرب"
    assert normalize_arabic("التَّكتُّـل") == "التكتل"
    assert normalize_arabic("أكادير") == normalize_arabic("اكادير") == normalize_arabic("إكادير")
    assert normalize_arabic("آسفي") == "اسفي"
    assert normalize_arabic("ٱلرباط") == "الرباط"
    assert normalize_arabic("منتدى") == "منتدي"
    assert normalize_arabic("الدورة") == "الدوره"


def test_whitespace_collapses_and_latin_is_lowercased():
    assert normalize_arabic("  Maroc\tClusters \n ") == "maroc clusters"
    assert normalize_arabic("") == ""


def test_strip_clitics_removes_article_clitics():
    assert strip_clitics("بالرباط") == "الرباط"
    assert strip_clitics("وبالدار") == "الدار"
    assert strip_clitics("للتجمع") == "التجمع"
    assert strip_clitics("والوكالة") == "الوكالة"


def test_strip_clitics_keeps_words_that_merely_start_with_a_clitic_letter():
    assert strip_clitics("وزارة") == "وزارة"
    assert strip_clitics("بنك") == "بنك"
    assert strip_clitics("الرباط") == "الرباط"


def test_strip_clitics_drops_a_tatweel_separated_preposition():
    assert strip_clitics("لـتكنوبارك") == "تكنوبارك"


def test_clitic_variants_offer_readings_for_lexicon_lookups():
    assert "مراكش" in clitic_variants("بمراكش")
    assert "جهة" in clitic_variants("لجهة")
    assert "مدينة" in clitic_variants("وبمدينة")
    assert clitic_variants("وزارة")[0] == "وزارة"


def test_a_latin_word_glued_to_an_arabic_clitic_is_its_own_token():
    tokens = Doc("وKarim Bennani و200 مليون 4G").tokens
    assert [t.norm for t in tokens] == ["و", "karim", "bennani", "و200", "مليون", "4g"]
    assert [t.latin for t in tokens] == [False, True, True, False, False, True]
