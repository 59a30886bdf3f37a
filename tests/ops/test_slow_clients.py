"""Slow clients do not take the whole app server: /healthz still answers.

Eight clients that trickle their request headers a byte at a time (a slowloris, or just
bad mobile links) each hold whatever reads their request until the headers end. With
gunicorn's sync workers that was every worker of `make serve`, and the load balancer's
health check failed with the rest. gthread workers (gunicorn.conf.py) give each worker a
pool of threads, so a ninth request still finds one free. A buffering proxy in front is the
production answer (docs/deploy.md, "Slow clients"); this checks the app server alone.
"""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from .conftest import ROOT, free_port, production_env

GUNICORN = Path(sys.executable).with_name("gunicorn")
SLOW_CLIENTS = 8
REQUEST = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-client-test\r\nAccept: */*\r\n\r\n"


@pytest.fixture
def gunicorn_as_make_serve(built_site, tmp_path):
    """gunicorn with the defaults of gunicorn.conf.py, only the worker count fixed (two)."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(built_site["database"], database)
    port = free_port()
    env = production_env(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_STATIC_ROOT=str(built_site["static_root"]),
        DJANGO_SECURE_SSL_REDIRECT="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    process = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
        [str(GUNICORN), "nafta_tracker.wsgi"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            assert process.poll() is None, "gunicorn exited"
            with contextlib.suppress(OSError):
                if healthz(port, timeout=2) == 200:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer within 20 s")
        yield port
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def healthz(port: int, timeout: float) -> int:
    url = f"http://127.0.0.1:{port}/healthz"
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status


def trickle(sock: socket.socket, stop: threading.Event) -> None:
    """Send the request's headers one byte every 0.2 s, never finishing before ``stop``."""
    with contextlib.suppress(OSError):
        for byte in REQUEST[:-2]:  # never the blank line that ends the headers
            if stop.wait(0.2):
                return
            sock.sendall(bytes([byte]))


def test_a_health_check_is_answered_within_a_second_while_eight_clients_trickle_headers(gunicorn_as_make_serve):
    port = gunicorn_as_make_serve
    stop = threading.Event()
    sockets = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(SLOW_CLIENTS)]
    threads = [threading.Thread(target=trickle, args=(sock, stop), daemon=True) for sock in sockets]
    try:
        for thread in threads:
            thread.start()
        time.sleep(1.5)  # each slow client has sent a few bytes: whatever reads it is now committed

        started = time.monotonic()
        try:
            status = healthz(port, timeout=1)
        except OSError as exc:
            pytest.fail(f"/healthz did not answer within a second while {SLOW_CLIENTS} clients trickled: {exc}")
        elapsed = time.monotonic() - started
        assert status == 200
        assert elapsed < 1
    finally:
        stop.set()
        for sock in sockets:
            sock.close()
        for thread in threads:
            thread.join(timeout=2)
