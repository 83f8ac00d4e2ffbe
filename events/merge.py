"""What follows a merge of events, agreements, organisations and people, among the rows
this app defines (editorial.merge reads these declarations)."""

from django.utils.translation import gettext_lazy as _

from editorial.merge import ManyToManyMove, RelationMove, merge_moves_register
from organizations.models import Organization, Person

from .models import Agreement, Event, EventOrganization, Participation


def merge_moves_declare() -> None:
    merge_moves_register(
        Event,
        RelationMove(
            EventOrganization, "event", _("organisations at the event"), ("organization", "role")
        ),
        RelationMove(Participation, "event", _("people at the event"), ("person",)),
        RelationMove(Agreement, "signing_event", _("agreements signed there")),
    )
    merge_moves_register(
        Agreement, RelationMove(Agreement, "previous", _("agreements that follow it"))
    )
    merge_moves_register(
        Organization,
        RelationMove(EventOrganization, "organization", _("roles at events"), ("event", "role")),
        RelationMove(Participation, "organization", _("people at events on its behalf")),
        ManyToManyMove(Agreement, "parties", _("agreements it is a party to")),
    )
    merge_moves_register(
        Person, RelationMove(Participation, "person", _("events attended"), ("event",))
    )
