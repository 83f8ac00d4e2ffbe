"""A merge moves every source of the merged records to the survivor: their Mentions and what
those articles reported of the records' facts."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import FactReport, Mention


class _SourceRowsMove:
    """Rows of `model` pointing at a merged record become the survivor's; one the survivor
    already has (the same `unique` values) is not kept twice."""

    model: type[Mention] | type[FactReport]
    unique: tuple[str, ...]

    def rows(self, record):
        return self.model.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        return []

    def move(self, survivor, other) -> int:
        moved = 0
        for row in self.rows(other).order_by("pk"):
            same = {name: getattr(row, name) for name in self.unique}
            if self.rows(survivor).filter(**same).exists():
                row.delete()
            else:
                row.object_id = survivor.pk
                row.save(update_fields=["object_id"])
            moved += 1
        return moved


class MentionMove(_SourceRowsMove):
    """The Mentions of a merged record: a span the survivor already cites from the same
    article is not cited twice."""

    label = _("sources (quoted spans)")
    model = Mention
    unique = ("article_id", "start", "end")


class FactReportMove(_SourceRowsMove):
    """What the merged record's sources reported of its facts; where an article reported
    the fact of both records, its report on the survivor is kept."""

    label = _("facts reported by sources")
    model = FactReport
    unique = ("article_id", "fact")
