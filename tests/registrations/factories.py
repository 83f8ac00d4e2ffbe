import datetime

import factory
from django.utils import timezone

from registrations.models import Registration, RegistrationStatus
from tests.events.factories import EventFactory


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    status = RegistrationStatus.CONFIRMED
    full_name = factory.Sequence(lambda n: f"مشارك {n}")
    email = factory.Sequence(lambda n: f"registrant{n}@example.org")
    consent_at = factory.LazyFunction(timezone.now)


class OpenEventFactory(EventFactory):
    """An upcoming event whose registration is open now (tests/registrations)."""

    title_en = factory.Sequence(lambda n: f"Test forum {n}")
    venue = "قصر المؤتمرات"
    venue_fr = "Palais des congrès"
    registration_opens = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    registration_closes = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=10))
    capacity = 3
    waiting_list = True


def registration_form_data(**overrides) -> dict:
    """The public registration form as a registrant fills it in; override any field."""
    return {
        "full_name": "أمينة العلوي",
        "email": "amina@example.ma",
        "phone": "0661234567",
        "organization_name": "المكتب الشريف للفوسفاط",
        "job_title": "مهندسة",
        "language": "ar",
        "consent": "on",
        "homepage": "",
        **overrides,
    }
