"""The Editors group: who may do what. One definition, used by migration 0004 and after every migrate.

The migration creates the group on a fresh database. ``ensure_editors_group`` also
runs on ``post_migrate`` so that the group survives anything that empties the auth
tables and migrates again (``manage.py flush``, a restore into a new database, the
test runner's transactional tests), and so that a permission added here reaches
existing databases on the next ``migrate``.
"""

from __future__ import annotations

from typing import Any

GROUP_NAME = "Editors"

# (app label, model) -> actions editors may perform. Deleting *published* rows is
# refused in the admin (issues/admin_base.py), not here: the permission lets editors
# discard their own drafts. No auth models: editors cannot manage users or groups.
EDITOR_PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
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


def ensure_editors_group(apps: Any) -> None:
    """Create the group if missing and grant exactly the permissions above (idempotent).

    ``apps`` is the app registry: the historical one inside a migration, the global one
    otherwise. Permissions that do not exist yet are skipped; the next post_migrate,
    which runs after Django creates them, adds them.
    """
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP_NAME)
    wanted = [
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in EDITOR_PERMISSIONS.items()
        for action in actions
    ]
    query = Permission.objects.none()
    for app_label, codename in wanted:
        query |= Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    group.permissions.add(*query)


def ensure_editors_group_after_migrate(sender: Any, apps: Any = None, **kwargs: Any) -> None:
    from django.apps import apps as global_apps

    ensure_editors_group(apps or global_apps)
