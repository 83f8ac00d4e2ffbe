"""The provenance a public page shows: the source articles behind its records, and where
they disagree on a fact the editors kept (articles.facts)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .facts import disagreements_find, reported_facts
from .models import FactReport, Mention


def attach_sources(*records) -> None:
    """Give each record a `sources` list of its Mentions (article joined) and a
    `disagreements` list: one query for the Mentions of all of them whatever their types,
    and one for what their articles reported of the facts, when a record's model declares
    any."""
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
    mentions = (
        Mention.objects.filter(condition)
        .select_related("article")
        .order_by("-article__published_on", "article_id", "start")
    )
    for mention in mentions:
        by_key[(mention.content_type_id, mention.object_id)].sources.append(mention)
    if not any(reported_facts(type(record)) for record in records):
        return
    cited = {
        (m.content_type_id, m.object_id, m.article_id): m.article
        for record in records
        for m in record.sources
    }
    found = {}  # one report per record, article and fact, whatever the spans citing it
    for report in FactReport.objects.filter(condition).only(
        "content_type_id", "object_id", "article_id", "fact", "value"
    ):
        article = cited.get((report.content_type_id, report.object_id, report.article_id))
        if article is not None:  # only articles listed as sources are quoted
            report.article = article
            found[(report.content_type_id, report.object_id, report.article_id, report.fact)] = (
                report
            )
    for (content_type_id, pk), record in by_key.items():
        if not reported_facts(type(record)):
            continue
        oldest_first = {}
        for position, mention in enumerate(reversed(record.sources)):
            oldest_first.setdefault(mention.article_id, position)
        own = [r for key, r in found.items() if key[:2] == (content_type_id, pk)]
        own.sort(key=lambda r: (oldest_first[r.article_id], r.fact))
        record.disagreements = disagreements_find(record, own)
