"""Real pages in headless Chromium under the real policy: nothing is refused.

Chromium reports every blocked script, style, image or handler as a
``securitypolicyviolation`` event and a console error; both are collected.
Needs Debian's chromium (`apt-get install chromium`; .ci/run installs it).
"""

from __future__ import annotations

import os
import threading
from urllib.parse import urlparse

import pytest
from django.db import connections
from django.test import Client
from playwright.sync_api import sync_playwright

from issues.models import Statement

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(
    `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
});
"""

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def browser(monkeypatch):
    """Chromium, started after the test's other fixtures (list it last): while Playwright's
    event loop runs, the ORM would open a second, separate database connection, so the
    tests do their database work in fixtures, before it starts."""
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    assert os.path.exists(CHROMIUM), "Debian's chromium is needed: apt-get install -y chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        connections.close_all()  # any connection opened in the event loop's context after all
    # The live server answers each browser connection in a thread holding a database
    # connection until the browser hangs up; let them finish before the test database goes.
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(timeout=5)


def visit(browser, url: str, session_cookie: str | None = None) -> list[str]:
    """Load ``url``, let its scripts run, and return every CSP violation reported."""
    context = browser.new_context()
    if session_cookie:
        host = urlparse(url).hostname
        context.add_cookies([{"name": "sessionid", "value": session_cookie, "domain": host, "path": "/"}])
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text))
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    violations = page.evaluate("window.__cspViolations")
    violations += [text for text in console if "Content Security Policy" in text]
    context.close()
    return violations


@pytest.fixture
def session(superuser) -> str:
    """A logged-in superuser's session cookie."""
    client = Client()
    client.force_login(superuser)
    return client.cookies["sessionid"].value


@pytest.fixture
def statement(nafta) -> Statement:
    return Statement.objects.published().first()


def test_public_pages_load_without_csp_violations(live_server, statement, browser):
    for path in ["/", "/issues/", "/statements/?q=progress", statement.get_absolute_url(), "/deadlines/"]:
        assert visit(browser, live_server.url + path) == [], path


def test_admin_pages_load_without_csp_violations(live_server, statement, session, browser):
    for path in [
        "/admin/",
        "/admin/issues/statement/",
        "/admin/issues/statement/add/",
        f"/admin/issues/statement/{statement.pk}/change/",
        f"/admin/issues/statement/{statement.pk}/history/",
    ]:
        assert visit(browser, live_server.url + path, session) == [], path


def test_swagger_ui_loads_without_csp_violations(live_server, browser):
    assert visit(browser, live_server.url + "/api/docs/") == []


def test_import_exports_pages_work_under_the_admin_policy(live_server, session, browser):
    assert visit(browser, live_server.url + "/admin/issues/statement/import/", session) == []
    context = browser.new_context()
    context.add_cookies([{"name": "sessionid", "value": session, "domain": "localhost", "path": "/"}])
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(live_server.url + "/admin/issues/statement/export/", wait_until="networkidle")
    fields = page.locator('.selectable-field-export-row input[type="checkbox"]')
    assert fields.count() > 1
    page.uncheck('input[name="select-all-toggle"]')  # onchange="onSelectToggleChange(event)"
    assert not any(fields.nth(i).is_checked() for i in range(fields.count()))
    assert page.evaluate("window.__cspViolations") == []
    context.close()
