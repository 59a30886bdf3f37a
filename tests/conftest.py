"""Shared fixtures: the NAFTA data, and the people who use the tracker (personas)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from issues.seed.load import load_nafta_data


@pytest.fixture
def nafta(db):
    """The shipped 2017–2018 NAFTA data, loaded as `make run` loads it."""
    load_nafta_data()


@pytest.fixture
def editor(db) -> User:
    """A staff member of the Editors group (created by migration)."""
    user = User.objects.create_user("editor", password="editor-pass-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def superuser(db) -> User:
    return User.objects.create_superuser("root", password="root-pass-1")


@pytest.fixture
def reader(db) -> User:
    """A logged-in user with no permissions at all: reads like the public."""
    return User.objects.create_user("reader", password="reader-pass-1")
