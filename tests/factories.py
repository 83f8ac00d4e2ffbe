import datetime

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from articles.models import Article
from events.models import Agreement, Event, EventKind, Registration, RegistrationStatus
from organizations.models import Organization, OrganizationKind, Person
from portal.models import Commune, Status


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")
    is_staff = True


class PublishedMixin(factory.django.DjangoModelFactory):
    status = Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class OrganizationFactory(PublishedMixin):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"منظمة {n}")
    name_fr = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganizationKind.ASSOCIATION


class PersonFactory(PublishedMixin):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"شخص {n}")
    name_fr = factory.Sequence(lambda n: f"Personne {n}")


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


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    status = RegistrationStatus.CONFIRMED
    full_name = factory.Sequence(lambda n: f"مشارك {n}")
    email = factory.Sequence(lambda n: f"registrant{n}@example.org")
    consent_at = factory.LazyFunction(timezone.now)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"مقال {n}")
    outlet = "هبة بريس"
    text = "ستنظم فدرالية الكيمياء وشبه الكيمياء الدورة الثانية من المنتدى الدولي للكيمياء."


class OpenEventFactory(EventFactory):
    """An upcoming event whose registration is open now (tests/registration)."""

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
