"""Google Lighthouse against a live, production-configured server of the site (make lighthouse).

Starts gunicorn the way ``make serve`` does (debug off, whitenoise serving the collected,
hashed, compressed static files) on a free local port, over a throwaway SQLite file loaded
with ``manage.py load_nafta``; runs the Lighthouse pinned in bench/lighthouse/package-lock.json
(``npm ci --prefix bench/lighthouse``) with Debian's Chromium on each page and preset; prints a
table of the four category scores; stops the server and removes the database.

Nothing leaves the machine: Chromium resolves no host name but 127.0.0.1 and localhost, uses no
proxy, and runs with chrome-launcher's defaults (no background networking, no component
updates, no sync); Lighthouse's error reporting is off. Throttling is Lighthouse's default
*simulated* throttling of each preset (mobile: a mid-range phone on slow 4G, 4x CPU slowdown;
desktop: a desktop on a fast connection), computed from the trace rather than applied to the
loopback connection: the scores mean what PageSpeed Insights' scores mean for these pages, and
no real network slowdown is added to a server that answers in milliseconds. Performance still
varies with the machine's load (the CPU work is measured, then scaled); the other three
categories do not depend on timing.

    python bench/lighthouse/run.py                       # the four pages, mobile and desktop
    python bench/lighthouse/run.py --page / --preset mobile --json scores.json

Reports (HTML and JSON) are kept in bench/out/lighthouse/. Exits 2 when Lighthouse or Chromium
is missing, 1 when a run fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
LIGHTHOUSE = HERE / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "bench" / "out" / "lighthouse"
PORTS = range(8600, 8700)  # Lighthouse's share of the machine's ports (tests: 8300-8499, fuzz: 8500-8599)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PRESETS = ("mobile", "desktop")
ATTEMPTS = 4
# Home, one issue page, and the same issue page in French and Spanish (the language is the
# URL's prefix; slugs are not translated).
PAGES = ("/", "/issues/sunset-clause/", "/fr/issues/sunset-clause/", "/es/issues/sunset-clause/")
# Chromium may talk to 127.0.0.1 and localhost only: any other host fails to resolve (and shows
# up in the report as a failed request), so a page that needs the internet cannot pass unnoticed.
CHROME_FLAGS = (
    "--headless=new",
    "--no-sandbox",  # runs as root in containers and CI
    "--no-proxy-server",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
)


class MissingTool(RuntimeError):
    """Lighthouse or Chromium is not installed: say how to install it."""


def lighthouse_command() -> list[str]:
    """The pinned Lighthouse CLI and its Node.js, or MissingTool saying how to install them."""
    node = shutil.which("node")
    if node is None:
        raise MissingTool("Node.js is missing: install Node.js 20 (Debian: apt-get install -y nodejs npm).")
    if not LIGHTHOUSE.exists():
        raise MissingTool(
            f"Lighthouse is not installed in {HERE.relative_to(ROOT)}/node_modules: "
            "run `npm ci --prefix bench/lighthouse --no-audit --no-fund`."
        )
    return [node, str(LIGHTHOUSE.resolve())]


def chrome_path() -> str:
    """CHROME_PATH if set (chrome-launcher's own variable), else Debian's Chromium."""
    path = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        raise MissingTool("Chromium is missing: apt-get install -y chromium (or set CHROME_PATH).")
    return path


def free_port() -> int:
    for port in PORTS:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {PORTS.start}-{PORTS.stop - 1}.")


def production_env(workdir: Path, port: int) -> dict[str, str]:
    """This environment less the project's variables, plus `make serve`'s production settings."""
    project = ("DJANGO_", "DATABASE_", "REDIS_URL", "GUNICORN_", "WEB_CONCURRENCY", "PORT")
    env = {key: value for key, value in os.environ.items() if not key.startswith(project)}
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DJANGO_SECURE_SSL_REDIRECT="0",  # plain HTTP on loopback, as under make serve
        DJANGO_SECURE_COOKIES="0",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DJANGO_LOG_LEVEL="WARNING",
        DATABASE_URL=f"sqlite:///{workdir / 'lighthouse.sqlite3'}",
        DJANGO_STATIC_ROOT=str(workdir / "static"),
        GUNICORN_BIND=f"127.0.0.1:{port}",
        WEB_CONCURRENCY="2",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    result = subprocess.run(  # noqa: S603 (this interpreter, our arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode:
        raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")


@contextmanager
def live_server() -> Iterator[str]:
    """gunicorn serving the NAFTA data over a throwaway SQLite file; yields its base URL."""
    with tempfile.TemporaryDirectory(prefix="nafta-lighthouse-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        env = production_env(workdir, port)
        # collectstatic and the database are independent: build them side by side.
        with ThreadPoolExecutor(2) as pool:
            database = pool.submit(lambda: (_manage(env, "migrate", "--noinput"), _manage(env, "load_nafta")))
            static = pool.submit(_manage, env, "collectstatic", "--noinput")
            database.result(), static.result()
        log = (workdir / "gunicorn.log").open("w")
        gunicorn = Path(sys.executable).with_name("gunicorn")
        server = subprocess.Popen(  # noqa: S603 (the virtualenv's gunicorn)
            [str(gunicorn), "nafta_tracker.wsgi", "--access-logfile", "/dev/null"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_for(f"{base}/healthz", server, workdir / "gunicorn.log")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()


def _wait_for(url: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=5):  # noqa: S310 (http://127.0.0.1, built here)
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not answer {url} within 30 s:\n{log.read_text()}")


def report_name(page: str, preset: str) -> str:
    """``/fr/issues/sunset-clause/`` + mobile -> ``fr-issues-sunset-clause-mobile``."""
    return f"{re.sub(r'[^a-z0-9]+', '-', page.lower()).strip('-') or 'home'}-{preset}"


def run_lighthouse(url: str, preset: str, output_stem: Path) -> dict:
    """One Lighthouse run; returns its JSON report (HTML and JSON are kept beside ``output_stem``)."""
    command = [
        *lighthouse_command(),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={output_stem}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
        "--no-enable-error-reporting",
        "--disable-full-page-screenshot",  # only pictures the report's elements; 5 s a run here
        "--quiet",
    ]
    if preset == "desktop":
        command.append("--preset=desktop")  # mobile is Lighthouse's default
    report_path = output_stem.with_name(output_stem.name + ".report.json")
    # On a loaded machine Chromium's trace sometimes misses the navigation's start
    # ("NO_NAVSTART", Lighthouse says to run it again). Two attempts were not enough: a CI run
    # on 2026-11-28 missed it twice on both mobile pages, and both passed at once when rerun.
    # A few more, a moment apart; each costs time only when one fails.
    for attempt in range(1, ATTEMPTS + 1):
        if attempt > 1:
            time.sleep(2)
        report_path.unlink(missing_ok=True)
        result = subprocess.run(  # noqa: S603 (the pinned Lighthouse, our arguments)
            command, env={**os.environ, "CHROME_PATH": chrome_path()}, capture_output=True, text=True, timeout=180
        )
        if not result.returncode and report_path.exists():
            report = json.loads(report_path.read_text())
            if not report.get("runtimeError"):
                return report
            failure = f"{report['runtimeError']}"
        else:
            failure = result.stdout + result.stderr
        print(f"Lighthouse failed on {url} ({preset}), attempt {attempt} of {ATTEMPTS}: {failure}", file=sys.stderr)
    raise RuntimeError(f"Lighthouse failed on {url} ({preset}) {ATTEMPTS} times; last:\n{failure}")


def summarize(report: dict) -> dict:
    """Category scores (0-100) and the audits below a full score in each category but performance."""
    audits = report["audits"]
    failing = {}
    for name in CATEGORIES[1:]:
        category = report["categories"][name]
        failing[name] = [
            f"{ref['id']}: {audits[ref['id']]['title']}"
            for ref in category["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
        ]
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    return {"scores": scores, "failing": failing}


def warm_up(base: str, pages: list[str]) -> None:
    """Request each page a few times, so no audited load is a worker's first.

    A gunicorn worker compiles the URL patterns, templates and translations on its first
    request (about 3 s here); a production server has long served those, and measuring
    them would charge every page's performance score for a cost no reader pays.
    """
    for page in pages:
        for _ in range(4):  # two workers, each served at least once on most runs
            with urllib.request.urlopen(base + page, timeout=30) as response:  # noqa: S310 (our server)
                response.read()


def measure(pages: list[str], presets: list[str]) -> list[dict]:
    """Lighthouse on every page and preset against one live server; one row per run."""
    lighthouse_command(), chrome_path()  # fail before building a server for nothing
    REPORTS.mkdir(parents=True, exist_ok=True)
    rows = []
    with live_server() as base:
        warm_up(base, pages)
        for page in pages:
            for preset in presets:
                report = run_lighthouse(base + page, preset, REPORTS / report_name(page, preset))
                rows.append({"page": page, "preset": preset, **summarize(report)})
    return rows


def table(rows: list[dict]) -> str:
    """A Markdown table: page x preset x the four scores."""
    lines = [
        "| page | preset | " + " | ".join(CATEGORIES) + " |",
        "|---|---|" + "---:|" * len(CATEGORIES),
    ]
    for row in rows:
        scores = " | ".join(str(row["scores"][name]) for name in CATEGORIES)
        lines.append(f"| `{row['page']}` | {row['preset']} | {scores} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", help=f"a path to audit (repeatable; default: {', '.join(PAGES)})")
    parser.add_argument("--preset", action="append", choices=PRESETS, help="mobile or desktop (default: both)")
    parser.add_argument("--json", type=Path, help="also write the rows (scores, audits below 100) to this file")
    args = parser.parse_args(argv)
    try:
        rows = measure(args.page or list(PAGES), args.preset or list(PRESETS))
    except MissingTool as error:
        print(f"make lighthouse: {error}", file=sys.stderr)
        return 2
    except RuntimeError as error:
        print(f"make lighthouse: {error}", file=sys.stderr)
        return 1
    print(table(rows))
    for row in rows:
        for category, audits in row["failing"].items():
            for audit in audits:
                print(f"  {row['page']} {row['preset']} {category}: {audit}")
    print(f"Reports: {REPORTS.relative_to(ROOT)}/")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
