"""An editor picks a negotiation once in a list; the admin keeps it, and autocomplete follows it."""

import pytest
from django.urls import reverse

from rounds.models import Negotiation

pytestmark = pytest.mark.django_db


def autocomplete(client, field_name: str, term: str = "") -> set[str]:
    response = client.get(
        "/admin/autocomplete/",
        {"app_label": "issues", "model_name": "issue", "field_name": field_name, "term": term},
    )
    assert response.status_code == 200
    return {row["text"] for row in response.json()["results"]}


def test_the_chosen_negotiation_sticks_and_scopes_autocomplete_but_not_continues(client, editor, nafta):
    client.force_login(editor)
    review = Negotiation.objects.get(slug="usmca-review-2026")
    client.get(reverse("admin:issues_issue_changelist"), {"negotiation": review.pk})
    listing = client.get(reverse("admin:issues_statement_changelist"))  # no parameter: the choice is kept
    assert {statement.negotiation_id for statement in listing.context["cl"].result_list} == {review.pk}

    assert autocomplete(client, "related", "rules of origin") == {"Stronger rules of origin"}
    assert "Sunset clause and periodic review" not in autocomplete(client, "related", "Sunset")
    assert "Sunset clause and periodic review" in autocomplete(client, "continues", "Sunset")  # an earlier one's

    client.get(reverse("admin:issues_issue_changelist"), {"negotiation": "all"})
    assert "Auto rules of origin" in autocomplete(client, "related", "rules of origin")
