"""The editorial desk's groups (Editors, Publishers, Registration managers) and their
permissions; the same function runs again after every migrate and flush (post_migrate)."""

from django.db import migrations


def groups_create(apps, schema_editor):
    from portal.groups import editorial_groups_ensure

    editorial_groups_ensure(apps=apps, using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0002_editorial_and_registration_fields"),
        ("organizations", "0002_editorial_and_registration_fields"),
        ("events", "0002_editorial_and_registration_fields"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(groups_create, migrations.RunPython.noop)]
