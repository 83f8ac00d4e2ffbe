"""extraction.extractor.knowledge: the data files, name look-up and mentions in text."""

import json
import re
from collections import Counter

import pytest

from extraction.extractor.knowledge import (
    KINDS,
    REGIONS,
    find_institutions,
    institutions,
    load,
    lookup,
)
from organizations.models import OrganizationKind
from taxonomy.models import Region

# A leading French article is not part of the name found in the text.
ARTICLE = re.compile(r"(?:les?|la) (?=\S+ \S)|l'(?=\S+ \S)", re.IGNORECASE)


def by_key(key):
    return next(item for item in institutions() if item.key == key)


def keys(text):
    return [m.institution.key for m in find_institutions(text)]


def test_vocabularies_are_the_models_and_design_ones():
    assert set(OrganizationKind.values) == KINDS
    assert len(REGIONS) == 12


@pytest.mark.django_db
def test_every_region_slug_exists():
    used = {item.region for item in institutions() if item.region}
    assert used <= set(Region.objects.values_list("slug", flat=True))


def test_each_region_has_one_body_of_each_regional_family():
    for prefix in ("conseil-region-", "cri-", "ccis-", "wilaya-", "cgem-"):
        family = [i for i in institutions() if i.key.startswith(prefix)]
        assert Counter(i.region for i in family) == Counter(REGIONS), prefix


def test_every_unshared_name_finds_its_own_institution():
    """Each name, in a sentence, is found whole and looks up to its owner."""
    owners: dict[str, set[str]] = {}
    for item in institutions():
        for name in item.names:
            owners.setdefault(" ".join(name.lower().split()), set()).add(item.key)
    for item in institutions():
        for name in item.names_ar + item.names_fr:
            if len(owners[" ".join(name.lower().split())]) > 1:
                continue
            assert lookup(name) == item, name
            text = f"Selon {name}. "
            found = find_institutions(text)
            article = ARTICLE.match(name) if not item.as_written else None
            start = 6 + (article.end() if article else 0)
            assert [(m.start, m.end) for m in found] == [(start, 6 + len(name))], name
            assert found[0].institution == item, name


def test_names_are_arabic_or_latin_as_filed():
    for item in institutions():
        assert item.names_ar or item.names_fr, item.key
        assert all(any("\u0621" <= c <= "\u064a" for c in n) for n in item.names_ar), item.key
        assert not any(any("\u0621" <= c <= "\u064a" for c in n) for n in item.names_fr), item.key


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("OCP", "ocp"),
        ("ocp", "ocp"),
        ("l'OCP", "ocp"),
        ("O.C.P.", "ocp"),
        ("office cherifien des phosphates", "ocp"),
        ("L'Office Chérifien des Phosphates", "ocp"),
        ("المكتب الشريف للفوسفاط", "ocp"),
        ("للمكتب الشريف للفوسفاط", "ocp"),
        ("والمكتب الشريف للفوسفاط", "ocp"),
        ("الوكالة المغربية لتنمية الإستثمارات و الصادرات".replace(" و ", " و"), "amdie"),
        ("بالمركز الجهوي للاستثمار لجهة سوس-ماسة", "cri-souss-massa"),
        ("المركز الجهوي للإستثمار لجهة سوس ماسه", "cri-souss-massa"),
        ("CRI de Souss-Massa", "cri-souss-massa"),
        ("la CGEM", "cgem"),
        ("Masen", "masen"),
    ],
)
def test_lookup_tolerates_case_accents_articles_and_clitics(name, key):
    assert lookup(name).key == key


@pytest.mark.parametrize("name", ["", "  ", "CRI", "المركز الجهوي للاستثمار", "Chambre", "وزارة"])
def test_generic_or_shared_names_name_nobody(name):
    assert lookup(name) is None


def test_acronyms_match_as_whole_tokens_as_written():
    assert keys("L'OCP et l'ONEE ont signé.") == ["ocp", "onee"]
    assert keys("ocp, onee, OCPX, XOCP, Ocp") == []


def test_arabic_mentions_drop_clitics_and_restore_a_fused_article():
    text = "وقّع وللمكتب الوطني للسكك الحديدية وبالمكتب الشريف للفوسفاط اتفاقية"
    first, second = find_institutions(text)
    assert first.institution.key == "oncf"
    assert first.surface == "المكتب الوطني للسكك الحديدية"
    assert text[first.start : first.end] == "للمكتب الوطني للسكك الحديدية"
    assert second.institution.key == "ocp"
    assert text[second.start : second.end] == second.surface == "المكتب الشريف للفوسفاط"


def test_the_longest_name_wins_and_mentions_do_not_overlap():
    text = "Le Centre régional d'investissement de la région Souss-Massa et la CCIS."
    found = find_institutions(text)
    assert [m.institution.key for m in found] == ["cri-souss-massa"]
    assert found[0].surface == "Centre régional d'investissement de la région Souss-Massa"


def test_a_name_does_not_run_across_a_sentence_end():
    assert keys("Office chérifien. Des phosphates") == []
    assert keys("المكتب الشريف. للفوسفاط") == []


def test_harakat_and_tatweel_are_ignored_and_offsets_stay_in_the_text():
    text = "أعلن المَكتب الشـريف للفوسفاط"
    (mention,) = find_institutions(text)
    assert text[mention.start : mention.end] == "المَكتب الشـريف للفوسفاط"


def test_bad_data_is_refused(tmp_path):
    entry = {"key": "x", "ar": ["اسم"], "region": None}
    (tmp_path / "a.json").write_text(json.dumps({"kind": "planet", "entries": [entry]}))
    with pytest.raises(ValueError, match="unknown kind"):
        load(tmp_path)
    (tmp_path / "a.json").write_text(
        json.dumps({"kind": "company", "entries": [{**entry, "region": "atlantis"}]})
    )
    with pytest.raises(ValueError, match="unknown region"):
        load(tmp_path)
    (tmp_path / "a.json").write_text(json.dumps({"kind": "company", "entries": [entry] * 2}))
    with pytest.raises(ValueError, match="duplicate"):
        load(tmp_path)


def test_the_base_is_broad():
    counts = Counter(item.kind for item in institutions())
    assert len(institutions()) >= 300
    assert counts["ministry"] >= 15 and counts["university"] >= 15
    assert by_key("ocp").name_fr == "Office chérifien des phosphates"
    assert by_key("ocp").name_ar == "المكتب الشريف للفوسفاط"


def test_a_detached_conjunction_reads_as_attached():
    name = "غرفة التجارة و الصناعة و الخدمات لجهة سوس ماسة"
    (mention,) = find_institutions(f"حضر ممثل {name}.")
    assert mention.institution.key == "ccis-souss-massa"
    assert mention.surface == name
    assert lookup(name).key == "ccis-souss-massa"
    assert keys("غرفة التجارة و. الصناعة والخدمات لجهة سوس ماسة") == []


def test_a_bracketed_acronym_inside_a_name_is_stepped_over():
    text = (
        "Le Centre régional d'investissement (CRI) de Souss-Massa, "
        "et للمركز الجهوي للاستثمار (CRI) لجهة الشرق"
    )
    first, second = find_institutions(text)
    assert first.institution.key == "cri-souss-massa"
    assert text[first.start : first.end] == "Centre régional d'investissement (CRI) de Souss-Massa"
    assert first.surface == "Centre régional d'investissement de Souss-Massa"
    assert second.institution.key == "cri-oriental"
    assert second.surface == "المركز الجهوي للاستثمار لجهة الشرق"
    assert keys("Centre régional d'investissement (CRI). De Souss-Massa") == []


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("مكتب تنمية التعاون", "odco"),
        ("ODCO", "odco"),
        ("الشركة الوطنية للتهيئة الجماعية", "sonadac"),
        ("جامعة الغرف المغربية للتجارة والصناعة والخدمات", "fcmcis"),
        ("غرفة الفلاحة لجهة سوس ماسة", "chambre-agriculture-souss-massa"),
        ("الوكالة الوطنية لإنعاش المقاولات الصغرى والمتوسطة", "maroc-pme"),
    ],
)
def test_bodies_the_arabic_press_names_this_way(name, key):
    assert lookup(name).key == key
