"""The Editors group: who may do what (declared on each data app's AppConfig, ``editor_permissions``).

The migration creates the group on a fresh database. ``ensure_editors_group`` also
runs on ``post_migrate`` so that the group survives anything that empties the auth
tables and migrates again (``manage.py flush``, a restore into a new database, the
test runner's transactional tests), and so that a permission added here reaches
existing databases on the next ``migrate``.
"""

from __future__ import annotations

from typing import Any

GROUP_NAME = "Editors"


def ensure_editors_group(apps: Any) -> None:
    """Create the group if missing and grant exactly the permissions above (idempotent).

    ``apps`` is the app registry: the historical one inside a migration, the global one
    otherwise. Permissions that do not exist yet are skipped; the next post_migrate,
    which runs after Django creates them, adds them.
    """
    from nafta_tracker.registry import editor_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = [
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in editor_permissions().items()
        for action in actions
    ]
    query = Permission.objects.none()
    for app_label, codename in wanted:
        query |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*query)


def ensure_editors_group_after_migrate(sender: Any, apps: Any = None, **kwargs: Any) -> None:
    from django.apps import apps as global_apps

    ensure_editors_group(apps or global_apps)
