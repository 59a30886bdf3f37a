"""A backup file is private, holds no API tokens, and gives back every byte of the text it holds."""

from __future__ import annotations

import gzip
import stat

import pytest
from django.core.management import call_command
from django.db import connection
from rest_framework.authtoken.models import Token

from issues.models import Statement
from tests.factories import SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("name", ["nafta.xml", "nafta.xml.gz", "nafta.xml.xz"])
def test_the_backup_file_is_readable_by_its_owner_only(db, tmp_path, name, editor):
    backup = tmp_path / name
    call_command("backup", str(backup))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_an_existing_world_readable_file_is_made_private_before_it_is_written(db, tmp_path, editor):
    backup = tmp_path / "nafta.xml"
    backup.write_text("old")
    backup.chmod(0o644)
    call_command("backup", str(backup))
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600


def test_api_tokens_are_left_out_of_the_backup(db, tmp_path, editor):
    token = Token.objects.create(user=editor)
    backup = tmp_path / "nafta.xml.gz"
    call_command("backup", str(backup))
    text = gzip.decompress(backup.read_bytes()).decode()
    assert token.key not in text
    assert "authtoken" not in text
    assert "editor" in text  # users are kept (their password hashes are why the file is private)


@pytest.mark.parametrize("text", ["a\r\nb", "a\rb", "trailing\r\n", "\r\n\r\nlines\n\r"])
def test_carriage_returns_survive_a_backup_and_restore_byte_for_byte(db, tmp_path, text):
    statement = StatementFactory(text=text, context="lead\r\nin", source=SourceFactory(notes="x\r\ny"))
    backup = tmp_path / "nafta.xml.gz"
    call_command("backup", str(backup))
    connection.check_constraints()
    call_command("restore", str(backup), replace=True)

    restored = Statement.objects.select_related("source").get(pk=statement.pk)
    assert (restored.text, restored.context, restored.source.notes) == (text, "lead\r\nin", "x\r\ny")
    assert restored.history.latest("history_date").text == text
