"""Every object's url opens its API detail and html_url is its public page (get_absolute_url)."""

import pytest

from tests.factories import MilestoneFactory, PositionFactory, StatementFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def test_html_url_is_the_absolute_page_address_and_url_answers(api):
    statement = StatementFactory(round=None)
    position, assessment, milestone = PositionFactory(), StatusAssessmentFactory(), MilestoneFactory()
    objects = {
        f"/api/v1/statements/{statement.pk}/": statement,
        f"/api/v1/parties/{statement.speaker.party.slug}/": statement.speaker.party,
        f"/api/v1/officials/{statement.speaker.slug}/": statement.speaker,
        f"/api/v1/sources/{statement.source.pk}/": statement.source,
        f"/api/v1/positions/{position.pk}/": position,
        f"/api/v1/issues/{position.issue.slug}/": position.issue,
        f"/api/v1/status-history/{assessment.pk}/": assessment,
        f"/api/v1/milestones/{milestone.slug}/": milestone,
    }
    for path, obj in objects.items():
        body = api.get(path).json()
        assert body["url"] == f"http://testserver{path}"
        assert body["html_url"] == f"http://testserver{obj.get_absolute_url()}", path
