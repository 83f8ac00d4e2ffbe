"""A French article through the admin: added without a language (read from its text),
reviewed, and its kept proposals become drafts with Mentions quoting the article."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from articles.models import Article
from editorial.groups import EDITORS
from editorial.models import Status
from events.models import Event
from extraction.services import article_extract, article_language
from organizations.models import Organization, Person
from tests.editorial.factories import UserFactory

pytestmark = pytest.mark.django_db

TEXT = """Rabat : un atelier sur la cybersécurité industrielle

La Fédération marocaine des industries électriques (FMIE) a organisé, mardi 10 juin 2025 \
à Rabat, un atelier de sensibilisation consacré à la cybersécurité des usines, en \
partenariat avec l'Agence de développement du digital (ADD).

Le président de la FMIE, Hamid Berrada, a appelé les industriels à former leurs techniciens. \
Mme Nora Lahlou, directrice générale de Tech Atlas Systèmes, a présenté un outil d'audit.
"""


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def editor(client):
    user = UserFactory(username="fr-editor")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    return user


def test_the_language_of_a_new_article_is_read_from_its_text():
    assert article_language(TEXT) == "fr"
    assert article_language("انعقد المنتدى الجهوي للصناعة بمدينة فاس يوم الثلاثاء.") == "ar"
    assert article_language("") == "ar"  # nothing to tell from: the portal's default


def test_adding_a_french_article_sets_its_language(client, editor):
    data = {"title": "", "outlet": "Eco Rabat", "url": "", "published_on": "2025-06-12",
            "language": "", "text": TEXT, "mentions-TOTAL_FORMS": "0",
            "mentions-INITIAL_FORMS": "0"}  # fmt: skip
    response = client.post(reverse("admin:articles_article_add"), data)
    assert response.status_code == 302
    article = Article.objects.get(outlet="Eco Rabat")
    assert article.language == "fr" and article.created_by == editor
    data["language"], data["outlet"] = "ar", "Choisi"  # an editor's choice is kept
    client.post(reverse("admin:articles_article_add"), data)
    assert Article.objects.get(outlet="Choisi").language == "ar"


def test_a_french_article_becomes_drafts_with_mentions(client, editor):
    article = Article.objects.create(title=TEXT.splitlines()[0], text=TEXT, language="fr")
    proposals = article_extract(article).proposals
    kinds = {p.kind for p in proposals}
    assert {"organization", "person", "position", "event"} <= kinds
    url = reverse("admin:articles_article_extract", args=[article.pk])
    page = client.get(url).content.decode()
    assert "Hamid Berrada" in page and "<mark>" in page

    response = client.post(url, {"keep": [p.key for p in proposals]})
    assert response.status_code == 302
    # A French article's names are French: they go to the French fields, for an editor to
    # add the Arabic ones.
    federation = Organization.objects.get(name_fr="Fédération marocaine des industries électriques")
    assert not federation.name_ar
    person = Person.objects.get(name_fr="Hamid Berrada")
    assert person.status == Status.DRAFT and person.created_by == editor
    event = Event.objects.get(created_by=editor)
    assert event.kind == "workshop" and event.start_date.isoformat() == "2025-06-10"
    assert event.commune.name_ar == "الرباط"
    mentions = list(article.mentions.all())
    assert len(mentions) >= 4
    for mention in mentions:
        assert mention.quote == article.text[mention.start : mention.end]
    assert any("Hamid Berrada" in m.quote for m in mentions if m.record == person)
