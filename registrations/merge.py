"""A merge of events moves every registration to the survivor: none is lost.

Someone signed up for both events (the same e-mail address, whatever its case) holds one
active registration afterwards: the better one stays (attended, then a seat, then the waiting
list; the earlier sign-up on a tie) and the other is cancelled — kept, moved and counted, but
holding nothing — without an e-mail: the registrant still holds their place, and a
"your registration is cancelled" message would tell them the opposite. The survivor's
waiting list comes first, then the others', renumbered 1..N. Nobody loses a seat: past the
survivor's capacity everyone keeps theirs and the event shows as full; seats still free
once everything has moved go to the waiting list in order, through the seat service, so the
promoted get their e-mail from the task worker as after any cancellation.

Registrations stay out of the merge's revisions (their personal data is not copied into
the history): undoing a merge leaves them with the survivor, the same real-world event.
"""

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from .models import Registration, RegistrationStatus
from .services.seats import ACTIVE, _seat_state_forget, event_is_over, event_waiting_list_advance

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
        """What the organiser should know beforehand: people registered twice, seats past
        the capacity (`survivor` as the merge leaves it, with a capacity it takes), people
        who will get a seat from the waiting list."""
        by_email: dict[str, set] = {}
        for email, status, event_id in Registration.objects.filter(
            event__in=[survivor, *others]
        ).values_list("email", "status", "event_id"):
            if status != RegistrationStatus.CANCELLED:
                by_email.setdefault(email.lower(), set()).add((status, event_id))
        twice = sum(1 for held in by_email.values() if len({e for _s, e in held}) > 1)
        taken = sum(1 for held in by_email.values() if any(s in ACTIVE for s, _e in held))
        waiting = len(by_email) - taken
        notes = []
        if twice:
            notes.append(
                ngettext(
                    "%(count)d person registered for more than one of these events keeps one "
                    "registration (the better one); the other is cancelled without an e-mail.",
                    "%(count)d people registered for more than one of these events keep one "
                    "registration each (the better one); the others are cancelled without an "
                    "e-mail.",
                    twice,
                )
                % {"count": twice}
            )
        if survivor.capacity is not None and taken > survivor.capacity:
            notes.append(
                gettext(
                    "“%(event)s” will have %(taken)d seats taken for a capacity of "
                    "%(capacity)d: registrants keep their seats."
                )
                % {"event": survivor, "taken": taken, "capacity": survivor.capacity}
            )
        free = waiting if survivor.capacity is None else max(survivor.capacity - taken, 0)
        promoted = min(free, waiting) if not event_is_over(survivor) else 0
        if promoted:
            notes.append(
                ngettext(
                    "%(count)d person on the waiting list will get a seat and an e-mail.",
                    "%(count)d people on the waiting list will get a seat and an e-mail.",
                    promoted,
                )
                % {"count": promoted}
            )
        return notes

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
                    if registration.status == RegistrationStatus.WAITING:
                        waiting.append(registration)
                elif (RANK[registration.status], registration.created_at) < (
                    RANK[current.status],
                    current.created_at,
                ):
                    # The better registration also takes the better place in the queue.
                    place = waiting.index(current) if current in waiting else len(waiting)
                    if current in waiting:
                        waiting.remove(current)
                    cancel(current)  # before the other takes its place (the unique index)
                    active[key] = registration
                    if registration.status == RegistrationStatus.WAITING:
                        waiting.insert(place, registration)
                else:
                    cancel(registration)
            registration.event = survivor
            registration.save(update_fields=["event", "status", "cancelled_at", "waiting_position"])
        for position, registration in enumerate(waiting, start=1):
            if registration.waiting_position != position:
                registration.waiting_position = position
                registration.save(update_fields=["waiting_position"])
        _seat_state_forget(survivor)
        return len(incoming)

    def after_merge(self, survivor, *, site_url: str) -> None:
        event_waiting_list_advance(event=survivor, site_url=site_url or settings.SITE_URL)
