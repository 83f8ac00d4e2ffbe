"""Issue 13, the editor matrix: every admin add, change and delete route of every model
registered in the admin that is a public record or a relation of one (found from
`admin.site._registry` and the models' fields, so a model added later is covered).

As an editor, each route is tried on rows that belong to approved records: their own fields
and inline rows changed, copies of them added, drafts' rows re-pointed at approved records,
rows deleted one by one and in bulk. The public pages of the approved records must stay
byte for byte the same (nothing goes live unreviewed), and no answer may be a 5xx."""

import re
from collections import deque

import pytest
from django import forms
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import reverse

from alerts.models import Subscription
from articles.models import Article, Mention
from editorial.groups import EDITORS
from editorial.models import Publishable, Status
from events.models import EventOrganization, Participation
from organizations.models import Organization, Position
from registrations.models import OutgoingEmail, RegistrationEmail
from taxonomy.models import Sector
from tests.registrations.factories import RegistrationFactory

from ..admin_forms import form_data
from .conftest import make_record

pytestmark = pytest.mark.django_db

MARK = "✎ تغيير"
EVIL_URL = "https://evil.example/bypass"
HOPS = 2  # a record's rows, and the rows of those (an article behind a mention)


# -- which models -----------------------------------------------------------------------------
def _relations(model) -> set:
    """The models `model` points at or is pointed at from (a generic relation: any model)."""
    related = set()
    for field in model._meta.get_fields(include_hidden=True):
        if isinstance(field, GenericForeignKey):
            related |= {m for m in admin.site._registry if issubclass(m, Publishable)}
        elif field.is_relation and field.related_model is not None:
            related.add(field.related_model)
    return related


def models_under_review() -> list:
    """Registered models at most HOPS relations away from a public (Publishable) model."""
    registered = list(admin.site._registry)
    distance = {m: 0 for m in registered if issubclass(m, Publishable)}
    queue = deque(distance)
    while queue:
        model = queue.popleft()
        if distance[model] == HOPS:
            continue
        neighbours = _relations(model) | {m for m in registered if model in _relations(m)}
        for neighbour in neighbours:
            if neighbour not in distance:
                distance[neighbour] = distance[model] + 1
                queue.append(neighbour)
    return sorted((m for m in distance if m in admin.site._registry), key=lambda m: m._meta.label)


MODELS = models_under_review()


def test_the_matrix_covers_the_public_models_and_their_relations():
    labels = {m._meta.label for m in MODELS}
    assert {
        "events.Event",
        "events.Agreement",
        "organizations.Organization",
        "organizations.Person",
        "organizations.Position",
        "articles.Mention",
        "articles.Article",
        "registrations.Registration",
        "taxonomy.Sector",
        "taxonomy.Commune",
    } <= labels


# -- the records and their rows ---------------------------------------------------------------
def records(status, author, article, suffix):
    """An event, an organisation, a person and an agreement in `status`, joined by every kind
    of relation: roles, participations, positions, parties, sectors, sources."""
    event = make_record("event", status, created_by=author)
    org = make_record("organization", status, created_by=author)
    person = make_record("person", status, created_by=author)
    agreement = make_record("agreement", status, created_by=author, signing_event=event)
    agreement.parties.add(org)
    event.sectors.add(Sector.objects.order_by("pk").first())
    EventOrganization.objects.create(event=event, organization=org, role="organizer")
    Participation.objects.create(event=event, person=person, organization=org, title_ar="متدخل")
    Position.objects.create(person=person, organization=org, title_ar=f"مدير {suffix}")
    Position.objects.create(person=person, title_ar=f"وزير {suffix}")
    for start, record in enumerate((event, org, person, agreement)):
        Mention.objects.create(
            article=article,
            content_type=ContentType.objects.get_for_model(record),
            object_id=record.pk,
            start=start,
            end=start + 3,
            quote=f"اقتباس {suffix} {start}",
        )
    registration = RegistrationFactory(event=event)
    OutgoingEmail.objects.create(
        registration=registration, kind=RegistrationEmail.CONFIRMED, site_url="https://x.example"
    )
    Subscription.objects.create(email=f"{suffix}@example.com", organization=org)
    return {type(r): r for r in (event, org, person, agreement)}


@pytest.fixture
def world(users):
    author = get_user_model().objects.create_user(username="author", is_staff=True)
    author.groups.add(Group.objects.get(name=EDITORS))
    source = Article.objects.create(
        title="مقال المصدر", outlet="هسبريس", url="https://source.example/1", text="نص " * 50
    )
    draft_source = Article.objects.create(title="مقال مسودة", outlet="اليوم 24", text="نص " * 50)
    return {
        "published": records(Status.PUBLISHED, author, source, "عام"),
        "drafts": records(Status.DRAFT, author, draft_source, "مسودة"),
    }


def _neighbours(obj):
    """The rows `obj` is joined to: forward and reverse relations, and generic ones."""
    found = []
    for field in obj._meta.get_fields(include_hidden=True):
        if isinstance(field, GenericForeignKey):
            found.append(getattr(obj, field.name))
        elif not field.is_relation or field.related_model is None:
            continue
        elif field.many_to_many and not field.auto_created:
            found += list(getattr(obj, field.name).all()[:20])
        elif field.auto_created and not field.concrete:  # reverse relation
            accessor = field.get_accessor_name()
            if not accessor or accessor.endswith("+"):
                continue
            value = getattr(obj, accessor, None)
            if field.one_to_one:
                found.append(value)
            elif value is not None:
                found += list(value.all()[:20])
        elif field.concrete:
            found.append(getattr(obj, field.name, None))
    for model in admin.site._registry:  # rows pointing at obj through a generic relation
        for field in model._meta.private_fields:
            if isinstance(field, GenericForeignKey):
                content_type = ContentType.objects.get_for_model(obj)
                found += list(
                    model._default_manager.filter(
                        **{field.ct_field: content_type, field.fk_field: obj.pk}
                    )[:20]
                )
    return [row for row in found if row is not None]


def rows_of(model, roots):
    """The rows of `model` nearest to the `roots` records (the records themselves first)."""
    seen = {(type(r), r.pk) for r in roots}
    layer, rows = list(roots), [r for r in roots if type(r) is model]
    for _hop in range(HOPS):
        if rows:
            break
        following = []
        for obj in layer:
            for row in _neighbours(obj):
                if (type(row), row.pk) not in seen:
                    seen.add((type(row), row.pk))
                    following.append(row)
        layer = following
        rows = [row for row in layer if type(row) is model]
    return rows[:2]


# -- the public pages -------------------------------------------------------------------------
def _normal(html: str) -> str:
    html = re.sub(r'nonce="[^"]*"', "", html)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def public_pages(world) -> dict:
    """Every approved record's public page as a visitor gets it (no page cache between),
    at its current address (a changed slug moves it)."""
    cache.clear()
    visitor = Client()
    pages = {}
    for record in world["published"].values():
        current = type(record)._default_manager.filter(pk=record.pk).first()
        url = current.get_absolute_url() if current else record.get_absolute_url()
        response = visitor.get(url)
        pages[(record._meta.label, record.pk)] = (
            url,
            response.status_code,
            _normal(response.content.decode()),
        )
    return pages


# -- posting the admin's forms as a browser would ---------------------------------------------
def _fields(response):
    """(posted name, form field, form) of the main form and of every inline form; a
    generic relation's id is left out (it is not a number to change)."""
    forms_ = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms_ += inline.formset.forms
    found = []
    for form in forms_:
        generic_ids = {
            field.fk_field
            for field in form._meta.model._meta.private_fields
            if isinstance(field, GenericForeignKey)
        }
        found += [
            (form.add_prefix(name), field, form)
            for name, field in form.fields.items()
            if name not in generic_ids
        ]
    return found


def _marked(field, value, bump):
    """A visible change of one value (None: leave it); numbers move by `bump`."""
    unmarked = (forms.ModelChoiceField, forms.ChoiceField, forms.BooleanField, forms.JSONField)
    if isinstance(field, unmarked):
        return None
    if isinstance(field.widget, forms.HiddenInput) or value in (None, ""):
        return None
    if isinstance(field, forms.URLField):
        return EVIL_URL
    if isinstance(field, forms.SlugField):
        return f"{value}-x"
    if isinstance(field, forms.EmailField):
        return None
    if isinstance(field, forms.IntegerField):
        return int(value) + bump
    if isinstance(field, forms.CharField):
        return f"{value} {MARK}"
    return None


def changed_data(response, bump=1) -> dict:
    """The change form posted back with every text changed (inline rows' too)."""
    data = form_data(response)
    for name, field, _form in _fields(response):
        if name in data:
            value = _marked(field, data[name], bump)
            if value is not None:
                data[name] = value
    return data


def repointed_data(response, world) -> dict:
    """The change form posted back with every link to a record, and every generic link,
    pointing at the approved records instead."""
    published = world["published"]
    data = form_data(response)
    for name, field, _form in _fields(response):
        if not isinstance(field, forms.ModelChoiceField):
            continue
        target = published.get(field.queryset.model)
        if target is None:
            continue
        if isinstance(field, forms.ModelMultipleChoiceField):
            data[name] = [str(target.pk)]
        else:
            data[name] = str(target.pk)
    forms_seen = {id(form): form for _name, _field, form in _fields(response)}
    forms_seen[id(response.context["adminform"].form)] = response.context["adminform"].form
    person = next(r for model, r in published.items() if model._meta.model_name == "person")
    for form in forms_seen.values():
        for gfk in form._meta.model._meta.private_fields:
            if isinstance(gfk, GenericForeignKey) and gfk.ct_field in form.fields:
                ct_name = form.add_prefix(gfk.ct_field)
                data[ct_name] = str(ContentType.objects.get_for_model(person).pk)
                data[form.add_prefix(gfk.fk_field)] = str(person.pk)
    return data


def as_new(response, data) -> dict:
    """Change-form data turned into an add form's: no ids, no inline rows' parent."""
    data = {k: v for k, v in data.items() if k != "loaded_version"}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        data[formset.management_form.add_prefix("INITIAL_FORMS")] = "0"
        fk = getattr(formset, "fk", None)
        for form in formset.forms:
            data.pop(form.add_prefix("id"), None)
            if fk is not None:
                data.pop(form.add_prefix(fk.name), None)
    return data


def admin_url(model, name, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{name}", args=args)


def attempts(model, world, superuser):
    """(what, method, url, data) of every route an editor may try on `model`'s rows."""
    tried = []
    for row in rows_of(model, list(world["published"].values())):
        change = admin_url(model, "change", row.pk)
        form = superuser.get(change)
        if form.status_code == 200 and "adminform" in (form.context or {}):
            tried.append(("change", "post", change, changed_data(form)))
            copy = as_new(form, changed_data(form, bump=7))  # not the changed row's span
            tried.append(("add a copy", "post", admin_url(model, "add"), copy))
        tried.append(("delete", "post", admin_url(model, "delete", row.pk), {"post": "yes"}))
        tried.append(
            (
                "delete in bulk",
                "post",
                admin_url(model, "changelist"),
                {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
            )
        )
    for row in rows_of(model, list(world["drafts"].values())):
        change = admin_url(model, "change", row.pk)
        form = superuser.get(change)
        if form.status_code == 200 and "adminform" in (form.context or {}):
            data = repointed_data(form, world)
            tried.append(("re-point", "post", change, data))
            tried.append(("add re-pointed", "post", admin_url(model, "add"), as_new(form, data)))
    return tried


@pytest.fixture
def superuser(users):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(users["superuser"])
    return client


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label)
def test_editors_change_nothing_visitors_see(client, editor, superuser, world, model):
    tried = attempts(model, world, superuser)
    assert tried, f"no row of {model._meta.label} found next to the approved records"
    client.force_login(editor)
    for what, method, url, data in tried:
        with transaction.atomic():  # each attempt on the same records
            before = public_pages(world)
            response = getattr(client, method)(url, data)
            where = f"{model._meta.label}: {what} ({url})"
            assert response.status_code < 500, where
            assert public_pages(world) == before, where
            transaction.set_rollback(True)


def test_the_matrix_sees_a_publishers_changes(superuser, world):
    """The same attempts by a superuser do change the pages: the matrix is not blind."""
    changed = set()
    for model in MODELS:
        for what, method, url, data in attempts(model, world, superuser):
            if what.startswith("delete"):
                continue
            with transaction.atomic():  # each attempt on the same records
                before = public_pages(world)
                response = getattr(superuser, method)(url, data)
                assert response.status_code < 500, url
                if public_pages(world) != before:
                    changed.add((model._meta.label, what))
                transaction.set_rollback(True)
    assert {
        ("events.Event", "change"),
        ("organizations.Organization", "change"),
        ("organizations.Person", "change"),
        ("events.Agreement", "change"),
        ("organizations.Position", "change"),
        ("organizations.Position", "add a copy"),
        ("organizations.Position", "re-point"),
        ("articles.Mention", "change"),
        ("articles.Mention", "add a copy"),
        ("articles.Mention", "re-point"),
        ("articles.Article", "change"),
        ("taxonomy.Sector", "change"),
    } <= changed, changed


def test_editors_may_still_link_drafts_to_approved_records(client, editor, superuser, world):
    """The guard is no wall: a draft's rows may point at approved records (they show
    nowhere until the draft is approved)."""
    client.force_login(editor)
    position = Position.objects.filter(person__status=Status.DRAFT, organization__isnull=False)[0]
    url = admin_url(Position, "change", position.pk)
    data = repointed_data(superuser.get(url), world) | {"person": position.person_id}
    assert client.post(url, data).status_code == 302
    position.refresh_from_db()
    assert position.organization == world["published"][Organization]
