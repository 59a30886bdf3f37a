"""Screenshots of the home page and an issue page, on a phone and a desktop, kept as test artefacts."""

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True)

WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.mark.parametrize("screen", WIDTHS)
def test_home_and_issue_page_screenshots(page: Page, live_site, artifacts, screen):
    page.set_viewport_size({"width": WIDTHS[screen], "height": 900})
    for name, path in (("home", "/"), ("issue-sunset-clause", "/issues/sunset-clause/")):
        page.goto(live_site + path)
        target = artifacts / f"{name}-{screen}.png"
        page.screenshot(path=target, full_page=True)
        assert target.stat().st_size > 10_000, target
        # Nothing wider than the screen: the page reflows rather than scrolls sideways.
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than a {WIDTHS[screen]}px screen"


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_an_issue_page_in_each_language_draws_its_chart(page: Page, live_site, artifacts, language):
    """The chart's coordinates survive French and Spanish number formats: its points are on the plot."""
    prefix = "" if language == "en" else f"/{language}"
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{live_site}{prefix}/issues/sunset-clause/")
    target = artifacts / f"issue-sunset-clause-{language}.png"
    page.screenshot(path=target, full_page=True)
    assert target.stat().st_size > 10_000, target
    chart = page.locator("svg.status-chart--wide")
    box = chart.bounding_box()
    points = chart.locator("circle.point")
    assert points.count() >= 2
    for index in range(points.count()):
        point = points.nth(index).bounding_box()
        # A point whose cx="176,4" is dropped by the browser lands at x=0, outside the plot.
        assert point and point["x"] > box["x"] + 100, f"point {index} is off the plot in {language}"
