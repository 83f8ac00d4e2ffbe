"""Merging records found to be one: everything moves to the survivor, nothing is lost, the
others leave the public site and redirect, the merge is logged and can be undone."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import translation
from reversion.models import Version

from articles.facts import fact_reports_record
from articles.models import FactReport, Mention
from editorial import transitions
from editorial.merge import (
    MergeError,
    MergeForbidden,
    merge_moves,
    merge_plan,
    records_merge,
)
from editorial.models import Publishable, Status, Transition
from editorial.revisions import field_label
from events.models import Agreement, Event, EventKind, EventOrganization, Participation
from organizations.models import Organization, Person, Position
from portal.search import search_all
from registrations.models import Registration
from taxonomy.models import Commune, Region, Sector
from tests.articles.factories import ArticleFactory
from tests.events.factories import AgreementFactory, EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory
from tests.registrations.factories import RegistrationFactory

from .conftest import make_record


def label(name: str) -> str:
    """An event field's label as the merge page and the history show it ("Venue (French)")."""
    return field_label(Event._meta.get_field(name))


pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def mention(record, article=None, start=0, end=10):
    article = article or ArticleFactory()
    return Mention.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        start=start,
        end=end,
        quote=article.text[start:end],
    )


def mentions_of(record):
    return Mention.objects.filter(
        content_type=ContentType.objects.get_for_model(record), object_id=record.pk
    )


def changelist_url(model=Event):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def bulk_versions(*records):
    return {f"_version_{r.pk}": transitions.record_version(r) for r in records}


@pytest.fixture
def two_forums():
    """The same forum recorded twice, each record with its own sources and relations."""
    with translation.override("ar"):
        kept = make_record("event", Status.PUBLISHED, title="منتدى الطاقة", title_en="")
        kept.summary_fr = "Résumé gardé"
        kept.save()
        dup = make_record(
            "event",
            Status.PUBLISHED,
            title="منتدى الطاقة بالرباط",
            title_en="Energy forum",
            summary_fr="Résumé de l'autre",
            summary_en="The other's summary",
        )
    kept.sectors.set(Sector.objects.filter(slug="chemistry"))
    dup.sectors.set(Sector.objects.filter(slug__in=["chemistry", "energy-storage"]))
    federation, ministry = OrganizationFactory(), OrganizationFactory()
    EventOrganization.objects.create(event=kept, organization=federation, role="organizer")
    EventOrganization.objects.create(event=dup, organization=federation, role="organizer")
    EventOrganization.objects.create(event=dup, organization=ministry, role="partner")
    minister, engineer = PersonFactory(), PersonFactory()
    Participation.objects.create(event=kept, person=minister)
    Participation.objects.create(
        event=dup, person=minister, title_ar="وزير الصناعة", organization=ministry
    )
    Participation.objects.create(event=dup, person=engineer)
    agreement = AgreementFactory(signing_event=dup)
    shared = ArticleFactory()
    mention(kept, shared)
    mention(dup, shared)  # the same span: one source, not two
    mention(dup, ArticleFactory(), 5, 15)
    return (
        kept,
        dup,
        {
            "federation": federation,
            "ministry": ministry,
            "minister": minister,
            "engineer": engineer,
            "agreement": agreement,
        },
    )


# -- the service ---------------------------------------------------------------------------
def test_an_event_merge_keeps_every_source_and_relation(two_forums, publisher):
    kept, dup, rel = two_forums
    result = records_merge(survivor=kept, others=[dup], user=publisher)

    kept.refresh_from_db()
    dup.refresh_from_db()
    assert dup.replaced_by == kept and not dup.is_public and kept.is_public
    assert list(Event.objects.public().filter(pk__in=[kept.pk, dup.pk])) == [kept]
    # Sources: every article, each span once.
    assert mentions_of(kept).count() == 2 and not mentions_of(dup).exists()
    assert mentions_of(kept).values("article").distinct().count() == 2
    # Organisations by role, without duplicates.
    assert set(kept.event_organizations.values_list("organization", "role")) == {
        (rel["federation"].pk, "organizer"),
        (rel["ministry"].pk, "partner"),
    }
    assert not dup.event_organizations.exists()
    # People: the minister once, with what the other record knew of him.
    minister = kept.participations.get(person=rel["minister"])
    assert minister.title_ar == "وزير الصناعة" and minister.organization == rel["ministry"]
    assert set(kept.participations.values_list("person", flat=True)) == {
        rel["minister"].pk,
        rel["engineer"].pk,
    }
    rel["agreement"].refresh_from_db()
    assert rel["agreement"].signing_event == kept
    assert set(kept.sectors.values_list("slug", flat=True)) == {"chemistry", "energy-storage"}
    # Translations it lacked come from the other; what it had stays.
    assert kept.title_en == "Energy forum"
    assert kept.summary_fr == "Résumé gardé" and kept.summary_en == "The other's summary"
    assert result.moved  # reported for the message and the log


def test_what_the_sources_reported_follows_the_merge(two_forums, publisher):
    """Each article's reports go to the survivor; one article that reported the fact of both
    records keeps its report on the survivor."""
    kept, dup, _rel = two_forums
    shared, other = ArticleFactory(), ArticleFactory()
    day = datetime.date(2026, 5, 14)
    fact_reports_record(article=shared, record=kept, values={"dates": (day, day)})
    later = day + datetime.timedelta(days=1)
    fact_reports_record(article=shared, record=dup, values={"dates": (later, None), "edition": 2})
    fact_reports_record(article=other, record=dup, values={"edition": 3})
    records_merge(survivor=kept, others=[dup], user=publisher)
    reports = FactReport.objects.filter(
        content_type=ContentType.objects.get_for_model(Event), object_id__in=[kept.pk, dup.pk]
    )
    assert {(r.object_id, r.article_id, r.fact, str(r.value)) for r in reports} == {
        (kept.pk, shared.pk, "dates", str([day.isoformat()] * 2)),
        (kept.pk, shared.pk, "edition", "2"),
        (kept.pk, other.pk, "edition", "3"),
    }


def test_the_merge_is_logged_and_kept_in_the_history(two_forums, publisher):
    kept, dup, _rel = two_forums
    records_merge(survivor=kept, others=[dup], user=publisher, comment="نفس المنتدى")
    event_type = ContentType.objects.get_for_model(Event)
    logged = Transition.objects.filter(content_type=event_type, object_id=kept.pk).first()
    assert "Merged" in logged.comment and "نفس المنتدى" in logged.comment
    assert logged.user == publisher and logged.from_status == logged.to_status == "published"
    other_log = Transition.objects.filter(content_type=event_type, object_id=dup.pk).first()
    assert "Merged into" in other_log.comment
    # Two revisions: the state before (to undo) and the merge, each with the other record.
    versions = Version.objects.get_for_object(dup).order_by("-pk")
    after, before = versions[0], versions[1]
    assert after.field_dict["replaced_by_id"] == kept.pk
    assert before.field_dict["replaced_by_id"] is None
    assert after.revision.user == publisher and "Merged" in after.revision.comment
    assert "Before merging" in before.revision.comment
    assert Version.objects.get_for_object(kept).filter(revision=after.revision).exists()


def test_restoring_the_revision_before_the_merge_undoes_it(two_forums, publisher):
    kept, dup, rel = two_forums
    organisations_before = set(dup.event_organizations.values_list("organization", "role"))
    records_merge(survivor=kept, others=[dup], user=publisher)
    before = (
        Version.objects.get_for_object(kept)
        .filter(revision__comment__startswith="Before merging")
        .get()
    )
    transitions.revision_restore(record=kept, version=before, user=publisher)

    kept.refresh_from_db()
    dup.refresh_from_db()
    assert dup.replaced_by is None and dup.is_public
    assert set(dup.event_organizations.values_list("organization", "role")) == (
        organisations_before
    )
    assert set(kept.event_organizations.values_list("organization", flat=True)) == {
        rel["federation"].pk
    }
    assert mentions_of(dup).count() == 2 and mentions_of(kept).count() == 1
    assert set(kept.sectors.values_list("slug", flat=True)) == {"chemistry"}
    assert kept.title_en == ""
    assert kept.status == Status.PUBLISHED


def test_the_plan_shows_what_moves_and_warns_about_capacity(two_forums, publisher):
    kept, dup, _rel = two_forums
    kept.capacity = 1
    kept.save()
    RegistrationFactory(event=kept)
    RegistrationFactory(event=dup)
    plan = merge_plan(survivor=kept, others=[dup])
    moves = dict(plan.moves)
    assert moves["registrations"] == 1 and moves["sources (quoted spans)"] == 2
    assert moves["people at the event"] == 2 and moves["agreements signed there"] == 1
    assert ("sectors", 1) in plan.choices
    assert label("title_en") in {fill.label for fill in plan.fills}
    assert any("capacity of 1" in note for note in plan.notes)
    assert not Event.objects.get(pk=dup.pk).replaced_by  # nothing changed


def test_organisations_merge(publisher):
    kept = OrganizationFactory(name_ar="الوكالة", aliases=["AMDIE"])
    dup = OrganizationFactory(name_ar="وكالة التنمية", name_fr="Agence de développement")
    child = OrganizationFactory(parent=dup)
    event = EventFactory()
    EventOrganization.objects.create(event=event, organization=kept, role="organizer")
    EventOrganization.objects.create(event=event, organization=dup, role="organizer")
    EventOrganization.objects.create(event=EventFactory(), organization=dup, role="partner")
    person = PersonFactory()
    position = Position.objects.create(person=person, organization=dup, title_ar="مدير")
    on_behalf = Participation.objects.create(event=event, person=person, organization=dup)
    agreement = AgreementFactory()
    agreement.parties.set([dup, OrganizationFactory()])
    both = AgreementFactory()
    both.parties.set([kept, dup])
    mention(dup)

    records_merge(survivor=kept, others=[dup], user=publisher)

    kept.refresh_from_db()
    assert Organization.objects.get(pk=dup.pk).replaced_by == kept
    assert kept.event_roles.count() == 2 and not dup.event_roles.exists()
    position.refresh_from_db()
    on_behalf.refresh_from_db()
    child.refresh_from_db()
    assert position.organization == kept and on_behalf.organization == kept
    assert child.parent == kept
    assert kept in agreement.parties.all() and dup not in agreement.parties.all()
    assert list(both.parties.all()) == [kept]
    assert mentions_of(kept).count() == 1
    assert "وكالة التنمية" in kept.aliases and "Agence de développement" in kept.aliases
    assert "AMDIE" in kept.aliases
    assert kept.name_fr  # its own name stays


def test_people_merge(publisher):
    kept, dup = PersonFactory(), PersonFactory(bio_fr="Ingénieur")
    event = EventFactory()
    Participation.objects.create(event=event, person=kept)
    Participation.objects.create(event=event, person=dup, title_ar="مدير عام")
    Participation.objects.create(event=EventFactory(), person=dup)
    org = OrganizationFactory()
    Position.objects.create(person=kept, organization=org, title_ar="رئيس")
    Position.objects.create(person=dup, organization=org, title_ar="رئيس")  # the same
    Position.objects.create(person=dup, organization=org, title_ar="عضو")

    records_merge(survivor=kept, others=[dup], user=publisher)

    kept.refresh_from_db()
    assert kept.participations.count() == 2
    assert kept.participations.get(event=event).title_ar == "مدير عام"
    assert sorted(kept.positions.values_list("title_ar", flat=True)) == ["رئيس", "عضو"]
    assert kept.bio_fr == "Ingénieur"


def test_agreements_merge(publisher):
    event = EventFactory()
    kept = AgreementFactory()
    dup = AgreementFactory(signing_event=event, amount_mad=5_000_000)
    later = AgreementFactory(previous=dup)
    party = OrganizationFactory()
    dup.parties.set([party])
    records_merge(survivor=kept, others=[dup], user=publisher)
    kept.refresh_from_db()
    later.refresh_from_db()
    assert list(kept.parties.all()) == [party]
    assert kept.signing_event == event  # an empty relation is filled
    assert later.previous == kept


# -- the record's own facts ----------------------------------------------------------------
FAIR_OPENS, FAIR_CLOSES = datetime.date(2026, 10, 14), datetime.date(2026, 10, 17)


@pytest.fixture
def two_fairs():
    """The same fair recorded twice: each record knows facts the other lacks, and the two
    disagree on a few."""
    with translation.override("ar"):
        kept = EventFactory(
            title="معرض الصناعة",
            title_fr="",
            kind=EventKind.EXHIBITION,
            start_date=FAIR_OPENS,
            end_date=None,
            commune=None,
            summary="ملخص محفوظ",
        )
        dup = EventFactory(
            status=Status.DRAFT,
            published_at=None,
            title="المعرض الدولي للصناعة",
            title_fr="Salon de l'industrie",
            title_en="Industry fair",
            kind=EventKind.FORUM,
            edition=3,
            start_date=FAIR_OPENS + datetime.timedelta(days=1),
            end_date=FAIR_CLOSES,
            venue="مكتب المعارض",
            venue_fr="Office des foires",
            commune=Commune.objects.get(slug="rabat"),
            region=Region.objects.get(slug="casablanca-settat"),
            summary="ملخص آخر",
            summary_fr="Résumé de l'autre",
            body_en="The programme",
        )
    return kept, dup


def test_the_survivor_takes_every_fact_it_lacks_in_every_language(two_fairs, publisher):
    kept, dup = two_fairs
    slug, published_at = kept.slug, kept.published_at
    result = records_merge(survivor=kept, others=[dup], user=publisher)

    kept.refresh_from_db()
    assert (kept.end_date, kept.edition) == (FAIR_CLOSES, 3)
    assert (kept.venue_ar, kept.venue_fr) == ("مكتب المعارض", "Office des foires")
    assert not kept.venue_en  # neither record has it
    assert kept.commune.slug == "rabat" and kept.region.slug == "casablanca-settat"
    assert (kept.title_fr, kept.title_en) == ("Salon de l'industrie", "Industry fair")
    assert (kept.summary_fr, kept.body_en) == ("Résumé de l'autre", "The programme")
    # What it held stays its own, and the workflow is never taken from the other.
    assert (kept.title_ar, kept.summary_ar) == ("معرض الصناعة", "ملخص محفوظ")
    assert (kept.start_date, kept.kind) == (FAIR_OPENS, EventKind.EXHIBITION)
    assert (kept.status, kept.slug, kept.published_at) == (Status.PUBLISHED, slug, published_at)
    assert {fill.label for fill in result.fills} >= {
        label(name)
        for name in ("end_date", "edition", "venue_ar", "venue_fr", "title_fr", "commune")
    }
    assert {conflict.column for conflict in result.conflicts} == {
        "title_ar",
        "kind",
        "start_date",
        "summary_ar",
    }
    # The log says which facts the survivor took over.
    assert "Taken from the others: " in result.transition.comment
    assert label("end_date") in result.transition.comment
    assert label("venue_fr") in result.transition.comment


def test_the_plan_shows_the_facts_the_records_disagree_on_side_by_side(two_fairs):
    kept, dup = two_fairs
    plan = merge_plan(survivor=kept, others=[dup])
    conflicts = {conflict.column: conflict for conflict in plan.conflicts}
    assert set(conflicts) == {"title_ar", "kind", "start_date", "summary_ar"}
    assert conflicts["title_ar"].values == [
        (kept.pk, "معرض الصناعة"),
        (dup.pk, "المعرض الدولي للصناعة"),
    ]
    assert conflicts["title_ar"].label == label("title_ar")
    assert conflicts["kind"].values == [
        (kept.pk, EventKind.EXHIBITION.label),
        (dup.pk, EventKind.FORUM.label),
    ]
    shown_dates = [value for _pk, value in conflicts["start_date"].values]
    assert all("2026" in value for value in shown_dates) and len(set(shown_dates)) == 2
    assert (label("end_date"), str(dup)) in {(f.label, f.source) for f in plan.fills}
    kept.refresh_from_db()
    assert kept.end_date is None  # nothing changed


def test_the_publisher_may_take_the_other_records_value_field_by_field(two_fairs, publisher):
    kept, dup = two_fairs
    result = records_merge(
        survivor=kept,
        others=[dup],
        user=publisher,
        takes={"start_date": dup.pk, "title_ar": kept.pk},
    )
    kept.refresh_from_db()
    assert kept.start_date == dup.start_date  # picked
    assert kept.title_ar == "معرض الصناعة"  # its own, picked explicitly
    assert kept.summary_ar == "ملخص محفوظ"  # not picked: its own
    assert (label("start_date"), str(dup)) in {(f.label, f.source) for f in result.fills}


@pytest.mark.parametrize(
    "takes", [{"slug": "other"}, {"start_date": "stranger"}, {"no_such_field": "other"}]
)
def test_a_pick_outside_these_records_facts_changes_nothing(two_fairs, publisher, takes):
    kept, dup = two_fairs
    stranger = make_record("event", Status.PUBLISHED)
    pks = {"other": dup.pk, "stranger": stranger.pk}
    with pytest.raises(MergeError):
        records_merge(
            survivor=kept,
            others=[dup],
            user=publisher,
            takes={column: pks[who] for column, who in takes.items()},
        )
    kept.refresh_from_db()
    dup.refresh_from_db()
    assert dup.replaced_by is None and kept.end_date is None and kept.slug != dup.slug


def test_restoring_the_revision_before_the_merge_restores_the_survivors_facts(two_fairs, publisher):
    kept, dup = two_fairs
    records_merge(survivor=kept, others=[dup], user=publisher, takes={"start_date": dup.pk})
    before = (
        Version.objects.get_for_object(kept)
        .filter(revision__comment__startswith="Before merging")
        .get()
    )
    transitions.revision_restore(record=kept, version=before, user=publisher)

    kept.refresh_from_db()
    assert (kept.start_date, kept.end_date, kept.edition) == (FAIR_OPENS, None, None)
    assert not any((kept.venue_ar, kept.venue_fr, kept.title_fr, kept.title_en, kept.summary_fr))
    assert kept.commune is None and kept.region is None
    dup.refresh_from_db()
    assert dup.replaced_by is None and dup.venue_fr == "Office des foires"


def test_facts_that_do_not_fit_together_are_refused_until_the_publisher_picks(two_fairs, publisher):
    kept, dup = two_fairs
    # The other record ends before the kept one starts: its end date alone cannot be taken.
    Event.objects.filter(pk=kept.pk).update(start_date=FAIR_CLOSES + datetime.timedelta(days=1))
    kept.refresh_from_db()
    assert any(
        "cannot end before it starts" in n for n in merge_plan(survivor=kept, others=[dup]).notes
    )
    with pytest.raises(MergeError, match="cannot end before it starts"):
        records_merge(survivor=kept, others=[dup], user=publisher)
    dup.refresh_from_db()
    assert dup.replaced_by is None
    assert (
        not Version.objects.get_for_object(kept)
        .filter(revision__comment__startswith="Before merging")
        .exists()
    )

    records_merge(survivor=kept, others=[dup], user=publisher, takes={"start_date": dup.pk})
    kept.refresh_from_db()
    assert (kept.start_date, kept.end_date) == (dup.start_date, FAIR_CLOSES)


def test_organisations_and_agreements_take_the_facts_they_lack(publisher):
    kept = OrganizationFactory(acronym="", website="", aliases=["الوكالة"])
    dup = OrganizationFactory(
        acronym="AMDIE",
        website="https://www.amdie.gov.ma",
        description_fr="Agence de développement",
        aliases=["وكالة الاستثمار"],
    )
    # Aliases are united by the merge (organizations.merge): never a disagreement.
    assert "aliases" not in {c.column for c in merge_plan(survivor=kept, others=[dup]).conflicts}
    records_merge(survivor=kept, others=[dup], user=publisher)
    kept.refresh_from_db()
    assert (kept.acronym, kept.website) == ("AMDIE", "https://www.amdie.gov.ma")
    assert kept.description_fr == "Agence de développement"

    earlier = AgreementFactory()
    signed = datetime.date(2025, 3, 1)
    kept_agreement = AgreementFactory(signed_on=signed)
    dup_agreement = AgreementFactory(
        signed_on=datetime.date(2025, 3, 2),
        amount_mad=120_000_000,
        period_start=2025,
        period_end=2030,
        previous=earlier,
    )
    result = records_merge(survivor=kept_agreement, others=[dup_agreement], user=publisher)
    kept_agreement.refresh_from_db()
    assert kept_agreement.amount_mad == 120_000_000
    assert (kept_agreement.period_start, kept_agreement.period_end) == (2025, 2030)
    assert kept_agreement.signed_on == signed
    assert "signed_on" in {conflict.column for conflict in result.conflicts}
    assert kept_agreement.previous is None  # a link to a record of its kind is not taken


def test_the_merge_page_shows_differing_values_and_takes_the_publishers_pick(
    client, two_fairs, publisher
):
    kept, dup = two_fairs
    client.force_login(publisher)
    data = {
        "action": "merge_selected",
        "_selected_action": [kept.pk, dup.pk],
        "survivor": kept.pk,
        **bulk_versions(kept, dup),
    }
    html = client.post(changelist_url(), {**data, "refresh": "1"}).content.decode()
    assert "Facts the records disagree on" in html
    assert "معرض الصناعة" in html and "المعرض الدولي للصناعة" in html
    assert f'name="take_start_date" value="{kept.pk}" id="take-start_date-{kept.pk}" checked' in (
        html
    )
    assert f'name="take_start_date" value="{dup.pk}" id="take-start_date-{dup.pk}">' in html
    assert 'name="take_end_date"' not in html  # filled, not a disagreement

    # A pick stays checked when the page is shown again.
    html = client.post(
        changelist_url(), {**data, "refresh": "1", "take_start_date": dup.pk}
    ).content.decode()
    assert f'value="{dup.pk}" id="take-start_date-{dup.pk}" checked' in html

    response = client.post(
        changelist_url(), {**data, "confirm": "1", "take_start_date": "x"}, follow=True
    )
    assert any("do not belong" in str(m) for m in response.context["messages"])
    assert Event.objects.get(pk=dup.pk).replaced_by is None

    response = client.post(changelist_url(), {**data, "confirm": "1", "take_start_date": dup.pk})
    assert response.status_code == 302
    kept.refresh_from_db()
    assert kept.start_date == dup.start_date and kept.end_date == FAIR_CLOSES


def test_three_records_merge_at_once(publisher):
    kept, *others = [OrganizationFactory() for _ in range(3)]
    records_merge(survivor=kept, others=others, user=publisher)
    assert set(Organization.objects.filter(replaced_by=kept)) == set(others)


def test_every_relation_of_a_record_has_a_declared_move():
    """A relation added to a record model must say what a merge does with its rows."""
    covered = {
        (move.model, move.field)
        for model in (Event, Agreement, Organization, Person)
        for move in merge_moves(model)
        if hasattr(move, "field")
    }
    for model in (Event, Agreement, Organization, Person):
        for relation in model._meta.get_fields(include_hidden=True):
            if not relation.auto_created or relation.concrete:
                continue
            if relation.related_model._meta.app_label in ("auth", "admin", "reversion"):
                continue
            field = relation.field
            if field.model._meta.auto_created:  # a many-to-many table: its field's choices
                continue
            if field.many_to_many and not field.remote_field.through._meta.auto_created:
                continue  # rows of a through model (an event's organisations): their own FK
            if field.name in ("replaced_by", "created_by", "updated_by"):
                continue
            assert (field.model, field.name) in covered or field.model is Registration, (
                model,
                field,
            )
    assert any(type(move).__name__ == "RegistrationMove" for move in merge_moves(Event))
    assert any(type(move).__name__ == "MentionMove" for move in merge_moves(Publishable))
    assert any(type(move).__name__ == "FactReportMove" for move in merge_moves(Publishable))


# -- refusals ------------------------------------------------------------------------------
def test_editors_cannot_merge(two_forums, editor):
    kept, dup, _rel = two_forums
    with pytest.raises(MergeForbidden):
        records_merge(survivor=kept, others=[dup], user=editor)
    dup.refresh_from_db()
    assert dup.replaced_by is None and mentions_of(dup).count() == 2


def test_impossible_merges_change_nothing(publisher):
    kept, dup, third = (make_record("event", Status.PUBLISHED) for _ in range(3))
    organisation = OrganizationFactory()
    with pytest.raises(MergeError):
        records_merge(survivor=kept, others=[], user=publisher)
    with pytest.raises(MergeError):
        records_merge(survivor=kept, others=[kept], user=publisher)
    with pytest.raises(MergeError):
        records_merge(survivor=kept, others=[organisation], user=publisher)
    with pytest.raises(MergeError):  # the page was stale
        records_merge(
            survivor=kept,
            others=[dup],
            user=publisher,
            expected_versions={kept.pk: "2001-01-01", dup.pk: transitions.record_version(dup)},
        )
    records_merge(survivor=kept, others=[dup], user=publisher)
    with pytest.raises(MergeError):  # merged already
        records_merge(survivor=third, others=[dup], user=publisher)
    with pytest.raises(MergeError):
        records_merge(survivor=dup, others=[third], user=publisher)
    assert Event.objects.filter(replaced_by__isnull=False).count() == 1


# -- the admin -----------------------------------------------------------------------------
def test_publisher_merges_from_the_list_through_a_confirmation(client, two_forums, publisher):
    kept, dup, _rel = two_forums
    client.force_login(publisher)
    data = {"action": "merge_selected", "_selected_action": [kept.pk, dup.pk]}
    response = client.post(changelist_url(), {**data, **bulk_versions(kept, dup)})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Energy forum" in html and 'name="survivor"' in html
    assert "Sources (quoted spans)" in html and "Registrations" not in html
    assert not Event.objects.filter(replaced_by__isnull=False).exists()

    response = client.post(
        changelist_url(),
        {**data, **bulk_versions(kept, dup), "survivor": dup.pk, "confirm": "1"},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:events_event_change", args=[dup.pk])
    kept.refresh_from_db()
    assert kept.replaced_by == dup
    messages = [str(m) for m in client.get(response["Location"]).context["messages"]]
    assert any("1 record was merged" in m for m in messages)
    # The list shows where a merged record went.
    html = client.get(changelist_url()).content.decode()
    assert "Merged into" in html


def test_editors_get_no_merge_action(client, two_forums, editor):
    kept, dup, _rel = two_forums
    client.force_login(editor)
    response = client.get(changelist_url())
    actions = [value for value, _label in response.context["action_form"].fields["action"].choices]
    assert "merge_selected" not in actions
    response = client.post(
        changelist_url(),
        {
            "action": "merge_selected",
            "_selected_action": [kept.pk, dup.pk],
            "survivor": kept.pk,
            "confirm": "1",
            **bulk_versions(kept, dup),
        },
        follow=True,
    )
    assert response.status_code == 200
    assert any("No action selected" in str(m) for m in response.context["messages"])
    dup.refresh_from_db()
    assert dup.replaced_by is None


def test_merge_needs_two_records_from_the_page(client, publisher):
    one, two = make_record("event", Status.DRAFT), make_record("event", Status.DRAFT)
    client.force_login(publisher)
    response = client.post(
        changelist_url(),
        {"action": "merge_selected", "_selected_action": [one.pk], **bulk_versions(one)},
        follow=True,
    )
    assert any("at least two" in str(m) for m in response.context["messages"])
    response = client.post(
        changelist_url(),
        {"action": "merge_selected", "_selected_action": [one.pk, two.pk], **bulk_versions(one)},
        follow=True,
    )
    assert any("not on the page" in str(m) for m in response.context["messages"])


# -- the public site -----------------------------------------------------------------------
@pytest.fixture
def merged_site(publisher):
    """Published records of each kind, each merged into another (events: A → B → C)."""
    with translation.override("ar"):
        a = EventFactory(title_fr="Forum A", start_date=datetime.date(2026, 5, 1), end_date=None)
        b = EventFactory(title_fr="Forum B", start_date=datetime.date(2026, 5, 1), end_date=None)
        c = EventFactory(title_fr="Forum C", start_date=datetime.date(2026, 5, 1), end_date=None)
        org, org_dup = OrganizationFactory(), OrganizationFactory()
        person, person_dup = PersonFactory(), PersonFactory()
        agreement, agreement_dup = AgreementFactory(), AgreementFactory()
    records_merge(survivor=b, others=[a], user=publisher)
    records_merge(survivor=c, others=[b], user=publisher)
    records_merge(survivor=org, others=[org_dup], user=publisher)
    records_merge(survivor=person, others=[person_dup], user=publisher)
    records_merge(survivor=agreement, others=[agreement_dup], user=publisher)
    return {
        "events": (a, b, c),
        "organizations": (org_dup, org),
        "people": (person_dup, person),
        "agreements": (agreement_dup, agreement),
    }


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_old_addresses_answer_301_to_the_survivor_in_every_language(client, merged_site, language):
    a, b, c = merged_site["events"]
    for old in (a, b):  # a chain A → B → C ends at C in one step
        response = client.get(f"/{language}/events/{old.slug}/")
        assert response.status_code == 301
        assert response["Location"] == f"/{language}/events/{c.slug}/"
    response = client.get(f"/{language}/events/{a.slug}/calendar.ics")
    assert response.status_code == 301
    assert response["Location"] == f"/{language}/events/{c.slug}/calendar.ics"
    for section, path in (
        ("organizations", "organizations"),
        ("people", "people"),
        ("agreements", "agreements"),
    ):
        old, survivor = merged_site[section]
        response = client.get(f"/{language}/{path}/{old.slug}/")
        assert response.status_code == 301, section
        assert response["Location"] == f"/{language}/{path}/{survivor.slug}/"
    assert client.get(f"/{language}/events/{c.slug}/").status_code == 200


def test_no_redirect_to_a_survivor_that_is_not_public(client, merged_site, publisher):
    a, _b, c = merged_site["events"]
    transitions.record_send_back(record=c, user=publisher, comment="للمراجعة")
    assert client.get(f"/fr/events/{a.slug}/").status_code == 404
    assert client.get("/fr/events/no-such-event/").status_code == 404


def test_sitemap_feed_and_search_list_only_the_survivor(client, merged_site):
    a, b, c = merged_site["events"]
    locations = [
        loc.text
        for loc in ET.fromstring(client.get("/sitemap-events.xml").content).iter(f"{SITEMAP}loc")
    ]
    assert any(c.slug in loc for loc in locations)
    assert not any(a.slug in loc or b.slug in loc for loc in locations)
    feed = ET.fromstring(client.get("/fr/feeds/events/").content)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert "Forum C" in titles and "Forum A" not in titles and "Forum B" not in titles
    group = next(g for g in search_all("Forum") if g.key == "events")
    assert c in group.results and a not in group.results and b not in group.results
    listing = client.get("/fr/events/").content.decode()
    assert "Forum C" in listing and "Forum A" not in listing


def test_the_registration_form_of_a_merged_event_is_the_survivors(client, merged_site):
    a, _b, c = merged_site["events"]
    response = client.get(f"/fr/events/{a.slug}/register/")
    assert response.status_code == 301
    assert response["Location"] == f"/fr/events/{c.slug}/register/"


def test_a_cached_page_of_a_merged_record_is_not_served_again(client, publisher):
    kept, dup = EventFactory(), EventFactory()
    url = f"/en/events/{dup.slug}/"
    assert client.get(url).status_code == 200
    assert client.get(url)["X-Page-Cache"] == "hit"
    records_merge(survivor=kept, others=[dup], user=publisher)
    response = client.get(url)
    assert response.status_code == 301 and response["Location"] == f"/en/events/{kept.slug}/"


@pytest.mark.parametrize("model", [Event, Agreement, Organization, Person])
def test_every_record_admin_offers_the_merge(client, publisher, model):
    kind = {Event: "event", Agreement: "agreement", Organization: "organization"}.get(
        model, "person"
    )
    records = [make_record(kind, Status.PUBLISHED) for _ in range(2)]
    mention(records[1])
    client.force_login(publisher)
    response = client.post(
        changelist_url(model),
        {
            "action": "merge_selected",
            "_selected_action": [r.pk for r in records],
            **bulk_versions(*records),
        },
    )
    assert response.status_code == 200
    assert "Sources (quoted spans)" in response.content.decode()


def test_later_articles_find_the_survivor_by_a_merged_name(publisher):
    from extraction.matching import RecordIndex

    kept = OrganizationFactory(name_ar="الوكالة المغربية لتنمية الاستثمارات")
    dup = OrganizationFactory(name_ar="وكالة تنمية الاستثمارات والصادرات")
    records_merge(survivor=kept, others=[dup], user=publisher)
    index = RecordIndex.organizations()
    assert dup.pk not in index.rows
    found = index.find(["وكالة تنمية الاستثمارات والصادرات"])
    assert found is not None and found.pk == kept.pk
