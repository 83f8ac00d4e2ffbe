import datetime

import factory
from django.utils import timezone

from alerts.models import Frequency, Subscription
from taxonomy.models import Region


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """A confirmed weekly subscription to Rabat-Salé-Kénitra (EventFactory's events are in
    Rabat), confirmed a day ago."""

    class Meta:
        model = Subscription

    email = factory.Sequence(lambda n: f"subscriber{n}@example.ma")
    language = "ar"
    frequency = Frequency.WEEKLY
    region = factory.LazyFunction(lambda: Region.objects.get(slug="rabat-sale-kenitra"))
    confirmed_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
