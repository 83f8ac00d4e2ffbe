"""The people directory: public people, found by name in any language or by organisation."""

import pytest

from editorial.models import Status
from organizations.models import Position
from tests.organizations.factories import OrganizationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    ocp = OrganizationFactory(
        name="المكتب الشريف للفوسفاط", name_fr="Office chérifien des phosphates"
    )
    hidden = OrganizationFactory(name="منظمة مسودة", status=Status.DRAFT)
    amina = PersonFactory(name="أمينة العلوي", name_fr="Amina Alaoui")
    karim = PersonFactory(name="كريم بناني", name_fr="Karim Bennani")
    draft = PersonFactory(name="شخص مسودة", name_fr="Personne brouillon", status=Status.DRAFT)
    Position.objects.create(person=amina, organization=ocp, title="مديرة", title_fr="directrice")
    Position.objects.create(person=karim, organization=hidden, title="رئيس")
    return ocp, hidden, amina, karim, draft


def test_the_directory_lists_public_people_with_their_public_positions(client, people):
    ocp, hidden, amina, karim, draft = people
    html = client.get("/fr/people/").content.decode()
    assert "Amina Alaoui" in html and "Karim Bennani" in html
    assert "Personne brouillon" not in html
    assert "Office chérifien des phosphates" in html and hidden.name not in html
    assert 'href="/fr/people/"' in html and 'aria-current="page"' in html


def test_people_are_found_by_name_in_any_language_and_by_organisation(client, people):
    ocp, _hidden, _amina, _karim, _draft = people
    by_arabic = client.get("/fr/people/", {"q": "العلوي"}).content.decode()
    assert "Amina Alaoui" in by_arabic and "Karim Bennani" not in by_arabic
    at_ocp = client.get("/fr/people/", {"organization": ocp.slug}).content.decode()
    assert "Amina Alaoui" in at_ocp and "Karim Bennani" not in at_ocp
    assert "Office chérifien des phosphates" in at_ocp.split("</h1>")[0]


def test_an_unknown_or_unpublished_organisation_answers_400_with_a_message(client, people):
    _ocp, hidden, _amina, _karim, _draft = people
    for slug in ("nowhere", hidden.slug):
        response = client.get("/fr/people/", {"organization": slug})
        assert response.status_code == 400
        assert "Karim Bennani" not in response.content.decode()
