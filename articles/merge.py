"""A merge moves every source of the merged records to the survivor (their Mentions)."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .models import Mention


class MentionMove:
    """The Mentions of a merged record become the survivor's; a span the survivor already
    cites from the same article is not cited twice."""

    label = _("sources (quoted spans)")

    def rows(self, record):
        return Mention.objects.filter(
            content_type=ContentType.objects.get_for_model(type(record)), object_id=record.pk
        )

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        return []

    def move(self, survivor, other) -> int:
        moved = 0
        for mention in self.rows(other).order_by("pk"):
            duplicate = (
                self.rows(survivor)
                .filter(article_id=mention.article_id, start=mention.start, end=mention.end)
                .exists()
            )
            if duplicate:
                mention.delete()
            else:
                mention.object_id = survivor.pk
                mention.save(update_fields=["object_id"])
            moved += 1
        return moved
