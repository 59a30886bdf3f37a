"""Issues: a list filterable by status, party and date, and a page per issue with its history."""

import pytest
from django.urls import reverse

from issues.models import Position

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [issue.title for issue in response.context["issue_list"]]


def test_filtering_by_status_lists_the_issues_far_apart(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"status": "far_apart"})
    assert titles(response) == [
        "Auto rules of origin",
        "Dispute settlement",
        "Government procurement",
        "Sunset clause and periodic review",
        "Trade imbalance",
    ]


def test_status_as_of_a_day_shows_where_the_issues_stood_then(client, nafta):
    before_spring = client.get(reverse("issues:issue-list"), {"status": "far_apart", "as_of": "2018-02-01"})
    assert titles(before_spring) == ["Trade imbalance"]
    spring = client.get(reverse("issues:issue-list"), {"status": "far_apart", "as_of": "2018-04-15"})
    assert len(titles(spring)) == 5
    assert "5 issues as of April 15, 2018" in spring.content.decode()


def test_filtering_by_party_keeps_issues_where_that_party_has_a_position(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"party": "united-states"})
    assert titles(response) == [
        "Auto rules of origin",
        "Steel and aluminium tariffs",
        "Sunset clause and periodic review",
    ]


def test_issues_never_assessed_can_be_listed(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"status": "not_assessed"})
    assert titles(response) == ["Steel and aluminium tariffs", "Workers' rights"]


@pytest.mark.parametrize(
    ("params", "field"),
    [({"status": "nearly"}, "status"), ({"party": "atlantis"}, "party"), ({"as_of": "spring"}, "as_of")],
)
def test_a_bad_filter_is_a_400_that_says_what_is_wrong(client, nafta, params, field):
    response = client.get(reverse("issues:issue-list"), params)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert 'class="field__errors"' in response.content.decode()


def test_an_empty_result_says_what_to_do(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"status": "agreed"})
    assert "No issue matches these filters" in response.content.decode()


def test_the_issue_page_shows_each_party_position_history_with_canada_proposal(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    canada = body.split('<h3><a href="/parties/canada/">Canada</a></h3>', 1)[1].split("</ol>", 1)[0]
    assert "Counter-proposal" in canada
    assert "A periodic NAFTA review in lieu of the sunset clause proposed by US President Donald Trump." in canada
    assert "Opposition" in canada


def test_the_issue_page_lists_related_issues_and_statements_about_it(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["chemicals-annex"])).content.decode()
    related = body.split('id="related-title"', 1)[1]
    assert "Pharmaceuticals annex" in related
    assert "close to wrapping up annexes on chemicals and pharmaceuticals" in body


def test_a_draft_position_is_not_on_the_issue_page(client, nafta):
    Position.objects.filter(summary__startswith="A periodic NAFTA review").update(state="draft")
    body = client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    assert "A periodic NAFTA review in lieu of the sunset clause proposed" not in body
