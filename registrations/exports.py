"""Registrations as a file for Excel: .xlsx (what a French- or Arabic-locale Excel opens as
is, and phones show cleanly) and CSV. Neither lets a registrant's text run as a formula."""

import csv
import datetime
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from core.arabic import strip_bidi

from .models import Registration

COLUMNS = [
    ("reference", _("reference")),
    ("event", _("event")),
    ("status", _("status")),
    ("waiting_position", _("waiting list position")),
    ("full_name", _("full name")),
    ("email", _("e-mail")),
    ("phone", _("phone")),
    ("organization_name", _("organisation")),
    ("job_title", _("job title")),
    ("language", _("language of correspondence")),
    ("created_at", _("registered at")),
    ("consent_at", _("consent given at")),
    ("checked_in_at", _("checked in at")),
    ("cancelled_at", _("cancelled at")),
]
CSV_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def registration_rows(queryset):
    """The header, then one row per registration, every cell as text."""
    yield [str(label) for _name, label in COLUMNS]
    for registration in queryset.select_related("event").order_by("event", "created_at", "pk"):
        row = []
        for name, _label in COLUMNS:
            value = getattr(registration, name)
            if name == "status":
                value = registration.get_status_display()
            elif isinstance(value, datetime.datetime):
                value = timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
            row.append("" if value is None else str(value))
        yield row


def csv_cell(value) -> str:
    """A cell a spreadsheet shows as text: a leading =, +, -, @, tab or CR would start a
    formula, so it gets a leading apostrophe (OWASP's advice for CSV injection)."""
    text = strip_bidi("" if value is None else str(value))  # bidi controls could hide a "="
    return "'" + text if text.startswith(CSV_FORMULA_PREFIXES) else text


def _attachment(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def registrations_csv(queryset, filename: str) -> HttpResponse:
    """UTF-8 with a byte-order mark, so Excel shows Arabic names."""
    response = _attachment("\ufeff", "text/csv; charset=utf-8", filename)
    writer = csv.writer(response)
    writer.writerows([csv_cell(value) for value in row] for row in registration_rows(queryset))
    return response


def registrations_xlsx(queryset, filename: str) -> HttpResponse:
    """Every cell a string cell: Excel shows "=HYPERLINK(…)" as typed and runs nothing, so no
    apostrophe is needed; the sheet reads right to left in the Arabic admin."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = capfirst(str(Registration._meta.verbose_name_plural))[:31]
    sheet.sheet_view.rightToLeft = get_language_bidi()
    for row_number, row in enumerate(registration_rows(queryset), start=1):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number)
            # Assigning a value starting with "=" makes a formula: the type is set after.
            cell.value = ILLEGAL_CHARACTERS_RE.sub("", strip_bidi(value))
            cell.data_type = "s"
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return _attachment(output.getvalue(), XLSX_CONTENT_TYPE, filename)
