"""Create the ``Editors`` group: editors enter and publish data, they do not manage users.

Permissions normally appear after ``migrate`` finishes (post_migrate signal); they
are created here first so that a fresh database gets a complete group in one run.
Deleting published statements is refused in the admin, not here: the permission
lets editors discard their own drafts.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Editors"

# model -> actions editors may perform
EDITOR_PERMISSIONS = {
    ("rounds", "party"): ("add", "change", "view"),
    ("rounds", "official"): ("add", "change", "view"),
    ("rounds", "round"): ("add", "change", "view"),
    ("rounds", "milestone"): ("add", "change", "view", "delete"),
    ("issues", "source"): ("add", "change", "view"),
    ("issues", "issue"): ("add", "change", "view"),
    ("issues", "statusassessment"): ("add", "change", "view", "delete"),
    ("issues", "position"): ("add", "change", "view", "delete"),
    ("issues", "statement"): ("add", "change", "view", "delete"),
}


def create_editors_group(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    codenames = [
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    permissions = [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in codenames
    ]
    group.permissions.add(*permissions)


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
