"""extraction.matching: extracted organisations and people against the existing records."""

import pytest

from editorial.models import Status
from extraction.matching import FUZZY_THRESHOLD, RecordIndex, matches_find
from organizations.models import Organization, OrganizationKind, Person
from taxonomy.models import Region
from tests.organizations.factories import OrganizationFactory, PersonFactory

from ..i18n import translated

pytestmark = pytest.mark.django_db

FCP = "فدرالية الكيمياء وشبه الكيمياء"


@pytest.fixture(autouse=True)
def existing_records(db):
    """Published records the proposals are matched against."""
    OrganizationFactory(name=FCP, name_fr="Fédération de la chimie et de la parachimie")
    OrganizationFactory(name="وزارة الصناعة والتجارة", name_fr="")
    PersonFactory(name="عبد المولى بللوتي")
    PersonFactory(name="نور الدين بويعقوب")
    PersonFactory(name="لمياء بنمخلوف", aliases=["بنمخلوف"])


def fcp():
    return Organization.objects.get(name_ar=FCP)


def find_org(*names, **kwargs):
    return RecordIndex.organizations().find(list(names), **kwargs)


def test_normalised_arabic_name_matches_whatever_the_spelling():
    found = find_org("فِدِرالية الكيمياء و شبه الكيمياء")
    assert (found.pk, found.score, found.reason) == (fcp().pk, 100, "name")
    assert found.status == Status.PUBLISHED


def test_an_alias_matches():
    org = OrganizationFactory(name="التجمع المهني للاختبار", aliases=["قطب الاختبار الصناعي"])
    found = find_org("قطب الاختبار الصناعي")
    assert (found.pk, found.reason) == (org.pk, "alias")


def test_the_acronym_matches_when_one_record_carries_it():
    org = OrganizationFactory(name="الجمعية المغربية للاختبار", acronym="AMTX")
    assert find_org("جمعية لا تشبهها", acronym="amtx").pk == org.pk
    assert find_org("AMTX").reason == "acronym"
    OrganizationFactory(name="جمعية أخرى", acronym="AMTX")
    assert find_org("جمعية لا تشبهها", acronym="AMTX") is None  # shared: no decision


def test_the_french_name_matches():
    org = OrganizationFactory(name="تجمع التجربة", name_fr="Cluster Essai Électrique")
    found = find_org("cluster essai electrique")
    assert (found.pk, found.reason) == (org.pk, "translation")


def test_a_near_spelling_matches_fuzzily_above_the_threshold():
    found = find_org("فيدرالية الكيمياء وشبه الكيماء")
    assert found.pk == fcp().pk and found.reason == "fuzzy"
    assert FUZZY_THRESHOLD <= found.score < 100
    reordered = find_org("وزارة التجارة والصناعة")
    assert reordered.name == "وزارة الصناعة والتجارة"


def test_any_status_is_a_candidate():
    org = OrganizationFactory(name="مكتب التجارب المسودة", status=Status.DRAFT)
    assert find_org("مكتب التجارب المسودة").pk == org.pk


@pytest.mark.parametrize(
    "name",
    [
        "المركز الجهوي للاستثمار لجهة الشرق",  # another region than Souss-Massa's
        "غرفة التجارة والصناعة والخدمات لجهة فاس مكناس",  # not Marrakech-Safi's chamber
        "المركز الجهوي للاستثمار",  # an alias of two centres: nobody's in particular
        "صندوق المراكز التقنية",
        "جامعة محمد الخامس",
        "وزارة الفلاحة",
    ],
)
def test_different_organisations_do_not_match(name):
    assert find_org(name) is None


def test_a_region_conflict_blocks_a_match():
    region = Region.objects.exclude(slug="marrakech-safi").first()
    org = OrganizationFactory(name="جمعية المنعشين للاختبار", region=region)
    assert find_org("جمعية المنعشين للاختبار", region="marrakech-safi") is None
    assert find_org("جمعية المنعشين للاختبار", region=region.slug).pk == org.pk


def test_people_match_on_name_fuzzily_and_on_an_alias_alone():
    index = RecordIndex.people()
    assert index.find(["عبد المولى بلوتي"]).name == "عبد المولى بللوتي"
    assert index.find(["نورالدين بويعقوب"]).name == "نور الدين بويعقوب"
    assert index.find(["بنمخلوف"]).name == "لمياء بنمخلوف"  # the record's alias
    assert index.find(["سعيد بنمخلوف"]) is None  # someone else with her surname
    assert index.find(["محمد الأمين"]) is None


def test_candidates_load_once_per_extraction(django_assert_num_queries):
    record = {
        "organizations": [
            {"name": FCP, "aliases": [], "acronym": None, "region": None},
            {"name": "منظمة جديدة تماما", "aliases": [], "acronym": None, "region": None},
        ]
        * 10,
        "people": [{"name": "لمياء بنمخلوف", "aliases": []}] * 10,
    }
    with django_assert_num_queries(2):
        matches = matches_find(record)
    assert matches.organizations[0].pk == fcp().pk and matches.organizations[1] is None
    assert matches.people[0].pk == Person.objects.get(name_ar="لمياء بنمخلوف").pk


def test_a_french_name_finds_the_record_kept_under_the_arabic_name_through_the_base():
    org = OrganizationFactory(name="المكتب الشريف للفوسفاط", name_fr="")
    found = find_org("Office chérifien des phosphates")
    assert (found.pk, found.reason) == (org.pk, "known")
    assert find_org("OCP").pk == org.pk  # the base's acronym, the record has none


def test_an_arabic_name_finds_the_record_kept_under_the_french_name_or_acronym():
    org = OrganizationFactory(name="Masen", name_ar="", acronym="MASEN")
    assert find_org("الوكالة المغربية للطاقة المستدامة").pk == org.pk
    other = OrganizationFactory(name="منظمة أخرى", name_fr="Agence nationale des ports")
    assert find_org("الوكالة الوطنية للموانئ").pk == other.pk


def test_the_base_does_not_join_different_bodies_of_one_family():
    OrganizationFactory(name="المركز الجهوي للاستثمار لجهة الشرق")
    OrganizationFactory(name="المركز الجهوي للاستثمار سوس-ماسة", name_fr="")
    assert find_org("CRI Souss-Massa").name == "المركز الجهوي للاستثمار سوس-ماسة"
    assert find_org("Centre régional d'investissement de Fès-Meknès") is None


COMPANY = OrganizationKind.COMPANY


@pytest.mark.parametrize(
    ("kept", "read"),
    [
        ("Saïss Wiring Systems", "سايس وايرينغ سيستمز"),
        ("Lear Corporation", "لير كوربوريشن"),
        ("Fujikura Automotive", "فوجيكورا أوتوموتيف"),
        ("Delphi Packard", "دلفي باكارد"),
        ("Nexalto Câblage Maroc", "نيكسالتو كابلاج ماروك"),
    ],
)
def test_a_company_name_matches_across_scripts_both_ways(kept, read):
    latin = OrganizationFactory(name="", name_fr=kept, kind=COMPANY)
    found = find_org(read, kind="company")
    assert (found.pk, found.reason) == (latin.pk, "transliteration")
    assert str(found.reason_label) == translated("name transliterated", "ar")
    latin.delete()
    arabic = OrganizationFactory(name=read, name_fr="", kind=COMPANY)
    assert find_org(kept).pk == arabic.pk  # a proposal of no known kind


def test_a_generic_word_translated_rather_than_transliterated_is_left_out():
    org = OrganizationFactory(name="", name_fr="Groupe Delphi Packard", kind=COMPANY)
    assert find_org("شركة دلفي باكارد", kind="company").pk == org.pk


@pytest.mark.parametrize(
    ("kept", "read"),
    [
        ("Lear Wiring Systems", "ليوني وايرينغ سيستمز"),  # another company, same trade
        ("Saïss Wiring Systems", "سايس وايرينغ"),  # a word missing
        ("Wiring Systems Saïss", "سايس وايرينغ سيستمز"),  # words in another order
        ("OCP", "أوسيبي"),  # too short to tell names apart
        ("Zakiro", "زاكيرو"),
        ("Sama Taka", "ساما تاكا"),
        ("Kaptel Mirad", "كابتن ميراد"),  # one consonant differs
    ],
)
def test_different_or_too_short_company_names_do_not_match_across_scripts(kept, read):
    OrganizationFactory(name="", name_fr=kept, kind=COMPANY)
    assert find_org(read, kind="company") is None


def test_only_companies_and_bodies_of_no_known_kind_match_across_scripts():
    OrganizationFactory(name="", name_fr="Tamkine Sinaai Tanmia", kind=OrganizationKind.MINISTRY)
    assert find_org("تامكين صناعي تنمية", kind="company") is None
    company = OrganizationFactory(name="", name_fr="Fujikura Automotive", kind=COMPANY)
    assert find_org("فوجيكورا أوتوموتيف", kind="ministry") is None
    company.kind = OrganizationKind.OTHER
    company.save()
    assert find_org("فوجيكورا أوتوموتيف", kind="other").pk == company.pk


def test_a_reading_several_records_share_decides_nothing():
    OrganizationFactory(name="", name_fr="Delphi Packard", kind=COMPANY)
    OrganizationFactory(name="", name_fr="Delfy Pakard", kind=COMPANY)
    assert find_org("دلفي باكارد", kind="company") is None


def test_a_reading_never_joins_two_known_institutions():
    # the base knows the proposal as Sumitomo (its alias), the record as Yazaki
    org = OrganizationFactory(name="يازاكي", name_fr="Samitomo Elektrik", kind=COMPANY)
    assert find_org("سوميتومو إلكتريك", "سوميتومو", kind="company") is None
    org.name_ar = "شركة الاختبار"
    org.save()
    assert find_org("سوميتومو إلكتريك", "سوميتومو", kind="company").pk == org.pk


def test_cross_script_matching_follows_the_extracted_kind():
    company = OrganizationFactory(name="سايس وايرينغ سيستمز", name_fr="", kind=COMPANY)
    record = {
        "organizations": [
            {"name": "Saïss Wiring Systems", "aliases": [], "acronym": None, "region": None,
             "kind": "company"},
            {"name": "Saïss Wiring Systems", "aliases": [], "acronym": None, "region": None,
             "kind": "federation"},
        ],
        "people": [],
    }  # fmt: skip
    assert [m and m.pk for m in matches_find(record).organizations] == [company.pk, None]
