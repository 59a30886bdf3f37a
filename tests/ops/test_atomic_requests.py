"""Every write request is one transaction: a request that fails half way leaves nothing behind."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from issues import services
from issues.models import Position, Statement

pytestmark = pytest.mark.django_db
with_a_two_write_view = pytest.mark.urls("tests.ops.urls_for_atomic_requests")


@with_a_two_write_view
def test_a_request_whose_second_write_succeeds_keeps_both(client, nafta, editor):
    client.force_login(editor)
    statements, positions = Statement.objects.count(), Position.objects.count()
    assert client.post("/record-round-close/").status_code == 201
    assert (Statement.objects.count(), Position.objects.count()) == (statements + 1, positions + 1)


@with_a_two_write_view
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


def test_reading_opens_no_transaction(client, nafta):
    # GET requests are not wrapped: no savepoint around the view's own queries.
    with CaptureQueriesContext(connection) as captured:
        assert client.get("/rounds/round-6-montreal/").status_code == 200
    assert captured.captured_queries
    assert not any("SAVEPOINT" in query["sql"] for query in captured.captured_queries)
