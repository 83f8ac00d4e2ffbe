"""The review screen's corrections: an editor fixes a proposal before accepting it."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from reversion.models import Version

from articles.models import Article
from editorial.groups import EDITORS, PUBLISHERS
from editorial.models import Status
from events.models import Event
from extraction.forms import proposal_form
from extraction.services import article_extract
from taxonomy.models import Commune
from tests.editorial.factories import UserFactory
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء يومي "
    "15 و16 ماي 2024 بالدار البيضاء، بشراكة مع وزارة الصناعة والتجارة."
)


@pytest.fixture
def editor_client(client):
    editor = UserFactory(username="review-editor")
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    return client


def review(article) -> str:
    return reverse("admin:articles_article_extract", args=[article.pk])


def as_posted(article) -> dict:
    """What the browser sends untouched: every box ticked, every field as prefilled."""
    data = {"keep": []}
    for proposal in article_extract(article).proposals:
        data["keep"].append(proposal.key)
        form = proposal_form(proposal, "ar")
        for name in form.fields:
            value = form[name].value()
            data[form.add_prefix(name)] = "" if value is None else value
    return data


def test_a_corrected_event_is_created_as_corrected_with_its_other_languages(editor_client):
    article = Article.objects.create(title="منتدى", text=TEXT)
    (event,) = article_extract(article).of_kind("event")
    page = editor_client.get(review(article)).content.decode()
    assert f'name="{event.key}-title_ar"' in page and f'name="{event.key}-start_date"' in page

    response = editor_client.post(
        review(article),
        {
            **as_posted(article),
            f"{event.key}-title_ar": "المنتدى الدولي الثاني للكيمياء",
            f"{event.key}-title_fr": "Forum international de la chimie",
            f"{event.key}-kind": "conference",
            f"{event.key}-start_date": "2024-05-15",
            f"{event.key}-end_date": "2024-05-17",
            f"{event.key}-role_0": "host",
        },
    )
    assert response.status_code == 302
    created = Event.objects.get()
    assert (created.title_ar, created.title_fr) == (
        "المنتدى الدولي الثاني للكيمياء",
        "Forum international de la chimie",
    )
    assert created.kind == "conference" and str(created.end_date) == "2024-05-17"
    assert created.event_organizations.filter(role="host").exists()
    article.refresh_from_db()
    assert article.ingested_at is not None
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(reverse("admin:events_event_change", args=[created.pk]) in m for m in messages)


def test_an_invalid_correction_changes_nothing_and_says_why(editor_client):
    article = Article.objects.create(title="منتدى", text=TEXT)
    (event,) = article_extract(article).of_kind("event")
    response = editor_client.post(
        review(article),
        {
            **as_posted(article),
            f"{event.key}-start_date": "2024-05-16",
            f"{event.key}-end_date": "2024-05-15",
        },
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 200
    assert "cannot end before it starts" in response.content.decode()
    assert not Event.objects.exists()
    article.refresh_from_db()
    assert article.ingested_at is None


def undated_forum(status):
    """The portal's record of the forum, from an announcement that gave no date."""
    article = Article.objects.create(title="إعلان", text=TEXT)
    (proposal,) = article_extract(article).of_kind("event")
    article.delete()
    return EventFactory(
        title=proposal.data["title"],
        title_fr="",
        kind=proposal.data["kind"],
        edition=proposal.data["edition"],
        start_date=None,
        end_date=None,
        commune=Commune.objects.filter(name_ar=proposal.data["city"]).first(),
        status=status,
    )


@pytest.mark.parametrize(
    ("role", "status", "applied"),
    [
        (EDITORS, Status.DRAFT, True),
        (EDITORS, Status.PUBLISHED, False),
        (PUBLISHERS, Status.PUBLISHED, True),
    ],
)
def test_facts_an_attached_article_adds_are_suggested_and_applied_one_by_one(
    client, role, status, applied
):
    forum = undated_forum(status)
    user = UserFactory(username=f"suggest-{role}-{status}")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    article = Article.objects.create(title="منتدى", text=TEXT)
    (event,) = article_extract(article).of_kind("event")
    assert event.match.pk == forum.pk
    assert {s.field for s in event.suggestions} >= {"start_date", "end_date"}
    assert (
        "What this article adds"
        in client.get(review(article), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    )

    client.post(review(article), {**as_posted(article), "suggest": [f"{event.key}:start_date"]})
    forum.refresh_from_db()
    assert Event.objects.count() == 1
    assert (str(forum.start_date) == "2024-05-15") is applied
    assert forum.end_date is None  # not accepted
    versions = Version.objects.get_for_object(forum)
    assert versions.exists() is applied
