"""The Editors group exists after migrate, and again after anything that empties the auth tables."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command

from issues.editors import GROUP_NAME
from nafta_tracker.registry import editor_permissions

pytestmark = pytest.mark.django_db


def _codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_the_migrated_database_has_the_editors_group_with_exactly_its_permissions():
    expected = {f"{action}_{model}" for (_, model), actions in editor_permissions().items() for action in actions}
    assert _codenames(Group.objects.get(name=GROUP_NAME)) == expected


def test_editors_cannot_manage_users_or_groups():
    codenames = _codenames(Group.objects.get(name=GROUP_NAME))
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_permission"))}


def test_the_group_comes_back_after_a_flush():
    call_command("flush", interactive=False, verbosity=0)
    group = Group.objects.get(name=GROUP_NAME)
    assert "add_statement" in _codenames(group)
    assert "delete_source" not in _codenames(group)
