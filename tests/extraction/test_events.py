import pytest

from core.arabic import normalize_arabic
from extraction.extractor.events import find_events, ordinal, role_cue, sectors
from extraction.extractor.text import Doc


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("الأولى", 1), ("الأول", 1), ("الثانية", 2), ("الثالث", 3), ("السابعة", 7),
        ("العاشرة", 10), ("الحادية عشرة", 11), ("الثانية عشرة", 12), ("الثاني عشر", 12),
        ("التاسعة عشرة", 19), ("العشرين", 20), ("الحادية والعشرين", 21), ("الخامسة والثلاثين", 35),
        ("12", 12), ("الـ12", 12), ("رقم 4", 4), ("الحادية والستين", 61), ("التسعين", 90),
    ],
)  # fmt: skip
def test_ordinals(words, value):
    assert ordinal(normalize_arabic(words).split()) == value


def test_not_an_ordinal():
    assert ordinal(["المنتدي"]) is None
    assert ordinal([]) is None


@pytest.mark.parametrize(
    ("text", "kind", "edition", "title"),
    [
        ("الدورة الثانية من المنتدى الدولي للكيمياء", "forum", 2, "المنتدى الدولي للكيمياء"),
        ("الدورة الأولى للمنتدى الدولي للصناعة والخدمات بجهة سوس-ماسة", "forum", 1,
         "المنتدى الدولي للصناعة والخدمات"),
        ("المؤتمر الوطني للصناعة في دورته السابعة", "conference", 7, "المؤتمر الوطني للصناعة"),
        ("النسخة 12 لمعرض الفلاحة", "exhibition", 12, "معرض الفلاحة"),
        ("ورشة تكوينية حول الرقمنة", "workshop", None, None),
        ("انعقد جمعُها العام التأسيسي يوم الخميس", "general-assembly", None, None),
        ("استقبل وفدا رفيع المستوى من دولة الصين، يضم", "delegation", None,
         "وفد رفيع المستوى من دولة الصين"),
        ("توقيع اتفاقية إطار لتفعيل المخطط", "signing", None, None),
    ],
)  # fmt: skip
def test_event_kind_edition_and_title(text, kind, edition, title):
    event = find_events(Doc(text))[0]
    assert event.kind == kind
    assert event.edition == edition
    if title:
        assert event.title == title


def test_setting_and_anaphoric_mentions_are_flagged():
    events = find_events(Doc("على هامش انعقاد المحطة الثانية للمؤتمر الدولي، هذا المنتدى"))
    assert events[0].kind == "conference" and events[0].context and events[0].edition == 2
    assert events[1].anaphoric


def test_signing_needs_an_agreement_word():
    assert find_events(Doc("توقيع الكتاب في المعرض"))[0].kind == "exhibition"


def test_sectors_from_a_lexicon():
    doc = Doc("منتدى البطاريات و الكيمياء. الكيمياء والبطاريات والليثيوم مستقبل الكيمياء.")
    assert set(sectors(doc, (0, 4))) == {"chemistry", "energy-storage"}
    doc = Doc("معرض السيارات الكهربائية. تطور صناعة السيارات ونقل التكنولوجيا.")
    assert sectors(doc, (0, 3))[0] == "automotive"


def test_study_days_and_meetings_read_in_the_nominative():
    (day,) = find_events(Doc("نظم المركز أمس يوما دراسيا حول “رقمنة المقاولات الصغرى”، بحضور"))
    assert (day.kind, day.title) == ("workshop", "يوم دراسي حول رقمنة المقاولات الصغرى")
    (meeting,) = find_events(Doc("عقدت الغرفة لقاء تواصليا مع مهنيي النسيج، خصص"))
    assert (meeting.kind, meeting.title) == ("other", "لقاء تواصلي مع مهنيي النسيج")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("المنتدى الذي نظمه المجلس", "organizer"),
        ("الورشة التي نظمتها الكلية", "organizer"),
        ("ويُنظم هذا الموعد من طرف الفدرالية", "organizer"),
        ("وستنظمه الغرفة", "organizer"),
        ("بشراكة مع الوزارة", "partner"),
        ("احتضن مقر الولاية اللقاء", "host"),
        ("بمقر الغرفة", "host"),
        ("تحت الرعاية السامية", "patron"),
        ("بحضور الوالي", "participant"),
    ],
)
def test_role_cues(text, role):
    from extraction.extractor.events import role_cue

    doc = Doc(text)
    assert [r for i in range(len(doc.tokens)) if (r := role_cue(doc, i))][:1] == [role]


def test_patronage_needs_under():
    from extraction.extractor.events import role_cue

    doc = Doc("وفي إطار الرعاية الصحية")
    assert [role_cue(doc, i) for i in range(len(doc.tokens))] == [None] * len(doc.tokens)


def test_assembly_of_a_chamber_and_press_conferences():
    kinds = [e.kind for e in find_events(Doc("عقدت الغرفة الدورة العادية لجمعيتها العامة"))]
    assert kinds == ["general-assembly"]
    assert find_events(Doc("خلال لقاء صحفي عقد مساء أمس")) == []


def test_representatives_and_staff_introduce_participants():
    doc = Doc("إلى جانب ممثلين عن المكتب، وأطر من الوكالة، وممثلي الغرفة، ومسؤولي البنك.")
    cues = {doc.tokens[i].norm: role_cue(doc, i) for i in range(len(doc.tokens))}
    assert cues["جانب"] == cues["ممثلين"] == cues["واطر"] == "participant"
    assert cues["وممثلي"] == cues["ومسؤولي"] == "participant"


@pytest.mark.parametrize(
    ("text", "edition"),
    [
        ("انطلقت أشغال المؤتمر الدولي الثالث حول الهيدروجين", 3),
        ("نظمت الجمعية المنتدى الجهوي الأول للمقاولات النسائية", 1),
    ],
)
def test_edition_as_an_ordinal_adjective_of_the_event(text, edition):
    (event,) = find_events(Doc(text))
    assert event.edition == edition


def test_a_body_s_own_event_gives_its_edition_and_leaves_the_name_to_the_full_mention():
    (own, full) = find_events(
        Doc(
            "دعت الفيدرالية، خلال مؤتمرها الوطني الثالث، إلى تعاقد جديد. وناقش المؤتمر الوطني "
            "للصناعات الغذائية أسعار المواد الأولية."
        )  # fmt: skip
    )
    assert (own.kind, own.edition, own.named) == ("conference", 3, False)
    assert (full.kind, full.named) == ("conference", True)


def test_first_of_a_series_is_not_an_edition():
    events = find_events(Doc("وتعد هذه الورشة الأولى ضمن سلسلة من اللقاءات."))
    assert all(e.edition is None for e in events)


def test_ordinal_after_a_title_is_not_an_edition():
    events = find_events(Doc("وحضر اللقاء النائب الأول لرئيس الغرفة."))
    assert all(e.edition is None for e in events)


def test_groundbreaking_is_an_event():
    (launch,) = find_events(Doc("أعطيت انطلاقة أشغال بناء مصنع جديد"))
    assert launch.kind == "other"
    assert find_events(Doc("وتميزت انطلاقة الموسم بالحضور")) == []


@pytest.mark.parametrize(
    ("text", "kind", "title"),
    [
        ("وضعت المجموعة، أمس الخميس، الحجر الأساس لوحدة إنتاج الأدوية، بغلاف 620 مليون درهم.",
         "other", "وضع الحجر الأساس لوحدة إنتاج الأدوية"),
        ("واختتمت الأيام العلمية حول الهيدروجين الأخضر، يوم السبت.", "conference",
         "الأيام العلمية حول الهيدروجين الأخضر"),
        ("أشرف الوزير على تدشين مركز التكوين المهني الجديد، أمس.", "other",
         "تدشين مركز التكوين المهني الجديد"),
    ],
)  # fmt: skip
def test_groundbreakings_science_days_and_centre_openings(text, kind, title):
    (event,) = find_events(Doc(text))
    assert (event.kind, event.title) == (kind, title)


def test_professional_days_and_a_body_s_meeting_held_not_one_recalled():
    (days,) = find_events(Doc("ونظمت الغرفة الأيام المهنية للصيد التقليدي ببوجدور."))
    assert (days.kind, days.title) == ("workshop", "الأيام المهنية للصيد التقليدي ببوجدور")
    (meeting,) = find_events(Doc("وصادقت اللجنة، خلال اجتماعها المنعقد أمس، على 14 مشروعا."))
    assert meeting.kind == "other"
    assert find_events(Doc("وصادقت عليه اللجنة في اجتماعها الأخير.")) == []


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("وأكد المتدخلون أن اللقاء يندرج في إطار تنزيل الاستراتيجية الجهوية.", "اللقاء"),
        ("وأضاف أن الاجتماع مكن من استخلاص عدة خلاصات.", "الاجتماع"),
        ("وجاء ذلك في لقاء تواصلي عقده رئيس الجمعية مع الصحافة.", "لقاء تواصلي"),
        ("وحضر اجتماع ترأسه والي الجهة ممثلو المصالح الخارجية.", "اجتماع"),
        ("واحتضنت المدينة يوم إعلامي من تنظيم الغرفة لفائدة التجار.", "يوم إعلامي"),
        ("وعقدت الجمعية لقاءً جهوياً، بحضور المهنيين.", "لقاء جهوي"),
        ("وانعقد الاجتماع 14 الرفيع المستوى بين البلدين.", "الاجتماع 14 الرفيع المستوى"),
    ],
)
def test_an_other_event_s_title_stops_at_its_predicate_its_organiser_and_a_verb(text, title):
    assert [e.title for e in find_events(Doc(text))] == [title]
