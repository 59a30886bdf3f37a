"""A detail's ETag query is built once per shape and then run for any object
(``nafta_tracker.compiled_sql``): the validators must be exactly those the ORM-built query
gives, for every resource, object, audience and format, and must still move when
anything the detail shows changes."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.backends.signals import connection_created

from issues.models import Source, Statement
from nafta_tracker import compiled_sql
from nafta_tracker.api import viewsets
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from nafta_tracker.site.api_urls import router
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

DETAILS = [
    prefix
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, ConditionalReadOnlyViewSet) and prefix != "tombstones"
]


@pytest.fixture
def built(monkeypatch, settings) -> list[str]:
    """The queries compiled from scratch; the response cache off (its hits run no query)."""
    settings.RESPONSE_CACHE_SECONDS = 0
    compiled_sql.forget()
    shapes: list[str] = []
    original = compiled_sql._compile

    def counting(*args, **kwargs):
        shapes.append("compiled")
        return original(*args, **kwargs)

    monkeypatch.setattr(compiled_sql, "_compile", counting)
    yield shapes
    compiled_sql.forget()


def _validators(response) -> tuple[int, str | None, str | None]:
    return response.status_code, response.get("ETag"), response.get("Last-Modified")


def _urls(client, prefix: str) -> list[str]:
    rows = client.get(f"/api/v1/{prefix}/?page_size=500").json()["results"]
    return list(dict.fromkeys(row["url"] for row in rows[:4] + rows[-4:]))


@pytest.mark.parametrize("who", ["api", "editor_api"])
@pytest.mark.parametrize("prefix", DETAILS)
def test_detail_validators_are_the_orm_built_querys(request, nafta, built, monkeypatch, who, prefix):
    client = request.getfixturevalue(who)
    urls = _urls(client, prefix)
    assert urls, f"nothing to compare on /{prefix}/"
    formats = ["", "?format=csv"] if prefix in ("statements", "positions", "issues") else [""]
    fast = [_validators(client.get(url + query)) for url in urls for query in formats]
    assert len(built) == len(formats), "one build per shape, whatever the object"
    with monkeypatch.context() as patch:
        patch.setattr(
            viewsets, "run_by_lookup", lambda shape, field, value, build_and_run, read, using: build_and_run(value)
        )
        reference = [_validators(client.get(url + query)) for url in urls for query in formats]
    assert fast == reference
    assert {status for status, _etag, _last in fast} == {200}


def test_a_draft_and_a_missing_object_stay_404_for_the_public(api, editor_api, nafta, built):
    draft = StatementFactory(state="draft", published_at=None)
    published = Statement.objects.published().first()
    assert editor_api.get(f"/api/v1/statements/{draft.pk}/").status_code == 200
    assert api.get(f"/api/v1/statements/{published.pk}/").status_code == 200
    assert api.get(f"/api/v1/statements/{draft.pk}/").status_code == 404
    assert api.get("/api/v1/statements/999999999/").status_code == 404
    assert len(built) == 2  # the editors' shape and the public's


def test_the_etag_still_moves_when_what_the_detail_shows_changes(api, nafta, built):
    statement = Statement.objects.published().exclude(source=None).first()
    url = f"/api/v1/statements/{statement.pk}/"
    first = api.get(url)
    assert api.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    Source.objects.filter(pk=statement.source_id).update(title="Retitled")  # what the detail embeds
    source = Source.objects.get(pk=statement.source_id)
    source.save()  # moves updated_at
    second = api.get(url)
    assert second.status_code == 200 and second["ETag"] != first["ETag"]
    assert second.json()["source"]["title"] == "Retitled"
    assert len(built) == 1


def test_one_query_per_etag_as_before(api, nafta, built, django_assert_num_queries):
    pk = Statement.objects.published().first().pk
    api.get(f"/api/v1/statements/{pk}/")  # builds the shape
    with django_assert_num_queries(4):  # ETag, the row, its issues, its translations
        api.get(f"/api/v1/statements/{pk}/")


class TestRunByLookup:
    """The helper itself, on a query whose lookup value it can and cannot find."""

    def run(self, value, build):
        return compiled_sql.run_by_lookup(
            ("test", build.__name__),
            Statement._meta.pk,
            value,
            build,
            lambda row: row[0],
            using="default",
        )

    def test_each_value_gets_its_own_answer(self, nafta, built):
        pks = list(Statement.objects.order_by("pk").values_list("pk", flat=True)[:3])

        def count_from(value):
            return Statement.objects.filter(pk__gte=value).count()

        answers = [self.run(str(pk), count_from) for pk in pks]
        assert answers == [Statement.objects.filter(pk__gte=pk).count() for pk in pks]
        assert answers[0] > answers[1] > answers[2] and len(built) == 1

    def test_a_value_the_field_refuses_goes_to_the_orm(self, nafta, built):
        def refuse(value):
            return f"orm saw {value!r}"

        assert self.run("not-a-number", refuse) == "orm saw 'not-a-number'"
        assert built == []

    def test_a_query_without_the_value_as_a_parameter_is_built_every_time(self, nafta, built):
        def transformed(value):
            # The value reaches the query only as part of another parameter: nothing to substitute.
            return Statement.objects.filter(text__contains=str(value)).count()

        assert self.run("1", transformed) == Statement.objects.filter(text__contains="1").count()
        assert self.run("2", transformed) == Statement.objects.filter(text__contains="2").count()
        assert built == ["compiled"]
        assert compiled_sql._compiled[("default", connection.vendor, ("test", "transformed"))] is None


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/api/v1/positions/", "/api/v1/status-history/"])
def test_an_id_beyond_what_the_column_holds_is_not_found(api, nafta, built, path):
    """The ORM finds no row for it; the database would refuse it as a parameter (a 500)."""
    existing = api.get(path).json()["results"][0]["id"]
    assert api.get(f"{path}{existing}/").status_code == 200  # the shapes are built
    for huge in ("99999999999999999999", "9223372036854775808"):
        assert api.get(f"{path}{huge}/").status_code == 404


def test_building_a_shape_counts_no_query(api, nafta, built, django_assert_num_queries):
    """The build catches its query before it runs; a debug cursor's log must not count it either."""
    pk = Statement.objects.published().first().pk
    with django_assert_num_queries(4):  # ETag, the row, its issues, its translations
        api.get(f"/api/v1/statements/{pk}/")
    assert built == ["compiled"]


@pytest.mark.django_db(transaction=True)
def test_a_detail_first_asked_on_a_new_connection_is_compiled(api, monkeypatch, settings, request):
    """Opening a connection may run queries of its own (django.contrib.postgres looks up the hstore
    type on the process's first one): they must not be taken for the build's, or the shape stays
    uncompiled and every later request builds its query with the ORM."""
    if connection.vendor != "postgresql":
        assert connection.vendor == "sqlite"  # the test's in-memory database cannot be closed and opened again
        return
    settings.RESPONSE_CACHE_SECONDS = 0
    compiled_sql.forget()
    request.addfinalizer(compiled_sql.forget)  # an uncompiled shape left behind would slow later tests
    url = f"/api/v1/statements/{StatementFactory().pk}/"

    def query_on_connect(sender, connection, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    connection.close()
    connection_created.connect(query_on_connect)
    try:
        first = api.get(url)
    finally:
        connection_created.disconnect(query_on_connect)
    built = []
    original = viewsets.version_of
    monkeypatch.setattr(viewsets, "version_of", lambda *args, **kwargs: built.append(1) or original(*args, **kwargs))
    second = api.get(url)
    assert first.status_code == second.status_code == 200
    assert first["ETag"] == second["ETag"]
    assert built == [], "the second request ran the ORM-built query: the shape was not compiled"
