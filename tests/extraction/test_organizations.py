from extraction.extractor.organizations import find_mentions, resolve
from extraction.extractor.text import Doc


def orgs(text):
    mentions, links = find_mentions(Doc(text))
    organizations, _ = resolve(mentions, links)
    return {o.name: o for o in organizations}


def test_coordinated_bodies_split_at_a_new_head():
    found = orgs(
        "يأتي بشراكة مع وزارة الصناعة والتجارة والوكالة المغربية لتنمية الاستثمارات والصادرات."
    )
    assert set(found) == {
        "وزارة الصناعة والتجارة",
        "الوكالة المغربية لتنمية الاستثمارات والصادرات",
    }
    assert found["وزارة الصناعة والتجارة"].kind == "ministry"
    assert found["الوكالة المغربية لتنمية الاستثمارات والصادرات"].kind == "public-agency"


def test_name_stops_before_event_words_and_dates():
    found = orgs("ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى يومي 15 و16 ماي")
    assert list(found) == ["فدرالية الكيمياء وشبه الكيمياء"]
    assert found["فدرالية الكيمياء وشبه الكيمياء"].kind == "federation"


def test_indefinite_adjective_is_not_a_name_but_a_genitive_is():
    assert orgs("يعد قطب استراتيجي للصناعة والخدمات") == {}
    assert "صندوق دعم المراكز التقنية الصناعية" in orgs(
        "المنبثقة عن صندوق دعم المراكز التقنية الصناعية."
    )


def test_regional_bodies_keep_their_seat_and_region():
    found = orgs(
        "ومدير المركز الجهوي للاستثمار بمراكش وغرفة التجارة والصناعة والخدمات لجهة سوس ماسة."
    )
    cri = found["المركز الجهوي للاستثمار بمراكش"]
    assert (cri.kind, cri.city, cri.region) == ("investment-center", "مراكش", "marrakech-safi")
    chamber = found["غرفة التجارة والصناعة والخدمات لجهة سوس ماسة"]
    assert (chamber.kind, chamber.region) == ("chamber", "souss-massa")


def test_general_union_does_not_swallow_a_locative_tail():
    assert "الاتحاد العام لمقاولات المغرب" in orgs("والاتحاد العام لمقاولات المغرب بالجهة، وكذا")


def test_quoted_company_after_its_head_and_latin_names():
    found = orgs(
        "قال الرئيس المدير العام لشركة “ألغو كونسلتينغ غروب”، طارق فضلي. "
        "وشركة Stellantis (PSA سابقا)"
    )
    assert found["ألغو كونسلتينغ غروب"].kind == "company"
    assert found["Stellantis"].aliases == ["PSA"]


def test_acronym_in_brackets_and_after_the_name():
    found = orgs("المركز التقني لصناعة ومُعدات السيارات (CETIEV) و للتجمّع المهني للنسيج التقني C2TM")
    assert found["المركز التقني لصناعة ومُعدات السيارات"].acronym == "CETIEV"
    assert found["التجمّع المهني للنسيج التقني"].acronym == "C2TM"
    assert found["التجمّع المهني للنسيج التقني"].kind == "cluster"


def test_one_body_under_several_names_is_one_organisation():
    found = orgs(
        "تحت اسم “أقطاب المغرب الصناعية” «Maroc Clusters ». "
        "وحددت جمعية “الأقطاب الصناعية في المغرب”"
    )
    assert list(found) == ["أقطاب المغرب الصناعية"]
    assert set(found["أقطاب المغرب الصناعية"].aliases) == {
        "Maroc Clusters",
        "الأقطاب الصناعية في المغرب",
    }


def test_bare_and_regional_forms_merge():
    found = orgs(
        "والمركز الجهوي للاستثمار سوس-ماسة، وبتعاون مع ولاية الجهة. "
        "تضم الجهة والمركز الجهوي للاستثمار."
    )
    assert "المركز الجهوي للاستثمار سوس-ماسة" in found
    assert "المركز الجهوي للاستثمار" in found["المركز الجهوي للاستثمار سوس-ماسة"].aliases
    assert found["ولاية الجهة"].kind == "local-authority"


def test_university_versus_sports_or_business_federation():
    assert orgs("أستاذ جامعي بجامعة القاضي عياض.")["جامعة القاضي عياض"].kind == "university"
    found = orgs("أعلنت الجامعة الملكية المغربية لكرة القدم")
    assert found["الجامعة الملكية المغربية لكرة القدم"].kind == "federation"


def test_anaphoric_and_generic_mentions_are_not_organisations():
    assert orgs("هذه الجمعية المهنية تهدف") == {}
    assert orgs("تتخذ شكل “جمعية مهنية”") == {}
    assert orgs("لولاية تمتد لعامين") == {}
