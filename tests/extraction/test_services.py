"""extraction.services.article_ingest and `manage.py ingest`: proposals become drafts."""

import datetime
import json
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command

from articles.models import Article, FactReport, Mention
from articles.sources import attach_sources
from editorial.groups import PUBLISHERS
from editorial.models import Status
from events.models import Agreement, Event, EventOrganization, Participation
from extraction.services import article_extract, article_ingest, proposals_ingest
from organizations.models import Organization, Person, Position
from tests.editorial.factories import UserFactory
from tests.organizations.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "extraction" / "corpus"
DEMO = Path(__file__).resolve().parents[2] / "extraction" / "demo"
SOLAR = (CORPUS / "102_oriental_cri_solar_plant.txt").read_text("utf-8")  # not in the demo
FAIR = (CORPUS / "105_tanger_automotive_fair.txt").read_text("utf-8")


def article_of(text, **kwargs):
    return Article.objects.create(title=text.strip().splitlines()[0][:500] if text.strip()
                                  else "—", text=text, **kwargs)  # fmt: skip


@pytest.fixture
def editor():
    return UserFactory(username="ingest-editor")


def assert_mentions_quote_the_article(article):
    mentions = list(article.mentions.all())
    assert mentions
    for mention in mentions:
        assert mention.quote == article.text[mention.start : mention.end]
        assert mention.record is not None


def test_everything_becomes_drafts_with_mentions(editor):
    gold = json.loads((CORPUS / "102_oriental_cri_solar_plant.json").read_text("utf-8"))
    article = article_of(SOLAR)
    result = article_ingest(article=article, user=editor)

    kinds = {type(r).__name__ for r in result.created}
    assert {"Event", "Organization", "Person", "Position", "Agreement"} <= kinds
    for record in result.created:
        if hasattr(record, "status"):
            assert record.status == Status.DRAFT
            assert record.created_by == record.updated_by == editor
    event = next(r for r in result.created if isinstance(r, Event))
    assert event.kind == "signing"
    assert event.commune.name_ar == "وجدة" and event.region.slug == "oriental"
    assert event.start_date.isoformat() == gold["events"][0]["start_date"]
    agreement = next(r for r in result.created if isinstance(r, Agreement))
    assert agreement.amount_mad == gold["agreements"][0]["amount_mad"]
    assert agreement.signing_event == event
    assert set(agreement.parties.values_list("name_ar", flat=True)) == {
        "المركز الجهوي للاستثمار لجهة الشرق",
        "أوريون للصناعات المعدنية",
    }
    cri = Organization.objects.get(name_ar="المركز الجهوي للاستثمار لجهة الشرق")
    assert cri.kind == "investment-center" and cri.region.slug == "oriental"
    assert Position.objects.filter(person__name_ar="كريم بنعلي", organization=cri).exists()
    assert Participation.objects.filter(event=event).exists()
    assert EventOrganization.objects.filter(event=event).exists()
    assert_mentions_quote_the_article(article)
    assert (
        article.mentions.count()
        == result.mentions
        == len([r for r in result.created if not isinstance(r, Position)])
    )
    # Nothing of it reaches visitors.
    assert not Event.objects.public().filter(pk=event.pk).exists()
    assert not Organization.objects.public().filter(pk=cri.pk).exists()
    assert not Agreement.objects.public().filter(pk=agreement.pk).exists()


def test_a_second_run_duplicates_nothing(editor):
    article = article_of(FAIR)
    first = article_ingest(article=article, user=editor)
    counts = [m.objects.count() for m in (Event, Organization, Person, Position, Mention)]
    second = article_ingest(article=article, user=editor)
    assert second.created == [] and second.mentions == 0
    publishable = [r for r in first.created if not isinstance(r, Position)]
    assert set(second.linked) == set(publishable + first.linked)
    assert [m.objects.count() for m in (Event, Organization, Person, Position, Mention)] == counts
    # The same text as another article links to the same records, with its own mentions.
    again = article_of(FAIR)
    third = article_ingest(article=again, user=editor)
    assert third.created == [] and third.mentions == again.mentions.count() > 0


def test_existing_records_are_linked_not_duplicated(editor):
    """A seed article naming a federation already published: it is reused, as it is."""
    federation = OrganizationFactory(name="فدرالية الكيمياء وشبه الكيمياء")
    before = federation.updated_at
    text = (DEMO / "000_e78897b692c798fe.txt").read_text("utf-8")
    article = article_of(text, published_on=datetime.date(2024, 3, 13))
    result = article_ingest(article=article, user=editor)

    assert federation in result.linked
    assert Organization.objects.filter(name_ar=federation.name_ar).count() == 1
    federation.refresh_from_db()
    assert federation.status == Status.PUBLISHED and federation.updated_at == before
    # A new source of the approved federation would show on its page at once: not for an
    # editor's accept (issue 13), which reports it; a publisher's accept adds it.
    assert not Mention.objects.for_object(federation).filter(article=article).exists()
    assert any(federation.name_ar in str(message) for message in result.skipped)
    publisher = UserFactory(username="ingest-publisher")
    publisher.groups.add(Group.objects.get(name=PUBLISHERS))
    article_ingest(article=article, user=publisher)
    mention = Mention.objects.for_object(federation).get(article=article)
    assert mention.quote == text[mention.start : mention.end]
    assert all(getattr(r, "status", Status.DRAFT) == Status.DRAFT for r in result.created)
    # Links between two records that are public already are left to an editor.
    public_ids = set(Event.objects.public().values_list("pk", flat=True))
    assert not {r.pk for r in result.created if isinstance(r, Event)} & public_ids


def test_only_the_selection_is_created(editor):
    article = article_of(SOLAR)
    keys = [p.key for p in article_extract(article).proposals]
    org_keys = [k for k in keys if k.startswith("organization:")]
    result = article_ingest(article=article, selection=org_keys[:1], user=editor)
    assert [type(r).__name__ for r in result.created] == ["Organization"]
    assert article.mentions.count() == 1
    assert not Event.objects.filter(title_ar__contains="الألواح الشمسية").exists()


def test_a_matched_proposal_can_be_created_anew(editor):
    OrganizationFactory(name="فدرالية الكيمياء وشبه الكيمياء")
    text = (DEMO / "000_e78897b692c798fe.txt").read_text("utf-8")
    article = article_of(text)
    proposal = next(p for p in article_extract(article).proposals
                    if p.label == "فدرالية الكيمياء وشبه الكيمياء")  # fmt: skip
    result = article_ingest(article=article, selection=[proposal.key], unlink=[proposal.key],
                            user=editor)  # fmt: skip
    (created,) = result.created
    assert created.status == Status.DRAFT and created.name_ar == proposal.label
    assert Organization.objects.filter(name_ar=proposal.label).count() == 2


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "Le ministre de l'Industrie a présidé hier à Rabat la deuxième édition du forum.",
        "<p>ستنظم <b>فدرالية الكيمياء وشبه الكيمياء</b> الدورة الثانية من المنتدى الدولي "
        "للكيمياء يومي 15 و16 ماي 2024 بالدار البيضاء.</p><script>alert(1)</script>",
        "\ufffd\ufffd نص مكسور \u200f\u0651\u0651 Ã©tÃ© بالرباط \U0001f600",
    ],
    ids=["empty", "blank", "french", "html", "broken-unicode"],
)
def test_robustness_cases_never_crash(editor, text, english):
    article = article_of(text)
    result = article_ingest(article=article, user=editor)
    for mention in article.mentions.all():
        assert mention.quote == article.text[mention.start : mention.end]
    if not text.strip():
        assert result.created == [] and result.linked == []
    if text.startswith("Le "):  # French is read too: the forum becomes a draft event
        assert [type(r).__name__ for r in result.created] == ["Event"]
    assert "Created as drafts" in str(result.summary())


# -- the command --------------------------------------------------------------------------


def test_ingest_command_files_progress_and_a_bad_file(tmp_path, capsys):
    good = [tmp_path / "solar.txt", tmp_path / "fair.txt"]
    good[0].write_text(SOLAR, "utf-8")
    good[1].write_text(FAIR, "utf-8")
    bad = tmp_path / "legacy.txt"
    bad.write_bytes("مقال بترميز قديم".encode("cp1256"))
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    names = [str(good[0]), str(bad), str(tmp_path / "missing.txt"), str(empty), str(good[1])]

    with pytest.raises(CommandError, match="3 of 5 files could not be ingested"):
        call_command("ingest", *names, "--published", "2025-03-12", "--outlet", "هسبريس")
    out, err = capsys.readouterr()
    assert "2 articles ingested" in out
    assert f"{bad}: not UTF-8 text" in err and "missing.txt: no such file" in err
    assert "empty.txt: empty" in err
    assert "5/5" in err  # the progress bar
    solar = Article.objects.get(title=SOLAR.strip().splitlines()[0])
    assert solar.outlet == "هسبريس" and solar.published_on == datetime.date(2025, 3, 12)
    assert solar.mentions.exists()
    assert not Article.objects.filter(text__contains="بترميز").exists()


def test_ingest_command_refuses_a_bad_date(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(SOLAR, "utf-8")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("ingest", str(path), "--published", "12/03/2025")
    assert not Article.objects.filter(text=SOLAR).exists()


WORKSHOP_AR = (
    "ورشة حول التصدير بوجدة\n\nنظمت غرفة التجارة والصناعة والخدمات لجهة الشرق، يوم الخميس "
    "19 مارس 2026 بوجدة، ورشة حول مساطر التصدير لفائدة المقاولات الصغيرة بالجهة.\n"
)
WORKSHOP_FR = (
    "Oujda : un atelier sur l'export\n\nLa Chambre de commerce, d'industrie et de services de "
    "la région de l'Oriental a organisé le vendredi 20 mars 2026 à Oujda un atelier sur les "
    "démarches d'exportation des petites entreprises de la région.\n"
)


@pytest.mark.parametrize("accepted", [False, True], ids=["declined", "accepted"])
def test_a_source_giving_another_date_is_recorded_whatever_the_editor_keeps(editor, accepted):
    """The second article dates the workshop a day later: an editor declines (or accepts)
    the suggestion; either way the article's date is kept as what it reported, and the
    event's page says its sources disagree, with the date the editors kept."""
    first = article_of(WORKSHOP_AR, language="ar", published_on=datetime.date(2026, 3, 19))
    event = next(r for r in article_ingest(article=first, user=editor).created
                 if isinstance(r, Event))  # fmt: skip
    second = article_of(WORKSHOP_FR, language="fr", published_on=datetime.date(2026, 3, 21))
    extraction = article_extract(second)
    proposal = extraction.of_kind("event")[0]
    assert proposal.match.pk == event.pk
    suggested = {s.field: s for s in proposal.suggestions}
    assert suggested["start_date"].proposed == datetime.date(2026, 3, 20)
    keys = [s.key for s in proposal.suggestions] if accepted else []
    proposals_ingest(article=second, extraction=extraction, user=editor, suggestions=keys)

    event.refresh_from_db()
    kept = datetime.date(2026, 3, 20 if accepted else 19)
    assert event.start_date == kept
    reported = {
        r.article_id: r.value for r in FactReport.objects.filter(object_id=event.pk, fact="dates")
    }
    assert reported == {first.pk: ["2026-03-19"] * 2, second.pk: ["2026-03-20"] * 2}
    attach_sources(event)
    (disagreement,) = event.disagreements
    assert disagreement.fact.name == "dates"
    assert disagreement.kept == [kept.isoformat()] * 2
    assert [[a.pk for a in articles] for _value, articles in disagreement.reports] == [
        [first.pk],
        [second.pk],
    ]
