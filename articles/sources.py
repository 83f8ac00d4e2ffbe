"""The provenance a public page shows: the source articles behind its records."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from .models import Mention


def attach_sources(*records) -> None:
    """Give each record a `sources` list of its Mentions (article joined), in one query
    for all of them, whatever their types."""
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
    for mention in (
        Mention.objects.filter(condition)
        .select_related("article")
        .order_by("-article__published_on", "article_id", "start")
    ):
        by_key[(mention.content_type_id, mention.object_id)].sources.append(mention)
