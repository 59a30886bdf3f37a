"""Which apps and models are the tracker's data, declared once on each app's AppConfig.

Everything that must know the data models derives from the declaration: the page and
API validators (``nafta_tracker.freshness``) and the response cache (``nafta_tracker.response_cache``),
the read replica's routing, the backup, the Editors' permissions and the tests' data
fixture. A new model needs one line in its app's ``public_models`` (tests/test_registry.py
fails for a data model left out), and a new app one ``DataAppConfig``.
"""

from __future__ import annotations

from django.apps import AppConfig, apps
from django.db import models


class DataAppConfig(AppConfig):
    """An app whose rows are the tracker's record (shown to the public, replicated, backed up)."""

    #: Models whose rows the public sees (pages, API, feeds): their changes move the validators.
    public_models: tuple[str, ...] = ()
    #: Model name -> what editors may do with it. Deleting *published* rows is refused in the
    #: admin (rounds/admin_base.py), not here: "delete" lets editors discard their own drafts.
    editor_permissions: dict[str, tuple[str, ...]] = {}
    #: Models the database itself keeps from other tables (triggers): copies made for reading,
    #: never written from Python, never public on their own, left out of backups (a restore
    #: rebuilds them as it loads what they copy).
    derived_models: tuple[str, ...] = ()


def data_apps() -> list[DataAppConfig]:
    """The data apps, lowest layer first (the order of INSTALLED_APPS)."""
    return [config for config in apps.get_app_configs() if isinstance(config, DataAppConfig)]


def data_app_labels() -> frozenset[str]:
    return frozenset(config.label for config in data_apps())


def public_models() -> list[type[models.Model]]:
    return [config.get_model(name) for config in data_apps() for name in config.public_models]


def data_tables() -> list[type[models.Model]]:
    """Every table of the data apps: models, many-to-many links and history."""
    return [model for config in data_apps() for model in config.get_models(include_auto_created=True)]


def derived_models() -> list[type[models.Model]]:
    return [config.get_model(name) for config in data_apps() for name in config.derived_models]


def editor_permissions() -> dict[tuple[str, str], tuple[str, ...]]:
    return {
        (config.label, model): actions for config in data_apps() for model, actions in config.editor_permissions.items()
    }
