import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from editorial.groups import PUBLISHERS, REGISTRATION_MANAGERS


def run(*args) -> str:
    out = StringIO()
    call_command("create_account", *args, stdout=out)
    return out.getvalue()


def test_create_account_makes_a_staff_member_of_the_role_who_can_log_in(db, client):
    output = run("amina", "--role", "publisher", "--email", "amina@example.ma")
    password = re.search(r"password '([^']+)'", output).group(1)
    user = get_user_model().objects.get(username="amina")
    assert user.is_staff and not user.is_superuser
    assert list(user.groups.values_list("name", flat=True)) == [PUBLISHERS]
    assert user.has_perm("events.publish_event")
    assert client.login(username="amina", password=password)


def test_an_existing_account_joins_the_role_and_keeps_its_password(db):
    user = get_user_model().objects.create_user("karim", password="kept-password-123")
    output = run("karim", "--role", "registration-manager")
    assert "password" not in output
    user.refresh_from_db()
    assert user.is_staff and user.check_password("kept-password-123")
    assert user.groups.filter(name=REGISTRATION_MANAGERS).exists()


def test_an_unknown_role_is_refused(db):
    with pytest.raises(CommandError):
        run("nadia", "--role", "owner")
    assert not get_user_model().objects.filter(username="nadia").exists()
