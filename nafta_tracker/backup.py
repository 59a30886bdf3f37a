"""Whole-database backup and restore through Django's serialisers (any database engine).

A backup holds every table except three that ``migrate`` rebuilds or that are transient:
content types and permissions (recreated by ``migrate``; rows pointing at them, such as a
group's permissions or an admin log entry, are written with natural keys, so they find
them again under whatever ids they get) and sessions (everyone logs in again). Every
other row keeps its primary key: domain data, the change history (django-simple-history
tables, including the history of statement–issue links), users, groups, the admin log
and the login-attempt records. Not API tokens (see ``EXCLUDED``).

Backups are XML: Django's JSON serialiser cuts datetimes to milliseconds, and every
``updated_at`` and history timestamp would come back changed; the XML serialiser keeps
microseconds (and is as portable across database engines). Text comes back byte for
byte (``backup_xml``): Django's XML would turn "\\r\\n" into "\\n" and strip each value.
The file is created readable by its owner only (0600).

Restoring replaces the database's contents in one transaction. History is not written
while loading (the rows being loaded *are* the history). Cached responses need nothing:
their keys name the public state they were rendered from (``freshness.public_state``),
so after a restore only entries rendered from the restored state can be found.
"""

from __future__ import annotations

import os
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import override_settings

from . import backup_xml
from .registry import data_apps, derived_models

# API tokens are left out: a token is a password that needs no login, and a backup is
# copied to more places than the database. After a restore, editors create new ones.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "authtoken"]
SUFFIXES = (".xml", ".xml.gz", ".xml.bz2", ".xml.xz")


def check_backup_name(path: Path) -> None:
    if not path.name.endswith(SUFFIXES):
        raise ValueError(f"A backup file name ends with one of {', '.join(SUFFIXES)}; got {path.name!r}.")


def backup_database(path: Path, *, database: str = DEFAULT_DB_ALIAS) -> None:
    """Write the whole database to ``path`` (``.xml``, or compressed: ``.xml.gz``, ``.xml.xz``…)."""
    check_backup_name(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # The file holds password hashes and everything editors wrote, drafts included: readable
    # by its owner only. Created (or, if it exists, restricted) before a byte is written;
    # dumpdata then truncates and writes it, which keeps the mode.
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    path.chmod(0o600)
    with backup_xml.as_xml_format():
        call_command(
            "dumpdata",
            format="xml",
            natural_foreign=True,
            # Tables the database derives (registry.derived_models) are rebuilt by its triggers as
            # the rows they copy are loaded: restored from the file too, each row would be a duplicate.
            exclude=[*EXCLUDED, *(model._meta.label_lower for model in derived_models())],
            output=str(path),
            database=database,
            verbosity=0,
        )


def database_holds_data(*, database: str = DEFAULT_DB_ALIAS) -> bool:
    """Whether there is anything a restore would destroy: users or any rounds/issues row."""
    if get_user_model()._default_manager.using(database).exists():
        return True
    return any(
        model._default_manager.using(database).exists() for config in data_apps() for model in config.get_models()
    )


def restore_database(path: Path, *, database: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the database's contents with the backup at ``path``. All or nothing."""
    check_backup_name(path)
    if not path.is_file():
        raise FileNotFoundError(f"No backup at {path}")
    with override_settings(SIMPLE_HISTORY_ENABLED=False), transaction.atomic(using=database):
        # PostgreSQL refuses to TRUNCATE tables with deferred foreign-key checks still pending
        # (rows written earlier in an enclosing transaction): run those checks now.
        connections[database].check_constraints()
        call_command("flush", interactive=False, database=database, verbosity=0)
        with backup_xml.as_xml_format():
            call_command("loaddata", str(path), database=database, verbosity=0)
