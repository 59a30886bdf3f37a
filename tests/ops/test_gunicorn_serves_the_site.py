"""gunicorn, configured as `make serve` configures it, serves pages and hashed, compressed static files."""

from __future__ import annotations

import gzip
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, free_port, production_env

GUNICORN = Path(sys.executable).with_name("gunicorn")


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1, built by the test)
    try:
        return urllib.request.urlopen(request, timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        return error


@pytest.fixture(scope="module")
def gunicorn_site(built_site, tmp_path_factory):
    """One gunicorn (two workers, two threads each) for this module's tests."""
    database = tmp_path_factory.mktemp("gunicorn") / "db.sqlite3"
    shutil.copy(built_site["database"], database)
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_STATIC_ROOT=str(built_site["static_root"]),
        DJANGO_SECURE_SSL_REDIRECT="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="2",
    )
    process = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
        [str(GUNICORN), "nafta_tracker.wsgi"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if process.poll() is not None:
                pytest.fail(f"gunicorn exited: {process.stdout.read().decode()}")
            try:
                if _get(f"{base}/healthz").status == 200:
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer within 20 s")
        yield base
    finally:
        process.send_signal(signal.SIGINT)  # quick shutdown
        process.wait(timeout=10)


def test_gunicorn_serves_the_home_page_and_its_hashed_compressed_stylesheet(gunicorn_site):
    page = _get(f"{gunicorn_site}/", Host="nafta.example.org")
    assert page.status == 200
    assert page.headers["Server"].startswith("gunicorn")
    html = page.read().decode()
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', html)
    assert stylesheet, "the page links the content-hashed stylesheet"

    css = _get(gunicorn_site + stylesheet.group(1), **{"Accept-Encoding": "gzip"})
    assert css.status == 200
    assert css.headers["Content-Type"].startswith("text/css")
    assert css.headers["Content-Encoding"] == "gzip"
    assert "immutable" in css.headers["Cache-Control"]  # hashed name: cached for good
    assert (ROOT / "static/css/site.css").read_bytes() == gzip.decompress(css.read())


def test_gunicorn_refuses_hosts_that_are_not_allowed(gunicorn_site):
    assert _get(f"{gunicorn_site}/", Host="evil.example.com").status == 400
