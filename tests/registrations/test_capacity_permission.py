"""A capacity change moves people off the waiting list (seats and e-mails): without the
registration permission, the event form refuses it while anyone waits."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from editorial.models import Status
from events.models import Event
from registrations.models import OutgoingEmail, Registration, RegistrationStatus
from tests.editorial.factories import UserFactory
from tests.registrations.factories import OpenEventFactory

from ..admin_forms import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("group", ["Publishers", "Editors"])
def test_without_the_registration_permission_capacity_moves_nobody(
    client, english, register, group, django_capture_on_commit_callbacks
):
    event = OpenEventFactory(capacity=5)
    for n in range(10):
        register(event, f"person{n}@example.ma")
    assert Registration.objects.filter(event=event, status=RegistrationStatus.WAITING).count() == 5
    if group == "Editors":  # editors edit only what is not published
        Event.objects.filter(pk=event.pk).update(status=Status.REVIEW)
    mail.outbox.clear()
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    url = f"/admin/events/event/{event.pk}/change/"
    data = form_data(client.get(url))
    data.update(title_ar="منتدى الاختبار", capacity="10")  # the factory's title went to English

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert list(errors) == ["capacity"]
    assert "Only registration managers may change it now" in errors["capacity"][0]
    assert Event.objects.get(pk=event.pk).capacity == 5
    waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    assert waiting.count() == 5
    assert not OutgoingEmail.objects.filter(kind="promoted").exists()
    assert mail.outbox == []
