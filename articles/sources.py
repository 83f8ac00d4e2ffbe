"""The provenance a public page shows: the source articles behind its records, and where
they disagree on a fact the editors kept (articles.facts)."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, Q
from django.db.models.functions import JSONObject

from .facts import disagreements_find, reported_facts
from .models import FactReport, Mention


def attach_sources(*records) -> None:
    """Give each record a `sources` list of its Mentions (article joined) and a
    `disagreements` list, in one query for all of them whatever their types: each Mention
    brings what its article reported of the record's facts."""
    records = [r for r in records if r is not None]
    if not records:
        return
    condition = Q()
    by_key = {}
    for record in records:
        content_type = ContentType.objects.get_for_model(record)
        condition |= Q(content_type=content_type, object_id=record.pk)
        by_key[(content_type.pk, record.pk)] = record
        record.sources = []
        record.disagreements = []
    reports = FactReport.objects.filter(
        article_id=OuterRef("article_id"),
        content_type_id=OuterRef("content_type_id"),
        object_id=OuterRef("object_id"),
    ).values(report=JSONObject(fact="fact", value="value"))
    mentions = (
        Mention.objects.filter(condition)
        .select_related("article")
        .annotate(reports=ArraySubquery(reports))
        .order_by("-article__published_on", "article_id", "start")
    )
    for mention in mentions:
        by_key[(mention.content_type_id, mention.object_id)].sources.append(mention)
    for record in by_key.values():
        if not reported_facts(type(record)):
            continue
        # One article's reports, however many spans it is cited by; oldest first.
        found = {}
        for mention in reversed(record.sources):
            for report in mention.reports:
                found[(mention.article_id, report["fact"])] = FactReport(
                    article=mention.article, fact=report["fact"], value=report["value"]
                )
        record.disagreements = disagreements_find(record, list(found.values()))
