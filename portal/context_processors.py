from django.conf import settings
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.translation import get_language_info, override


def own_path(request) -> str:
    """The request's path when it is one of the site's own (it resolves), else "".

    A path such as `//evil.example/` must never be written into a link: a browser reads it as
    another host's address (scheme-relative), and build_absolute_uri() turns it into one."""
    path = request.path_info
    if not path.startswith("/") or path.startswith("//") or "\\" in path:
        return ""
    if getattr(request, "resolver_match", None) is None:  # a 404 before any view
        try:
            resolve(path)
        except Resolver404:
            return ""
    return escape_uri_path(request.path)


def language_alternates(request):
    """The current page in every language, for the switcher, hreflang and canonical links:
    rebuilt from the resolved URL (reverse) with the query string. A path that does not
    resolve (a 404) offers each language's home page instead, and is its own canonical no more."""
    path = own_path(request)
    query = iri_to_uri(request.META.get("QUERY_STRING", ""))
    alternates = []
    for code, _name in settings.LANGUAGES:
        if path:
            url = translate_url(path, code) + (f"?{query}" if query else "")
        else:
            with override(code):
                url = reverse("home")
        alternates.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return {"language_alternates": alternates, "canonical_path": path or reverse("home")}
