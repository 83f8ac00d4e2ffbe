"""No draft, record in review, archived or scheduled record appears anywhere public."""

import datetime

import pytest
from django.utils import timezone

from editorial.models import Status
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory

MARK = "مخفيxyz"


@pytest.fixture
def hidden(db):
    later = timezone.now() + datetime.timedelta(days=1)
    records = []
    for status, publish_at in [
        (Status.DRAFT, None),
        (Status.REVIEW, None),
        (Status.ARCHIVED, None),
        (Status.PUBLISHED, later),
    ]:
        extra = {"status": status, "publish_at": publish_at}
        records += [
            EventFactory(title=f"{MARK} حدث", title_fr=f"{MARK} event", **extra),
            OrganizationFactory(name=f"{MARK} منظمة", name_fr=f"{MARK} org", **extra),
            PersonFactory(name=f"{MARK} شخص", name_fr=f"{MARK} person", **extra),
            AgreementFactory(title=f"{MARK} اتفاقية", title_fr=f"{MARK} agr", **extra),
        ]
    return records


@pytest.mark.parametrize(
    "url",
    [
        "/ar/",
        "/fr/",
        "/ar/events/",
        "/ar/events/?when=upcoming",
        "/ar/organizations/",
        "/ar/agreements/",
        "/ar/feeds/events/",
        "/ar/feeds/events/rss/",
        "/sitemap-events.xml",
        "/sitemap-organizations.xml",
        "/sitemap-people.xml",
        "/sitemap-agreements.xml",
    ],
)
def test_hidden_records_never_leak(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200
    assert MARK not in response.content.decode()
    for record in hidden:
        assert record.slug not in response.content.decode()


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_hidden_records_are_never_found(client, hidden, lang):
    response = client.get(f"/{lang}/search/", {"q": MARK})
    assert response.context["total"] == 0
    assert client.get(f"/{lang}/events/", {"q": MARK}).context["page_obj"].paginator.count == 0


def test_hidden_records_have_no_page(client, hidden):
    for record in hidden:
        assert client.get(record.get_absolute_url()).status_code == 404
