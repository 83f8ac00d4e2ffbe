"""The admin: an article is added (pasted or uploaded), reviewed, and its kept proposals
become drafts with Mentions; only editors and publishers may do it."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Mention
from editorial.groups import EDITORS, PUBLISHERS
from editorial.models import Status
from events.models import Agreement, Event
from extraction.services import article_extract
from organizations.models import Organization, Person
from tests.editorial.factories import UserFactory
from tests.organizations.factories import OrganizationFactory

# The admin's messages are read in English.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
SOLAR = (CORPUS / "102_oriental_cri_solar_plant.txt").read_text("utf-8")
FCP = "فدرالية الكيمياء وشبه الكيمياء"


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def login(client, group=None, username="reviewer"):
    user = UserFactory(username=username)
    if group:
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def review_url(article):
    return reverse("admin:articles_article_extract", args=[article.pk])


@pytest.fixture
def article():
    return Article.objects.create(title="مصنع الألواح الشمسية بوجدة", text=SOLAR)


def test_editor_reviews_then_keeps_some_proposals(client, article):
    editor = login(client, EDITORS)
    change = client.get(reverse("admin:articles_article_change", args=[article.pk]))
    assert review_url(article) in change.content.decode()

    page = client.get(review_url(article))
    assert page.status_code == 200
    html = page.content.decode()
    proposals = article_extract(article).proposals
    assert html.count('name="keep"') == len(proposals)
    assert html.count("checked") >= len(proposals)  # every box ticked by default
    assert "<mark>" in html and "أوريون للصناعات المعدنية" in html

    orgs = [p for p in proposals if p.kind == "organization"]
    people = [p for p in proposals if p.kind == "person"]
    kept = [orgs[0].key, people[0].key]
    response = client.post(review_url(article), {"keep": kept})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_article_change", args=[article.pk])

    org = Organization.objects.get(name_ar=orgs[0].label)
    person = Person.objects.get(name_ar=people[0].label)
    for record in (org, person):
        assert record.status == Status.DRAFT and record.created_by == editor
    for proposal in orgs[1:]:
        assert not Organization.objects.filter(name_ar=proposal.label).exists()
    assert not Event.objects.filter(title_ar__contains="الألواح الشمسية").exists()
    mentions = list(article.mentions.all())
    assert {m.record for m in mentions} == {org, person}
    assert all(m.quote == article.text[m.start : m.end] for m in mentions)

    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("Created as drafts" in m and orgs[0].label in m for m in messages)


def test_the_existing_record_is_offered_instead_of_a_duplicate(client):
    login(client, PUBLISHERS)
    text = Path(__file__).resolve().parents[2] / "extraction/demo/000_e78897b692c798fe.txt"
    existing = OrganizationFactory(name_ar=FCP)
    article = Article.objects.create(title="FCP", text=text.read_text("utf-8"))
    html = client.get(review_url(article)).content.decode()
    assert reverse("admin:organizations_organization_change", args=[existing.pk]) in html
    assert "score 100" in html

    client.post(review_url(article), {"keep": [p.key for p in article_extract(article).proposals]})
    assert Organization.objects.filter(name_ar=FCP).count() == 1
    assert Mention.objects.for_object(existing).filter(article=article).exists()


def test_article_text_is_escaped_on_the_review_screen(client):
    login(client, EDITORS)
    text = "ستنظم فدرالية الكيمياء وشبه الكيمياء منتدى <script>alert('x')</script> بالرباط."
    article = Article.objects.create(title="XSS", text=text)
    html = client.get(review_url(article)).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_an_english_article_gets_a_clear_message(client):
    login(client, EDITORS)
    article = Article.objects.create(
        title="Forum", text="The chemistry forum is held in Casablanca this week.", language="en"
    )
    html = client.get(review_url(article)).content.decode()
    assert "this one is in neither" in html


@pytest.mark.parametrize("method", ["get", "post"])
def test_staff_without_permissions_get_403(client, article, method):
    login(client, username="plain-staff")
    response = getattr(client, method)(review_url(article), {"keep": ["organization:0"]})
    assert response.status_code == 403
    assert not article.mentions.exists()


def test_registration_managers_get_403(client, article):
    login(client, "Registration managers", username="registrar")
    assert client.get(review_url(article)).status_code == 403


# -- adding an article --------------------------------------------------------------------

ADD = "admin:articles_article_add"


def form_data(**extra):
    return {"title": "", "outlet": "هبة بريس", "url": "", "published_on": "2025-03-12",
            "language": "ar", "text": "", "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0", **extra}  # fmt: skip


def test_an_uploaded_text_file_becomes_an_article(client):
    user = login(client, EDITORS)
    upload = SimpleUploadedFile("solar.txt", SOLAR.encode("utf-8"), "text/plain")
    response = client.post(reverse(ADD), form_data(upload=upload))
    assert response.status_code == 302
    article = Article.objects.get(outlet="هبة بريس", title=SOLAR.strip().splitlines()[0])
    assert article.text == SOLAR and article.created_by == user


def test_pasted_text_becomes_an_article(client):
    login(client, EDITORS)
    response = client.post(reverse(ADD), form_data(text=SOLAR.replace("\n", "\r\n"), title="عنوان"))
    assert response.status_code == 302
    assert Article.objects.get(title="عنوان").text == SOLAR.strip()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("big.txt", b"a" * (1024 * 1024 + 1), "too large"),
        ("legacy.txt", "مقال".encode("cp1256"), "not UTF-8"),
        ("article.pdf", b"%PDF-1.4", "plain text file (.txt)"),
    ],
    ids=["too-big", "not-utf8", "wrong-extension"],
)
def test_bad_uploads_are_refused(client, name, content, message):
    login(client, EDITORS)
    before = Article.objects.count()
    upload = SimpleUploadedFile(name, content, "text/plain")
    response = client.post(reverse(ADD), form_data(upload=upload))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Article.objects.count() == before


def test_neither_or_both_texts_are_refused(client):
    login(client, EDITORS)
    before = Article.objects.count()
    response = client.post(reverse(ADD), form_data())
    assert "Paste the article" in response.content.decode()
    upload = SimpleUploadedFile("a.txt", SOLAR.encode(), "text/plain")
    response = client.post(reverse(ADD), form_data(text="نص", upload=upload))
    assert "not both" in response.content.decode()
    assert Article.objects.count() == before


def test_the_list_action_opens_the_review(client, article):
    login(client, EDITORS)
    response = client.post(
        reverse("admin:articles_article_changelist"),
        {"action": "extract_selected", "_selected_action": [article.pk]},
    )
    assert response.status_code == 302 and response["Location"] == review_url(article)


def test_a_mentions_record_type_is_one_of_the_public_records(client, article):
    """The Mention admin's form and filter offer events, agreements, organisations and
    people: not users, sessions or any other content type."""
    login(client, PUBLISHERS)
    Mention.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(Organization),
        object_id=OrganizationFactory().pk,
        start=0,
        end=5,
        quote=article.text[:5],
    )
    expected = {
        ContentType.objects.get_for_model(m) for m in (Event, Agreement, Organization, Person)
    }
    form = client.get(reverse("admin:articles_mention_add")).context["adminform"].form
    assert set(form.fields["content_type"].queryset) == expected
    changelist = client.get(reverse("admin:articles_mention_changelist")).context["cl"]
    (record_type_filter,) = changelist.filter_specs
    offered = dict(record_type_filter.lookup_choices)
    assert set(offered) == {content_type.pk for content_type in expected}
    assert set(offered.values()) == {"Event", "Agreement", "Organisation", "Person"}
