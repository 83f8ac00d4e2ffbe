"""The site search: the groups the apps declare, in the order the results page shows them."""

from core.search import ResultGroup, search_group
from events.search import AGREEMENTS, EVENTS
from organizations.search import ORGANIZATIONS, PEOPLE

SEARCHES = (EVENTS, ORGANIZATIONS, PEOPLE, AGREEMENTS)


def search_all(query: str, *, per_group: int = 10) -> list[ResultGroup]:
    """Public records matching `query`, best first, grouped by type: one query per group
    (plus one count when a group has more than `per_group`), whatever the query."""
    return [search_group(spec, query, per_group=per_group) for spec in SEARCHES]
