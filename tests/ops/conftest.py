"""Helpers for the production tests: subprocesses with a production environment, a
migrated SQLite file and collected static files built once per run, free ports."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import caches

from tests.ports import share_of

ROOT = Path(__file__).resolve().parents[2]
PORTS = share_of(range(8400, 8500))  # this project's share of the machine's ports, this worker's part of it
PRODUCTION_SECRET_KEY = "t3st-Only_but-long-enough-and-varied-0123456789-abcdefghijklmnopqrstuvwxyz"


def production_env(**overrides: str) -> dict[str, str]:
    """This process's environment less every project variable, plus a minimal production configuration."""
    project_prefixes = ("DJANGO_", "DATABASE_", "REDIS_URL", "GUNICORN_", "WEB_CONCURRENCY", "PORT")
    env = {key: value for key, value in os.environ.items() if not key.startswith(project_prefixes)}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=PRODUCTION_SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="nafta.example.org,127.0.0.1,testserver",
    )
    env.update(overrides)
    return env


def run_manage(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (this interpreter, arguments written by the tests)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def settings_under(env: dict[str, str], *names: str) -> dict:
    """The values settings.py computes for ``names`` under ``env`` (repr for non-JSON values)."""
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, default=repr))"
    )
    result = subprocess.run(  # noqa: S603 (this interpreter, code written here)
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "nafta_tracker.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def free_port() -> int:
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS.start}-{PORTS.stop - 1}.")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> dict[str, Path]:
    """A migrated SQLite database file and collected (hashed, compressed) static files.

    Built in parallel, once per test run: each takes about three seconds.
    """
    base = tmp_path_factory.mktemp("built-site")
    database, static_root = base / "migrated.sqlite3", base / "static"
    env = production_env(DATABASE_URL=f"sqlite:///{database}", DJANGO_STATIC_ROOT=str(static_root))
    with ThreadPoolExecutor(2) as pool:
        results = list(
            pool.map(
                lambda args: run_manage(*args, env=env), [("migrate", "--noinput"), ("collectstatic", "--noinput")]
            )
        )
    for result in results:
        assert result.returncode == 0, result.stderr
    return {"database": database, "static_root": static_root}


@pytest.fixture
def sqlite_copy(built_site, tmp_path) -> Iterator[Path]:
    """A private copy of the migrated SQLite database, for one test."""
    path = tmp_path / "db.sqlite3"
    shutil.copy(built_site["database"], path)
    yield path


@pytest.fixture
def response_cache(settings) -> Iterator[None]:
    """Turn the response cache on (it is off by default without Redis), empty."""
    settings.RESPONSE_CACHE_SECONDS = 300
    caches["default"].clear()
    yield
    caches["default"].clear()
