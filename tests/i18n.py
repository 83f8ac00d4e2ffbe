from django.utils import translation


def translated(message: str, language: str) -> str:
    """What a page in `language` shows for `message`; differs from it for ar and fr."""
    with translation.override(language):
        text = translation.gettext(message)
    assert language == "en" or text != message, f"no {language} translation for {message!r}"
    return text
