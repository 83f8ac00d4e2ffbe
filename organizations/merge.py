"""What follows a merge of organisations and people among this app's rows, and the names
the merged-away records were known by (kept as aliases, for matching later articles)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from editorial.merge import RelationMove, merge_moves_register

from .models import Organization, Person, Position


class AliasesMove:
    """The survivor keeps the others' names (every language, acronym) and aliases as its own
    aliases: the press may still write them. Changes the survivor (saved by the merge)."""

    label = _("other names")
    fields = ("aliases",)  # united here, never a conflict of the merge screen

    def rows(self, record):
        return []

    def count(self, record) -> int:
        return 0

    def notes(self, survivor, others) -> list[str]:
        return []

    def move(self, survivor, other) -> int:
        own = {
            value
            for code, _name in settings.LANGUAGES
            if (value := getattr(survivor, f"name_{code}", None))
        }
        names = [getattr(other, f"name_{code}", None) for code, _name in settings.LANGUAGES]
        names += [getattr(other, "acronym", ""), *(other.aliases or [])]
        aliases = list(survivor.aliases or [])
        for name in names:
            if name and name not in own and name not in aliases:
                aliases.append(name)
        added = len(aliases) - len(survivor.aliases or [])
        survivor.aliases = aliases
        return added


def merge_moves_declare() -> None:
    merge_moves_register(
        Organization,
        RelationMove(
            Position,
            "organization",
            _("positions held there"),
            ("person", "title_ar", "start_date", "end_date"),
        ),
        RelationMove(Organization, "parent", _("member organisations")),
        AliasesMove(),
    )
    merge_moves_register(
        Person,
        RelationMove(
            Position,
            "person",
            _("positions"),
            ("organization", "title_ar", "start_date", "end_date"),
        ),
        AliasesMove(),
    )
