"""The editorial desk's groups and what each may do.

`editorial_groups_ensure()` runs from a data migration and again after every `migrate` or
`flush` (post_migrate, see PortalConfig.ready), so the groups exist in every database,
including the test database after a transactional test empties it. It only adds: permissions
an administrator grants a group by hand are kept.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Editors"
PUBLISHERS = "Publishers"
REGISTRATION_MANAGERS = "Registration managers"

# The records the public site shows: editors write them, publishers decide what goes out.
PUBLISHABLE_MODELS = (
    "events.event",
    "events.agreement",
    "organizations.organization",
    "organizations.person",
)
# Rows edited as part of a record (inlines), and the provenance spans.
PART_MODELS = (
    "events.eventorganization",
    "events.participation",
    "organizations.position",
    "articles.mention",
)
# The press articles records come from: editors add them, only publishers delete them.
SOURCE_MODELS = ("articles.article",)
# Reference data editors pick from (autocomplete needs the view permission).
REFERENCE_MODELS = ("portal.region", "portal.province", "portal.commune", "portal.sector")

APP_LABELS = ("portal", "organizations", "events", "articles")


def _perms(models: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    perms = []
    for label in models:
        app_label, model_name = label.split(".")
        perms += [f"{app_label}.{action}_{model_name}" for action in actions]
    return perms


def group_permissions() -> dict[str, list[str]]:
    """Group name -> permissions as "app_label.codename"."""
    editors = (
        _perms(PUBLISHABLE_MODELS, ("view", "add", "change"))
        + _perms(PART_MODELS, ("view", "add", "change", "delete"))
        + _perms(SOURCE_MODELS, ("view", "add", "change"))
        + _perms(REFERENCE_MODELS, ("view",))
    )
    publishers = (
        editors
        + _perms(PUBLISHABLE_MODELS + SOURCE_MODELS, ("delete",))
        + [f"{label.split('.')[0]}.publish_{label.split('.')[1]}" for label in PUBLISHABLE_MODELS]
    )
    registration_managers = [
        "events.view_registration",
        "events.change_registration",
        "events.export_registration",
        "events.checkin_registration",
        # The registration list filters and links by event.
        "events.view_event",
    ]
    return {
        EDITORS: editors,
        PUBLISHERS: publishers,
        REGISTRATION_MANAGERS: registration_managers,
    }


def editorial_groups_ensure(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the groups and give them their permissions; safe to run any number of times."""
    for app_label in APP_LABELS:
        app_config = apps.get_app_config(app_label)
        if getattr(app_config, "models_module", None) is None:
            # A migration's historical app: create_permissions skips apps without models.
            app_config.models_module = True
        create_permissions(app_config, verbosity=0, using=using, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    known = {
        f"{app_label}.{codename}": pk
        for pk, app_label, codename in Permission.objects.using(using).values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for name, perms in group_permissions().items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.add(*(known[perm] for perm in perms if perm in known))


def groups_post_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    editorial_groups_ensure(using=using)
