from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info


def language_alternates(request):
    """The current page in every language, for the switcher and hreflang links."""
    path = request.get_full_path()
    return {
        "language_alternates": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": translate_url(path, code),
            }
            for code, _name in settings.LANGUAGES
        ]
    }
