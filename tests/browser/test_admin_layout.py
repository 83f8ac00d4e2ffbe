"""The widest admin pages fit a 1280 px screen in Arabic (RTL) and French: an event's
participants, an article's extraction review and its page once the drafts are made (their
mentions), the registrations list. Long names and many
rows, as the real desk has them; the page itself must never scroll sideways."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from articles.models import Article
from events.models import Participation
from extraction import services
from tests.events.factories import EventFactory
from tests.organizations.factories import OrganizationFactory, PersonFactory
from tests.registrations.factories import RegistrationFactory

PASSWORD = "a-long-test-password"
TEXT = Path(__file__).resolve().parents[2] / "extraction/corpus/106_fes_spanish_delegation.txt"


def participants_page(base, user):
    event = EventFactory(
        title="المنتدى الدولي للصناعات الكيميائية وشبه الكيميائية والتحول الطاقي بالمغرب",
        title_fr="Forum international des industries chimiques et parachimiques du Maroc",
    )
    for n in range(4):
        Participation.objects.create(
            event=event,
            person=PersonFactory(
                name=f"عبد الرحمن بن عبد الله العلوي الإدريسي الحسني {n}",
                name_fr=f"Abderrahmane Ben Abdellah El Alaoui El Idrissi El Hassani {n}",
            ),
            title_ar="المدير العام للوكالة المغربية لتنمية الاستثمارات والصادرات",
            title_fr="Directeur général de l'Agence marocaine de développement des investissements",
            organization=OrganizationFactory(
                name=f"الفدرالية المغربية للصناعات الكيميائية وشبه الكيميائية {n}",
                name_fr=f"Fédération marocaine des industries chimiques et parachimiques {n}",
            ),
        )
    return f"{base}/admin/events/event/{event.pk}/change/"


def review_page(base, user):
    article = Article.objects.create(title="وفد إسباني بفاس", text=TEXT.read_text("utf-8"))
    return f"{base}/admin/articles/article/{article.pk}/extract/"


def article_page(base, user):
    """The article once every proposal was accepted: one mention per draft, with its quote."""
    article = Article.objects.create(title="وفد إسباني بفاس", text=TEXT.read_text("utf-8"))
    services.proposals_ingest(
        article=article, extraction=services.article_extract(article), user=user
    )
    assert article.mentions.count() > 5
    return f"{base}/admin/articles/article/{article.pk}/change/"


def registrations_page(base, user):
    event = EventFactory(
        title="الملتقى الوطني لمصنعي قطع غيار السيارات والطيران بجهة طنجة تطوان الحسيمة",
        title_fr="Rencontre nationale des équipementiers automobiles et aéronautiques de Tanger",
        capacity=200,
    )
    for n in range(30):
        RegistrationFactory(
            event=event,
            full_name=f"فاطمة الزهراء بنت محمد الأمين الشرقاوي {n}",
            email=f"fatima.zahra.cherkaoui.{n}@federation-industries-chimiques.ma",
            organization_name="Fédération des industries chimiques et parachimiques",
        )
    return f"{base}/admin/registrations/registration/"


PAGES = {
    "participants": participants_page,
    "review": review_page,
    "article": article_page,
    "registrations": registrations_page,
}


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("language", ["ar", "fr"])
def test_admin_page_fits_1280_px(live_server, browser, artifacts_dir, language, name):
    user = get_user_model().objects.create_superuser(f"layout-{language}", password=PASSWORD)
    url = PAGES[name](live_server.url, user)
    context = browser.new_context(
        viewport={"width": 1280, "height": 800},
        locale=language,
        extra_http_headers={"Accept-Language": language},
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", f"layout-{language}")
    page.fill("#id_password", PASSWORD)
    page.click("#login-form [type=submit]")
    page.wait_for_selector("#user-tools")
    page.goto(url)
    assert page.get_attribute("html", "lang") == language
    page.screenshot(path=str(artifacts_dir / f"layout-{name}-{language}.png"), full_page=True)
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{name} in {language}: {widths[0]} px wide"
    if name == "registrations":
        # Every column in sight (none scrolled out of its box), the actions above the list.
        last_column = page.locator("#result_list thead th").last.bounding_box()
        result_list = page.locator("#result_list").bounding_box()
        actions = page.locator("#changelist .actions").bounding_box()
        changelist = page.locator("#changelist .changelist-form-container").bounding_box()
        for box in (last_column, actions):
            assert box["x"] >= changelist["x"]
            assert box["x"] + box["width"] <= changelist["x"] + changelist["width"]
        assert actions["y"] + actions["height"] <= result_list["y"]
    context.close()
