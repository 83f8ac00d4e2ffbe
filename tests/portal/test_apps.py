"""The admin's headings for the kept libraries (portal.apps) are translated like the rest."""

from html import unescape

import pytest
from django.urls import reverse

from tests.editorial.factories import UserFactory


@pytest.mark.parametrize(
    ("language", "headings"),
    [
        ("ar", ["محاولات الدخول", "المهام في الخلفية", "نتائج المهام"]),
        ("fr", ["Tentatives de connexion", "Tâches d'arrière-plan", "Résultats des tâches"]),
    ],
)
def test_library_apps_have_translated_headings_in_the_admin(client, db, language, headings):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language)
    html = unescape(response.content.decode())
    for heading in headings:
        assert heading in html
    assert "Tasks Database Backend" not in html and ">Axes<" not in html
