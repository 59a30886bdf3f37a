"""An issue's link follows the reader's language and the issue's slug.

``Issue.get_absolute_url`` keeps what it worked out on the instance (the issue board asks
for it once per issue and once per position): it must never hand back a stale link.
"""

from django.utils import translation

from issues.models import Issue


def test_the_link_follows_the_active_language_call_after_call():
    issue = Issue(slug="sunset-clause")
    links = []
    for language in ("en", "fr", "es", "en"):
        with translation.override(language):
            links.append(issue.get_absolute_url())
    english, french, spanish = "/issues/sunset-clause/", "/fr/issues/sunset-clause/", "/es/issues/sunset-clause/"
    assert links == [english, french, spanish, english]


def test_a_new_slug_gets_a_new_link():
    issue = Issue(slug="sunset-clause")
    with translation.override("en"):
        assert issue.get_absolute_url() == "/issues/sunset-clause/"
        issue.slug = "five-year-review"
        assert issue.get_absolute_url() == "/issues/five-year-review/"


def test_positions_and_status_entries_link_into_their_issue_page():
    from issues.models import Position, StatusAssessment

    issue = Issue(slug="dairy")
    with translation.override("fr"):
        assert Position(pk=7, issue=issue).get_absolute_url() == "/fr/issues/dairy/#position-7"
        assert StatusAssessment(pk=3, issue=issue).get_absolute_url() == "/fr/issues/dairy/#status-3"
