import pytest

from extraction.extractor.places import find_places, gazetteer
from extraction.extractor.text import Doc

DESIGN_SLUGS = {
    "tanger-tetouan-al-hoceima", "oriental", "fes-meknes", "rabat-sale-kenitra",
    "beni-mellal-khenifra", "casablanca-settat", "marrakech-safi", "draa-tafilalet",
    "souss-massa", "guelmim-oued-noun", "laayoune-sakia-el-hamra", "dakhla-oued-ed-dahab",
}  # fmt: skip


def places(text):
    return [
        (m.place.kind, m.place.name, m.place.region, m.locative) for m in find_places(Doc(text))
    ]


def test_gazetteer_is_built_once():
    assert gazetteer() is gazetteer()


def test_region_slugs_are_the_hcp_ones():
    slugs = {place.region for options in gazetteer().values() for _k, place in options}
    assert slugs == DESIGN_SLUGS


@pytest.mark.parametrize(
    ("text", "city", "region"),
    [
        ("ينظم بالرباط", "الرباط", "rabat-sale-kenitra"),
        ("اختتمت بمدينة أكادير", "أكادير", "souss-massa"),
        ("وبمدينة طنجة", "طنجة", "tanger-tetouan-al-hoceima"),
        ("انعقد بالدار البيضاء", "الدار البيضاء", "casablanca-settat"),
        ("في اكادير", "أكادير", "souss-massa"),
        ("ببنجرير", "ابن جرير", "marrakech-safi"),
        ("بالناظور", "الناضور", "oriental"),
        ("بمراكش", "مراكش", "marrakech-safi"),
    ],
)
def test_cities_with_clitics_and_spelling_variants(text, city, region):
    found = [p for p in places(text) if p[0] == "city"]
    assert found and found[0][1:] == (city, region, True)


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("لجهة مراكش اسفي", "marrakech-safi"),
        ("بجهة سوس-ماسة", "souss-massa"),
        ("جهة سوس ماسة", "souss-massa"),
        ("التجمع المهني – جهة فاس مكناس", "fes-meknes"),
        ("لجهة طنجة تطوان الحسيمة", "tanger-tetouan-al-hoceima"),
        ("بجهة الشرق", "oriental"),
        ("الدار البيضاء-سطات", "casablanca-settat"),
    ],
)
def test_regions_with_spaces_hyphens_and_clitics(text, region):
    assert ("region", region) in [(p[0], p[2]) for p in places(text)]


def test_the_east_alone_and_common_words_are_not_places():
    assert places("من الشرق إلى الغرب") == []
    assert places("بالمنزل") == []
    assert not any(p[3] for p in places("المشاريع الجديدة"))


@pytest.mark.parametrize(
    "spelling",
    ["بابن جرير", "ببنجرير", "ببن جرير", "ببنكرير", "بابن كرير"],
)
def test_spellings_of_one_town_reach_the_gazetteer_name(spelling):
    assert places(f"عقد اللقاء {spelling} أمس")[0][:3] == ("city", "ابن جرير", "marrakech-safi")


@pytest.mark.parametrize(
    ("spelling", "city"),
    [("بأغادير", "أكادير"), ("بگلميم", "كلميم"), ("بابن سليمان", "بنسليمان")],
)
def test_the_g_sound_and_ibn_are_spelt_several_ways(spelling, city):
    assert places(f"عقد اللقاء {spelling} أمس")[0][1] == city


def test_cities_heading_the_title_or_the_dateline_or_hosting_are_where_it_happens():
    found = places("الحسيمة.. ندوة حول الصيد\n\nهسبريس – المحمدية\n\nتحتضن القنيطرة المعرض.")
    assert [(name, locative) for _kind, name, _region, locative in found] == [
        ("الحسيمة", True),
        ("المحمدية", True),
        ("القنيطرة", True),
    ]


def test_a_city_in_running_text_without_a_locative_is_not_a_venue():
    assert places("وأكد أن مقاولات طنجة تستفيد من البرنامج.")[0][3] is False


def test_a_commune_the_text_names_as_one_and_a_site_of_a_town():
    found = places(
        "بمنطقة التسريع الصناعي بجماعة الدراركة، وبالجماعة الترابية المرسى، وبالحي الصناعي لآسفي."
    )
    assert [(name, locative) for _kind, name, _region, locative in found] == [
        ("الدراركة", True),
        ("المرسى", True),
        ("آسفي", True),
    ]
    assert places("يعرف المرسى حركة كبيرة") == []  # the common word, named without "جماعة"


def test_a_headline_s_hosting_town_and_a_dated_dateline_head_the_story_an_outlet_does_not():
    def heading(text):
        return [(m.place.name, m.heading) for m in find_places(Doc(text))]

    assert heading("طاطا تحتضن معرض التمور\n\nنص.") == [("طاطا", True)]
    assert heading("عنوان\n\nإفران 22-10-2025 (ومع)\n\nنص.") == [("إفران", True)]
    assert heading("عنوان\n\nأكادير 24 – رشيد أوزال\n\nنص.") == [("أكادير", False)]


def test_a_town_that_hosted_with_the_verb_s_object_pronoun_is_a_venue():
    found = places("وكانت الدورة الثالثة، التي احتضنتها ورزازات سنة 2024، قد أوصت بذلك.")
    assert [(name, locative) for _kind, name, _region, locative in found] == [("ورزازات", True)]
