"""`make backup` / `make restore` round-trip the whole database without losing a row."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management import CommandError, call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from issues import services
from issues.models import Issue, Source, Statement
from nafta_tracker.backup import EXCLUDED
from nafta_tracker.registry import derived_models
from rounds.models import Official

pytestmark = pytest.mark.django_db


def everything() -> dict[str, list[dict]]:
    """Every row of every backed-up table, foreign keys to content types and permissions by natural key."""
    snapshot = {}
    for model in apps.get_models(include_auto_created=True):
        label = model._meta.label_lower
        if model._meta.app_label in EXCLUDED or label in EXCLUDED:
            continue
        rows = serializers.serialize("python", model._default_manager.order_by("pk"), use_natural_foreign_keys=True)
        if model._meta.auto_created or model in derived_models():
            # A many-to-many link table, or the database's copy of one (not in the backup, rebuilt
            # as the links are restored): the links matter, not the ids of their rows.
            rows = sorted(repr(row["fields"]) for row in rows)
        snapshot[label] = rows
    return snapshot


@pytest.fixture
def lived_in_database(nafta, editor, superuser):
    """The NAFTA data after some editing: history, links, an API token, the admin log."""
    statement = services.statement_create(
        speaker=Official.objects.get(slug="chrystia-freeland"),
        text="We are prepared to be creative",
        date=datetime.date(2018, 1, 29),
        source=Source.objects.get(slug="afp-montreal-round-close"),
        issues=[Issue.objects.get(slug="auto-rules-of-origin")],
    )
    services.publish(statement)
    statement.issues.add(Issue.objects.get(slug="dispute-settlement"))  # history of the link
    services.unpublish(Statement.objects.published().last())
    Token.objects.create(user=editor)
    LogEntry.objects.log_actions(
        user_id=editor.pk, queryset=Statement.objects.filter(pk=statement.pk), action_flag=CHANGE
    )


@pytest.fixture
def fresh_content_type_cache():
    yield
    ContentType.objects.clear_cache()  # restoring recreated content types; the test's rollback undoes them


def test_a_backup_restored_into_an_emptied_database_gives_back_every_row(
    lived_in_database, tmp_path, fresh_content_type_cache
):
    before = everything()
    assert len(before["issues.historicalstatement"]) > Statement.objects.count()
    assert before["issues.historicalstatement_issues"]
    assert len(before["issues.statementissuedate"]) == len(before["issues.statement_issues"])
    assert Group.objects.get(name="Editors").permissions.exists()
    backup = tmp_path / "nafta.xml.gz"

    call_command("backup", str(backup))
    connection.check_constraints()  # PostgreSQL: no TRUNCATE while this test's FK checks are pending
    call_command("flush", interactive=False)  # the disaster
    assert not Statement.objects.exists() and not User.objects.exists()
    call_command("restore", str(backup))

    after = everything()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], label


def test_restore_refuses_to_overwrite_a_database_that_holds_data(lived_in_database, tmp_path):
    backup = tmp_path / "nafta.xml"
    call_command("backup", str(backup))
    with pytest.raises(CommandError, match="already holds users or data"):
        call_command("restore", str(backup))


def test_restore_replaces_the_database_when_told_to(lived_in_database, tmp_path, fresh_content_type_cache):
    backup = tmp_path / "nafta.xml"
    call_command("backup", str(backup))
    before = everything()
    Statement.objects.filter(pk=Statement.objects.first().pk).delete()
    User.objects.create_user("intruder")

    call_command("restore", str(backup), replace=True)

    assert everything() == before


def test_a_json_backup_is_refused_because_json_loses_microseconds(tmp_path):
    with pytest.raises(CommandError, match=r"ends with one of \.xml"):
        call_command("backup", str(tmp_path / "nafta.json"))
