"""Issues: a list filterable by status, party and date, and a page per issue with its history."""

import pytest
from django.urls import reverse

from issues.models import Position

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [issue.title for issue in response.context["issue_list"]]


def test_filtering_by_status_lists_only_the_issues_at_that_status(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"status": "far_apart"})
    found = titles(response)
    assert "Trade imbalance" in found  # never settled: still far apart where the record ends
    assert "Auto rules of origin" not in found  # agreed in the final text
    assert all(issue.current_status_code == "far_apart" for issue in response.context["issue_list"])


def test_status_as_of_a_day_shows_where_the_issues_stood_then(client, nafta):
    spring = client.get(reverse("issues:issue-list"), {"status": "far_apart", "as_of": "2018-04-15"})
    found = titles(spring)
    assert {"Auto rules of origin", "Sunset clause and periodic review", "Trade imbalance"} <= set(found)
    assert f"{len(found)} issues as of April 15, 2018" in spring.content.decode()
    # Before round 3 closed it, the SME chapter was not yet agreed; by the end of 2017 it was.
    summer = client.get(reverse("issues:issue-list"), {"status": "agreed", "as_of": "2017-09-01"})
    winter = client.get(reverse("issues:issue-list"), {"status": "agreed", "as_of": "2017-12-31"})
    assert "Small and medium-sized enterprises" not in titles(summer)
    assert "Small and medium-sized enterprises" in titles(winter)


def test_filtering_by_party_keeps_issues_where_that_party_has_a_position(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"party": "united-states"})
    found = titles(response)
    assert {"Auto rules of origin", "Sunset clause and periodic review"} <= set(found)
    assert "Indigenous peoples" not in found  # Canada's proposal: the US took no position on record
    assert len(found) < len(titles(client.get(reverse("issues:issue-list"))))


def test_issues_never_assessed_can_be_listed(client, nafta):
    response = client.get(reverse("issues:issue-list"), {"status": "not_assessed"})
    found = titles(response)
    assert "Indigenous peoples" in found
    assert "Auto rules of origin" not in found


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
    response = client.get(reverse("issues:issue-list"), {"status": "agreed", "as_of": "2017-08-01"})
    assert "No issue matches these filters" in response.content.decode()


def test_the_issue_page_shows_each_party_position_history_with_canada_proposal(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    canada = body.split('<h3><a href="/parties/canada/">Canada</a></h3>', 1)[1].split("</ol>", 1)[0]
    assert "Counter-proposal" in canada
    assert "Proposed regular reviews of the agreement instead of the US sunset clause" in canada
    assert "Opposition" in canada


def test_the_issue_page_shows_its_outcome_in_the_final_text(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    outcome = body.split('id="outcome"', 1)[1].split("</div>", 1)[0]
    assert "Agreed" in outcome and "Article 34.7" in outcome


def test_a_chapter_page_says_at_which_round_it_closed(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["small-and-medium-sized-enterprises"])).content.decode()
    assert "Closed at Round 3, Ottawa." in body


def test_the_issue_page_lists_related_issues_and_statements_about_it(client, nafta):
    body = client.get(reverse("issues:issue-detail", args=["chemicals-annex"])).content.decode()
    related = body.split('id="related-title"', 1)[1]
    assert "Pharmaceuticals annex" in related
    assert "close to wrapping up annexes on chemicals and pharmaceuticals" in body


def test_a_draft_position_is_not_on_the_issue_page(client, nafta):
    words = "Proposed regular reviews of the agreement instead of the US sunset clause"
    assert words in client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    Position.objects.filter(summary__startswith=words).update(state="draft")
    body = client.get(reverse("issues:issue-detail", args=["sunset-clause"])).content.decode()
    assert words not in body
