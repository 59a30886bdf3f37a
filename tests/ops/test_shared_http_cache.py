"""Varnish in front of gunicorn, as `make cache-serve` runs them (deploy/varnish/nafta.vcl).

Readers get cached copies; a publish through the services purges them at once; a draft
and an editor's live view never enter the cache. Needs Debian's varnish and
varnish-modules (.ci/run installs them); skipped where varnishd is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, free_port, production_env, run_manage

GUNICORN = Path(sys.executable).with_name("gunicorn")
VARNISHD = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin")
PUBLISHED_WORDS = "Negotiators agreed on the dairy quota schedule"
EDITED_WORDS = "Negotiators withdrew the dairy quota schedule"
DRAFT_WORDS = "Draft: the auto rules of origin text leaks here"

pytestmark = pytest.mark.skipif(VARNISHD is None, reason="needs varnishd: apt-get install varnish varnish-modules")

SEED = f"""
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from tests.factories import IssueFactory, StatementFactory
issue = IssueFactory(slug="dairy")
published = StatementFactory(text={PUBLISHED_WORDS!r}, issues=[issue])
draft = StatementFactory(text={DRAFT_WORDS!r}, issues=[issue], state="draft", published_at=None)
editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-editor-password")
session = SessionStore()
session[SESSION_KEY] = str(editor.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
session.create()
print(json.dumps({{"published": published.pk, "draft": draft.pk, "session": session.session_key}}))
"""


def _get(url: str, **headers: str):
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (http://127.0.0.1, built by the test)
    try:
        response = urllib.request.urlopen(request, timeout=10)  # noqa: S310
    except urllib.error.HTTPError as error:
        response = error
    response.text = response.read().decode()
    return response


def _wait_for(url: str, process: subprocess.Popen, name: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{name} exited: {process.stdout.read().decode()}")
        try:
            if _get(url).status == 200:
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"{name} did not answer within 30 s")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _two_free_ports() -> tuple[int, int]:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        first = free_port()
        held.bind(("127.0.0.1", first))  # so that the next call finds another
        return first, free_port()


@pytest.fixture(scope="module")
def cached_site(built_site, tmp_path_factory):
    """gunicorn over a throwaway SQLite file, Varnish in front; publishing purges Varnish."""
    work = tmp_path_factory.mktemp("varnish")
    database = work / "db.sqlite3"
    shutil.copy(built_site["database"], database)
    app_port, cache_port = _two_free_ports()
    env = production_env(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_STATIC_ROOT=str(built_site["static_root"]),
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        GUNICORN_BIND=f"127.0.0.1:{app_port}",
        WEB_CONCURRENCY="2",
        GUNICORN_THREADS="4",
        DJANGO_HTTP_CACHE_PURGE_URLS=f"http://127.0.0.1:{cache_port}/",
    )
    gunicorn = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
        [str(GUNICORN), "nafta_tracker.wsgi"], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    varnish = None
    # Varnish drops root for an account of its own, which must read the VCL: not under
    # pytest's private (0700) temporary folders.
    varnish_dir = tempfile.mkdtemp(prefix="nafta-varnish-")
    os.chmod(varnish_dir, 0o755)  # noqa: S103 (a VCL copy and Varnish's log: nothing secret)
    try:
        _wait_for(f"http://127.0.0.1:{app_port}/healthz", gunicorn, "gunicorn")
        varnish = subprocess.Popen(  # noqa: S603 (the committed script)
            [
                shutil.which("bash") or "/bin/bash",
                str(ROOT / "deploy/varnish/run.sh"),
                str(app_port),
                str(cache_port),
                varnish_dir,
            ],
            env={**env, "VARNISH_MEMORY": "32m"},
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        _wait_for(f"http://127.0.0.1:{cache_port}/healthz", varnish, "varnishd")
        seeded = run_manage("shell", "-c", "import json\n" + SEED, env=env)
        assert seeded.returncode == 0, seeded.stderr
        ids = json.loads(seeded.stdout.strip().splitlines()[-1])
        yield {"cache": f"http://127.0.0.1:{cache_port}", "app": f"http://127.0.0.1:{app_port}", "env": env, **ids}
    finally:
        if varnish is not None:
            _stop(varnish)
        _stop(gunicorn)
        shutil.rmtree(varnish_dir, ignore_errors=True)


def _publish_edit(site: dict, code: str) -> None:
    """Run ``code`` in a manage.py shell, as an editor's save would run the service (purges on commit)."""
    result = run_manage(
        "shell",
        "-c",
        "from issues import services\nfrom issues.models import Statement\n" + code,
        env=site["env"],
    )
    assert result.returncode == 0, result.stderr


def test_readers_are_served_from_varnish_and_a_publish_shows_at_once(cached_site):
    url = cached_site["cache"] + "/statements/"
    first = _get(url)
    assert first.status == 200
    assert PUBLISHED_WORDS in first.text
    assert "public" in first.headers["Cache-Control"]
    assert "issues.statement" in _get(cached_site["app"] + "/statements/").headers["Surrogate-Key"].split()

    again = _get(url)
    assert again.headers["X-Cache"] == "HIT", "the second reader gets Varnish's copy"
    assert PUBLISHED_WORDS in again.text

    statement = cached_site["published"]
    _publish_edit(
        cached_site,
        f"services.statement_update(statement=Statement.objects.get(pk={statement}), text={EDITED_WORDS!r})",
    )
    after = _get(url)  # the purge was sent when the save committed: no waiting for s-maxage
    assert after.headers["X-Cache"] == "MISS"
    assert EDITED_WORDS in after.text
    assert PUBLISHED_WORDS not in after.text
    assert _get(url).headers["X-Cache"] == "HIT", "and the new version is cached in turn"


def test_a_draft_never_enters_the_cache_and_editors_bypass_it(cached_site):
    cookie = f"sessionid={cached_site['session']}"
    page, api = cached_site["cache"] + "/issues/dairy/", cached_site["cache"] + "/api/v1/statements/?issue=dairy"
    for url in (page, api):
        _get(url)
        assert _get(url).headers["X-Cache"] == "HIT"

    # The editor sees the draft, live, and nothing of that answer is kept.
    editor_view = _get(api, Cookie=cookie)
    assert editor_view.status == 200
    assert DRAFT_WORDS in editor_view.text
    assert editor_view.headers["X-Cache"] == "MISS"
    assert "private" in editor_view.headers["Cache-Control"]
    assert _get(page, Cookie=cookie).headers["X-Cache"] == "MISS", "an editor's page request bypasses the cache"

    # Saving the draft again purges nothing (the public saw no change) and shows nothing.
    _publish_edit(
        cached_site,
        f"draft = Statement.objects.get(pk={cached_site['draft']})\n"
        f"services.statement_update(statement=draft, text={DRAFT_WORDS + ', revised'!r})",
    )
    for url in (page, api):
        reader = _get(url)
        assert reader.headers["X-Cache"] == "HIT", "a draft's save leaves the readers' copies alone"
        assert DRAFT_WORDS not in reader.text

    # Publishing it purges the pages that show statements; readers see it on the next request.
    _publish_edit(cached_site, f"services.publish(Statement.objects.get(pk={cached_site['draft']}))")
    for url in (page, api):
        reader = _get(url)
        assert reader.headers["X-Cache"] == "MISS"
        assert DRAFT_WORDS in reader.text
