"""Each issue's status over time is an SVG chart that reads without JavaScript and in words."""

import datetime
import re

import pytest
from django.utils import translation

from issues.models import StatusAssessment
from tests.factories import IssueFactory, RoundFactory, StatusAssessmentFactory

pytestmark = pytest.mark.django_db


def svg_of(client, issue) -> str:
    body = client.get(issue.get_absolute_url()).content.decode()
    match = re.search(r"<svg class=\"status-chart status-chart--wide\".*?</svg>", body, re.DOTALL)
    assert match, "no chart on the page"
    return match.group()


def test_the_chart_has_a_point_per_published_assessment_coloured_and_named(client):
    issue = IssueFactory(title="Dairy")
    RoundFactory(number=1, start_date=datetime.date(2017, 8, 16), end_date=datetime.date(2017, 8, 20))
    StatusAssessmentFactory(issue=issue, status="under_discussion", date=datetime.date(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(2018, 3, 28))
    StatusAssessmentFactory(
        issue=issue, status="agreed", date=datetime.date(2018, 4, 2), state="draft", published_at=None
    )
    svg = svg_of(client, issue)
    assert svg.count('class="point ') == 2
    assert 'class="point point--under_discussion"' in svg and 'class="point point--far_apart"' in svg
    assert "point--agreed" not in svg
    assert "<title>March 28, 2018: Far apart</title>" in svg
    assert ">R1</text>" in svg  # the round is drawn as a band


def test_the_chart_says_in_words_what_it_shows(client):
    issue = IssueFactory(title="Dairy")
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(2018, 3, 28))
    svg = svg_of(client, issue)
    assert 'role="img"' in svg and 'aria-labelledby="chart-title-wide chart-desc-wide"' in svg
    # An image is one thing to a screen reader: links or focusable parts inside it would be lost.
    assert "<a " not in svg and "tabindex" not in svg
    assert "Status of Dairy over time" in svg
    assert "Status over time: Far apart on March 28, 2018." in svg
    for label in ("Agreed", "Near agreement", "Progressing", "Under discussion", "Far apart", "Not started", "Dropped"):
        assert f">{label}</text>" in svg


def test_the_history_table_repeats_the_chart_for_screen_readers(client):
    issue = IssueFactory()
    assessment = StatusAssessmentFactory(issue=issue, status="far_apart", note="Still at odds.")
    body = client.get(issue.get_absolute_url()).content.decode()
    assert f'<tr id="status-{assessment.pk}">' in body
    assert "Still at odds." in body


def test_an_issue_never_assessed_has_no_chart_but_says_so(client):
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, state="draft", published_at=None)
    body = client.get(issue.get_absolute_url()).content.decode()
    assert "<svg" not in body
    assert "This issue has not been assessed yet." in body
    assert StatusAssessment.objects.count() == 1


def test_phones_get_a_compact_chart_with_the_same_points(client):
    issue = IssueFactory(title="Dairy")
    StatusAssessmentFactory(issue=issue, status="under_discussion", date=datetime.date(2018, 1, 29))
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(2018, 3, 28))
    body = client.get(issue.get_absolute_url()).content.decode()
    compact = re.search(r"<svg class=\"status-chart status-chart--compact\".*?</svg>", body, re.DOTALL).group()
    assert 'viewBox="0 0 360 ' in compact
    assert compact.count('class="point ') == 2
    assert ">Far apart</text>" in compact


def test_a_history_spanning_decades_labels_years_not_every_month(client):
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(1990, 1, 1))
    StatusAssessmentFactory(issue=issue, status="agreed", date=datetime.date(2100, 12, 31))
    svg = svg_of(client, issue)
    assert 2 <= svg.count('<line class="tick"') <= 24


def test_the_time_axis_follows_the_issue_and_the_rounds_not_meetings_years_later(client):
    """A chapter closed in 2017 is not squeezed to the left by the 2019 protocol's signing."""
    round_3 = RoundFactory(number=3, start_date=datetime.date(2017, 9, 23), end_date=datetime.date(2017, 9, 27))
    RoundFactory(
        number=None,
        kind="signing",
        title="Protocol of Amendment signed",
        start_date=datetime.date(2019, 12, 10),
        end_date=datetime.date(2019, 12, 10),
    )
    issue = IssueFactory()
    StatusAssessmentFactory(issue=issue, status="agreed", round=round_3, date=datetime.date(2017, 9, 27))
    svg = svg_of(client, issue)
    assert "R3" in svg
    assert "Protocol of Amendment signed" not in svg
    assert "2019" not in svg


NUMERIC_ATTRIBUTES = re.compile(r'\s(x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|d)="([^"]*)"')


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_every_coordinate_is_a_number_the_browser_can_read_in_every_language(client, language):
    """French and Spanish write 176,4 for 176.4; in an SVG attribute that breaks the whole chart."""
    issue = IssueFactory(title="Dairy")
    RoundFactory(number=1, start_date=datetime.date(2017, 8, 16), end_date=datetime.date(2017, 8, 20))
    StatusAssessmentFactory(issue=issue, status="under_discussion", date=datetime.date(2017, 8, 29))
    StatusAssessmentFactory(issue=issue, status="far_apart", date=datetime.date(2018, 3, 28))
    with translation.override(language):
        url = issue.get_absolute_url()
    body = client.get(url).content.decode()
    assert f'<html lang="{language}">' in body
    charts = re.findall(r"<svg class=\"status-chart.*?</svg>", body, re.DOTALL)
    assert len(charts) == 2  # wide and compact
    for svg in charts:
        values = NUMERIC_ATTRIBUTES.findall(svg)
        assert {name for name, _ in values} >= {"x", "cx", "cy", "width", "viewBox", "d"}
        fractional = 0
        for name, value in values:
            numbers = re.sub(r"[MHVLZ]", " ", value).split() if name in ("d", "viewBox") else [value]
            for number in numbers:
                assert re.fullmatch(r"-?\d+(\.\d+)?", number), f'{name}="{value}" in {language}'
                fractional += "." in number
        assert fractional, "the test data should give fractional coordinates"


def test_the_charts_dates_follow_the_format_settings_they_are_written_in(settings):
    # The chart keeps each date it wrote, per format and language (issues.charts); a change of
    # the settings formats come from must not leave it writing the old words.
    from issues.charts import status_charts

    round_ = RoundFactory.build(
        pk=1, number=6, start_date=datetime.date(2018, 1, 23), end_date=datetime.date(2018, 1, 29)
    )
    entry = StatusAssessmentFactory.build(pk=1, date=datetime.date(2018, 1, 29), status="far_apart")

    def band_title():
        return status_charts([entry], [round_])[0].bands[0].title

    with translation.override(None):
        settings.DATE_FORMAT = "N j, Y"
        before = band_title()
        settings.DATE_FORMAT = "Y-m-d"
        after = band_title()
    assert "Jan. 23, 2018" in before
    assert "2018-01-23" in after and "2018-01-29" in after
