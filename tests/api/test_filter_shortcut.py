"""A list asked for with no filter skips django-filter, and answers exactly as if it had not.

Building and validating a FilterSet that then filters nothing took a sixth of a plain
list's time; ``ConditionalReadOnlyViewSet.asks_no_filter`` spares it. Every list of the
API is compared here with the FilterSet's own answer, byte for byte, for the public and
for editors, so that a filter that one day acts without being asked (a default state, a
default order) shows up as a failure rather than as a silent change.
"""

from __future__ import annotations

import pytest
from django_filters import FilterSet

from nafta_tracker.api.viewsets import ConditionalReadOnlyViewSet
from nafta_tracker.site.api_urls import router

pytestmark = pytest.mark.django_db

LISTS = [
    (prefix, viewset)
    for prefix, viewset, _basename in router.registry
    if issubclass(viewset, ConditionalReadOnlyViewSet) and getattr(viewset, "filterset_class", None) is not None
]


@pytest.fixture
def filtersets_built(monkeypatch, settings) -> list[str]:
    """The FilterSets built, by class name. The response cache is off, or the second answer of a
    comparison would be the first one's, stored."""
    settings.RESPONSE_CACHE_SECONDS = 0
    built: list[str] = []
    original = FilterSet.__init__

    def counting(self, *args, **kwargs):
        built.append(type(self).__name__)
        original(self, *args, **kwargs)

    monkeypatch.setattr(FilterSet, "__init__", counting)
    return built


def test_every_filtered_list_is_compared():
    assert {prefix for prefix, _viewset in LISTS} >= {
        "issues",
        "statements",
        "positions",
        "status-history",
        "officials",
        "rounds",
        "milestones",
        "sources",
    }


def _queries(viewset) -> list[str]:
    queries = ["", "?page_size=500", "?page_size=2&page=2"]
    if any(renderer.format == "csv" for renderer in viewset.renderer_classes):
        queries.append("?page_size=500&format=csv")
    return queries


@pytest.mark.parametrize("who", ["api", "editor_api"])
@pytest.mark.parametrize(
    ("prefix", "viewset", "query"),
    [(prefix, viewset, query) for prefix, viewset in LISTS for query in _queries(viewset)],
)
def test_a_list_without_filters_answers_as_the_filterset_would(
    request, nafta, filtersets_built, monkeypatch, who, prefix, viewset, query
):
    client = request.getfixturevalue(who)
    url = f"/api/v1/{prefix}/{query}"
    fast = client.get(url)
    assert filtersets_built == [], "a list without filters still built a FilterSet"
    with monkeypatch.context() as patch:
        patch.setattr(viewset, "asks_no_filter", lambda self: False)
        reference = client.get(url)
    assert filtersets_built == [viewset.filterset_class.__name__]
    assert fast.status_code == reference.status_code == 200
    assert fast["ETag"] == reference["ETag"]
    assert fast.content == reference.content


def test_a_filter_in_the_query_still_filters(api, nafta, filtersets_built):
    everything = api.get("/api/v1/statements/?page_size=500").json()
    assert filtersets_built == []
    canada = api.get("/api/v1/statements/?page_size=500&party=canada").json()
    assert filtersets_built == ["StatementFilterSet"]
    assert 0 < canada["count"] < everything["count"]
    assert {row["speaker"]["party"]["slug"] for row in canada["results"]} == {"canada"}


def test_bad_filters_and_stray_cursors_are_still_refused(api, nafta, filtersets_built):
    bad = api.get("/api/v1/statements/?date_after=yesterday")
    assert bad.status_code == 400 and "date" in str(bad.json())
    stray = api.get("/api/v1/statements/?cursor=abc")
    assert stray.status_code == 400 and [error["attr"] for error in stray.json()["errors"]] == ["cursor"]
    assert api.get("/api/v1/statements/?page=0").status_code == 400
