from datetime import date
from pathlib import Path

import pytest

from extraction.extractor import extract_article

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
RECORD_KEYS = {"source", "events", "organizations", "people", "agreements"}
EVENT_KEYS = {"title", "kind", "edition", "start_date", "end_date", "city", "region", "sectors",
              "organizations", "people", "span"}  # fmt: skip
ORG_KEYS = {"name", "aliases", "acronym", "kind", "city", "region", "span"}
PERSON_KEYS = {"name", "aliases", "positions", "span"}
AGREEMENT_KEYS = {"title", "kind", "signed_on", "city", "parties", "amount_mad", "period_start",
                  "period_end", "span"}  # fmt: skip
VOCAB_EVENT = {"forum", "conference", "exhibition", "signing", "general-assembly", "delegation",
               "workshop", "other"}  # fmt: skip
VOCAB_ORG = {"ministry", "public-agency", "federation", "cluster", "association", "company",
             "chamber", "investment-center", "university", "media", "local-authority",
             "technical-center", "other"}  # fmt: skip

ARTICLE = (
    "منتدى الصناعة الكيميائية بالرباط\n"
    "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء، "
    "يومي 15 و16 ماي 2024، بالرباط. هذا المنتدى يأتي بشراكة مع وزارة الصناعة والتجارة.\n"
)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_record_shape_and_vocabularies(path):
    text = path.read_text(encoding="utf-8")
    record = extract_article(text)
    assert set(record) == RECORD_KEYS
    assert set(record["source"]) == {"title", "outlet", "published_on", "language"}
    for event in record["events"]:
        assert set(event) == EVENT_KEYS
        assert event["kind"] in VOCAB_EVENT
        for role in event["organizations"]:
            assert role["role"] in {"organizer", "partner", "host", "patron", "participant"}
    for org in record["organizations"]:
        assert set(org) == ORG_KEYS and org["kind"] in VOCAB_ORG
    for person in record["people"]:
        assert set(person) == PERSON_KEYS
    for agreement in record["agreements"]:
        assert set(agreement) == AGREEMENT_KEYS
        assert agreement["kind"] in {"framework", "partnership", "mou", "other"}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_spans_point_at_the_supporting_sentence(path):
    text = path.read_text(encoding="utf-8")
    record = extract_article(text)
    for org in record["organizations"]:
        start, end = org["span"]
        sentence = text[start:end]
        assert any(part in sentence for part in [org["name"], *org["aliases"]] if part) or (
            org["name"].split()[-1] in sentence
        )
    for person in record["people"]:
        start, end = person["span"]
        assert person["name"].split()[-1] in text[start:end]


def test_a_short_article_end_to_end():
    record = extract_article(ARTICLE, outlet="هبة بريس")
    assert record["source"] == {"title": "منتدى الصناعة الكيميائية بالرباط", "outlet": "هبة بريس",
                                "published_on": None, "language": "ar"}  # fmt: skip
    (event,) = record["events"]
    assert (event["kind"], event["edition"], event["start_date"], event["end_date"]) == (
        "forum",
        2,
        "2024-05-15",
        "2024-05-16",
    )
    assert (event["city"], event["region"]) == ("الرباط", "rabat-sale-kenitra")
    assert {(o["name"], o["role"]) for o in event["organizations"]} == {
        ("فدرالية الكيمياء وشبه الكيمياء", "organizer"),
        ("وزارة الصناعة والتجارة", "partner"),
    }
    assert "chemistry" in event["sectors"]


def test_title_argument_and_publication_date():
    text = "وقعت وزارة الصناعة والتجارة والوكالة المغربية للطاقة المستدامة، أمس الثلاثاء بالرباط، اتفاقية شراكة لدعم المقاولات."  # noqa: E501
    record = extract_article(text, title="عنوان", published_on=date(2025, 4, 9))
    assert record["source"]["title"] == "عنوان"
    assert record["source"]["published_on"] == "2025-04-09"
    (event,) = record["events"]
    assert (event["kind"], event["start_date"], event["city"]) == (
        "signing",
        "2025-04-08",
        "الرباط",
    )
    (agreement,) = record["agreements"]
    assert agreement["kind"] == "partnership"
    assert agreement["signed_on"] == "2025-04-08"
    assert agreement["parties"] == ["وزارة الصناعة والتجارة", "الوكالة المغربية للطاقة المستدامة"]


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n", "\x00" * 50, "\ud800\udfff", "<p></p>", "12345 !!!", None],
    ids=["empty", "blank", "nul", "surrogates", "empty-html", "digits", "none"],
)
def test_degenerate_input_gives_empty_lists(text):
    record = extract_article(text)
    assert record["events"] == record["organizations"] == record["people"] == []
    assert record["agreements"] == []


def test_french_text_is_recognised_and_read_by_the_french_reader():
    record = extract_article(
        "La Fédération de la chimie organise le forum international les 15 et 16 mai 2024 à Rabat."
    )
    assert record["source"]["language"] == "fr"
    (event,) = record["events"]
    assert (event["kind"], event["start_date"], event["city"]) == ("forum", "2024-05-15", "الرباط")
    assert [o["name"] for o in record["organizations"]] == ["Fédération de la chimie"]


def test_html_tags_are_blanked_and_offsets_still_point_into_the_input():
    html = "<html><body><p>" + ARTICLE.replace("\n", "</p>\n<p>") + "</p></body></html>"
    record = extract_article(html)
    names = {o["name"] for o in record["organizations"]}
    assert names == {"فدرالية الكيمياء وشبه الكيمياء", "وزارة الصناعة والتجارة"}
    for org in record["organizations"]:
        start, end = org["span"]
        assert org["name"] in html[start:end]
    assert record["events"][0]["start_date"] == "2024-05-15"


def test_broken_unicode_and_nuls_inside_an_article():
    text = ARTICLE[:40] + "\ud800\x00\ufffd" + ARTICLE[40:]
    record = extract_article(text)
    assert record["events"][0]["kind"] == "forum"
    for org in record["organizations"]:
        start, end = org["span"]
        assert 0 <= start < end <= len(text)


def test_a_megabyte_of_text_is_handled():
    text = (ARTICLE * (1_000_000 // len(ARTICLE) + 1))[:1_000_000]
    record = extract_article(text)
    assert len(record["events"]) == 1
    assert {o["name"] for o in record["organizations"]} >= {"وزارة الصناعة والتجارة"}


def test_a_signing_of_several_agreements_is_dated_by_the_sentence_that_reports_it():
    record = extract_article(
        "توقيع اتفاقيات استثمار\n\n"
        "ترأس وزير الصناعة والتجارة، يوم الاثنين 9 يونيو 2025 بالرباط، حفل توقيع ثلاث "
        "اتفاقيات استثمار بقيمة 2,3 مليار درهم. وتتعلق الاتفاقية الأولى بإحداث مصنع بطنجة، "
        "باستثمار قدره 900 مليون درهم. أما الاتفاقية الثانية، فتهم إحداث وحدة بتطوان "
        "باستثمار يبلغ 650 مليون درهم.",
        published_on=date(2025, 6, 10),
    )
    event = record["events"][0]
    assert (event["kind"], event["start_date"], event["city"]) == (
        "signing",
        "2025-06-09",
        "الرباط",
    )
    assert [a["amount_mad"] for a in record["agreements"]] == [900_000_000, 650_000_000]


def test_a_shorter_title_of_the_same_body_is_not_a_second_position():
    record = extract_article(
        "لقاء بالعيون\n\nوشهد الاجتماع حضور محمد جعيفر، المدير الجهوي للمركز الجهوي للاستثمار "
        "لجهة العيون الساقية الحمراء. وقدم محمد جعيفر، مدير المركز الجهوي للاستثمار لجهة "
        "العيون الساقية الحمراء، عرضا."
    )
    person = next(p for p in record["people"] if p["name"] == "محمد جعيفر")
    assert [p["title"] for p in person["positions"]] == ["المدير الجهوي"]


def test_an_article_that_reports_a_signing_is_about_it_not_an_earlier_forum():
    record = extract_article(
        "توقيع اتفاقية لإحداث حاضنة بالناظور\n\n"
        "وقعت وكالة تهيئة موقع بحيرة مارتشيكا وغرفة التجارة والصناعة والخدمات لجهة الشرق، "
        "أمس الثلاثاء بالناظور، اتفاقية شراكة لإحداث حاضنة للمقاولات الصناعية الناشئة.\n\n"
        "وتأتي هذه الاتفاقية أسابيع بعد انعقاد الدورة الثانية للمنتدى الاقتصادي للناظور.",
        published_on=date(2025, 3, 12),
    )
    event = record["events"][0]
    assert (event["kind"], event["start_date"]) == ("signing", "2025-03-11")
    assert {o["role"] for o in event["organizations"]} == {"partner"}


def test_the_seat_of_the_host_body_is_where_the_event_is_held():
    text = (
        "توقيع اتفاقية بتيزنيت\n\n"
        "جرى، يوم الجمعة 14 مارس 2025 بمقر عمالة إقليم تيزنيت، التوقيع على اتفاقية شراكة بين "
        "مجلس جهة سوس ماسة ووكالة التنمية الفلاحية. ووقعها عن الوكالة مديرها الجهوي بأكادير.\n"
    )
    (event,) = extract_article(text, published_on=date(2025, 3, 15))["events"]
    assert (event["city"], event["region"]) == ("تيزنيت", "souss-massa")


def test_a_stated_duration_gives_the_last_day():
    text = (
        "ملتقى الاستثمار ببركان\n\n"
        "انطلقت، صباح أمس الثلاثاء بمدينة بركان، أشغال الملتقى الجهوي للاستثمار، الذي تنظمه "
        "غرفة التجارة والصناعة والخدمات لجهة الشرق على مدى يومين.\n"
    )
    (event,) = extract_article(text, published_on=date(2025, 10, 8))["events"]
    assert (event["start_date"], event["end_date"]) == ("2025-10-07", "2025-10-08")


def test_a_company_in_brackets_is_not_also_a_person():
    text = (
        "جمعية الصناعيين تنتخب مكتبها\n\n"
        "انتخب الجمع العام لجمعية صناعيي الحي الصناعي بسطات مكتبا جديدا جاءت تركيبته كالتالي:\n"
        "- Karim Naciri (Settat Metal Works): رئيسا\n"
        "- Hajar Fassi (Agro Cold Chain): أمينة المال\n"
    )
    record = extract_article(text, published_on=date(2025, 2, 24))
    people = {p["name"] for p in record["people"]}
    bodies = {o["name"] for o in record["organizations"]}
    assert {"Settat Metal Works", "Agro Cold Chain"} <= bodies
    assert not people & bodies


def _positions(record: dict) -> dict[str, set[tuple[str, str | None]]]:
    return {
        p["name"]: {(x["title"], x["organization"]) for x in p["positions"]}
        for p in record["people"]
    }


def test_offices_of_an_assembly_are_on_the_board_of_the_body_it_is_the_assembly_of():
    record = extract_article(
        "مكناس.. الغرفة تنتخب نائبة ثانية لرئيسها\n\n"
        "احتضنت قاعة الاجتماعات بالجماعة الترابية المرسى، يوم الثلاثاء 2 يونيو 2026، أشغال "
        'الجمع العام التأسيسي لـ"الجمعية الجهوية لصناعات تثمين المنتجات البحرية". وترأس '
        "الأشغال رئيس الجمعية حميد الودغيري، فيما انتخبت سعاد بنكيران، النائبة الثانية للرئيس "
        "خلفا للراحل محمد العلوي، وهي أستاذة التعليم العالي ورئيسة لجنة الابتكار.\n"
    )
    (event,) = record["events"]
    body = "الجمعية الجهوية لصناعات تثمين المنتجات البحرية"
    assert (event["kind"], event["city"]) == ("general-assembly", "المرسى")
    assert event["title"] == f"الجمع العام التأسيسي ل{body[1:]}"  # "للجمعية", not "لالجمعية"
    assert {"name": body, "role": "organizer"} in event["organizations"]
    found = _positions(record)
    assert ("النائبة الثانية للرئيس", body) in found["سعاد بنكيران"]


def test_two_offices_in_one_title_and_a_body_inside_a_title():
    record = extract_article(
        "ندوة بالقنيطرة\n\n"
        "أما مراد بوزيان، أستاذ التعليم العالي ورئيس اللجنة العلمية للمؤتمر، فأكد أهمية البحث. "
        "وحضر عامل إقليم بركان ورئيس غرفة التجارة والصناعة والخدمات لجهة الشرق، رشيد بنعمر، "
        "أشغال المؤتمر.\n"
    )
    found = _positions(record)
    assert {("أستاذ التعليم العالي", None), ("رئيس اللجنة العلمية للمؤتمر", None)} <= found[
        "مراد بوزيان"
    ]
    assert ("رئيس", "غرفة التجارة والصناعة والخدمات لجهة الشرق") in found["رشيد بنعمر"]


def test_the_opening_of_a_plant_is_the_story_even_with_a_deal_signed_there():
    record = extract_article(
        "آسفي.. تدشين مصنع للأسلاك الكهربائية\n\n"
        "جرى، يوم الثلاثاء 12 ماي 2026، تدشين مصنع جديد لإنتاج الأسلاك الكهربائية بالحي "
        "الصناعي لآسفي، وعلى هامش حفل التدشين جرى توقيع اتفاقية شراكة بين الشركة ومكتب "
        "التكوين المهني وإنعاش الشغل.\n"
    )
    event = record["events"][0]
    assert (event["kind"], event["start_date"], event["city"]) == ("other", "2026-05-12", "آسفي")


EDITIONS = (
    "بني ملال تحتضن الدورة الثالثة للمنتدى الجهوي للمناولة\n\n"
    "تحتضن مدينة بني ملال، يومي 16 و17 أكتوبر 2025، الدورة الثالثة للمنتدى الجهوي للمناولة "
    "الصناعية. وأوضح المنظمون أن الدورة الثانية، التي احتضنتها مدينة خريبكة السنة الماضية، "
    "أفضت إلى عقود مهمة. وكانت الدورة الأولى، المنظمة في أكتوبر 2023، قد جمعت 80 مقاولة. "
    "{future}\n"
)


@pytest.mark.parametrize(
    "future",
    ["ويرتقب أن تحتضن مدينة أزيلال الدورة الرابعة.", "وستحتضن مدينة أزيلال الدورة الرابعة."],
)
def test_an_earlier_edition_the_article_places_is_an_event_of_its_own(future):
    """The second edition (a place) is recorded; the first (a date, no place) is background
    and the fourth (still to come) a plan."""
    record = extract_article(EDITIONS.format(future=future), published_on=date(2025, 10, 1))
    main, *others = record["events"]
    assert (main["edition"], main["city"], main["start_date"]) == (3, "بني ملال", "2025-10-16")
    assert [(e["kind"], e["edition"], e["city"], e["start_date"]) for e in others] == [
        ("forum", 2, "خريبكة", None)
    ]
    assert others[0]["title"] == main["title"]


def test_the_press_cited_as_a_source_is_not_an_organisation():
    record = extract_article(
        "تدشين وحدة صناعية بزاكورة\n\n"
        "دشن عامل إقليم زاكورة، أمس الخميس، وحدة لتثمين التمور أنجزتها تعاونية واحة درعة، "
        "حسب ما أفادت به وكالة المغرب العربي للأنباء.\n",
        published_on=date(2026, 10, 10),
    )
    names = {o["name"] for o in record["organizations"]}
    assert "وكالة المغرب العربي للأنباء" not in names


def test_a_latin_board_list_is_held_at_the_body_whose_assembly_it_is():
    """The ministry in charge ("الوزارة الوصية") is named elsewhere, and is not the body
    whose assembly elects the board."""
    record = extract_article(
        "عبد الكريم الحلو رئيسا للفيدرالية البيمهنية المغربية للزيتون\n\n"
        "انتخب الجمع العام العادي للفيدرالية البيمهنية المغربية للزيتون، المنعقد السبت الماضي "
        "بمكناس، عبد الكريم الحلو رئيسا جديدا، بحضور ممثل عن وزارة الفلاحة والصيد البحري. "
        "ودعا المتدخلون الوزارة الوصية إلى دعم المعاصر. وجاءت تشكيلة المكتب كالتالي:\n\n"
        "- Président : Abdelkrim Lahlou\n"
        "- Trésorier : Rachid Benkirane\n",
        published_on=date(2025, 6, 16),
    )
    names = {o["name"] for o in record["organizations"]}
    assert "الوزارة الوصية" not in names
    positions = {p["name"]: p["positions"] for p in record["people"]}
    assert positions["Rachid Benkirane"] == [
        {"title": "trésorier", "organization": "الفيدرالية البيمهنية المغربية للزيتون"}
    ]


def test_an_office_named_after_its_body_is_held_there_when_the_body_is_named():
    record = extract_article(
        "توقيع اتفاقية بتيزنيت\n\n"
        "ترأس عامل إقليم تيزنيت، حسن بومهدي، أمس الاثنين، حفل توقيع اتفاقية بين عمالة إقليم "
        "تيزنيت والمديرية الإقليمية للفلاحة بتيزنيت، وقعها عن المديرية محمد أيت الطالب، "
        "المدير الإقليمي للفلاحة بتيزنيت. وحضر الحفل والي جهة سوس ماسة، أحمد الصافي.\n",
        published_on=date(2025, 3, 11),
    )
    found = _positions(record)
    assert ("عامل إقليم تيزنيت", "عمالة إقليم تيزنيت") in found["حسن بومهدي"]
    director = found["محمد أيت الطالب"]
    assert ("المدير الإقليمي للفلاحة بتيزنيت", "المديرية الإقليمية للفلاحة بتيزنيت") in director
    # the wilaya is not named: the wali's office stays whole, held at no body
    assert found["أحمد الصافي"] == {("والي جهة سوس ماسة", None)}
    (event,) = record["events"]
    governor = next(p for p in event["people"] if p["name"] == "حسن بومهدي")
    assert governor["organization"] == "عمالة إقليم تيزنيت"


def test_a_headline_s_last_word_gives_no_role_to_the_outlet_on_the_next_line():
    record = extract_article(
        "الغرفة تصادق على ثلاث اتفاقيات شراكة\n\n"
        "يومية الأنباء الجهوية – الخميس 27 فبراير 2025\n\n"
        "صادقت غرفة التجارة والصناعة والخدمات لجهة الدار البيضاء-سطات، يوم الثلاثاء الماضي، "
        "على ميزانيتها خلال جمعيتها العامة ببنسليمان.\n",
        published_on=date(2025, 2, 27),
    )
    assert record["source"]["outlet"] == "يومية الأنباء الجهوية"
    assert {o["name"] for o in record["organizations"]} == {
        "غرفة التجارة والصناعة والخدمات لجهة الدار البيضاء-سطات"
    }


def test_a_board_list_gives_each_member_s_company_and_the_office_at_the_cluster():
    record = extract_article(
        "قطب الشاوية للميكاترونيك يجدد مكتبه\n\n"
        "انتخب الجمع العام العادي لقطب الشاوية للميكاترونيك، المنعقد يوم الثلاثاء الماضي "
        "بسطات، مكتبا جديدا جاءت تشكيلته كالتالي:\n"
        "- الرئيس: عماد السرغيني، مسير Setta Câblage Industries\n"
        "- الكاتب العام: سفيان بلخياط، عن شركة Ouled Said Automation\n"
        "- المستشارون: نبيل الصبار (Chaouia Press Metal)، حنان الشفشاوني (ElectroPlast Settat)\n",
        published_on=date(2025, 6, 27),
    )
    cluster = "قطب الشاوية للميكاترونيك"
    found = _positions(record)
    assert found["عماد السرغيني"] == {("الرئيس", cluster), ("مسير", "Setta Câblage Industries")}
    assert found["سفيان بلخياط"] == {("الكاتب العام", cluster), (None, "Ouled Said Automation")}
    assert found["حنان الشفشاوني"] == {("مستشارة", cluster), (None, "ElectroPlast Settat")}


def test_an_event_the_headline_names_is_dated_by_the_lead_past_the_header():
    record = extract_article(
        "في اجتماع استثنائي بمريرت.. لجنة الاستثمار تؤشر على تسعة مشاريع\n\n"
        "مريرت في 26 يونيو 2025\n\n"
        "صادقت اللجنة الجهوية الموحدة للاستثمار لجهة بني ملال-خنيفرة، خلال اجتماعها "
        "المنعقد أمس الأربعاء بمقر باشوية مريرت، على تسعة مشاريع استثمارية. وحضرت المديرة "
        "الجهوية للفلاحة ببني ملال-خنيفرة، سعاد العلوي، ممثلة المديرية الجهوية للفلاحة.\n",
        published_on=date(2025, 6, 26),
    )
    (event,) = record["events"]
    assert (event["start_date"], event["end_date"]) == ("2025-06-25", "2025-06-25")
    found = _positions(record)
    assert ("المديرة الجهوية للفلاحة ببني ملال-خنيفرة", "المديرية الجهوية للفلاحة") in found[
        "سعاد العلوي"
    ]


def test_a_representative_holds_his_own_office_at_the_body_he_stands_for():
    record = extract_article(
        "توقيع اتفاقية بسيدي قاسم\n\n"
        "وقع الاتفاقية المدير الجهوي للصناعة والتجارة، كريم السلاوي، ممثلا لوزارة الصناعة "
        "والتجارة. وتحدث ممثل الوكالة المغربية للطاقة المستدامة، السيد هشام بلمختار، مدير "
        "تطوير المشاريع، عن عرض المغرب."
    )
    positions = _positions(record)
    assert positions["كريم السلاوي"] == {
        ("المدير الجهوي للصناعة والتجارة", "وزارة الصناعة والتجارة")
    }
    assert positions["هشام بلمختار"] == {
        ("مدير تطوير المشاريع", "الوكالة المغربية للطاقة المستدامة")
    }


@pytest.mark.parametrize(
    ("text", "city"),
    [
        (  # the town the story is signed from, which the event's sentence names too
            "الفنيدق: المستثمرون يجددون مكتبهم\n\nالفنيدق – شمال بوست\n\n"
            "عقدت جمعية مستثمري منطقة الأنشطة الاقتصادية بالفنيدق، السبت الماضي، جمعها العام "
            "بحضور المديرة الإقليمية للوكالة الوطنية لإنعاش التشغيل والكفاءات بالمضيق.",
            "الفنيدق",
        ),
        (
            "حد السوالم تستقبل المنتدى الأول للمناولة\n\nانعقد المنتدى أمس بحضور ممثلي شركات "
            "قدموا من القنيطرة والدار البيضاء.",
            "حد السوالم",
        ),
        (
            "مقاولات سطات والجديدة أمام ضريبة الكربون\n\nدقت ورشة احتضنتها كلية العلوم والتقنيات "
            "بسطات، الخميس الماضي، ناقوس الخطر بشأن مقاولات الجديدة.",
            "سطات",
        ),
        (
            "رجال أعمال من السنغال في الريف\n\nاستقبلت الملحقة الإقليمية للغرفة بالحسيمة، أمس "
            "الخميس بمدينة إمزورن، وفدا اقتصاديا سنغاليا.",
            "امزورن",  # the gazetteer's spelling
        ),
        (
            "منتدى الصويرة للاستثمار السياحي: رهانات الصناعة التقليدية\n\nتحولت مدينة الرياح، من "
            "20 إلى 22 نونبر، إلى ملتقى للمستثمرين في إطار المنتدى الدولي للاستثمار السياحي، "
            "الذي نظمه المجلس الإقليمي للسياحة بالصويرة.",
            "الصويرة",  # the headline's town: the body's seat is inside its name
        ),
    ],
)
def test_the_event_s_town_from_the_dateline_the_headline_a_hosting_faculty_or_the_word_town(
    text, city
):
    (event, *_) = extract_article(text, published_on=date(2025, 11, 14))["events"]
    assert event["city"] == city


def test_the_chair_of_a_board_s_committee_holds_the_office_at_the_assembly_s_body():
    record = extract_article(
        "عقدت غرفة الصناعة التقليدية لجهة كلميم-واد نون، أمس الثلاثاء بكلميم، جمعيتها العامة. "
        "وانتخبت الجمعية العامة كلا من لحبيب بويا رئيسا للجنة الصناعة التقليدية الفنية، ومليكة "
        "الإدريسي رئيسة للجنة الصناعة التقليدية الخدماتية.",
        published_on=date(2025, 10, 8),
    )
    positions = {p["name"]: p["positions"] for p in record["people"]}
    chamber = "غرفة الصناعة التقليدية لجهة كلميم-واد نون"
    assert positions["لحبيب بويا"] == [
        {"title": "رئيس لجنة الصناعة التقليدية الفنية", "organization": chamber}
    ]
    assert positions["مليكة الإدريسي"] == [
        {"title": "رئيسة لجنة الصناعة التقليدية الخدماتية", "organization": chamber}
    ]


def test_the_event_s_town_from_the_hall_of_a_school_it_was_held_in_not_a_parent_university():
    def city(text):
        return extract_article(text, published_on=date(2026, 5, 15))["events"][0]["city"]

    held = (
        "افتتحت أمس الخميس بقاعة الندوات التابعة للمدرسة العليا للتكنولوجيا بخنيفرة الدورة "
        "الخامسة لمنتدى الاستثمار. وحضر اللقاء ممثلو جامعة السلطان مولاي سليمان ببني ملال."
    )
    assert city(held) == "خنيفرة"
    faculty = (
        "نظمت الكلية متعددة التخصصات بالرشيدية، التابعة لجامعة مولاي إسماعيل بمكناس، أمس "
        "الخميس، يوما دراسيا حول المعادن."
    )
    assert city(faculty) is None  # the town of the university it belongs to is no venue


def test_a_delegation_s_dated_meeting_is_another_stop_unless_told_as_its_plan():
    def events(last):
        text = (
            "حل بمدينة بركان، يوم الاثنين 16 نونبر 2026، وفد من رجال الأعمال الإسبان في مهمة "
            f"اقتصادية. {last}"
        )
        record = extract_article(text, published_on=date(2026, 11, 17))
        return [(e["kind"], e["city"], e["start_date"]) for e in record["events"]]

    plan = "وعلى أن يتوجه الوفد اليوم الثلاثاء إلى مدينة وجدة للقاء مسؤولي مجلس الجهة."
    assert events(plan) == [("delegation", "بركان", "2026-11-16")]
    planned_day = "واختتم اللقاء بلقاءات ثنائية، على أن يقوم الوفد، يوم الثلاثاء، بزيارة لوجدة."
    assert events(planned_day) == [("delegation", "بركان", "2026-11-16")]
    stop = "وكان الوفد قد عقد يوم الأحد 15 نونبر لقاء مع رجال الأعمال بمدينة وجدة."
    assert events(stop)[1] == ("delegation", "وجدة", "2026-11-15")


def test_the_company_s_managers_long_after_it_is_named_and_not_one_named_later():
    record = extract_article(
        "افتتاح وحدة لغسل الصوف بميسور\n\n"
        'أشرف عامل الإقليم على افتتاح وحدة صناعية تابعة لشركة "أطلس لين" بميسور. وتمتد الوحدة '
        "على مساحة هكتارين، وتضم خطوطا لغسل الصوف وتمشيطه وتحويله إلى خيوط موجهة لصناعة "
        "النسيج، كما توفر مئة وأربعين منصب شغل مباشر لفائدة شباب المنطقة ونسائها، في انتظار "
        "توسعة ثانية تهم الصباغة والنسيج خلال السنوات الثلاث المقبلة حسب ما أعلنه المنظمون.\n\n"
        "وأوضح الرئيس المدير العام للشركة، عبد الكريم أوحمو، أن الفكرة قديمة، وأن المشروع "
        "استفاد من قرض مضمون من طرف شركة تمويلكم. وقدمت المديرة التقنية للوحدة، سهام "
        "الإدريسي، شروحات حول خط الإنتاج."
    )
    positions = _positions(record)
    assert positions["عبد الكريم أوحمو"] == {("الرئيس المدير العام", "أطلس لين")}
    assert positions["سهام الإدريسي"] == {("المديرة التقنية للوحدة", "أطلس لين")}


def test_a_dated_sentence_that_reports_signing_agreements_detailed_after_it_is_the_event():
    record = extract_article(
        "ثلاث اتفاقيات لتأهيل الميناء\n\nجرى، أمس الأربعاء بمقر عمالة الإقليم بسيدي إفني، "
        "التوقيع على ثلاث اتفاقيات لتأهيل الميناء. وترأس اللقاء عامل الإقليم. وتتعلق الاتفاقية "
        "الأولى، وهي اتفاقية شراكة، بتأهيل الرصيف بكلفة 120 مليون درهم.",
        published_on=date(2025, 11, 13),
    )
    (event,) = record["events"]
    assert (event["kind"], event["start_date"]) == ("signing", "2025-11-12")


def test_an_office_named_with_its_body_keeps_its_last_letter():
    record = extract_article(
        "عامل إقليم جرسيف يترأس اجتماعا\n\nترأس عامل عمالة إفران، السيد محمد الزهر، اجتماعا "
        "للجنة الإقليمية، بحضور ممثلي عمالة إفران والمصالح الخارجية.",
        published_on=date(2025, 3, 1),
    )
    titles = {p["name"]: [x["title"] for x in p["positions"]] for p in record["people"]}
    assert all(not t.startswith("عام ") and t != "عام" for t in titles["محمد الزهر"])
