"""Clients generated from the schema work against a live server, and the schema passes Redocly's lint.

A gunicorn (debug off) serves a throwaway SQLite copy loaded with the NAFTA record, and an
editor with a token. Its own /api/schema/ is then:

* linted with Redocly's recommended rules (redocly.yaml): no error;
* turned into a Python client (openapi-python-client, a test dependency) that runs
  tests/clients/py/main.py;
* turned into TypeScript types (openapi-typescript) that tests/clients/ts/main.ts must
  type-check against (tsc), before it runs with openapi-fetch.

Both programs list issues and follow the pages, repeat a read for a 304, export CSV, create
a source and update it with the ETag of the 201, then meet a 412 Problem. The npm packages
are pinned in tests/clients/ts/package-lock.json; `npm ci` installs them (.ci/run does, and
this module does when node_modules is missing or older than the lock file).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, free_port, production_env, run_manage

GUNICORN = Path(sys.executable).with_name("gunicorn")
TS = ROOT / "tests" / "clients" / "ts"
PY_PROGRAM = ROOT / "tests" / "clients" / "py" / "main.py"
PACKAGE = "nafta_tracker_api_client"
# openapi-python-client parses no zip; read as bytes, the download still gets a typed function.
GENERATOR_CONFIG = "content_type_overrides:\n  application/zip: application/octet-stream\n"
EDITOR_TOKEN = """
from django.contrib.auth.models import Group, User
from rest_framework.authtoken.models import Token
user = User.objects.create_user("client-editor", is_staff=True)
user.groups.add(Group.objects.get(name="Editors"))
print(Token.objects.create(user=user).key)
"""


def _run(*args: str | Path, cwd: Path, timeout: float = 300, **env: str) -> subprocess.CompletedProcess:
    result = subprocess.run(  # noqa: S603 (tools of the virtualenv and of tests/clients/ts, arguments from here)
        [str(arg) for arg in args],
        cwd=cwd,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert result.returncode == 0, f"{' '.join(map(str, args))}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def node_modules() -> Path:
    npm = shutil.which("npm")
    assert npm, "node and npm are needed: install Node.js 20.19 or later"
    installed, lock = TS / "node_modules" / ".package-lock.json", TS / "package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < lock.stat().st_mtime:
        _run(npm, "ci", "--no-audit", "--no-fund", cwd=TS)
    return TS / "node_modules"


@pytest.fixture(scope="module")
def live_api(built_site, tmp_path_factory):
    """(base URL, editor token, schema file) of a gunicorn over a copy of the NAFTA record."""
    work = tmp_path_factory.mktemp("clients")
    database = work / "db.sqlite3"
    shutil.copy(built_site["database"], database)
    env = production_env(DATABASE_URL=f"sqlite:///{database}", DJANGO_SECURE_SSL_REDIRECT="0")
    loaded = run_manage("load_nafta", env=env, timeout=180)
    assert loaded.returncode == 0, loaded.stderr
    made = run_manage("shell", "--no-imports", "-c", EDITOR_TOKEN, env=env)
    assert made.returncode == 0, made.stderr
    token = made.stdout.strip().splitlines()[-1]
    port = free_port()
    process = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
        [str(GUNICORN), "nafta_tracker.wsgi"],
        cwd=ROOT,
        env={**env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        schema = work / "schema.json"
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/api/schema/?format=json", timeout=10) as answer:  # noqa: S310
                    schema.write_bytes(answer.read())
                break
            except (OSError, urllib.error.URLError):
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("gunicorn did not serve the schema")
                time.sleep(0.2)
        yield base, token, schema
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_schema_passes_redoclys_recommended_rules(node_modules, live_api):
    _base, _token, schema = live_api
    result = _run(node_modules / ".bin" / "redocly", "lint", schema, "--config", ROOT / "redocly.yaml", cwd=TS)
    assert "Your API description is valid" in result.stdout + result.stderr


def test_a_generated_python_client_reads_pages_304s_csv_and_writes_with_if_match(live_api, tmp_path):
    base, token, schema = live_api
    config = tmp_path / "config.yaml"
    config.write_text(GENERATOR_CONFIG)
    generator = Path(sys.executable).with_name("openapi-python-client")
    output = tmp_path / PACKAGE
    # The virtualenv's bin first: the generator formats its output with ruff when it finds it.
    path = f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"
    generated = _run(
        generator, "generate", "--path", schema, "--output-path", output, "--meta", "none", "--config", config,
        cwd=tmp_path, PATH=path,
    )  # fmt: skip
    assert "Warning" not in generated.stdout, generated.stdout  # every operation and answer made it
    ran = _run(sys.executable, PY_PROGRAM, base, token, "client-check-python", cwd=tmp_path, PYTHONPATH=str(tmp_path))
    assert ran.stdout.startswith("ok: "), ran.stdout


def test_a_generated_typescript_client_reads_pages_304s_csv_and_writes_with_if_match(node_modules, live_api, tmp_path):
    base, token, schema = live_api
    for name in ("main.ts", "tsconfig.json", "package.json"):
        shutil.copy(TS / name, tmp_path / name)
    (tmp_path / "node_modules").symlink_to(node_modules)
    bin_ = node_modules / ".bin"
    _run(bin_ / "openapi-typescript", schema, "--output", tmp_path / "schema.d.ts", cwd=tmp_path)
    _run(bin_ / "tsc", "--project", tmp_path / "tsconfig.json", cwd=tmp_path)  # the program fits the types
    ran = _run("node", tmp_path / "main.js", base, token, "client-check-typescript", cwd=tmp_path)
    assert ran.stdout.startswith("ok: "), ran.stdout
