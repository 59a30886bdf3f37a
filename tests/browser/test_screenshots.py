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
