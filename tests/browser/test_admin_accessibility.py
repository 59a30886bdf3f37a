"""The admin pages editors use pass axe-core with no critical or serious finding, and fit a
1366 px laptop and a 390 px phone without sideways scrolling."""

import pytest
from playwright.sync_api import Browser

from tests.browser.admin_pages import LAPTOP, PHONE, axe_findings, editors_pages, horizontal_overflow, log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_editors_pages_have_no_critical_or_serious_accessibility_finding(browser: Browser, live_site, editor):
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.goto(f"{live_site}/admin/login/")
    figures = {"login": axe_findings(page)}
    log_in(page, live_site)
    for name, path in editors_pages().items():
        page.goto(live_site + path)
        figures[name] = axe_findings(page)
    context.close()

    for name, findings in figures.items():
        print(f"axe {name}: {findings}")
        for rule, example in findings.examples.items():
            print(f"    {rule}: {example}")
    failing = {name: f"{findings} e.g. {findings.examples}" for name, findings in figures.items() if findings.blocking}
    assert not failing, failing


@pytest.mark.parametrize("screen", ["laptop", "phone"])
def test_the_editors_pages_fit_the_screen_without_sideways_scrolling(browser: Browser, live_site, editor, screen):
    viewport = LAPTOP if screen == "laptop" else PHONE
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    log_in(page, live_site)
    overflow = {}
    for name, path in editors_pages().items():
        page.goto(live_site + path)
        overflow[name] = horizontal_overflow(page)
    context.close()

    print(f"overflow at {viewport['width']} px:", overflow)
    assert {name: px for name, px in overflow.items() if px > 0} == {}


@pytest.mark.parametrize(("width", "opens"), [(1366, False), (1700, True)])
def test_the_side_menu_starts_closed_below_1600_px_and_the_editors_choice_is_kept(
    browser: Browser, live_site, editor, width, opens
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    log_in(page, live_site)
    page.goto(f"{live_site}/admin/issues/statement/")
    menu = page.locator("#nav-sidebar")
    assert menu.get_attribute("aria-expanded") == ("true" if opens else "false")
    assert menu.is_visible() is opens

    page.locator("#toggle-nav-sidebar").click()  # the editor's own choice wins from then on
    page.reload()
    assert page.locator("#nav-sidebar").get_attribute("aria-expanded") == ("false" if opens else "true")
    context.close()
