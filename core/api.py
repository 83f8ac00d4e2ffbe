"""What every app's part of the public read API shares: texts in every language, the public
pages' addresses, page-number pagination and the error body. Each app declares its router
and schemas in its own `api.py`; portal/api.py composes them."""

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import translation
from ninja import Field, Schema
from pydantic import create_model

from .slugs import slug_routable

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class Translated(Schema):
    """One text in each of the site's languages; empty where it has not been translated."""

    ar: str
    fr: str
    en: str


def translated(record, field: str) -> dict[str, str]:
    """The modeltranslation columns of `field` (title_ar, title_fr...), none left out."""
    return {code: getattr(record, f"{field}_{code}") or "" for code, _name in settings.LANGUAGES}


def page_urls(request: HttpRequest, record) -> dict[str, str]:
    """The record's public page in each language, as absolute addresses."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = request.build_absolute_uri(record.get_absolute_url())
    return urls


class PublicPage(Schema):
    """A record with public pages: `url`, their addresses in each language. Listed first
    among a schema's bases, its field follows the base record's ones."""

    url: Translated

    @staticmethod
    def resolve_url(record, context) -> dict:
        return page_urls(context["request"], record)


class ApiError(Schema):
    """Every error the API answers: a message and, for invalid query parameters, each
    parameter's messages (in the language of the request's Accept-Language)."""

    detail: str
    errors: dict[str, list[str]] = Field(default_factory=dict)


def responses(ok: type, *errors: int) -> dict:
    """What an operation answers, for the document: `ok` with 200, and ApiError with each of
    `errors` and with 429 (the rate limit, on every operation)."""
    return {200: ok, **dict.fromkeys((*errors, 429), ApiError)}


class PageQuery(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    limit: int = Field(
        DEFAULT_LIMIT, ge=1, description=f"Records per page; at most {MAX_LIMIT} are given."
    )


def page_schema(item: type[Schema]) -> type[Schema]:
    """A page of `item`s: how many match, the addresses of the pages around, the records."""
    return create_model(
        f"{item.__name__}Page",
        __base__=Schema,
        count=(int, ...),
        next=(str | None, ...),
        previous=(str | None, ...),
        results=(list[item], ...),
    )


def paginate(request: HttpRequest, queryset: QuerySet, query: PageQuery) -> dict:
    """The requested page of `queryset` (its limit capped at MAX_LIMIT); past the end a page
    is empty, with the count that says so."""
    limit = min(query.limit, MAX_LIMIT)
    offset = (query.page - 1) * limit
    count = queryset.count()
    results = list(queryset[offset : offset + limit]) if offset < count else []

    def link(number: int) -> str:
        params = request.GET.copy()
        params["page"] = str(number)
        params["limit"] = str(limit)
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    return {
        "count": count,
        "next": link(query.page + 1) if offset + limit < count else None,
        # Past the end, the previous page is the last one.
        "previous": link(min(query.page - 1, max(1, -(-count // limit))))
        if query.page > 1
        else None,
        "results": results,
    }


class InvalidFilters(Exception):
    """A list's filters did not validate: the API answers 400 with each one's messages."""

    def __init__(self, errors: dict[str, list[str]]):
        super().__init__(errors)
        self.errors = errors


def filter_queryset(request: HttpRequest, filterset_class, queryset: QuerySet) -> QuerySet:
    """`queryset` narrowed by the FilterSet the site's list uses, so the API and the pages
    filter alike (unknown slugs, malformed dates, a start after the end are refused)."""
    filterset = filterset_class(request.GET, queryset=queryset, request=request)
    if not filterset.is_valid():
        raise InvalidFilters(
            {
                field: [str(message) for message in messages]
                for field, messages in filterset.errors.items()
            }
        )
    return filterset.qs


def record_by_key(queryset: QuerySet, key: str):
    """The record `key` names: its id (ASCII digits) or its slug (a slug always holds a
    letter, core.validators), or a 404; what no slug can be is not looked up."""
    if key.isascii() and key.isdigit():
        lookup = {"pk": int(key)} if len(key) < 19 else None  # beyond a bigint: no record
    else:
        lookup = {"slug": key} if slug_routable(key) else None
    record = queryset.filter(**lookup).first() if lookup else None
    if record is None:
        raise Http404
    return record
