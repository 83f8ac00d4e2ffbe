"""The --published option shared by the `extract` and `ingest` commands."""

from datetime import date

from django.core.management.base import CommandError


def published_argument_add(parser) -> None:
    parser.add_argument(
        "--published",
        metavar="YYYY-MM-DD",
        help="publication date, to resolve relative dates such as 'أمس الثلاثاء'",
    )


def published_date(value: str | None) -> date | None:
    """The option's date, or None when it was not given; a clear error when it is malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--published must be a date written YYYY-MM-DD, not {value!r}"
        ) from None
