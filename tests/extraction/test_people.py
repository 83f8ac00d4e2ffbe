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
    assert found["هشام بوزيد"]["positions"] == [("كاتب عام", "BOARD")]


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
