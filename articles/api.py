"""The source articles behind a record, as the public read API gives them."""

import datetime

from ninja import Schema

from .sources import attach_sources


class SourceOut(Schema):
    """One passage of a press article that supports the record: the outlet, the article and
    the quoted span (`start`/`end` are its offsets in the article's text)."""

    outlet: str
    title: str
    url: str
    published_on: datetime.date | None
    language: str
    quote: str
    start: int
    end: int


def sources_of(record) -> list[dict]:
    """The record's sources, newest article first: what its public page lists."""
    attach_sources(record)
    return [
        {
            "outlet": mention.article.outlet,
            "title": mention.article.title,
            "url": mention.article.url,
            "published_on": mention.article.published_on,
            "language": mention.article.language,
            "quote": mention.quote,
            "start": mention.start,
            "end": mention.end,
        }
        for mention in record.sources
    ]
