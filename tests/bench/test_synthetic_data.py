"""The benchmarks' synthetic data set still builds against today's models.

``make bench`` is not run by CI (it times things), so nothing else would notice when a
new required column (a round's negotiation, say) breaks the data it measures on.
"""

import pytest

from bench import synthetic
from issues.models import Statement

pytestmark = pytest.mark.django_db

SMALL = synthetic.Scale(
    officials=6,
    rounds=3,
    issues=4,
    sources=5,
    assessments_per_issue=2,
    positions_per_issue_and_party=1,
    statements=40,
    milestones=3,
)


def test_a_small_data_set_builds_and_the_api_serves_it(client):
    synthetic.build(SMALL, log=lambda *_: None)

    assert Statement.objects.count() == 40
    published = Statement.objects.published().count()
    response = client.get("/api/v1/statements/?page_size=100")
    assert response.status_code == 200
    assert response.json()["count"] == published
    assert client.get("/api/v1/issues/syn-issue-1/").status_code == 200
    assert client.get("/api/v1/rounds/syn-round-2/").status_code == 200
