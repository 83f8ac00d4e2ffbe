"""A merge of organisations carries their followers to the survivor: nobody's alerts stop.

Someone who followed both keeps one subscription, the survivor's, confirmed if either was.
Subscriptions stay out of the merge's revisions (personal data is not copied into the
history): undoing a merge leaves them with the survivor, the same real-world organisation.
"""

from django.utils.translation import gettext_lazy as _

from .models import Subscription


class SubscriptionMove:
    # The relation it moves (what editorial's merge checks every relation has).
    model, field = Subscription, "organization"
    label = _("alert subscriptions")

    def rows(self, record):
        return Subscription.objects.filter(organization=record)

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        return []

    def move(self, survivor, other) -> int:
        kept = {row.email.lower(): row for row in self.rows(survivor).select_for_update()}
        moved = 0
        for row in self.rows(other).select_for_update().order_by("pk"):
            duplicate = kept.get(row.email.lower())
            if duplicate is None:
                row.organization = survivor
                row.save(update_fields=["organization"])
                kept[row.email.lower()] = row
            else:
                if duplicate.confirmed_at is None and row.confirmed_at is not None:
                    duplicate.confirmed_at = row.confirmed_at
                    duplicate.save(update_fields=["confirmed_at"])
                row.delete()
            moved += 1
        return moved
