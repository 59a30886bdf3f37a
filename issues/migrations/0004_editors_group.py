"""Create the ``Editors`` group: editors enter and publish data, they do not manage users.

Permissions normally appear after ``migrate`` finishes (post_migrate signal); they
are created here first so that a fresh database gets a complete group in one run.
The permissions themselves are defined once, in ``issues/editors.py``.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Editors"


def create_editors_group(apps, schema_editor):
    from issues.editors import ensure_editors_group

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    ensure_editors_group(apps)


def remove_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("issues", "0003_statement_search_index"),
        ("rounds", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
