"""The editorial desk's groups and what each may do.

`editorial_groups_ensure()` runs from a data migration and again after every `migrate` or
`flush` (post_migrate, see EditorialConfig.ready), so the groups exist in every database,
including the test database after a transactional test empties it. It only adds: permissions
an administrator grants a group by hand are kept.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Editors"
PUBLISHERS = "Publishers"
REGISTRATION_MANAGERS = "Registration managers"


def declared_models(kind: str) -> tuple[str, ...]:
    """The models ("app_label.model") the installed apps declare of one kind in their
    AppConfig's `editorial_models`:
    - "publishable": the records the public site shows; editors write them, publishers decide
      what goes out;
    - "parts": rows edited as part of a record (inlines) and the provenance spans;
    - "sources": the press articles records come from; only publishers delete them;
    - "reference": reference data editors pick from (autocomplete needs the view permission).
    """
    return tuple(
        f"{config.label}.{model}"
        for config in global_apps.get_app_configs()
        for model in getattr(config, "editorial_models", {}).get(kind, ())
    )


def _perms(models: tuple[str, ...], actions: tuple[str, ...]) -> list[str]:
    perms = []
    for label in models:
        app_label, model_name = label.split(".")
        perms += [f"{app_label}.{action}_{model_name}" for action in actions]
    return perms


def group_permissions() -> dict[str, list[str]]:
    """Group name -> permissions as "app_label.codename": the editorial roles from the
    declared models, plus what apps grant a role in their AppConfig's `role_permissions`."""
    publishable, sources = declared_models("publishable"), declared_models("sources")
    editors = (
        _perms(publishable, ("view", "add", "change"))
        + _perms(declared_models("parts"), ("view", "add", "change", "delete"))
        + _perms(sources, ("view", "add", "change"))
        + _perms(declared_models("reference"), ("view",))
    )
    publishers = (
        editors
        + _perms(publishable + sources, ("delete",))
        + [f"{label.split('.')[0]}.publish_{label.split('.')[1]}" for label in publishable]
    )
    groups = {EDITORS: editors, PUBLISHERS: publishers, REGISTRATION_MANAGERS: []}
    for config in global_apps.get_app_configs():
        for role, perms in getattr(config, "role_permissions", {}).items():
            groups[role] = groups.get(role, []) + list(perms)
    return groups


def editorial_groups_ensure(*, apps=global_apps, using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the groups and give them their permissions; safe to run any number of times."""
    labels = {perm.split(".")[0] for perms in group_permissions().values() for perm in perms}
    for app_label in labels:
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
