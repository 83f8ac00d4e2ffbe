import os
import subprocess
import sys
from pathlib import Path

from editorial.models import Status
from events.models import Event
from tests.events.factories import EventFactory


def test_root_redirects_to_arabic_unless_the_visitor_asks_for_another_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/ar/"
    client.cookies["django_language"] = "en"
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/en/"
    assert "Accept-Language" in response["Vary"]


def test_home_lists_published_events_in_arabic(client, chemistry_forum):
    draft = EventFactory(status=Status.DRAFT, title="مسودة لا تظهر")
    response = client.get("/ar/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in html
    assert "المنتدى الدولي للكيمياء" in html
    assert "الرباط" in html
    assert draft.title not in html


def test_home_in_french_is_left_to_right(client, chemistry_forum):
    response = client.get("/fr/")
    html = response.content.decode()
    assert '<html lang="fr" dir="ltr">' in html
    assert "Forum international de la chimie" in html
    assert 'href="/ar/"' in html and 'href="/en/"' in html


def test_healthz_ok(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_healthz_503_when_the_database_is_unreachable():
    """A real outage: the app pointed at a PostgreSQL port where nothing listens."""
    script = (
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "from django.test import Client; r = Client().get('/healthz');"
        "print(r.status_code, r.json()['database'])"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split()[-2:] == ["503", "unreachable"], result.stderr


def test_home_counts_published_events(client, db):
    response = client.get("/en/")
    assert len(response.context["events"]) == min(20, Event.objects.public().count())
