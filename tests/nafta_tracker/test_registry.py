"""The data apps declare their models once; everything that must know them reads the declaration."""

from django.apps import apps
from simple_history.models import HistoricalChanges

from nafta_tracker import db_routing
from nafta_tracker.freshness import public_data_changed_at
from nafta_tracker.registry import data_app_labels, data_apps, derived_models, editor_permissions, public_models
from rounds.publishing import Publishable


def _concrete_data_models():
    """The models editors write, whose rows the public sees: not history, not what the database derives."""
    derived = set(derived_models())
    for config in data_apps():
        for model in config.get_models():
            if not issubclass(model, HistoricalChanges) and model not in derived:
                yield model


def test_derived_models_are_declared_and_neither_public_nor_editable():
    derived = derived_models()
    assert [model._meta.label for model in derived] == ["issues.StatementIssueDate"]
    assert not set(derived) & set(public_models())
    permissions = editor_permissions()
    assert not any((model._meta.app_label, model._meta.model_name) in permissions for model in derived)


def test_the_data_apps_are_rounds_and_issues_lowest_layer_first():
    assert [config.label for config in data_apps()] == ["rounds", "issues"]


def test_every_model_of_a_data_app_is_declared_public_or_the_test_names_why_not():
    """A model left out of ``public_models`` would never move the pages' and API's validators:
    readers would get a stale 304 after it changed. Declare it on its AppConfig."""
    declared = set(public_models())
    missing = [model.__name__ for model in _concrete_data_models() if model not in declared]
    assert missing == []


def test_every_publishable_model_is_public_and_editable_by_editors():
    permissions = editor_permissions()
    for model in _concrete_data_models():
        if issubclass(model, Publishable):
            assert model in public_models()
            assert "change" in permissions[(model._meta.app_label, model._meta.model_name)]


def test_every_public_model_has_a_page_route_for_api_links():
    for model in public_models():
        assert "view_name" in model.html_route, model


def test_editors_may_touch_every_data_model_and_nothing_else():
    declared = {(label, model) for label, model in editor_permissions()}
    expected = {(m._meta.app_label, m._meta.model_name) for m in _concrete_data_models()}
    assert declared == expected
    assert all(apps.get_app_config(label) for label, _ in declared)


def test_the_replica_serves_exactly_the_data_apps():
    router = db_routing.PrimaryReplicaRouter()
    with db_routing.replica_reads(True):
        for model in _concrete_data_models():
            assert router.db_for_read(model) == db_routing.REPLICA, model
        assert router.db_for_read(apps.get_model("auth", "User")) == db_routing.PRIMARY
    assert data_app_labels() == {"rounds", "issues"}


def test_the_freshness_query_covers_every_public_table(db):
    # One query over every declared table; an empty site has no change yet.
    assert public_data_changed_at() is None
