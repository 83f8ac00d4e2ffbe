"""A merge of events moves every registration to the survivor: none is lost.

Someone signed up for both events holds one active registration afterwards: the better one
stays (attended, then a seat, then the waiting list; the earlier sign-up on a tie) and the
other is cancelled — kept, moved and counted, but holding nothing — without an e-mail (the
registrant still holds their place). The survivor's waiting list comes first, then the
others', renumbered 1..N. Seats are not re-counted: registrants keep the seats they were
given, even past the survivor's capacity (the confirmation page says so beforehand).

Registrations stay out of the merge's revisions (their personal data is not copied into
the history): undoing a merge leaves them with the survivor, the same real-world event.
"""

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import Registration, RegistrationStatus
from .services.seats import ACTIVE, _seat_state_forget

# Lower is better: which of two active registrations of one person is kept.
RANK = {
    RegistrationStatus.ATTENDED: 0,
    RegistrationStatus.CONFIRMED: 1,
    RegistrationStatus.WAITING: 2,
}


class RegistrationMove:
    label = _("registrations")

    def rows(self, record):
        return Registration.objects.filter(event=record)

    def count(self, record) -> int:
        return self.rows(record).count()

    def notes(self, survivor, others) -> list[str]:
        if survivor.capacity is None:
            return []
        taken = Registration.objects.filter(
            event__in=[survivor, *others], status__in=ACTIVE
        ).count()
        if taken <= survivor.capacity:
            return []
        return [
            gettext(
                "“%(event)s” will have %(taken)d seats taken for a capacity of %(capacity)d: "
                "registrants keep their seats."
            )
            % {"event": survivor, "taken": taken, "capacity": survivor.capacity}
        ]

    def move(self, survivor, other) -> int:
        now = timezone.now()
        kept = list(
            Registration.objects.select_for_update()
            .filter(event=survivor)
            .exclude(status=RegistrationStatus.CANCELLED)
        )
        active = {registration.email.lower(): registration for registration in kept}
        waiting = sorted(
            (r for r in kept if r.status == RegistrationStatus.WAITING),
            key=lambda r: (r.waiting_position or 0, r.created_at, r.pk),
        )
        incoming = list(
            Registration.objects.select_for_update()
            .filter(event=other)
            .order_by(F("waiting_position").asc(nulls_last=True), "created_at", "pk")
        )

        def cancel(registration):
            registration.status = RegistrationStatus.CANCELLED
            registration.cancelled_at = now
            registration.waiting_position = None
            registration.save(update_fields=["status", "cancelled_at", "waiting_position"])

        for registration in incoming:
            if registration.status != RegistrationStatus.CANCELLED:
                key = registration.email.lower()
                current = active.get(key)
                if current is None:
                    active[key] = registration
                elif (RANK[registration.status], registration.created_at) < (
                    RANK[current.status],
                    current.created_at,
                ):
                    cancel(current)  # before the other takes its place (the unique index)
                    if current in waiting:
                        waiting.remove(current)
                    active[key] = registration
                else:
                    cancel(registration)
                if registration.status == RegistrationStatus.WAITING:
                    waiting.append(registration)
            registration.event = survivor
            registration.save(update_fields=["event", "status", "cancelled_at", "waiting_position"])
        for position, registration in enumerate(waiting, start=1):
            if registration.waiting_position != position:
                registration.waiting_position = position
                registration.save(update_fields=["waiting_position"])
        _seat_state_forget(survivor)
        return len(incoming)
