"""Dates, amounts and structured data as the public site writes them in each language.

Dates: "15 ماي 2024" / "15 mai 2024" / "15 May 2024", Moroccan month names in Arabic (from the
project's catalogue, see portal/months.py) with Western digits.

Amounts in dirhams: millions and billions in words, as the press writes them, with the
language's decimal comma or point: "250 مليون درهم" / "250 millions MAD" / "MAD 250 million",
"1,5 مليار درهم" / "1,5 milliard MAD" / "MAD 1.5 billion"; smaller amounts in grouped digits:
"750 000 درهم" / "750 000 MAD" / "MAD 750,000".
"""

import datetime
import json
from decimal import Decimal

from django import template
from django.conf import settings
from django.utils import formats
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, pgettext

register = template.Library()


def joined(items) -> str:
    """Items joined by the active language's list separator: the Arabic comma in Arabic."""
    return pgettext("list separator", ", ").join(str(item) for item in items)


def semicolons(items) -> str:
    """Items that may hold commas themselves ("Chambre de commerce, d'industrie …"), joined by
    the active language's semicolon: "؛" in Arabic."""
    return pgettext("list separator between items holding commas", "; ").join(
        str(item) for item in items
    )


def format_day(value: datetime.date, *, year: bool = True, month: bool = True) -> str:
    """Month names come from the catalogues: Moroccan in Arabic (see portal/months.py)."""
    fmt = "j F Y" if year else "j F"
    return formats.date_format(value, fmt if month else "j")


@register.filter
def day(value):
    """A date as '15 ماي 2024' / '15 mai 2024' / '15 May 2024'."""
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = value.date()
    return format_day(value)


def _time(value: datetime.date, text: str) -> str:
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), text)


@register.simple_tag
def date_range(start, end=None):
    """'15–16 ماي 2024', '30 ماي – 2 يونيو 2024': each end in a <time> element, the whole
    isolated in <bdi> so the digits keep their order next to text of the other direction."""
    if not start:
        return ""
    if not end or end == start:
        html = _time(start, format_day(start))
    elif start.year == end.year and start.month == end.month:
        first = format_day(start, year=False, month=False)
        html = f"{_time(start, first)}–{_time(end, format_day(end))}"
    else:
        first = format_day(start, year=start.year != end.year)
        html = f"{_time(start, first)} – {_time(end, format_day(end))}"
    return mark_safe(f'<bdi class="dates">{html}</bdi>')


def _number(value: Decimal | int, decimals: int = 0) -> str:
    """Grouped digits: '1 234 567,5' (narrow no-break spaces) in Arabic and French,
    '1,234,567.5' in English. Django's ar locale would group with '.', which reads as a
    decimal point in Morocco."""
    text = f"{Decimal(value):,.{decimals}f}"
    if (get_language() or "ar").split("-")[0] == "en":
        return text
    return text.replace(",", "\u202f").replace(".", ",")


def _short(value: Decimal) -> str:
    """1.5 -> '1,5' (or '1.5' in English); 250.0 -> '250'; at most two decimals."""
    rounded = value.quantize(Decimal("0.01")).normalize()
    decimals = max(0, -rounded.as_tuple().exponent)
    return _number(rounded, decimals)


@register.filter
def mad(amount):
    """An amount in dirhams written for the page's language (see the module docstring)."""
    if amount in (None, ""):
        return ""
    value = Decimal(int(amount))
    language = (get_language() or "ar").split("-")[0]
    for size, ar_one, ar_few, fr_one, fr_many, en_word in (
        (10**9, "مليار", "ملايير", "milliard", "milliards", "billion"),
        (10**6, "مليون", "ملايين", "million", "millions", "million"),
    ):
        if value >= size:
            scaled = value / size
            number = _short(scaled)
            if language == "ar":
                few = scaled == scaled.to_integral() and 3 <= scaled <= 10
                return f"{number} {ar_few if few else ar_one} درهم"
            if language == "fr":
                return f"{number} {fr_many if scaled >= 2 else fr_one} MAD"
            return f"MAD {number} {en_word}"
    number = _number(value)
    if language == "ar":
        return f"{number} درهم"
    if language == "fr":
        return f"{number} MAD"
    return f"MAD {number}"


@register.filter
def json_ld(data):
    """A dict as the body of a <script type="application/ld+json">, safe inside HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


@register.simple_tag(takes_context=True)
def absolute(context, path):
    """An absolute URL for `path` on the current host, for canonical and Open Graph. Always on
    this host: a path starting with `//` (or `/\\`) would name another one, so its leading
    slashes are folded into one."""
    request = context.get("request")
    path = str(path or "/")
    if path.startswith(("//", "/\\", "\\")):
        path = "/" + path.lstrip("/\\")
    return request.build_absolute_uri(path) if request else path


@register.simple_tag(takes_context=True)
def x_default(context):
    """The hreflang x-default URL, as the sitemap writes it: the default language's URL
    without its prefix, which LocaleMiddleware redirects to the visitor's language."""
    code = settings.LANGUAGE_CODE
    for alternate in context.get("language_alternates", []):
        if alternate["code"] == code:
            return absolute(context, alternate["url"].replace(f"/{code}/", "/", 1))
    return ""
