"""An editor's real day, end to end: ingest an Arabic and a French article with new names,
approve every draft, then crawl what visitors and publishers open. Nothing may answer 5xx,
and every new record has an ASCII slug (the `<slug:>` URLs accept nothing else)."""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article
from editorial import transitions
from editorial.groups import EDITORS, PUBLISHERS
from editorial.models import Publishable, Status
from events.models import Agreement, Event
from extraction.services import article_ingest
from organizations.models import Organization, Person

from ..admin_forms import form_data

pytestmark = pytest.mark.django_db

# Two short synthetic articles (written for this test, not press text), with names that
# are in neither the demo data nor the corpus.
ARABIC_ARTICLE = """\
وجدة.. توقيع اتفاقية شراكة خلال منتدى الشرق للصناعات الغذائية 2026

وقع المركز الجهوي للاستثمار لجهة الشرق وشركة "زيتون الشرق للتصنيع" وجامعة محمد الأول، \
يوم الثلاثاء 10 مارس 2026 بوجدة، اتفاقية شراكة لتكوين الشباب في مهن الصناعات الغذائية، \
وذلك على هامش منتدى الشرق للصناعات الغذائية.

ووقع الاتفاقية كل من مدير المركز الجهوي للاستثمار لجهة الشرق، كريم الزروالي، والمدير العام \
لشركة زيتون الشرق للتصنيع، سليم البركاني، ورئيس جامعة محمد الأول، نادية القاسمي.
"""

FRENCH_ARTICLE = """\
Kénitra : une convention pour les métiers de la mobilité verte

La société Ventilor Mobilité et l'Institut des métiers verts de Kénitra ont signé, le jeudi \
12 mars 2026, une convention de partenariat en marge des Rencontres de la mobilité verte.

La convention a été signée par Mme Leïla Benzekri, directrice de l'Institut, et M. Hamid \
Tazrouti, directeur général de Ventilor Mobilité.
"""

LANGUAGES = ("ar", "fr", "en")
ASCII_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def make_user(username, *, group=None, superuser=False):
    user = get_user_model().objects.create_user(
        username=username, password=None, is_staff=True, is_superuser=superuser
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def admin_add(client, model, values):
    """Create a record through the admin's add form, as an editor types it (slug left blank)."""
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_add")
    data = {**form_data(client.get(url)), **values}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    # the latest: the French article's ingestion may have drafted a record of the same name
    return model.objects.filter(
        **{k: v for k, v in values.items() if k in ("name_ar", "title_ar")}
    ).latest("pk")


def change_url(record):
    meta = record._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_change", args=[record.pk])


def french_records(client):
    """French records an editor types in by hand, beside the ones the extractor drafted."""
    company = admin_add(
        client, Organization, {"name_ar": "Ventilor Mobilité", "kind": "company", "slug": ""}
    )
    institute = admin_add(
        client,
        Organization,
        {
            "name_ar": "Institut des métiers verts de Kénitra",
            "name_fr": "Institut des métiers verts de Kénitra",
            "kind": "other",
        },
    )
    person = admin_add(client, Person, {"name_ar": "Leïla Benzekri"})
    event = admin_add(
        client,
        Event,
        {
            "title_ar": "Rencontres de la mobilité verte",
            "kind": "forum",
            "start_date": "2026-03-12",
            "end_date": "2026-03-12",
        },
    )
    agreement = admin_add(
        client,
        Agreement,
        {
            "title_ar": "Convention de partenariat mobilité verte",
            "kind": "partnership",
            "signed_on": "2026-03-12",
            "parties": [str(company.pk), str(institute.pk)],
            "signing_event": str(event.pk),
        },
    )
    return [company, institute, person, event, agreement]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.hrefs.append(href)


def internal_links(html: str) -> set[str]:
    parser = Links()
    parser.feed(html)
    paths = set()
    for href in parser.hrefs:
        parts = urlsplit(href)
        if parts.netloc in ("", "testserver") and parts.path.startswith(("/ar/", "/fr/", "/en/")):
            paths.add(parts.path + (f"?{parts.query}" if parts.query else ""))
    return paths


def sitemap_locations(xml: str) -> list[str]:
    return [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def test_ingest_approve_and_crawl_without_server_errors(client):
    client.raise_request_exception = False  # a 500 is collected, not raised
    editor = make_user("crawl-editor", group=EDITORS)
    publisher = make_user("crawl-publisher", group=PUBLISHERS)
    superuser = make_user("crawl-admin", superuser=True)

    arabic = Article.objects.create(title="—", text=ARABIC_ARTICLE, outlet="Test")
    french = Article.objects.create(title="—", text=FRENCH_ARTICLE, outlet="Test")
    created = article_ingest(article=arabic, user=editor).created
    created += article_ingest(article=french, user=editor).created
    client.force_login(editor)
    created += french_records(client)
    records = [r for r in created if isinstance(r, Publishable)]
    kinds = {type(r) for r in records}
    assert kinds == {Event, Agreement, Organization, Person}
    assert any(r.name_ar == "كريم الزروالي" for r in records if isinstance(r, Person))

    failures = []

    # Every draft can be saved back unchanged from its admin form (the ingested agreement
    # could not be: its Arabic slug failed the form's validation).
    for record in records:
        url = change_url(record)
        response = client.get(url)
        if response.status_code != 200:
            failures.append(f"GET {url} (editor): {response.status_code}")
            continue
        response = client.post(url, form_data(response))
        if response.status_code != 302:
            errors = response.context["adminform"].form.errors if response.context else ""
            failures.append(f"POST {url} (editor): {response.status_code} {errors}")

    for record in records:
        record.refresh_from_db()
        transitions.record_submit(record=record, user=editor)
        transitions.record_publish(record=record, user=publisher)
        assert record.status == Status.PUBLISHED
    client.logout()

    bad_slugs = [(type(r).__name__, r.slug) for r in records if not ASCII_SLUG.match(r.slug)]
    bare = [(type(r).__name__, r.slug) for r in records if not re.search("[a-z]", r.slug)]

    def get(path, query=None):
        response = client.get(path, query)
        if response.status_code >= 500:
            failures.append(f"GET {path} {query or ''}: {response.status_code}".replace(" :", ":"))
        return response

    names = [getattr(r, "name_ar", None) or r.title_ar for r in records]
    details = []
    for language in LANGUAGES:
        for name in ("home", "events:list", "organizations:list", "events:agreements"):
            get(f"/{language}{reverse(name)[3:]}")
        get(f"/{language}/feeds/events/")
        get(f"/{language}/feeds/events/rss/")
        for query in names:
            get(f"/{language}/search/", {"q": query})
        for record in records:
            try:
                path = record.get_absolute_url()
            except Exception as error:  # a slug the URL converter refuses
                failures.append(f"{type(record).__name__} {record.slug!r}: {error!r}")
                continue
            path = f"/{language}/{path[4:]}"
            details.append(path)
            status = get(path).status_code
            if status not in (200, 500):
                failures.append(f"GET {path}: {status}")
            if isinstance(record, Event):
                get(f"{path}calendar.ics")

    # One step further: every page the new records' pages link to.
    linked = set()
    for path in details:
        response = client.get(path)
        if response.status_code == 200:
            linked |= internal_links(response.content.decode())
    for path in sorted(linked - set(details)):
        get(path)

    index = get("/sitemap.xml")
    sections = sitemap_locations(index.content.decode()) if index.status_code == 200 else []
    assert len(sections) >= 5
    located = set()
    for section in sections:
        response = get(section)
        if response.status_code == 200:
            located |= set(sitemap_locations(response.content.decode()))
    missing = [path for path in details if path not in located]

    client.force_login(superuser)
    for record in records:
        url = change_url(record)
        status = get(url).status_code
        if status not in (200, 500):
            failures.append(f"GET {url} (superuser): {status}")

    assert failures == [], "\n".join(failures)
    assert bad_slugs == [] and bare == []
    assert missing == []
