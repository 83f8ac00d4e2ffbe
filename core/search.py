"""Search over the public records, Arabic spelling folded on both sides.

On PostgreSQL a record matches when its normalised text matches the query in full text (the
`arabic` configuration, which also strips clitics and stems); when nothing does, the records
whose words are close to the query's (pg_trgm word similarity: typos, partial words). Both read
the stored generated columns `search_vector` and `search_text` that the apps' `0002`
migrations add (core/search_sql.py), with their GIN indexes. Results are ranked by ts_rank (or
by the similarity). On SQLite (the one-command local run), each query word must appear in the
normalised text, and the normaliser is registered with the connection as a Python function.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import connection as default_connection
from django.db.models import (
    BooleanField,
    Expression,
    F,
    FloatField,
    Func,
    QuerySet,
    Subquery,
    TextField,
    Value,
)
from django.db.models.functions import Cast
from django.utils.safestring import mark_safe

from .arabic import highlight, normalize_arabic, search_terms

QUERY_MAX_LENGTH = 200
RANK_CANDIDATES = 200


def _sqlite_functions(connection) -> None:
    """Give SQLite the two SQL functions PostgreSQL gets from the migrations (registering
    again on a connection that has them only replaces them)."""
    connection.ensure_connection()
    raw = connection.connection
    raw.create_function(
        "portal_normalize",
        1,
        lambda t: None if t is None else normalize_arabic(t),
        deterministic=True,
    )
    raw.create_function(
        "portal_search_doc",
        -1,
        lambda *parts: normalize_arabic(" ".join(p for p in parts if p)),
        deterministic=True,
    )


class SearchDocument(Func):
    """`portal_search_doc(field, ...)`: a record's searchable text, normalised."""

    function = "portal_search_doc"
    output_field = TextField()

    def __init__(self, fields):
        expressions = [
            Cast(F(name), TextField()) if name == "aliases" else F(name) for name in fields
        ]
        super().__init__(*expressions)

    def as_sqlite(self, compiler, connection, **extra_context):
        _sqlite_functions(connection)
        return self.as_sql(compiler, connection, **extra_context)


class SearchColumn(Expression):
    """SQL of one clause on the base table's generated search columns (organizations 0003,
    events 0003): `sql` names them {vector} and {text}; the query is its one parameter."""

    def __init__(self, sql: str, query: str, output_field):
        super().__init__(output_field=output_field)
        self.sql, self.query = sql, query

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        sql = self.sql.format(vector=f"{table}.search_vector", text=f"{table}.search_text")
        return sql, (self.query,)


def full_text_match(query: str) -> SearchColumn:
    return SearchColumn(
        "{vector} @@ plainto_tsquery('arabic'::regconfig, %s)", query, BooleanField()
    )


def word_similar(query: str) -> SearchColumn:
    """query <% text: the query is close to some run of the text's words (pg_trgm)."""
    return SearchColumn("%s <%% {text}", query, BooleanField())


def full_text_rank(query: str) -> SearchColumn:
    return SearchColumn(
        "ts_rank({vector}, plainto_tsquery('arabic'::regconfig, %s))", query, FloatField()
    )


def word_similarity(query: str) -> SearchColumn:
    return SearchColumn("word_similarity(%s, {text})", query, FloatField())


def search_queryset(queryset: QuerySet, fields, query: str, *, rank: bool = True) -> QuerySet:
    """`queryset` narrowed to the records matching `query`, with a `search_rank` when asked.

    PostgreSQL: the full-text matches when there are any (one EXISTS query decides), else
    the trigram near-misses. Ranking computes a score per row, so it only ranks the newest
    RANK_CANDIDATES matches: a common word among 100,000 events stays fast."""
    normalized = normalize_arabic(query)
    if not normalized:  # only diacritics or tatweel: nothing to match, same shape as a match
        none = queryset.none()
        return none.annotate(search_rank=Value(0.0, output_field=FloatField())) if rank else none
    if default_connection.vendor == "postgresql":
        matches = queryset.filter(full_text_match(normalized))
        score = full_text_rank(normalized)
        if not matches.exists():
            matches = queryset.filter(word_similar(normalized))
            score = word_similarity(normalized)
        if rank:
            newest = matches.order_by("-pk").values("pk")[:RANK_CANDIDATES]
            matches = matches.filter(pk__in=Subquery(newest)).annotate(search_rank=score)
        return matches
    doc = SearchDocument(fields)
    matches = queryset.annotate(search_doc=doc)
    for word in normalized.split():
        matches = matches.filter(search_doc__contains=word)
    if rank:
        matches = matches.annotate(search_rank=Value(1.0, output_field=FloatField()))
    return matches


@dataclass(frozen=True)
class SearchSpec:
    """One group of the site search, as an app declares it (its `search.py`)."""

    key: str
    label: str
    queryset: Callable[[], QuerySet]  # the public records, with what their result shows
    fields: tuple[str, ...]
    title_attr: str
    text_attr: str


@dataclass
class ResultGroup:
    key: str
    label: str
    results: list = field(default_factory=list)
    total: int = 0


def search_group(spec: SearchSpec, query: str, *, per_group: int = 10) -> ResultGroup:
    """The best `per_group` matches of one group (plus one count when there are more)."""
    matches = search_queryset(spec.queryset(), spec.fields, query)
    rows = list(matches.order_by("-search_rank", "pk")[: per_group + 1])
    total = len(rows)
    if total > per_group:
        total = matches.count()
        rows = rows[:per_group]
    group = ResultGroup(key=spec.key, label=spec.label, total=total)
    for obj in rows:
        obj.search_title = mark_safe(highlight(getattr(obj, spec.title_attr), query))
        obj.search_excerpt = mark_safe(
            highlight(_excerpt(getattr(obj, spec.text_attr), query), query)
        )
        # An Arabic query on a French or English page: show the Arabic name it matched.
        original = highlight(getattr(obj, f"{spec.title_attr}_ar") or "", query)
        if "<mark>" not in obj.search_title and "<mark>" in original:
            obj.search_original = mark_safe(original)
        group.results.append(obj)
    return group


def _excerpt(text: str, query: str, width: int = 220) -> str:
    """A window of `text` around the first query word it contains."""
    text = text or ""
    if len(text) <= width:
        return text
    folded = normalize_arabic(text)
    start = 0
    for term in search_terms(query):
        found = folded.find(term)
        if found >= 0:
            start = max(0, found - width // 3)
            break
    # normalize_arabic drops harakat, so positions drift: widen the window to compensate.
    ratio = len(text) / max(len(folded), 1)
    begin = int(start * ratio)
    snippet = text[begin : begin + width]
    return ("… " if begin else "") + snippet + (" …" if begin + width < len(text) else "")
