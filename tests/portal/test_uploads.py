"""portal.validators.validate_text_upload: article uploads are small UTF-8 .txt files."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from core.validators import validate_text_upload

ARTICLE = "ستنظم فدرالية الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء.\n".encode()


def upload(name="article.txt", content=ARTICLE):
    return SimpleUploadedFile(name, content, content_type="text/plain")


def error_code(file) -> str:
    with pytest.raises(ValidationError) as raised:
        validate_text_upload(file)
    return raised.value.code


def test_an_article_passes_and_can_be_read_again():
    file = upload("Article.TXT", b"\xef\xbb\xbf" + ARTICLE)  # with a UTF-8 byte order mark
    validate_text_upload(file)
    assert file.read() == b"\xef\xbb\xbf" + ARTICLE


def test_exactly_the_limit_passes(settings):
    validate_text_upload(upload(content=b"a" * settings.TEXT_UPLOAD_MAX_BYTES))


@pytest.mark.parametrize(
    ("file", "code"),
    [
        (upload("article.pdf"), "extension"),
        (upload("article.txt.exe"), "extension"),
        (upload("article"), "extension"),
        (upload(content=b"a" * (1024 * 1024 + 1)), "size"),
        (upload(content="مقال".encode("cp1256")), "encoding"),
        (upload(content=b"\x89PNG\r\n\x1a\n\x00\x00"), "encoding"),
        (upload(content=b"text\x00with a NUL"), "binary"),
    ],
)
def test_refusals(file, code):
    assert error_code(file) == code


def test_the_message_follows_the_editors_language():
    with translation.override("fr"), pytest.raises(ValidationError) as raised:
        validate_text_upload(upload(content=b"a" * (1024 * 1024 + 1)))
    assert "1,0\xa0Mio" in raised.value.messages[0]


def test_request_bodies_are_bounded(settings):
    assert settings.FILE_UPLOAD_MAX_MEMORY_SIZE <= settings.TEXT_UPLOAD_MAX_BYTES == 1024 * 1024
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 2 * 1024 * 1024
