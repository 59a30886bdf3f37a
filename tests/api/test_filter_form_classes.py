"""Filter forms are built once per FilterSet class and language (nafta_tracker.api.filters.FilterSet):
what holds that cache true, and what a client sees of it."""

import pytest
from django_filters.rest_framework import DjangoFilterBackend

from nafta_tracker.api.filters import FilterSet
from nafta_tracker.site.api_urls import router

pytestmark = pytest.mark.django_db

FILTERED = sorted(
    {
        (prefix, viewset.filterset_class)
        for prefix, viewset, _basename in router.registry
        if DjangoFilterBackend in viewset.filter_backends and getattr(viewset, "filterset_class", None)
    },
    key=lambda pair: pair[0],
)


def test_every_endpoint_filters_with_the_project_filterset():
    assert len(FILTERED) >= 8
    assert [prefix for prefix, filterset in FILTERED if not issubclass(filterset, FilterSet)] == []


@pytest.mark.parametrize(("prefix", "filterset"), FILTERED)
def test_no_filter_field_depends_on_the_request(prefix, filterset):
    # A callable queryset is called with the request when the field is built: a form class
    # built once would keep the first request's choices.
    callables = [
        name for name, filter_ in filterset.base_filters.items() if callable(getattr(filter_, "queryset", None))
    ]
    assert callables == []


def test_a_bad_filter_value_is_refused_in_the_language_of_each_request(api):
    def refusal(language):
        response = api.get("/api/v1/statements/?party=atlantis", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 400
        return [(error["attr"], error["detail"]) for error in response.json()["errors"]]

    english, french, english_again = refusal("en"), refusal("fr"), refusal("en")
    assert english == english_again
    assert [attr for attr, _detail in french] == ["party"]
    assert french != english
    assert "valide" in french[0][1]


def test_each_filterset_has_its_own_filters_and_its_method_filters_call_it():
    from issues.api.filters import StatementFilterSet
    from issues.models import Statement

    first, second = (StatementFilterSet({}, Statement.objects.none()) for _ in range(2))
    assert first.filters["party"] is not second.filters["party"]
    assert first.filters["party"].parent is first
    assert second.filters["party"].parent is second
    # ?party= calls StatementFilterSet.filter_party on the FilterSet that holds the filter
    assert first.filters["party"].filter.method.__self__ is first
    assert second.filters["party"].filter.method.__self__ is second
    assert StatementFilterSet.base_filters["party"] not in (first.filters["party"], second.filters["party"])


def test_requests_sharing_a_form_class_keep_their_own_values_and_errors(api):
    # The forms of one class share its fields (nafta_tracker.api.filters._SharedFields): what
    # one request sent, and what was wrong with it, must never show in another's answer.
    from tests.factories import OfficialFactory, PartyFactory, StatementFactory

    canada, mexico = PartyFactory(name="Canada"), PartyFactory(name="Mexico")
    said_by_canada = StatementFactory(speaker=OfficialFactory(party=canada)).pk
    said_by_mexico = StatementFactory(speaker=OfficialFactory(party=mexico)).pk

    def answer(query):
        response = api.get(f"/api/v1/statements/?{query}")
        if response.status_code == 400:
            return sorted(error["attr"] for error in response.json()["errors"])
        assert response.status_code == 200, response.content
        return [row["id"] for row in response.json()["results"]]

    assert answer(f"party={canada.slug}") == [said_by_canada]
    assert answer("party=atlantis&date_after=someday") == ["date_after", "party"]
    assert answer(f"party={mexico.slug}") == [said_by_mexico]
    assert answer("date_after=someday") == ["date_after"]
    assert answer(f"party={canada.slug}") == [said_by_canada]


def test_a_filter_form_of_one_request_can_be_changed_without_touching_the_next():
    from issues.api.filters import StatementFilterSet
    from issues.models import Statement

    first, second = (StatementFilterSet({}, Statement.objects.none()).form for _ in range(2))
    del first.fields["party"]
    assert "party" in second.fields
    assert "party" in StatementFilterSet({}, Statement.objects.none()).form.fields
    # A slug's field holds a queryset, which rendering the form (the browsable API) compiles in
    # place: each form has its own, never one shared by every request's thread.
    third = StatementFilterSet({}, Statement.objects.none()).form
    assert second.fields["issue"] is not third.fields["issue"]
    assert second.fields["issue"].queryset is not third.fields["issue"].queryset


def test_the_browsable_api_shows_the_filter_form_with_each_requests_choice(api):
    from tests.factories import PartyFactory

    canada, mexico = PartyFactory(name="Canada"), PartyFactory(name="Mexico")
    for chosen in (canada, mexico, canada):
        page = api.get(f"/api/v1/statements/?party={chosen.slug}", HTTP_ACCEPT="text/html")
        assert page.status_code == 200
        html = page.content.decode()
        assert f'<option value="{chosen.slug}" selected>' in html
        other = mexico if chosen == canada else canada
        assert f'<option value="{other.slug}">' in html
