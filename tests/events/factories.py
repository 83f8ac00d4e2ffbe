import datetime

import factory
from django.utils import timezone

from events.models import Agreement, Event, EventKind
from taxonomy.models import Commune
from tests.editorial.factories import PublishedMixin


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
