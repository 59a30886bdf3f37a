"""A public, unfiltered list page's query is built once per page and then run as it is
(``CompiledPages``), and its nested lists' queries once per power-of-two number of keys
(``compiled_sql.values_by_lookups``). Every answer must be the one the ORM-built queries
give, in every language, page and format, and must show the data as it is now."""

from __future__ import annotations

import datetime

import pytest

from issues.models import Statement
from nafta_tracker import compiled_sql
from nafta_tracker.api import pagination, rows
from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from nafta_tracker.site.api_urls import router
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

COMPILED = [
    (prefix, viewset)
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, ConditionalReadOnlyViewSet) and viewset.compiled_pages
]


@pytest.fixture
def served(monkeypatch, settings) -> dict[str, list]:
    """What was compiled (queries built from scratch) and which pages were served from a compiled
    shape; the response cache off (its hits run no query)."""
    settings.RESPONSE_CACHE_SECONDS = 0
    compiled_sql.forget()
    seen: dict[str, list] = {"compiled": [], "pages": []}
    compile_values, values_of_shape = compiled_sql._compile_values, pagination.values_of_shape

    def compiling(*args, **kwargs):
        seen["compiled"].append(args[0].model.__name__)
        return compile_values(*args, **kwargs)

    def paging(shape, *args, **kwargs):
        seen["pages"].append(shape)
        return values_of_shape(shape, *args, **kwargs)

    monkeypatch.setattr(compiled_sql, "_compile_values", compiling)
    monkeypatch.setattr(pagination, "values_of_shape", paging)
    yield seen
    compiled_sql.forget()


def _counting(method, calls: list):
    """``method``, noting each call in ``calls``."""

    def counted(view):
        calls.append(view)
        return method(view)

    return counted


def _built_by_the_orm(shape, field, values, build, *, using):
    return list(build(list(values)))


def _compiled_page(shape):
    """What is kept for a page shape (None: it could not be compiled and is built each time)."""
    (pages,) = compiled_sql._compiled_pages.values()
    return pages[("default", shape)]


def test_the_lists_compiled_are_those_whose_query_reads_only_the_language_and_the_page():
    assert {prefix for prefix, _viewset in COMPILED} == {
        "statements",
        "issues",
        "positions",
        "status-history",
        "officials",
        "rounds",
    }  # not milestones: their list reads today's date


@pytest.mark.parametrize(("prefix", "viewset"), COMPILED)
def test_each_page_is_built_once_and_answers_as_the_orm_built_page(api, nafta, served, monkeypatch, prefix, viewset):
    queries = ["", "?page=2&page_size=7", "?page_size=3&page=last", "?page_size=500"]
    if viewset.csv_row_reader_class is not None:
        queries.append("?format=csv&page_size=20")
    for language in ("en", "fr"):
        for query in queries:
            url = f"/api/v1/{prefix}/{query}"
            served["pages"].clear()
            first = api.get(url, HTTP_ACCEPT_LANGUAGE=language)
            compiled = len(served["compiled"])
            with monkeypatch.context() as patch:  # nor is its queryset built again, to be left unread
                built: list = []
                patch.setattr(viewset, "get_queryset", _counting(viewset.get_queryset, built))
                again = api.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert len(served["compiled"]) == compiled, f"{url} was built again"
            assert built == [], f"{url}: its queryset was built again"
            shape, same = served["pages"]  # both answered from one shape, the second without a build
            assert shape == same and shape[0][2] == language, url
            assert _compiled_page(shape) is not None, f"{url}: compiling failed, so every request builds"
            with monkeypatch.context() as patch:  # the ORM's queries, built for this request
                patch.setattr(viewset, "compiled_pages", False)
                patch.setattr(rows, "values_by_lookups", _built_by_the_orm)
                reference = api.get(url, HTTP_ACCEPT_LANGUAGE=language)
            assert first.status_code == again.status_code == reference.status_code == 200, url
            assert first.content == again.content == reference.content, (language, url)


def test_a_compiled_page_shows_the_rows_as_they_are_now(api, nafta, served):
    before = api.get("/api/v1/statements/").json()["count"]
    newest = Statement.objects.published().order_by("-date").values_list("date", flat=True).first()
    added = StatementFactory(text="Said after the page was compiled.", date=newest + datetime.timedelta(days=1))
    page = api.get("/api/v1/statements/").json()
    assert page["count"] == before + 1  # counted again: the count's key is the data's version
    assert page["results"][0]["id"] == added.pk and page["results"][0]["text"] == added.text
    assert served["pages"][0] == served["pages"][1]  # the same compiled query both times


def test_a_crawler_paging_through_everything_leaves_the_first_page_compiled(api, nafta, served, monkeypatch):
    monkeypatch.setattr(compiled_sql, "MAX_PAGES", 3)
    for page in (1, 2, 1, 3, 1, 4, 1, 5):
        assert api.get(f"/api/v1/statements/?page_size=5&page={page}").status_code == 200
    first = served["pages"][0]
    assert served["pages"].count(first) == 4
    assert served["compiled"].count("Statement") == 5  # page 1 once (then each page once)
    assert len(compiled_sql._compiled_pages[next(iter(compiled_sql._compiled_pages))]) == 3


def test_filtered_lists_and_editors_pages_are_built_every_time(api, editor_api, nafta, served):
    for _ in range(2):
        api.get("/api/v1/statements/?party=canada")
        api.get("/api/v1/statements/?ordering=updated_at")  # a feed
        api.get("/api/v1/issues/?status=agreed")
        editor_api.get("/api/v1/statements/")
        api.get("/api/v1/milestones/")
    assert served["pages"] == []


class TestValuesByLookups:
    """The nested lists' query: built for a power-of-two number of keys, padded with repeats."""

    def run(self, pks):
        return compiled_sql.values_by_lookups(
            ("test", "issues of statements"),
            Statement._meta.pk,
            pks,
            lambda keys: (
                Statement.issues.through.objects.filter(statement_id__in=keys)
                .order_by("statement_id", "issue_id")
                .values("statement_id", "issue_id")
            ),
            using="default",
        )

    def orm(self, pks):
        through = Statement.issues.through.objects.filter(statement_id__in=pks)
        return list(through.order_by("statement_id", "issue_id").values("statement_id", "issue_id"))

    def test_every_page_of_keys_gets_its_own_rows(self, nafta, served):
        pks = list(Statement.objects.order_by("pk").values_list("pk", flat=True)[:20])
        assert self.run(pks[:3]) == self.orm(pks[:3])  # built for 4 keys
        assert self.run(pks[3:7]) == self.orm(pks[3:7])  # 4 keys: the same query
        assert self.run(pks[7:8] * 3) == self.orm(pks[7:8])  # one key three times
        assert served["compiled"] == ["Statement_issues"]
        assert self.run(pks[:5]) == self.orm(pks[:5])  # 8 keys: built again
        assert self.run(pks[5:18]) == self.orm(pks[5:18])  # 16 keys
        assert served["compiled"] == ["Statement_issues"] * 3

    def test_more_keys_than_a_page_holds_go_to_the_orm(self, nafta, served, django_assert_num_queries):
        """The dataset download shapes every row at once: compiling 32,768 sentinels would take
        a minute, and pass the databases' limits on parameters."""
        pks = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
        many = (pks * (compiled_sql.MAX_KEYS // len(pks) + 2))[: compiled_sql.MAX_KEYS + 1]
        expected = self.orm(pks)
        with django_assert_num_queries(1):
            assert self.run(many) == expected
        assert served["compiled"] == []
        assert self.run(many[: compiled_sql.MAX_KEYS]) == self.orm(pks)  # a page of 500 still is compiled
        assert served["compiled"] == ["Statement_issues"]

    def test_keys_the_field_refuses_go_to_the_orm(self, nafta, served):
        pk = Statement.objects.values_list("pk", flat=True).first()
        with pytest.raises(ValueError):  # as the ORM itself answers them
            self.run([pk, "not-a-number"])
        assert served["compiled"] == []
        assert self.run([]) == []
