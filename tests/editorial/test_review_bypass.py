"""Issue 13, "review cannot be bypassed": an editor's change to what visitors see of an
approved record (its positions, its sources, the article they quote) is refused with a
message and changes nothing; a publisher may still make it."""

from pathlib import Path

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from articles.models import Article, Mention
from editorial.models import Status
from extraction.services import article_extract
from organizations.models import Position
from tests.articles.factories import ArticleFactory
from tests.organizations.factories import OrganizationFactory

from .conftest import make_record

pytestmark = pytest.mark.django_db

DEMO = Path(__file__).resolve().parents[2] / "extraction" / "demo"
FCP = "فدرالية الكيمياء وشبه الكيمياء"
REFUSED = "only a publisher can"


def public_html(record) -> str:
    """The record's public page as a visitor gets it now (no page cache in between)."""
    cache.clear()
    response = Client().get(record.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def errors_of(response) -> str:
    return response.content.decode()


# -- (a) positions ---------------------------------------------------------------------------
def test_a_position_added_to_an_approved_person_is_refused(client, editor):
    person = make_record("person", Status.PUBLISHED)
    before = public_html(person)
    client.force_login(editor)
    response = client.post(
        reverse("admin:organizations_position_add"),
        {"person": person.pk, "title_ar": "رئيس مزور", "title_fr": "Faux président"},
    )
    assert response.status_code == 200
    assert REFUSED in errors_of(response)
    assert not Position.objects.filter(person=person).exists()
    assert public_html(person) == before


def test_a_draft_persons_position_cannot_move_to_an_approved_person(client, editor):
    draft = make_record("person", Status.DRAFT)
    person = make_record("person", Status.PUBLISHED)
    position = Position.objects.create(person=draft, title="مدير")
    before = public_html(person)
    client.force_login(editor)
    response = client.post(
        reverse("admin:organizations_position_change", args=[position.pk]),
        {"person": person.pk, "title_ar": "مدير"},
    )
    assert response.status_code == 200
    assert REFUSED in errors_of(response)
    position.refresh_from_db()
    assert position.person == draft
    assert public_html(person) == before


def test_a_publisher_may_add_a_position_to_an_approved_person(client, publisher):
    person = make_record("person", Status.PUBLISHED)
    client.force_login(publisher)
    response = client.post(
        reverse("admin:organizations_position_add"), {"person": person.pk, "title_ar": "رئيس"}
    )
    assert response.status_code == 302
    assert "رئيس" in public_html(person)


def test_positions_between_drafts_and_approved_records_stay_editable(client, editor):
    """A draft person at an approved organisation shows nowhere yet: editors link them."""
    draft = make_record("person", Status.DRAFT)
    org = make_record("organization", Status.PUBLISHED)
    client.force_login(editor)
    response = client.post(
        reverse("admin:organizations_position_add"),
        {"person": draft.pk, "organization": org.pk, "title_ar": "مدير"},
    )
    assert response.status_code == 302
    assert Position.objects.filter(person=draft, organization=org).exists()


# -- (b) mentions ----------------------------------------------------------------------------
def source_of(record, article, *, end=4, quote="أصل"):
    """A Mention of `record` quoting the start of `article`."""
    return Mention.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        start=0,
        end=end,
        quote=quote,
    )


def mention_data(record, article, quote="اقتباس مزور"):
    return {
        "article": article.pk,
        "content_type": ContentType.objects.get_for_model(record).pk,
        "object_id": record.pk,
        "start": 0,
        "end": 5,
        "quote": quote,
    }


def test_a_mention_of_an_approved_record_is_refused(client, editor):
    person = make_record("person", Status.PUBLISHED)
    article = ArticleFactory(outlet="Fake outlet")
    before = public_html(person)
    client.force_login(editor)
    response = client.post(reverse("admin:articles_mention_add"), mention_data(person, article))
    assert response.status_code == 200
    assert REFUSED in errors_of(response)
    assert not Mention.objects.for_object(person).exists()
    assert public_html(person) == before


def test_mentions_of_approved_records_cannot_be_changed_or_deleted(client, editor):
    event = make_record("event", Status.PUBLISHED)
    article = ArticleFactory()
    mention = source_of(event, article)
    before = public_html(event)
    client.force_login(editor)
    change = reverse("admin:articles_mention_change", args=[mention.pk])
    assert client.post(change, mention_data(event, article, "تغيير")).status_code == 403
    delete = reverse("admin:articles_mention_delete", args=[mention.pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    bulk = client.post(
        reverse("admin:articles_mention_changelist"),
        {"action": "delete_selected", "_selected_action": [mention.pk], "post": "yes"},
    )
    assert bulk.status_code < 500
    mention.refresh_from_db()
    assert mention.quote == "أصل"
    assert public_html(event) == before


def test_a_draft_mention_cannot_move_to_an_approved_record(client, editor):
    draft = make_record("organization", Status.DRAFT)
    org = make_record("organization", Status.PUBLISHED)
    article = ArticleFactory()
    mention = source_of(draft, article)
    before = public_html(org)
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_mention_change", args=[mention.pk]), mention_data(org, article)
    )
    assert response.status_code == 200
    assert REFUSED in errors_of(response)
    mention.refresh_from_db()
    assert mention.object_id == draft.pk
    assert public_html(org) == before


def test_mentions_point_only_at_public_record_types(client, editor):
    client.force_login(editor)
    response = client.get(reverse("admin:articles_mention_add"))
    field = response.context["adminform"].form.fields["content_type"]
    offered = {content_type.pk for content_type in field.queryset}
    labels = {ct.natural_key() for ct in ContentType.objects.filter(pk__in=offered)}
    assert labels == {
        ("events", "event"),
        ("events", "agreement"),
        ("organizations", "organization"),
        ("organizations", "person"),
    }
    user_type = ContentType.objects.get(app_label="auth", model="user")
    data = mention_data(editor, ArticleFactory())
    data["content_type"] = user_type.pk
    response = client.post(reverse("admin:articles_mention_add"), data)
    assert response.status_code == 200
    assert not Mention.objects.filter(content_type=user_type).exists()


def test_a_mention_of_a_record_that_does_not_exist_is_refused(client, editor):
    draft = make_record("event", Status.DRAFT)
    data = mention_data(draft, ArticleFactory())
    data["object_id"] = draft.pk + 10_000
    client.force_login(editor)
    response = client.post(reverse("admin:articles_mention_add"), data)
    assert response.status_code == 200
    assert "does not exist" in errors_of(response)
    assert not Mention.objects.filter(object_id=draft.pk + 10_000).exists()


# -- (c) the source article ------------------------------------------------------------------
def test_the_source_article_of_an_approved_event_is_read_only_for_editors(client, editor):
    event = make_record("event", Status.PUBLISHED)
    article = ArticleFactory(title="المقال الأصلي", outlet="هسبريس", url="https://a.example/1")
    source_of(event, article)
    before = public_html(event)
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert "This article is a source of approved records" in client.get(url).content.decode()
    response = client.post(
        url,
        {
            "title": "المقال الأصلي",
            "outlet": "Evil outlet",
            "url": "https://evil.example/",
            "language": "ar",
            "text": "نص آخر",
            "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert (article.outlet, article.url) == ("هسبريس", "https://a.example/1")
    after = public_html(event)
    assert after == before and "evil.example" not in after


def test_an_article_of_drafts_only_stays_editable(client, editor):
    draft = make_record("event", Status.DRAFT)
    article = ArticleFactory(title="مقال", outlet="هسبريس", text="نص المقال")
    source_of(draft, article, end=2, quote="نص")
    client.force_login(editor)
    url = reverse("admin:articles_article_change", args=[article.pk])
    assert client.get(url).context["has_change_permission"]


# -- (d) accepting an extraction -------------------------------------------------------------
def test_accepting_an_extraction_adds_no_source_to_an_approved_record(client, editor):
    with translation.override("ar"):  # the factory's `name` is the Arabic one
        federation = OrganizationFactory(
            name=FCP,
            name_fr="Fédération de la Chimie et de la Parachimie (FCP)",
            name_en="Federation of Chemistry and Parachemistry (FCP)",
            kind="federation",
        )
    assert federation.is_public
    text = (DEMO / "000_e78897b692c798fe.txt").read_text("utf-8")
    article = Article.objects.create(title="FCP", outlet="Editor's outlet", text=text)
    before = public_html(federation)
    client.force_login(editor)
    keep = [p.key for p in article_extract(article).proposals]
    response = client.post(
        reverse("admin:articles_article_extract", args=[article.pk]), {"keep": keep}
    )
    assert response.status_code == 302
    assert not Mention.objects.for_object(federation).filter(article=article).exists()
    assert public_html(federation) == before
    messages = [str(m) for m in response.wsgi_request._messages]
    # In the reader's language (English here), not in the Arabic the drafts are written in.
    assert any(f"“{federation}” is approved already" in m for m in messages)
