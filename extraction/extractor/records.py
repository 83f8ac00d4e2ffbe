"""Pieces of the extraction record (DESIGN.md) that both readers build alike."""

from .places import Place


def another_edition(event: dict, edition: int, place: Place, span: list[int]) -> dict:
    """An earlier edition of `event`, held at `place`: its title, kind and sectors, and
    nothing the article says only of this one (dates, who took part)."""
    return {
        **event,
        "edition": edition,
        "start_date": None,
        "end_date": None,
        "city": place.name,
        "region": place.region,
        "organizations": [],
        "people": [],
        "span": span,
    }
