import pytest

from extraction.extractor.organizations import find_mentions, resolve
from extraction.extractor.people import BOARD, find_people, resolve_people
from extraction.extractor.text import Doc


def people(text):
    doc = Doc(text)
    mentions, links = find_mentions(doc)
    persons, board_links = find_people(doc, mentions)
    organizations, index = resolve(mentions, links + board_links)

    def org(k):
        if k == BOARD:
            return "BOARD"
        return organizations[index[k]].name if k in index else None

    return {
        p.name: {"aliases": p.aliases, "positions": [(t, org(o)) for t, o in p.positions]}
        for p in resolve_people(persons)
    }


def positions_of(text):
    return {name: p["positions"] for name, p in people(text).items()}


def test_title_of_org_then_name_between_commas():
    found = people(
        "وفي كلمتها، أكدت المديرة العامة لـ”تكنوبارك المغرب”، لمياء بنمخلوف، أن القطب. "
        "وأضافت السيدة بنمخلوف أن التمويل متاح."
    )
    assert found["لمياء بنمخلوف"]["positions"] == [("المديرة العامة", "تكنوبارك المغرب")]
    assert found["لمياء بنمخلوف"]["aliases"] == ["بنمخلوف"]


def test_name_then_title_of_org():
    found = people(
        "استقبل عبد المولى بللوتي، النائب الأول لرئيس غرفة التجارة والصناعة والخدمات "
        "لجهة مراكش اسفي يوم"
    )
    title, org = found["عبد المولى بللوتي"]["positions"][0]
    assert title.startswith("النائب الأول")
    assert org == "غرفة التجارة والصناعة والخدمات لجهة مراكش اسفي"


def test_title_without_organisation():
    found = people("من جانبه، دعا الخبير في الحوسبة السحابية، حسين أوكوك، المجموعات إلى الانخراط.")
    assert found["حسين أوكوك"]["positions"] == [("الخبير في الحوسبة السحابية", None)]


def test_coordinated_list_of_signatories_keeps_each_title_with_its_person():
    found = people(
        "ووقع الاتفاقية كل من مدير المركز الجهوي للاستثمار لجهة الشرق، كريم بنعلي، "
        "والرئيس المدير العام لشركة “أوريون”، يوسف الإدريسي، بحضور شخصيات."
    )
    assert found["كريم بنعلي"]["positions"] == [("مدير", "المركز الجهوي للاستثمار لجهة الشرق")]
    assert found["يوسف الإدريسي"]["positions"] == [("الرئيس المدير العام", "أوريون")]


def test_board_list_with_offices():
    found = people(
        "أفرز الجمع العام أعضاء المكتب التنفيذي الجديد:\n"
        "  • فاطمة الزهراء الخليفة، المديرة العامة لـ” Cluster Solaire”، في منصب الرئيسة\n"
        "  • طارق المرنيسي، نائب رئيس التجمع المهني للصناعات الجلدية – جهة فاس مكناس\n"
        "- رشيد أوبلا: رئيسا\n"
        "- هشام بوزيد: كاتبا عاما\n"
    )
    assert found["فاطمة الزهراء الخليفة"]["positions"] == [
        ("المديرة العامة", "Cluster Solaire"),
        ("الرئيسة", "BOARD"),
    ]
    assert ("عضو المكتب التنفيذي", "BOARD") in found["طارق المرنيسي"]["positions"]
    assert found["رشيد أوبلا"]["positions"] == [("رئيس", "BOARD")]
    assert found["هشام بوزيد"]["positions"] == [("الكاتب العام", "BOARD")]


def test_the_king_and_a_surname_after_a_verb_of_speech():
    found = people(
        "تحت الرئاسة الفعلية لجلالة الملك محمد السادس. وصرح مزور في هذا الشأن بأن المراكز"
    )
    assert found["محمد السادس"]["positions"] == [("الملك", None)]
    assert found["مزور"]["positions"] == []


def test_given_name_with_title_in_running_text():
    found = people(
        "غرفة التجارة والصناعة والخدمات لجهة مراكش اسفي. "
        "كما حضر هذا اللقاء محمد ازواو المدير الجهوي للغرفة والفاعلين."
    )
    assert found["محمد ازواو"]["positions"] == [
        ("المدير الجهوي", "غرفة التجارة والصناعة والخدمات لجهة مراكش اسفي")
    ]


def test_minister_holds_office_in_the_named_ministry():
    found = people(
        "وقعت وزارة الانتقال الطاقي والتنمية المستدامة، أمس، مذكرة تفاهم وقعتها وزيرة الانتقال "
        "الطاقي والتنمية المستدامة، سعاد الكتاني، ورئيس الفيدرالية."
    )
    assert found["سعاد الكتاني"]["positions"] == [
        ("وزيرة الانتقال الطاقي والتنمية المستدامة", "وزارة الانتقال الطاقي والتنمية المستدامة")
    ]


def test_byline_after_the_body():
    body = "نص المقال عن المنتدى. " * 30
    assert people(body + "\n\n   يوسف يعكوبي \n")["يوسف يعكوبي"]["positions"] == [
        ("كاتب المقال", None)
    ]


def test_prepositions_and_common_words_are_not_names():
    found = people("أكد على ضرورة التعاون، وقال إن الاستثمارات التي أعلن عنها كثيرة.")
    assert found == {}


def test_officials_named_by_office_keep_the_office_as_title():
    text = (
        "وجرى اللقاء بحضور والي جهة الشرق عامل عمالة وجدة أنجاد، رشيد الزروالي، "
        "والكاتب العام لعمالة إقليم ورزازات، سمير القادري."
    )
    found = people(text)
    assert found["رشيد الزروالي"]["positions"] == [("والي جهة الشرق عامل عمالة وجدة أنجاد", None)]
    assert found["سمير القادري"]["positions"] == [("الكاتب العام", "عمالة إقليم ورزازات")]
    mentions, _links = find_mentions(Doc(text))
    assert "عمالة وجدة أنجاد" not in {m.name for m in mentions}


def test_list_of_officials_each_with_title_and_body():
    found = people(
        "وحضر اللقاء كل من رئيس مجلس جهة سوس ماسة، كريم أشنكلي، ومدير المركز الجهوي "
        "للاستثمار لجهة سوس ماسة، منير الكيلاني."
    )
    assert found["كريم أشنكلي"]["positions"] == [("رئيس", "مجلس جهة سوس ماسة")]
    assert found["منير الكيلاني"]["positions"] == [
        ("مدير", "المركز الجهوي للاستثمار لجهة سوس ماسة")
    ]


def test_name_with_the_article_in_a_list_of_officials():
    found = people(
        "واستقبلها رئيس غرفة التجارة لمرسية، الغالية البوعناني، ومدير المركز، سعيد الودغيري."
    )
    assert found["الغالية البوعناني"]["positions"] == [("رئيس", "غرفة التجارة لمرسية")]


def test_acting_title_and_a_regional_branch_of_a_body():
    found = people(
        "وأوضح المدير الجهوي بالنيابة للوكالة الوطنية للموانئ، هشام الطاهري، أن الأشغال "
        "انطلقت. وقالت رئيسة المركز الجهوي للمعهد الوطني للبحث في الصيد البحري، نوال "
        "الصقلي، إن الدراسة جاهزة."
    )
    assert found["هشام الطاهري"]["positions"] == [
        ("المدير الجهوي بالنيابة", "الوكالة الوطنية للموانئ")
    ]
    assert found["نوال الصقلي"]["positions"] == [
        ("رئيسة المركز الجهوي", "المعهد الوطني للبحث في الصيد البحري")
    ]


def test_an_acronym_between_title_and_name():
    found = people(
        "وقدمت مديرة البرامج بالوكالة الألمانية للتعاون الدولي (GIZ)، كلاوديا فيشر، عرضا."
    )
    assert found["كلاوديا فيشر"]["positions"] == [
        ("مديرة البرامج", "الوكالة الألمانية للتعاون الدولي")
    ]


def test_a_family_name_that_is_also_a_town():
    found = people("ووقع الاتفاقية مدير الصناعة بوزارة الصناعة والتجارة، طارق بنسليمان، أمس.")
    assert "طارق بنسليمان" in found


def test_dateline_gives_the_author():
    found = people("عنوان المقال\n\nطنجة: حسن المرابط\n\nنص المقال عن المنتدى.")
    assert found["حسن المرابط"]["positions"] == [("كاتب المقال", None)]


def test_board_list_with_office_first_and_latin_names():
    found = people(
        "انتخب الجمع العام مكتبا جديدا:\n"
        "- الرئيس: Hicham Alami، المدير العام لشركة Atlas Cables\n"
        "- أمين المال: Salma Idrissi، مسيرة مصنع Nova Plast\n"
    )
    assert found["Hicham Alami"]["positions"] == [
        ("المدير العام", "Atlas Cables"),
        ("الرئيس", "BOARD"),
    ]
    assert found["Salma Idrissi"]["positions"] == [
        ("مسيرة مصنع", "Nova Plast"),
        ("أمين المال", "BOARD"),
    ]


def test_board_list_with_office_last_in_the_accusative():
    found = people(
        "وأسفر الجمع العام عن انتخاب المكتب التالي:\n"
        "- Rachid Bennani، المدير المالي لـ Kemia Labs، أمينا للمال\n"
    )
    assert found["Rachid Bennani"]["positions"] == [
        ("المدير المالي", "Kemia Labs"),
        ("أمين المال", "BOARD"),
    ]


def test_regnal_names_of_institutions_and_words_after_titles_are_not_people():
    found = people(
        "ستقام الوحدة بالمدينة الخضراء محمد السادس، وعين أمين المال خلفا لعبد الكريم الوزاني."
    )
    assert "محمد السادس" not in found
    assert "أمين المال" not in found


def test_the_name_ali_is_told_from_the_preposition_by_its_family_name():
    found = people("أوضح المدير العام للوكالة، علي الصديقي، أن البرنامج جاهز، على هامش اللقاء.")
    assert list(found) == ["علي الصديقي"]


def test_a_coordinated_name_does_not_take_the_title_of_the_item_before():
    found = people(
        "وكان في استقبال الوفد كل من السيد يوسف بنعلي، مدير المركز الجهوي للاستثمار بفاس، "
        "والسيدة نزهة الشرقاوي، رئيسة الجمعية المغربية لصناعة النسيج."
    )
    assert found["نزهة الشرقاوي"]["positions"] == [("رئيسة", "الجمعية المغربية لصناعة النسيج")]


def test_bullet_with_name_and_office_only():
    found = people("ويضم المكتب المسير الجديد كلا من:\n• يونس بوكيلي، أمينا للمال\n")
    assert found["يونس بوكيلي"]["positions"] == [("أمين المال", "BOARD")]


def test_capacity_and_succession_and_company_board_titles():
    found = people(
        "انتخب الجمع العام مكتبا جديدا. واستعرض الرئيس المنتهية ولايته، جمال الدين العلوي، "
        'الحصيلة. ووقعها السيد منير الفاضلي، بصفته رئيس مجلس إدارة شركة "أطلس ماء".'
    )
    assert found["جمال الدين العلوي"]["positions"] == [("الرئيس المنتهية ولايته", "BOARD")]
    assert found["منير الفاضلي"]["positions"] == [("رئيس مجلس إدارة", "أطلس ماء")]


def test_title_and_body_right_before_a_name_without_comma():
    found = people(
        "وترأس الجلسة عامل إقليم العرائش بوعزة الكتاني، إلى جانب رئيس غرفة الفلاحة لجهة "
        "طنجة تطوان الحسيمة عبد السلام الرحموني، وفاعلين."
    )
    assert found["بوعزة الكتاني"]["positions"] == [("عامل إقليم العرائش", None)]
    assert found["عبد السلام الرحموني"]["positions"] == [
        ("رئيس", "غرفة الفلاحة لجهة طنجة تطوان الحسيمة")
    ]


def test_titles_before_given_names_in_a_list_of_officials():
    found = people(
        "حضره عامل الإقليم جمال الشعراني ورئيس جهة الشرق محمد بوعرورو، وعدد من المنتخبين. "
        "وأشرف عليه والي جهة الشرق عامل عمالة وجدة أنجاد محمد مهيدية، ورئيس مجلس الجهة "
        "عبد النبي بعيوي."
    )
    assert found["جمال الشعراني"]["positions"] == [("عامل الإقليم", None)]
    assert found["محمد بوعرورو"]["positions"] == [("رئيس جهة الشرق", None)]
    assert found["محمد مهيدية"]["positions"] == [("والي جهة الشرق عامل عمالة وجدة أنجاد", None)]
    assert found["عبد النبي بعيوي"]["positions"][0][0] == "رئيس"


def test_a_title_after_a_comma_belongs_to_the_name_before_it():
    found = people(
        "حضر كريم زيدان، الوزير المنتدب المكلف بالاستثمار، يونس السكوري، وزير الإدماج "
        "الاقتصادي، وعمر حجيرة، كاتب الدولة المكلف بالتجارة الخارجية."
    )
    assert found["كريم زيدان"]["positions"] == [("الوزير المنتدب المكلف بالاستثمار", None)]
    assert found["يونس السكوري"]["positions"] == [("وزير الإدماج الاقتصادي", None)]
    assert found["عمر حجيرة"]["positions"] == [("كاتب الدولة المكلف بالتجارة الخارجية", None)]


def test_officers_of_a_board_and_given_names_with_the_article():
    found = people(
        "عقد مكتب غرفة التجارة والصناعة والخدمات لجهة مراكش آسفي اجتماعا، برئاسة كمال بن "
        "خالد، رئيس الغرفة، وبمشاركة عبد المولى بللوتي، النائب الأول للرئيس، والسعيد أثنان، "
        "أمين المال، وحسن امكرود، المقرر."
    )
    assert found["عبد المولى بللوتي"]["positions"] == [("النائب الأول للرئيس", "BOARD")]
    assert found["السعيد أثنان"]["positions"] == [("أمين المال", "BOARD")]
    assert found["حسن امكرود"]["positions"] == [("المقرر", None)]


def test_four_word_names_pronouns_and_places_are_read_as_such():
    found = people(
        "قدم الخبير المالي محمد أمين العلوي الإسماعيلي عرضا. حضر عدد من الوزراء، أبرزهم "
        "كريم زيدان، الوزير المنتدب. ونوقش مشروع منطقة التسريع الصناعي لبني يخلف."
    )
    assert "محمد أمين العلوي الإسماعيلي" in found
    assert "كريم زيدان" in found
    assert not any(name.startswith(("أبرزهم", "لبني")) for name in found)


def test_a_name_after_a_preposition_takes_no_title_before_it():
    found = people("انتخب كريم بنجلون رئيسا للمكتب الجهوي خلفا لنزهة العراقي التي ترأسته.")
    # not the new president's office: the one she leaves
    assert found["نزهة العراقي"]["positions"] == [("الرئيسة المنتهية ولايتها", "BOARD")]


def test_any_word_after_a_name_particle_and_latin_names_set_off_by_their_script():
    found = people(
        "وقال الحسن آيت علي، المدير الجهوي للتجارة والصناعة، إن المشاريع تتقدم. وحضر اللقاء "
        "Jean-Pierre Martin، المدير العام لمجموعة Renault Maroc."
    )
    assert found["الحسن آيت علي"]["positions"] == [("المدير الجهوي للتجارة والصناعة", None)]
    assert found["Jean-Pierre Martin"]["positions"] == [("المدير العام", "Renault Maroc")]


def test_possessive_title_acts_for_the_body_named_before_it():
    found = people(
        "ووقع الاتفاقية عن وكالة التنمية الفلاحية مديرها العام، السيد كريم الحسناوي، "
        "وعن غرفة التجارة والصناعة والخدمات لجهة الشرق رئيسها، السيد رشيد بنعلي."
    )
    assert found["كريم الحسناوي"]["positions"] == [("المدير العام", "وكالة التنمية الفلاحية")]
    assert found["رشيد بنعلي"]["positions"] == [
        ("رئيس", "غرفة التجارة والصناعة والخدمات لجهة الشرق")
    ]


def test_body_represented_by_a_possessive_title():
    found = people(
        "ووقع الاتفاقية مجلس جهة فاس مكناس، ممثلا في شخص نائب رئيسه سعيد الودغيري، "
        "ومكتب التكوين المهني وإنعاش الشغل، ممثلا في مديرته الجهوية السيدة هند التازي."
    )
    assert found["سعيد الودغيري"]["positions"] == [("نائب رئيس", "مجلس جهة فاس مكناس")]
    assert found["هند التازي"]["positions"] == [
        ("المديرة الجهوية", "مكتب التكوين المهني وإنعاش الشغل")
    ]


def test_feminine_title_is_not_a_possessive():
    found = people("وقالت رئيسة جمعية النساء المقاولات، نجاة العلوي، إن الدعم متاح.")
    assert found["نجاة العلوي"]["positions"] == [("رئيسة", "جمعية النساء المقاولات")]


def test_representative_of_a_body_then_a_title_of_its_branch():
    found = people(
        "وشارك ممثل عن الوكالة الوطنية لإنعاش التشغيل والكفاءات، المدير الإقليمي بتازة، "
        "عادل المنصوري، في اللقاء."
    )
    assert found["عادل المنصوري"]["positions"] == [
        ("المدير الإقليمي بتازة", "الوكالة الوطنية لإنعاش التشغيل والكفاءات")
    ]


def test_academic_honorific_before_a_name_is_not_a_title():
    found = people("وحضر عميد كلية العلوم بوجدة، الدكتور سمير الإدريسي، الجلسة الأولى.")
    assert found["سمير الإدريسي"]["positions"] == [("عميد", "كلية العلوم بوجدة")]


def test_academic_title_before_a_body_stays_a_title():
    found = people("وقدم الأستاذ بجامعة ابن طفيل، حميد الزياني، عرضا.")
    assert found["حميد الزياني"]["positions"] == [("الأستاذ", "جامعة ابن طفيل")]


def test_gloss_between_title_and_name():
    found = people(
        "وأكدت نائبة رئيس مجلس جهة الشرق، المكلفة بالاستثمار، السيدة ليلى الكتاني، "
        "أن المشروع مهم. وحضر رئيس الجمعية المغربية للمصدرين، فرع الشمال، السيد أنس الوزاني."
    )
    assert found["ليلى الكتاني"]["positions"] == [("نائبة رئيس", "مجلس جهة الشرق")]
    assert found["أنس الوزاني"]["positions"] == [("رئيس", "الجمعية المغربية للمصدرين")]
    assert "فرع الشمال" not in found


def test_elected_office_after_a_member_and_his_company():
    found = people(
        "عقد قطب الصناعات الغذائية لجهة سوس ماسة جمعه العام. وأسفر التصويت عن انتخاب السيد "
        'مراد الفاسي، المدير العام لشركة "نسيج الأطلس"، رئيسا للقطب، والسيدة سلوى بناني، '
        'مسيرة شركة "Atlas Denim"، نائبة للرئيس.'
    )
    assert found["مراد الفاسي"]["positions"] == [
        ("المدير العام", "نسيج الأطلس"),
        ("رئيس", "قطب الصناعات الغذائية لجهة سوس ماسة"),
    ]
    assert found["سلوى بناني"]["positions"] == [
        ("مسيرة", "Atlas Denim"),
        ("نائبة للرئيس", "BOARD"),
    ]


def test_title_after_an_honorific_name_without_comma():
    found = people(
        "ووقع الاتفاقية كل من السيد يوسف العمراني المدير العام لوكالة التنمية الفلاحية، "
        "والسيدة أمل الحداد رئيسة المجلس الجماعي لبركان."
    )
    assert found["يوسف العمراني"]["positions"] == [("المدير العام", "وكالة التنمية الفلاحية")]
    assert found["أمل الحداد"]["positions"] == [("رئيسة", "المجلس الجماعي لبركان")]


def test_accusative_offices_of_a_list_go_to_each_member():
    found = people(
        "كما انتخب الجمع العام السيد حسن البقالي نائبا للرئيس والسيد عمر الزين أمينا للمال."
    )
    assert found["حسن البقالي"]["positions"] == [("نائب للرئيس", "BOARD")]
    assert found["عمر الزين"]["positions"] == [("أمين المال", "BOARD")]


def test_region_president_presides_its_named_council():
    found = people(
        "وحضر رئيس جهة سوس ماسة محمد أوبلا. وقد رصد مجلس جهة سوس ماسة غلافا مهما للمشروع."
    )
    assert found["محمد أوبلا"]["positions"] == [("رئيس جهة سوس ماسة", "مجلس جهة سوس ماسة")]


def test_deputy_minister_holds_office_in_the_named_ministry():
    found = people(
        "وترأس الوزير المنتدب المكلف بالاستثمار، السيد كريم الصقلي، الحفل. ووقعت الاتفاقية "
        "الوزارة المنتدبة المكلفة بالاستثمار."
    )
    assert found["كريم الصقلي"]["positions"] == [
        ("الوزير المنتدب المكلف بالاستثمار", "الوزارة المنتدبة المكلفة بالاستثمار")
    ]


def test_female_governor_is_an_office_without_body():
    found = people("وحضرت عاملة إقليم الحاجب بالنيابة، السيدة سميرة الأمين، حفل الافتتاح.")
    assert found["سميرة الأمين"]["positions"] == [("عاملة إقليم الحاجب بالنيابة", None)]


def test_dateline_with_a_dash_signs_the_author_only_with_a_given_name():
    assert people("طنجة – عادل الريفي\n\nانطلقت أشغال المنتدى.")["عادل الريفي"]["positions"] == [
        ("كاتب المقال", None)
    ]
    assert "العلم" not in people("طنجة – العلم\n\nانطلقت أشغال المنتدى.")


def test_family_name_ending_like_a_pronoun():
    found = people("وقال رئيس جامعة ابن زهر، السيد عبد الجليل الكوهن، إن الشراكة مهمة.")
    assert "عبد الجليل الكوهن" in found


def test_amount_words_are_not_names():
    found = people("وأشار المسؤول إلى أن المؤسسة ستواكب المقاولات، بتمويل يقدر بمليون دولار.")
    assert not any("دولار" in name for name in found)


def test_a_given_name_inside_the_body_does_not_cut_the_title_off():
    found = people("وأشرف على الافتتاح رئيس جامعة محمد الخامس بالرباط يوسف العمراني.")
    assert found["يوسف العمراني"]["positions"] == [("رئيس", "جامعة محمد الخامس بالرباط")]


def test_board_lines_without_bullets_and_offices_held_by_several():
    found = people(
        "وجاءت تشكيلة المكتب المسير كما يلي:\n"
        'الرئيس: محمد لمين ولد الزين، المدير العام لشركة "Sahara Fish"؛\n'
        "الكاتب العام: رشيد الحيان؛\n"
        "المستشارون: سيدي محمد بوصولة، وخديجة الركيبي، ويوسف الداودي.\n"
        "- الحسين بوفوس وياسين العطار: مستشاران.\n"
    )
    assert ("الرئيس", "BOARD") in found["محمد لمين ولد الزين"]["positions"]
    assert found["رشيد الحيان"]["positions"] == [("الكاتب العام", "BOARD")]
    for name in ("سيدي محمد بوصولة", "يوسف الداودي", "الحسين بوفوس", "ياسين العطار"):
        assert found[name]["positions"] == [("مستشار", "BOARD")]
    assert found["خديجة الركيبي"]["positions"] == [("مستشارة", "BOARD")]


def test_signatures_under_the_headline_after_an_outlet():
    for header in ("الأخبار – محمد بوطالب", "هسبريس - مراد الزياني من وجدة"):
        found = people(f"عنوان الخبر\n\n{header}\n\nانعقد اللقاء بحضور المهنيين.")
        author = next(iter(found.values()))
        assert author["positions"] == [("كاتب المقال", None)]
    assert people("عنوان الخبر\n\nأكادير – هسبريس\n\nانعقد اللقاء.") == {}


def test_a_name_opened_by_as_for_and_one_with_the_article_before_a_verb():
    found = people(
        "أما عبد الرحيم السقاط، نائب رئيس الفيدرالية الوطنية للصناعات الغذائية، فأكد أهمية "
        "الورش. وقال رئيس غرفة التجارة والصناعة والخدمات لجهة الداخلة وادي الذهب، "
        "الخطاط ولد الشيخ، إن الغرفة تراهن على الشراكة."
    )
    assert "عبد الرحيم السقاط" in found
    assert found["الخطاط ولد الشيخ"]["positions"] == [
        ("رئيس", "غرفة التجارة والصناعة والخدمات لجهة الداخلة وادي الذهب")
    ]


def test_the_latter_body_and_a_title_with_its_owners_pronoun():
    found = people(
        'ويقود الوفد، المنظم بتنسيق مع "Cámara de Comercio de Gran Canaria"، رئيس هذه '
        'الأخيرة، Antonio Suárez Medina. وعرضت شركة "زيوت مكناس الممتازة" تجربتها، '
        "حيث أوضح مديرها التقني، أنس العلج، أن الشركة استثمرت."
    )
    assert found["Antonio Suárez Medina"]["positions"] == [
        ("رئيس", "Cámara de Comercio de Gran Canaria")
    ]
    assert "مديرها التقني" not in found
    assert found["أنس العلج"]["positions"] == [("المدير التقني", "زيوت مكناس الممتازة")]


def test_a_shorter_form_of_a_name_is_the_same_person():
    found = people(
        "انتخاب محمد لمين رئيسا للجمعية. وقال محمد لمين ولد الزين، رئيس الجمعية، إن المكتب "
        "سيشتغل بمنطق الشراكة."
    )
    assert "محمد لمين" not in found
    assert "محمد لمين" in found["محمد لمين ولد الزين"]["aliases"]


def test_a_given_name_that_is_also_a_word_before_a_family_name():
    found = people("وتم انتخاب سعيد الودغيري رئيسا للاتحاد العام لمقاولات المغرب.")
    assert found["سعيد الودغيري"]["positions"] == [("رئيس", "الاتحاد العام لمقاولات المغرب")]
    assert people("يعكس جمال الطبيعي للمنطقة تنوعها.") == {}


def test_a_verb_the_lexicon_lacks_is_not_the_start_of_a_name():
    found = people("وفي الورشة الثانية تطرق عمر أمزيل، الكاتب العام للجمعية، إلى التصدير.")
    assert "عمر أمزيل" in found
    assert not any(name.startswith("تطرق") for name in found)


def test_moulay_and_a_name_that_also_reads_as_a_preposition():
    found = people(
        "فيما دعا مولاي علي العلوي، أستاذ الجيولوجيا بجامعة مولاي إسماعيل، إلى مسلك جديد."
    )
    assert list(found) == ["مولاي علي العلوي"]
    assert found["مولاي علي العلوي"]["positions"] == [("أستاذ الجيولوجيا", "جامعة مولاي إسماعيل")]


def test_a_given_name_inside_a_body_s_name_is_no_one_and_a_professor_s_title_is_left_out():
    found = people(
        "وافتتح اللقاء رئيس جامعة سيدي محمد بن عبد الله، البروفيسور عبد اللطيف المرابط، "
        "الذي أكد أن الجامعة منفتحة."
    )
    assert list(found) == ["عبد اللطيف المرابط"]
    assert found["عبد اللطيف المرابط"]["positions"] == [("رئيس", "جامعة سيدي محمد بن عبد الله")]


def test_a_name_ending_in_ali_before_a_comma():
    """ "علي" also reads as the preposition "على", which a comma never follows."""
    found = people(
        "وقدم عبد الله الطالب علي، الرئيس السابق للجمعية، حصيلته. "
        "وأكد محمد الراشدي على أهمية الأمر."
    )
    assert set(found) == {"عبد الله الطالب علي", "محمد الراشدي"}


def test_foreign_given_names_as_the_press_transliterates_them():
    found = people(
        "وضم الوفد، الذي ترأسه خوسيه أنطونيو رويث، نائب رئيس غرفة إشبيلية، عددا من المقاولين. "
        "وحضر جواو ميغيل فيريرا، المستشار الاقتصادي بسفارة البرتغال، مرفوقا بآنا ريتا سوزا، "
        "المكلفة بالأسواق المغاربية."
    )
    assert {"خوسيه أنطونيو رويث", "جواو ميغيل فيريرا", "آنا ريتا سوزا"} <= set(found)
    assert not any(name.startswith(("مرفوقا", "بآنا")) for name in found)


def test_a_family_name_alone_joins_the_name_that_holds_it():
    found = people(
        "وقال الرئيس المدير العام للشركة، كريم بناني السميرس، إن المشروع جاهز. "
        "وأوضح السيد بناني أن الاستثمار كبير."
    )
    assert list(found) == ["كريم بناني السميرس"]
    assert found["كريم بناني السميرس"]["aliases"] == ["بناني"]


def test_groups_of_people_after_a_speech_verb_are_no_one():
    found = people(
        "دعا مشاركون في يوم دراسي المقاولات إلى الاستثمار. فذكر بأن صادرات القطاع ارتفعت، "
        "بحضور منتخبين ومهنيين."
    )
    assert found == {}


def test_bylines_after_an_outlet_and_with_the_correspondent_s_town():
    found = people(
        "تازة تحتضن وحدة جديدة\n\nالمال والأعمال – تازة: فاطمة الزهراء المريني\n\n"
        "افتتحت أمس وحدة صناعية بالمدينة."
    )
    assert found["فاطمة الزهراء المريني"]["positions"] == [("كاتب المقال", None)]
    found = people(
        "الحسيمة تستعد للمعرض\n\nرهان على تثمين الأسماك\n\nعبد الحق الورياغلي (الحسيمة)\n\n"
        "تنطلق الخميس المقبل فعاليات المعرض."
    )
    assert found["عبد الحق الورياغلي"]["positions"] == [("كاتب المقال", None)]


def test_a_title_held_at_a_prefecture():
    found = people(
        "بحضور رشيد الحنصالي، رئيس قسم الشؤون الاقتصادية بعمالة إقليم تارودانت، ومهنيين."
    )
    assert found["رشيد الحنصالي"]["positions"] == [
        ("رئيس قسم الشؤون الاقتصادية", "عمالة إقليم تارودانت")
    ]


def test_a_verb_before_a_given_name_is_not_part_of_the_name():
    found = people(
        "فيما سيتناول محمد بوكريم، أستاذ الجيولوجيا التطبيقية، حاجيات المناجم. "
        "وفي الختام تم تتويج سلمى إدبلقاس، مؤسسة شركة ناشئة."
    )
    assert {"محمد بوكريم", "سلمى إدبلقاس"} <= set(found)
    assert not any(name.startswith(("فيما", "سيتناول", "تم")) for name in found)


def test_a_telegram_of_allegiance_and_committees_are_no_one():
    found = people(
        "واختتم الجمع العام بتلاوة برقية ولاء وإخلاص مرفوعة إلى الملك محمد السادس. "
        "وتتولى لجان انتقاء المشاريع الدراسة، فيما دعا آخرون إلى الدعم."
    )
    assert list(found) == ["محمد السادس"]


def test_a_board_list_with_each_office_right_after_the_name():
    found = people(
        "انتخب الجمع العام للاتحاد الإقليمي لتعاونيات زيت الزيتون مكتبا جديدا:\n"
        "- محمد بوعزاوي رئيسا؛\n"
        "- عبد القادر الزروالي نائبا أول للرئيس؛\n"
        "- الحسين أوعلي وإدريس الكبداني مستشارين.\n"
    )
    assert found["محمد بوعزاوي"]["positions"] == [("رئيس", "BOARD")]
    assert found["عبد القادر الزروالي"]["positions"] == [("النائب الأول للرئيس", "BOARD")]
    assert found["الحسين أوعلي"]["positions"] == [("مستشار", "BOARD")]
    assert found["إدريس الكبداني"]["positions"] == [("مستشار", "BOARD")]


def test_a_board_list_with_the_office_before_the_member_s_company():
    found = people(
        "وأسفر الجمع العام عن المكتب التالي:\n\n"
        "- خديجة ماء العينين، نائبة للرئيس (Atlantic Dunes Logistique)\n"
        "- عبد الله أبا علي، عضوا (Foum El Oued Aquaculture)\n"
    )
    assert ("نائبة للرئيس", "BOARD") in found["خديجة ماء العينين"]["positions"]
    assert ("عضو", "BOARD") in found["عبد الله أبا علي"]["positions"]


def test_a_name_is_written_on_one_line_and_not_before_a_closing_quote():
    found = people(
        "افتتاح المعرض بسيدي بنور\n\nجهات بريس – سيدي بنور\n\n"
        'تحت شعار "منتوج دكالة.. جودة محلية بطموح وطني"، افتتح عامل الإقليم المعرض.'
    )
    assert found == {}


def test_what_a_company_does_after_its_name_is_not_a_person():
    found = people(
        'أطرها كريم أيت بلا، المدير التقني لشركة "سوس بريموز" لتلفيف البواكر، '
        "وسعيدة المكاوي، مسيرة التعاونية."
    )
    assert set(found) == {"كريم أيت بلا", "سعيدة المكاوي"}
    assert found["كريم أيت بلا"]["positions"] == [("المدير التقني", "سوس بريموز")]


def test_a_board_list_with_en_dash_bullets_and_companies_in_brackets():
    found = people(
        "وجاءت تشكيلة المكتب كالتالي:\n"
        "– سلمى الريفي، المديرة العامة لشركة Tamuda Digital Services: رئيسة؛\n"
        "– أنس بنعجيبة (NordCode SARL): نائبا أول للرئيسة؛\n"
    )
    assert found["أنس بنعجيبة"]["positions"] == [
        (None, "NordCode SARL"),
        ("النائب الأول للرئيسة", "BOARD"),
    ]


def test_a_quoted_cluster_s_board_with_each_member_s_job_in_brackets():
    text = (
        'عقد "تجمع درعة لتثمين التمور ومنتوجات الواحات" جمعه العام، وجاءت تركيبة مكتبه:\n'
        '- لحسن أوبلا: رئيسا (المسير لشركة "تمور الفايجة للتلفيف")\n'
        "- عمر بوزيان: نائبا ثانيا للرئيس\n"
    )
    found = people(text)
    assert found["لحسن أوبلا"]["positions"] == [
        ("المسير", "تمور الفايجة للتلفيف"),
        ("رئيس", "BOARD"),
    ]
    assert found["عمر بوزيان"]["positions"] == [("النائب الثاني للرئيس", "BOARD")]
    mentions, links = find_mentions(Doc(text))
    names = {o.name for o in resolve(mentions, links)[0]}
    assert "تجمع درعة لتثمين التمور ومنتوجات الواحات" in names


def test_the_title_after_a_clause_s_verb_is_the_name_s_and_a_pasha_is_an_office():
    found = people(
        "وزار الوزير مصنع أسمدة الأطلس، واستمع الوزير إلى عرض قدمه مديرها التقني، أنس "
        "الحمداوي. وحضر الزيارة باشا المدينة، إبراهيم بوزكري، لكنه غادر."
    )
    assert found == {
        "أنس الحمداوي": {"aliases": [], "positions": [("المدير التقني", None)]},
        "إبراهيم بوزكري": {"aliases": [], "positions": [("باشا المدينة", None)]},
    }


def test_an_accusative_representative_a_treasurer_and_women_advisers_are_no_names():
    found = people(
        "وحضر الجمع ممثلا لعامل الإقليم باشا مدينة الخميسات. وانتخبت فاطمة الغماري أمينة مال "
        "للغرفة. وجاءت تشكيلة المكتب كالتالي:\n"
        "- خديجة المنصوري ووفاء العلوي: مستشارتان.\n"
    )
    assert set(found) == {"فاطمة الغماري", "خديجة المنصوري", "وفاء العلوي"}
    assert found["وفاء العلوي"]["positions"] == [("مستشارة", "BOARD")]


def test_a_board_s_offices_read_as_they_are_called_and_members_listed_with_their_companies():
    """The list elects "نائبة أولى للرئيس", "كاتبا عاما", "نائبا لأمين المال"; the offices are
    called "النائبة الأولى للرئيس", "الكاتب العام", "نائب أمين المال"."""
    found = people(
        "وجاءت تركيبة المكتب الجديد على الشكل التالي:\n"
        '- سعاد الحيحي، المديرة المالية لشركة "إلكترو سيستم": نائبة أولى للرئيس؛\n'
        '- هشام الكراوي (شركة "ميكانو بنجرير"): كاتبا عاما؛\n'
        '- محمد الرحالي (شركة "فولاذ الأطلس"): نائبا لأمين المال؛\n'
        '- كل من يوسف بنعبو (شركة "تيك فالف") ونادية الشرقي (شركة "مراكش هيدروليك"): '
        "مستشارين.\n"
    )
    assert ("النائبة الأولى للرئيس", "BOARD") in found["سعاد الحيحي"]["positions"]
    assert ("الكاتب العام", "BOARD") in found["هشام الكراوي"]["positions"]
    assert ("نائب أمين المال", "BOARD") in found["محمد الرحالي"]["positions"]
    assert found["يوسف بنعبو"]["positions"] == [(None, "تيك فالف"), ("مستشار", "BOARD")]
    assert found["نادية الشرقي"]["positions"] == [
        (None, "مراكش هيدروليك"),
        ("مستشارة", "BOARD"),
    ]


def test_signatories_for_a_body_named_before_them_or_by_its_short_name():
    found = people(
        "وقع الاتفاقية كل من مجلس جهة الشرق والمجلس الإقليمي لفجيج ومكتب التكوين المهني "
        "وإنعاش الشغل. ووقع عن المكتب المديرة الجهوية سلمى الإدريسي، وعن المجلس الإقليمي "
        "رئيسه عبد الكريم الشرادي. وحضر رئيس المجلس الإقليمي، حسن الزياني، الحفل، إلى جانب "
        "الوكالة الوطنية لإنعاش التشغيل والكفاءات، ممثلة بمديرها الإقليمي بفجيج مراد التمسماني."
    )
    council = "المجلس الإقليمي لفجيج"
    assert found["سلمى الإدريسي"]["positions"] == [
        ("المديرة الجهوية", "مكتب التكوين المهني وإنعاش الشغل")
    ]
    assert found["عبد الكريم الشرادي"]["positions"] == [("رئيس", council)]
    assert found["حسن الزياني"]["positions"] == [("رئيس", council)]
    assert found["مراد التمسماني"]["positions"] == [
        ("المدير الإقليمي بفجيج", "الوكالة الوطنية لإنعاش التشغيل والكفاءات")
    ]


def test_an_outlet_s_fields_hold_the_byline_and_a_headline_s_office_stops_at_its_line():
    found = people(
        "بنجرير: المهنيون يجددون هياكلهم ورشيد أوبلا رئيسا\n\n"
        "الرحامنة نيوز – عبد الكريم الفاطمي | الأحد 5 أكتوبر 2025\n\n"
        "انعقد الجمع العام للجمعية.\n"
    )
    assert found["عبد الكريم الفاطمي"]["positions"] == [("كاتب المقال", None)]
    assert all("نيوز" not in (t or "") for t, _ in found["رشيد أوبلا"]["positions"])
    fields = people("عنوان الخبر\n\nفاس نيوز ميديا | ميسور: عزيز البوزيدي | 7 أبريل 2025\n\nنص.")
    assert fields["عزيز البوزيدي"]["positions"] == [("كاتب المقال", None)]


def test_the_head_of_a_department_works_for_the_body_named_before():
    found = people(
        "وأوضح ممثل المركز الجهوي للاستثمار لجهة درعة تافيلالت، رئيس قطب تحفيز الاستثمار، "
        "عبد الرحيم أكوزول، أن المركز يواكب المشاريع."
    )
    assert found["عبد الرحيم أكوزول"]["positions"] == [
        ("رئيس قطب تحفيز الاستثمار", "المركز الجهوي للاستثمار لجهة درعة تافيلالت")
    ]


def test_a_verb_with_its_object_pronoun_before_a_name_is_not_part_of_it():
    found = people(
        "حل بالمدينة وفد يقوده إيساكا ماهامادو، النائب الأول لرئيس الغرفة، ويرافقه عبدولاي "
        "غاربا، المستشار الاقتصادي بالسفارة."
    )
    assert {"إيساكا ماهامادو", "عبدولاي غاربا"} <= set(found)
    assert not any(name.startswith(("يقوده", "ويرافقه")) for name in found)


def test_a_woman_among_advisers_is_an_adviser_in_the_feminine_whatever_her_name_s_ending():
    found = people(
        "وجاءت تشكيلة المكتب كالتالي:\n"
        "- مستشاران: مصطفى آيت بوعزة (Sud Chaudronnerie) وحنان الصديقي (Green Reuse Maroc)\n"
    )
    assert ("مستشار", "BOARD") in found["مصطفى آيت بوعزة"]["positions"]
    assert ("مستشارة", "BOARD") in found["حنان الصديقي"]["positions"]


def test_the_one_a_new_president_succeeds_is_the_outgoing_president():
    found = people(
        "واستهل الجمع أشغاله بكلمة للرئيس المنتهية ولايته، الطيب الحجوي، ثم انتخب عماد "
        "السرغيني رئيسا جديدا للتجمع، خلفا لرشيد بنكيران الذي قاد التجمع منذ تأسيسه."
    )
    assert found["الطيب الحجوي"]["positions"] == [("الرئيس المنتهية ولايته", "BOARD")]
    assert found["رشيد بنكيران"]["positions"] == [("الرئيس المنتهية ولايته", "BOARD")]


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("عنوان\n\nالمساء - فاس: محمد الغازي\n\nانعقد اللقاء.", "محمد الغازي"),
        ("عنوان\n\nاليوم 24 - مكناس\nياسين الزروالي | 16 يونيو 2025\n\nنص.", "ياسين الزروالي"),
        ("عنوان\n\nLe360 بالعربية\nتحرير من طرف سعيد الكرتي في 12/05/2026\n\nنص.", "سعيد الكرتي"),
        ("عنوان\n\nبني ملال أونلاين – ع. الحمداوي\n\nنص.", "ع. الحمداوي"),
        ("عنوان\n\nانعقد اللقاء أمس بالمدينة.\n\nح. بوزيد", "ح. بوزيد"),
        ("عنوان\n\nانعقد اللقاء أمس بالمدينة.\n\nمتابعة: نوفل أقبيب", "نوفل أقبيب"),
        ("عنوان\n\n4 مارس 2025 – تحليل: محمد أمين الشرقاوي\n\nنص.", "محمد أمين الشرقاوي"),
    ],
)
def test_the_author_s_signature_in_its_many_forms(text, author):
    assert people(text)[author]["positions"] == [("كاتب المقال", None)]


def test_a_solar_complex_a_season_and_words_with_a_pronoun_are_no_names():
    found = people(
        "وزار الوفد مركب نور ورزازات، في ربيع السنة الجارية. وقدمت الجمعية مشاركتها، كما "
        "أكدت مديرتها أن نور يتوفر في المعرض."
    )
    assert not set(found) & {"نور ورزازات", "ربيع السنة", "مشاركتها", "مديرتها", "نور يتوفر"}


def test_an_unnamed_new_president_and_a_word_with_her_pronoun_are_no_name_but_oubaha_is():
    found = people(
        "خصصت الدورة لانتخاب رئيس جديد للغرفة وتجديد هياكل مكتبها. وقدم المدير الجهوي، حسن "
        "أوبها، عرضا."
    )
    assert "وتجديد هياكل مكتبها" not in found
    assert "حسن أوبها" in found
    elected = people(
        "وانتخب الجمع العام كريم الطود، المدير العام للشركة، رئيسا للتجمع بإجماع الأعضاء."
    )
    assert list(elected) == ["كريم الطود"]


def test_a_foreign_given_name_that_opens_with_al_is_no_article():
    found = people(
        "وقال أليخاندرو كابريرا، رئيس الوفد، إن الشركات مهتمة. "
        "وأكد رئيس الغرفة، ألبرتو غاريدو، ذلك."
    )
    assert {"أليخاندرو كابريرا", "ألبرتو غاريدو"} <= set(found)


def test_a_board_list_with_honorifics_before_the_names():
    assert positions_of(
        "وأسفر الجمع العام للجمعية الجهوية للصناعات الغذائية عن مكتب جاءت تركيبته كالتالي:\n"
        "- السيدة سلمى العمراني: نائبة للكاتب العام؛\n"
        "- السيد يوسف المحمدي: نائبا لأمين المال؛\n"
        "- السادة رضوان الخطابي وعمر الزموري والسيدة فاطمة أيت علي: مستشارين.\n"
        "- الحاج إدريس الزروالي: أمينا للمال؛\n"
    ) == {
        "سلمى العمراني": [("نائبة للكاتب العام", "BOARD")],
        "يوسف المحمدي": [("نائب أمين المال", "BOARD")],
        "رضوان الخطابي": [("مستشار", "BOARD")],
        "عمر الزموري": [("مستشار", "BOARD")],
        "فاطمة أيت علي": [("مستشارة", "BOARD")],
        "إدريس الزروالي": [("أمين المال", "BOARD")],
    }


def test_a_tribe_s_land_a_town_and_a_speech_verb_s_object_are_no_names():
    found = people(
        "منتجو الشمندر ببني موسى يجددون مكتبهم. وجاء اختيار بن أحمد محطة ضمن برنامج الوفد. "
        "وكشف النقاش حجم الانتظارات. وقال بنعلي إن الموسم صعب."
    )
    assert set(found) == {"بنعلي"}


def test_a_topic_s_name_before_its_title_and_a_plant_s_name_after_its_manager_s_title():
    # the title keeps the unit's noun, as "مدير مصنع Nova Plast" does
    assert positions_of(
        "أما إنغريد هالفورسن، مديرة تطوير الأعمال بشركة NordFjord Aqua، فقدمت التجربة. "
        'وتحدثت المسيرة لوحدة "زيتون بني يزناسن" لتحويل الزيتون، هند الطالبي، عن الصعوبات.'
    ) == {
        "إنغريد هالفورسن": [("مديرة تطوير الأعمال", "NordFjord Aqua")],
        "هند الطالبي": [("المسيرة لوحدة", "زيتون بني يزناسن")],
    }


def test_a_signatory_s_body_after_his_name_and_lahcen_before_a_common_noun():
    assert positions_of(
        "ووقع الاتفاقية المدير الجهوي للصناعة والتجارة بجهة مراكش آسفي، كمال بنسودة، عن وزارة "
        "الصناعة والتجارة. وشكر الحاضرون المنظمين لحسن الاستقبال."
    ) == {
        "كمال بنسودة": [
            ("المدير الجهوي للصناعة والتجارة بجهة مراكش آسفي", "وزارة الصناعة والتجارة")
        ]
    }


def test_a_chamber_named_again_by_its_head_is_the_one_named_before_it():
    # the Mauritanian chamber comes later: "الغرفة" can only be the first one
    assert positions_of(
        "تقود غرفة التجارة والصناعة والخدمات لجهة كلميم واد نون بعثة إلى نواكشوط تضم سبعا "
        "وعشرين مقاولة مصدرة من قطاعات الصيد البحري والصناعات الغذائية ومواد البناء والنقل "
        "واللوجستيك، في إطار برنامج يروم تنويع الأسواق الخارجية لمقاولات الجهة. واحتضن مقر "
        "الغرفة لقاء ترأسه رئيس الغرفة، إبراهيم أهل الشيخ، بحضور المدير الجهوي للغرفة، ميلود "
        "أعراب. وستلتقي البعثة بغرفة التجارة والصناعة والزراعة الموريتانية."
    ) == {
        "إبراهيم أهل الشيخ": [("رئيس", "غرفة التجارة والصناعة والخدمات لجهة كلميم واد نون")],
        "ميلود أعراب": [("المدير الجهوي", "غرفة التجارة والصناعة والخدمات لجهة كلميم واد نون")],
    }


def test_an_engineer_s_honorific_leaves_her_title_to_the_apposition():
    assert positions_of(
        "وقدمت المهندسة سليمة الكتاني، رئيسة قسم الاستكشاف المعدني بالمكتب الوطني "
        "للهيدروكاربورات والمعادن، عرضا حول الخريطة."
    ) == {
        "سليمة الكتاني": [("رئيسة قسم الاستكشاف المعدني", "المكتب الوطني للهيدروكاربورات والمعادن")]
    }


def test_a_family_name_that_is_also_a_title_ends_a_board_line():
    assert positions_of(
        "وأصبحت تركيبة مكتب الجمعية كالتالي:\nالرئيس: عبد الرزاق الشاوي\nالكاتب: حميد الوالي\n"
        "أمين المال: رشيد الأمين\n\nوحضر اللقاء والي جهة الشرق."
    ) == {
        "عبد الرزاق الشاوي": [("الرئيس", "BOARD")],
        "حميد الوالي": [("الكاتب", "BOARD")],
        "رشيد الأمين": [("أمين المال", "BOARD")],
    }


def test_a_foreigner_s_nationality_opens_the_name_and_a_latin_gloss_is_its_alias():
    found = people(
        "وعرفت الجلسة مداخلة الإسباني خابيير مورينو، المدير التنفيذي لمجموعة بلايامار للفنادق. "
        "ومن جهته، دعا الإيطالي ماركو روسيتي (Marco Rossetti)، الخبير في تمويل المشاريع "
        'السياحية لدى صندوق "فيا سود كابيتال"، إلى إحداث آليات ضمان.'
    )
    assert found["خابيير مورينو"]["positions"] == [("المدير التنفيذي", "بلايامار")]
    assert found["ماركو روسيتي"] == {
        "aliases": ["Marco Rossetti"],
        "positions": [("الخبير في تمويل المشاريع السياحية", "فيا سود كابيتال")],
    }
    assert "Marco Rossetti" not in found


def test_representatives_of_listed_companies_and_their_board():
    assert positions_of(
        "ووقعت الشركة أربع اتفاقيات استثمار مع شركات خاصة، ويتعلق الأمر بـ:\n"
        "- Oriental Cold Logistics SARL، ممثلة بمديرها العام سمير أقضاض: منصة للتبريد؛\n"
        "- Medbridge Terminals S.A.، ممثلة برئيس مجلس إدارتها Luis Ferreira Matos: محطة "
        "لمناولة الحاويات المبردة؛\n"
        "- Rif Agro-Export، ممثلة بمسيرتها نوال أبركان: وحدة لتوضيب الفواكه.\n"
    ) == {
        "سمير أقضاض": [("المدير العام", "Oriental Cold Logistics SARL")],
        "Luis Ferreira Matos": [("رئيس مجلس الإدارة", "Medbridge Terminals S.A.")],
        "نوال أبركان": [("مسيرة", "Rif Agro-Export")],
    }


def test_foreign_names_of_three_and_four_words_after_a_verb_a_possessed_title_or_a_comma():
    assert positions_of(
        "وشارك وفد من الاتحادية الوطنية للصيد بموريتانيا، يقوده سيدي محمد ولد أحمدو، نائب "
        "رئيس الاتحادية. ويحل وفد من جمعية الصناع التقليديين بغرناطة، يقوده رئيسها خوسيه "
        'أنطونيو رويث ماركيث، ويضم ماركو دي يونغ، المدير العام لشركة "ساحل سولار"، وإلس '
        'فيرمولن، الرئيسة المديرة العامة لشركة "داتس آند كو".'
    ) == {
        "سيدي محمد ولد أحمدو": [("نائب رئيس", "الاتحادية الوطنية للصيد بموريتانيا")],
        "خوسيه أنطونيو رويث ماركيث": [("رئيس", "جمعية الصناع التقليديين بغرناطة")],
        "ماركو دي يونغ": [("المدير العام", "ساحل سولار")],
        "إلس فيرمولن": [("الرئيسة المديرة العامة", "داتس آند كو")],
    }


def test_amin_before_a_name_the_one_succeeded_and_a_second_possessed_title():
    found = positions_of(
        "جمعية المقاولين الشباب بإقليم خريبكة تجدد هياكلها.. أمين الزياني رئيسا خلفا لعادل "
        "بنعيسى\n\nوانتخب الجمع العام لجمعية المقاولين الشباب بإقليم خريبكة أمين الزياني "
        "رئيسا للجمعية، خلفا لمؤسسها ورئيسها المنتهية ولايته عادل بنعيسى. ووقع السيدة "
        "الكرماوي والأستاذ الودغيري اتفاقية شراكة."
    )
    # the headline's "أمين" is his given name, no office; "ورئيسها" keeps no "و"
    assert {title for title, _org in found["عادل بنعيسى"]} == {"الرئيس المنتهية ولايته"}
    assert ("رئيس", "جمعية المقاولين الشباب بإقليم خريبكة") in found["أمين الزياني"]
    assert "الكرماوي" not in found  # "… والأستاذ الودغيري" is the next signatory, no title


def test_a_regional_director_heads_the_directorate_of_his_field_and_a_union_its_president():
    assert positions_of(
        "ووقعت المديرية الجهوية للفلاحة لجهة الرباط سلا القنيطرة والاتحاد التعاوني "
        '"زيتون الغرب" الاتفاقية. من جهته، أوضح المدير الجهوي للفلاحة بالنيابة، مصطفى '
        "العمراني، أن الاتفاقية مهمة. ويضم الاتحاد، حسب رئيسه العربي الشرقاوي، اثنتي عشرة "
        "تعاونية."
    ) == {
        "مصطفى العمراني": [
            (
                "المدير الجهوي للفلاحة بالنيابة",
                "المديرية الجهوية للفلاحة لجهة الرباط سلا القنيطرة",
            )
        ],
        "العربي الشرقاوي": [("رئيس", "زيتون الغرب")],
    }


@pytest.mark.parametrize(
    "text",
    [
        "وقدم المدير حصيلة السنة، والتي أبرزت نموًا واضحًا في صادرات الإقليم.",
        "ودعا المتدخلون إلى حسن استعمال المياه في الضيعات.",
        "وتعد الزيارة فرصة فريدة لتبادل الخبرات بين المقاولات.",
        "وسيحضر مستشارو المركز في أبرز نقاط العبور إلى المغرب، خاصة الموانئ.",
        "وتدخل رئيس الجامعة بالنيابة، الذي نوه بجودة تنظيم المعرض، مؤكدا على أهمية الشراكة.",
        "وأصبحت تجربة عبد الرحيم وحميد نموذجا يحتذى به في الدوار.",
        "الخميس 12 مارس 2024 - 10:15  دنيا بريس/ أحمد الكرماوي  بفضل منتوجها حققت التعاونية ربحا.",
    ],
)
def test_indefinite_nouns_verbal_nouns_superlatives_and_pairs_are_no_names(text):
    found = people(text)
    assert not any(
        word in name
        for name in found
        for word in ("نموًا", "استعمال", "لتبادل", "نقاط", "بجودة", "وحميد", "بريس")
    )


def test_what_an_honorific_s_name_is_followed_by_is_no_part_of_it():
    found = people(
        "وافتتح السيد يوسف الحمداوي الجمع العام بكلمة ترحيبية، ثم تناول الكلمة السيد "
        "المهدي ابن يحيى الاجتماع، قبل أن يقوم السيد إدريس لعزيز وعدد من المنتخبين بزيارة."
    )
    assert {"يوسف الحمداوي", "إدريس لعزيز"} <= set(found)
    assert not any(word in name for name in found for word in ("الاجتماع", "وعدد", "الجمع"))


def test_dams_streets_and_prizes_named_after_someone_are_no_people():
    found = people(
        "وتراجعت حقينة سد محمد بن عبد الكريم الخطابي بالحسيمة وسد عبد المومن ويوسف بن تاشفين "
        "باشتوكة، فيما يقع المعرض بشارع علال بن عبد الله. وصرح سعيد الزروالي بأن الوضع مقلق."
    )
    assert list(found) == ["سعيد الزروالي"]


def test_a_title_ends_before_a_clause_about_its_holder():
    found = positions_of(
        "وناب عن عزيز أخنوش، رئيس الحكومة الذي كان منتظرا أن يفتتح المعرض، وزير التجهيز. "
        "وقدم الرئيس عرضا حول المؤهلات التي تزخر بها الجهة في عدة قطاعات كصناعة الأغذية، "
        "والنسيج. وأكد رئيس مجلس الجهة أن الزيارة تروم الترويج للجهة وجلب الاستثمارات الأجنبية، "
        "وقدم السيد حميد الطالبي كلمته."
    )
    assert found["عزيز أخنوش"] == [("رئيس الحكومة", None)]
    assert "حميد الطالبي" in found
    assert not any(w in name for name in found for w in ("كصناعة", "وجلب", "كلمته"))


@pytest.mark.parametrize(
    ("text", "name", "position"),
    [
        (
            "وأكد رئيس غرفة الصناعة التقليدية لجهة درعة – تافيلالت، حسن أوبلا، في كلمة له، أن "
            "المعرض ناجح.",
            "حسن أوبلا",
            ("رئيس", "غرفة الصناعة التقليدية لجهة درعة – تافيلالت"),
        ),
        (
            "وأوضح رئيس مجلس جهة سوس ماسة ، كريم أشنكلي في تصريح للصحافة أن الجهة جاهزة.",
            "كريم أشنكلي",
            ("رئيس", "مجلس جهة سوس ماسة"),
        ),
        (
            "وقال المدير العام للوكالة المغربية للنجاعة الطاقية (أميي)، سعيد الملاح، إن البرنامج "
            "سينطلق قريبا.",
            "سعيد الملاح",
            ("المدير العام", "الوكالة المغربية للنجاعة الطاقية"),
        ),
        (
            "والتقينا بالسيدة نجاة الإدريسي ، وهي رئيسة مصلحة التكوين بمكتب تنمية التعاون، على "
            "هامش المعرض.",
            "نجاة الإدريسي",
            ("رئيسة مصلحة التكوين", "مكتب تنمية التعاون"),
        ),
        (
            "وترأس السيد محمد بن عبد الكريم الوزير المنتدب يوم الخميس الماضي حفل التوقيع.",
            "محمد بن عبد الكريم",
            ("الوزير المنتدب", None),
        ),
        (
            "واستقبل السيد خالد العلمي المدير الجهوي للتجارة في 5 ماي الجاري وفدا من المستثمرين.",
            "خالد العلمي",
            ("المدير الجهوي للتجارة", None),
        ),
    ],
)
def test_a_title_and_its_body_across_a_dash_a_gloss_a_pronoun_and_a_clause_that_goes_on(
    text, name, position
):
    assert positions_of(text)[name] == [position]


def test_a_verb_after_a_name_is_no_part_of_it():
    found = people(
        "وحضر القنصل العام لإسبانيا بأكادير السيد خوان غارسيا شكر المنظمين، فيما قام وزير "
        "الصناعة والتجارة رياض مزور يدشن الوحدة الجديدة."
    )
    assert {"خوان غارسيا", "رياض مزور"} <= set(found)


def test_the_president_of_the_region_presides_the_one_regional_council_named():
    found = positions_of(
        "صادق مجلس جهة بني ملال خنيفرة على الاتفاقية. وأكد رئيس الجهة، عادل بركات، أن "
        "المشروع سيخلق فرص الشغل، فيما قدم عبد الله السالمي، رئيس جهة بني ملال، عرضا."
    )
    assert found["عادل بركات"] == [("رئيس الجهة", "مجلس جهة بني ملال خنيفرة")]
    assert found["عبد الله السالمي"] == [("رئيس جهة بني ملال", "مجلس جهة بني ملال خنيفرة")]


def test_groups_reports_countries_and_third_stem_nouns_are_no_names():
    found = people(
        "وأوضح مسؤولون في الجامعة أن الموسم جيد. وأكد خبراء أن القطاع واعد. وأشار ذات البلاغ "
        "إلى ارتفاع الصادرات. وأكدت إسبانيا دعمها للمشروع. وأبرز السيد الحاج علال مساهمة "
        "الشركاء، وقام عامل الإقليم السيد أحمد بنعلي بمعية رئيس المجلس بزيارة للمعرض، "
        "كما حضر رئيس الجهة ورؤساء الغرف المهنية."
    )
    assert list(found) == ["أحمد بنعلي"]


def test_a_bullet_point_with_prose_after_its_colon_is_no_board_member():
    found = people(
        "وتتمثل مزايا المشروع في:\n"
        "- موقع استراتيجي: المغرب قريب من الأسواق الأوروبية والأمريكية.\n"
        "- تعزيز القدرات المحلية: يساهم المصنع في تكوين الشباب.\n"
        "- سعيد الإدريسي: رئيسا للمكتب.\n"
    )
    assert list(found) == ["سعيد الإدريسي"]


def test_an_adjective_that_is_a_given_name_a_costed_bullet_and_a_clause_before_an_honorific():
    found = people(
        "متابعة…. كريمة العلوي الرباط\n"
        "وتتميز المنطقة بتركيبة جيولوجية فريدة تختزن معادن كثيرة، ويشمل البرنامج:\n"
        "- ترميم المدينة العتيقة (120 مليون درهم)\n"
        "- تأهيل الأسواق (40 مليون درهم)\n"
        "وترأس وزير الداخلية اليوم على حفل تنصيب السيد يوسف الحمري عاملا على الإقليم، "
        "وقدمت السيدة سلمى الفاسي، مديرة المركز، عرضا حول المشاريع."
    )
    assert set(found) == {"كريمة العلوي", "يوسف الحمري", "سلمى الفاسي"}
    assert found["يوسف الحمري"]["positions"] == [("عامل الإقليم", None)]


def test_appointments_give_the_office_and_its_territory():
    found = positions_of(
        "وشملت التعيينات يوسف الكتاني عاملا على إقليم تاونات، ونادية الشرقاوي عاملا على عمالة "
        "إفران–آيت ملال. كما تم تعيين كريم الزهراوي، في منصب مدير المركز الجهوي للاستثمار "
        "لجهة الشرق، وأعطى السيد إدريس العلمي انطلاقة الأشغال، مشيدا بحسن تعامل الساكنة."
    )
    assert found == {
        "يوسف الكتاني": [("عامل إقليم تاونات", None)],
        "نادية الشرقاوي": [("عامل عمالة إفران–آيت ملال", None)],
        "كريم الزهراوي": [("مدير", "المركز الجهوي للاستثمار لجهة الشرق")],
        "إدريس العلمي": [],
    }


def test_a_title_ends_at_a_new_sentence_a_clause_others_with_him_or_a_trailing_word():
    found = positions_of(
        "وحضر الحفل والي أمن طنجة السيد كريم العمراني وعامل عمالة الفحص أنجرة السيد رشيد "
        "الطاهري وعدة فعاليات، ورئيس المجلس الفدرالي السيد نور الدين لفيف. وانتخبت السيدة "
        "سعاد الإدريسي نائبة للرئيس مكلفة بفرع تازة. وهي مهندسة. وأكد وزير الداخلية أن الولاة "
        "الجدد سيواكبون المستثمرين."
    )
    assert found["كريم العمراني"] == [("والي أمن طنجة", None)]
    assert found["رشيد الطاهري"] == [("عامل عمالة الفحص أنجرة", None)]
    assert "نور الدين لفيف" in found
    assert [title for title, _ in found["سعاد الإدريسي"]] == ["نائبة للرئيس مكلفة بفرع تازة"]
