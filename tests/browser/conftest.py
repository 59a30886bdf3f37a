"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server.

Playwright's own browser download does not work on our machines, so the system
browser is used with flags that keep it from reaching the network. The live server
listens on the first free port from 8300 (this project's range for test servers).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable, Generator
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connections
from playwright.sync_api import Browser, BrowserType, Playwright, sync_playwright

from tests.ports import share_of

# live_server runs the ORM in a thread while Playwright's sync API holds an event loop here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

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
PORTS = share_of(range(8300, 8400))  # this worker's part of it (tests/ports.py)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return 0  # let the system choose


# Each pytest-xdist worker sets its own (from its own slice of the ports): a value inherited
# from the main process, which imports this file when given tests/browser, would be one port
# for every worker.
if "PYTEST_XDIST_WORKER" in os.environ or "DJANGO_LIVE_TEST_SERVER_ADDRESS" not in os.environ:
    os.environ["DJANGO_LIVE_TEST_SERVER_ADDRESS"] = f"localhost:{_free_port()}"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (.ci/run does).")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def artifacts() -> Path:
    """Where screenshots are kept after the run (git-ignored)."""
    folder = Path(settings.BASE_DIR) / "test-artifacts"
    folder.mkdir(exist_ok=True)
    return folder


# Playwright lives for this package only, not the whole session (pytest-playwright's default).
# While its event loop exists, Django keeps database connections per context instead of per
# thread (asgiref.local sees a running loop), so every later test would open a connection
# that nothing closes, and PostgreSQL would refuse to drop the test database at the end.
# Starting it after the test database exists and closing this package's connections
# before stopping it keeps the rest of the session on the ordinary per-thread connection.
@pytest.fixture(scope="package")
def playwright(django_db_setup) -> Generator[Playwright]:
    driver = sync_playwright().start()
    yield driver
    connections.close_all()
    driver.stop()


@pytest.fixture(scope="package")
def browser_type(playwright: Playwright, browser_name: str) -> BrowserType:
    return getattr(playwright, browser_name)


@pytest.fixture(scope="package")
def launch_browser(browser_type_launch_args: dict, browser_type: BrowserType) -> Callable[..., Browser]:
    def launch(**kwargs) -> Browser:
        return browser_type.launch(**{**browser_type_launch_args, **kwargs})

    return launch


@pytest.fixture(scope="package")
def browser_context_args(playwright: Playwright, device: str | None, base_url: str | None) -> dict:
    args: dict = dict(playwright.devices[device]) if device else {}
    if base_url:
        args["base_url"] = base_url
    return args


@pytest.fixture(scope="package")
def browser(launch_browser: Callable[..., Browser]) -> Generator[Browser]:
    chromium = launch_browser()
    yield chromium
    chromium.close()


@pytest.fixture
def live_site(live_server, nafta):
    """The live site with the shipped NAFTA data; returns its base URL."""
    return live_server.url
