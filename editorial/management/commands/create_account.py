"""An account for a member of the desk, in one of the roles' groups (editorial/groups.py)."""

import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from editorial.groups import EDITORS, PUBLISHERS, REGISTRATION_MANAGERS, editorial_groups_ensure

ROLES = {
    "editor": EDITORS,
    "publisher": PUBLISHERS,
    "registration-manager": REGISTRATION_MANAGERS,
}


class Command(BaseCommand):
    help = (
        "Create a staff account in a role's group (editor, publisher, registration-manager), "
        "with a random password printed once; an existing account is added to the group."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=sorted(ROLES))
        parser.add_argument("--email", default="")

    @transaction.atomic
    def handle(self, *args, username, role, email, **options):
        username = username.strip()
        if not username:
            raise CommandError("The username is empty.")
        editorial_groups_ensure()
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        password = None
        if user is None:
            password = secrets.token_urlsafe(12)
            user = User.objects.create_user(username, email, password, is_staff=True)
        elif not user.is_staff:
            user.is_staff = True
            user.save(update_fields=["is_staff"])
        user.groups.add(Group.objects.get(name=ROLES[role]))
        if password:
            self.stdout.write(
                self.style.SUCCESS(f"Account '{username}' created ({role}), password '{password}'")
                + f" (shown once; change it with: manage.py changepassword {username})"
            )
        else:
            self.stdout.write(self.style.SUCCESS(f"Account '{username}' is now a {role}."))
