import datetime

import factory
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone, translation

from articles.models import Article, Mention
from events.models import Agreement, Event, EventKind, EventOrganization
from organizations.models import OrganizationKind
from taxonomy.models import Commune, Sector
from tests.articles.factories import ArticleFactory
from tests.editorial.factories import PublishedMixin
from tests.organizations.factories import OrganizationFactory


class EventFactory(PublishedMixin):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"منتدى تجريبي {n}")
    title_fr = factory.Sequence(lambda n: f"Forum d'essai {n}")
    kind = EventKind.FORUM
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda e: e.start_date + datetime.timedelta(days=1))
    commune = factory.LazyFunction(lambda: Commune.objects.get(slug="rabat"))


class AgreementFactory(PublishedMixin):
    class Meta:
        model = Agreement

    title = factory.Sequence(lambda n: f"اتفاقية شراكة {n}")
    title_fr = factory.Sequence(lambda n: f"Convention de partenariat {n}")
    kind = "partnership"


CHEMISTRY_QUOTE = (
    "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء، "
    "يومي 15 و16 ماي 2024، بالرباط."
)


def mention_add(article, record, quote: str):
    """`record` quoted in `article` (the quote must be in its text): a source of the record."""
    start = article.text.index(quote)
    return Mention.objects.create(
        article=article,
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        start=start,
        end=start + len(quote),
        quote=quote,
    )


def chemistry_forum_create() -> Event:
    """The second International Chemistry Forum (Rabat, 15–16 May 2024), public, with what its
    pages show: its organiser (the federation, FCP) and partner (the ministry), its sectors,
    and its source article (Hibapress), which quotes the forum and the federation.

    Built with the factories, in the records' own words (not the demo data): the tests that
    read one event's whole page, its feeds and sitemap entries, or search it, share it."""
    # The factories' untranslated `title`/`name` go to the active language's column.
    with translation.override("ar"):
        federation = OrganizationFactory(
            name="فدرالية الكيمياء وشبه الكيمياء",
            name_fr="Fédération de la Chimie et de la Parachimie (FCP)",
            name_en="Federation of Chemistry and Parachemistry (FCP)",
            kind=OrganizationKind.FEDERATION,
        )
        ministry = OrganizationFactory(
            name="وزارة الصناعة والتجارة",
            name_fr="Ministère de l'Industrie et du Commerce",
            name_en="Ministry of Industry and Trade",
            kind=OrganizationKind.MINISTRY,
        )
        event = EventFactory(
            title="المنتدى الدولي للكيمياء",
            title_fr="Forum international de la chimie",
            title_en="International Chemistry Forum",
            summary=(
                "تنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء"
                " يومي 15 و16 ماي 2024 بالرباط، بشراكة مع وزارة الصناعة والتجارة، حول صناعة"
                " البطاريات عالية الأداء."
            ),
            summary_fr=(
                "La Fédération de la Chimie et de la Parachimie (FCP) organise la deuxième"
                " édition du Forum international de la chimie les 15 et 16 mai 2024 à Rabat,"
                " consacrée à l'industrie des batteries à haute performance."
            ),
            summary_en=(
                "The Federation of Chemistry and Parachemistry (FCP) holds the second edition"
                " of the International Chemistry Forum on 15–16 May 2024 in Rabat, devoted to"
                " the high-performance battery industry."
            ),
            kind=EventKind.FORUM,
            edition=2,
            start_date=datetime.date(2024, 5, 15),
            end_date=datetime.date(2024, 5, 16),
        )
        event.sectors.set(Sector.objects.filter(slug__in=["chemistry", "energy-storage"]))
        EventOrganization.objects.create(event=event, organization=federation, role="organizer")
        EventOrganization.objects.create(event=event, organization=ministry, role="partner")
        article: Article = ArticleFactory(
            title="صناعة البطاريات عالية الأداء.. المغرب يجمع كبار المبتكرين و العلماء",
            outlet="هبة بريس",
            text=CHEMISTRY_QUOTE + " ويأتي هذا المنتدى بشراكة مع وزارة الصناعة والتجارة.",
        )
        mention_add(article, event, CHEMISTRY_QUOTE)
        mention_add(article, federation, CHEMISTRY_QUOTE.split("،")[0])
    return event
