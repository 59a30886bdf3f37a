"""Time the public pages and count their queries, on the shipped data.

    DJANGO_DEBUG=1 .venv/bin/python bench/site_pages.py [--requests 50]

Uses a throwaway SQLite database (or DATABASE_URL if set: give it an empty database),
loads the NAFTA data, and prints for each page the SQL queries per request, the median
time of a full render and of a conditional repeat visit answered 304.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nafta_tracker.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
_tmp = tempfile.mkdtemp()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp}/bench.sqlite3")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.core.signals import request_finished, request_started  # noqa: E402
from django.db import close_old_connections, connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/",
    "/rounds/",
    "/rounds/round-6-montreal/",
    "/issues/",
    "/issues/?status=far_apart&as_of=2018-04-15",
    "/issues/sunset-clause/",
    "/statements/",
    "/statements/?q=sunset+clause",
    "/officials/robert-lighthizer/",
    "/parties/canada/",
    "/deadlines/",
    "/deadlines/nafta-talks.ics",
    "/statements/feed/",
    "/sitemap.xml",
    "/fr/issues/sunset-clause/",
]


def median_ms(client: Client, url: str, runs: int, **headers) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        client.get(url, **headers)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    # Keep one connection open across requests (as CONN_MAX_AGE does on PostgreSQL) so the
    # numbers measure the pages, not reconnecting, and queries can be counted.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    call_command("migrate", verbosity=0)
    call_command("load_nafta", verbosity=0, stdout=open(os.devnull, "w"))
    client = Client()
    print(f"database: {connection.vendor}; {args.requests} requests per page; median times")
    print(f"{'page':48} {'queries':>7} {'200 ms':>8} {'304 ms':>8}")
    for url in PAGES:
        reset_queries()  # the query log is bounded: loading the data filled it
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        count = len(queries)
        assert response.status_code == 200, (url, response.status_code)
        full = median_ms(client, url, args.requests)
        repeat = median_ms(client, url, args.requests, HTTP_IF_NONE_MATCH=response["ETag"])
        print(f"{url:48} {count:>7} {full:>8.2f} {repeat:>8.2f}")


if __name__ == "__main__":
    main()
