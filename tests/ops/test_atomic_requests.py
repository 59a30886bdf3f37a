"""Every request is one transaction: a request that fails half way leaves nothing behind."""

import pytest

from issues import services
from issues.models import Position, Statement

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.ops.urls_for_atomic_requests")]


def test_the_databases_wrap_each_request_in_a_transaction(settings):
    assert settings.DATABASES["default"]["ATOMIC_REQUESTS"] is True


def test_a_request_whose_second_write_succeeds_keeps_both(client, nafta, editor):
    client.force_login(editor)
    statements, positions = Statement.objects.count(), Position.objects.count()
    assert client.post("/record-round-close/").status_code == 201
    assert (Statement.objects.count(), Position.objects.count()) == (statements + 1, positions + 1)


def test_a_request_killed_after_its_first_write_leaves_nothing_half_written(client, nafta, editor, monkeypatch):
    def crash(**fields):
        raise RuntimeError("worker killed half way")

    monkeypatch.setattr(services, "position_create", crash)
    client.force_login(editor)
    client.raise_request_exception = False
    statements, positions = Statement.objects.count(), Position.objects.count()

    response = client.post("/record-round-close/")

    assert response.status_code == 500
    assert (Statement.objects.count(), Position.objects.count()) == (statements, positions)
    assert not Statement.objects.filter(text="We have made some progress, but not enough").exists()
    assert not Statement.history.filter(text="We have made some progress, but not enough").exists()
