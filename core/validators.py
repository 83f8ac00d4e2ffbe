"""Validators for what visitors and editors send."""

import re
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _


def validate_text_upload(file) -> None:
    """An article upload: a .txt file of at most TEXT_UPLOAD_MAX_BYTES (1 MB) of UTF-8 text.

    Reads the file (it is small by then) and rewinds it, so the caller can read it again.
    """
    limit = settings.TEXT_UPLOAD_MAX_BYTES
    if PurePath(file.name or "").suffix.lower() != ".txt":
        raise ValidationError(_("Upload a plain text file (.txt)."), code="extension")
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s); the limit is %(limit)s."),
            code="size",
            params={"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
        )
    file.seek(0)
    content = file.read(limit + 1)
    file.seek(0)
    if len(content) > limit:
        raise ValidationError(
            _("The file is too large; the limit is %(limit)s."),
            code="size",
            params={"limit": filesizeformat(limit)},
        )
    if isinstance(content, str):
        content = content.encode("utf-8", "surrogatepass")
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            _("The file is not UTF-8 text. Save it as UTF-8 and upload it again."),
            code="encoding",
        ) from None
    if "\x00" in text:
        raise ValidationError(_("The file is not plain text."), code="binary")


def validate_slug_has_letter(value: str) -> None:
    """A slug of digits only (`2026`) reads as an id or a year in an address."""
    if not re.search("[a-zA-Z]", value or ""):
        raise ValidationError(
            _("The slug needs at least one letter: a number alone reads as a year or an id."),
            code="slug_without_letter",
        )


def email_address_clean(value: str) -> str:
    """A visitor's e-mail address as stored: the domain in lower case. Django accepts control
    characters in a quoted local part ("a\x0bb"@…); in a To: header they split it, so an
    address with any invisible character is refused."""
    if not value.isprintable():
        raise ValidationError(
            _("Enter an e-mail address without invisible or control characters."),
            code="invalid",
        )
    local, _at, domain = value.strip().rpartition("@")
    return f"{local}@{domain.lower()}"
