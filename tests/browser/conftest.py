"""Browser tests: Playwright drives Debian's Chromium (/usr/bin/chromium) against a live server.

Playwright's own browser download does not work on our machines, so the system
browser is used with flags that keep it from reaching the network. The live server
listens on the first free port from 8300 (this project's range for test servers).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from django.conf import settings

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
PORTS = range(8300, 8400)


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    return 0  # let the system choose


os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", f"localhost:{_free_port()}")


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


@pytest.fixture
def site(live_server, nafta):
    """The live site with the shipped NAFTA data; returns its base URL."""
    return live_server.url
