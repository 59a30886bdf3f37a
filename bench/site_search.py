"""Median time of the site search (/search/) on the database DATABASE_URL names.

    DATABASE_URL=postgres://.../readers3_bench python -m bench.site_search [--runs 15]

Build the data first with ``python -m bench.synthetic`` (100,000 statements). Prints, per
query, the median of the search function alone and of the whole page (test client), the
number of SQL queries the page makes, and the search's median before the stored statement
vector and the per-kind pages (``REFERENCE_MS``, measured on this 2-core machine at 100,000
statements on PostgreSQL) beside it; the machine is shared, so compare with ``uptime``.
Also times page 2 of the statements alone (``?kind=statements&page=2``).

For a reference measured in the same run (the machine is shared): copy the database
(``CREATE DATABASE copy TEMPLATE original``), migrate the copy back to ``issues 0014``, and
run ``python -m bench.site_search`` from a checkout of the code before (``git worktree
add``) against the copy, right before or after this one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

QUERIES = ("sunset", "dairy tariffs", "negotiators", "sunset clause review", "nosuchwordanywhere")
# Median of search_everything() on main before the search5 work (a36b93a), PostgreSQL, 100,000
# statements, load average about 3: headlines for every match, to_tsvector on every statement.
REFERENCE_MS = {
    "sunset": 2388.2,
    "dairy tariffs": 1354.9,
    "negotiators": 2579.6,
    "sunset clause review": 1011.5,
    "nosuchwordanywhere": 406.2,
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nafta_tracker.settings")
    os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from issues.site_search import search_everything

    client = Client()
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}, {args.runs} runs each")
    for query in QUERIES:
        search_everything(query)  # warm caches
        function = []
        for _ in range(args.runs):
            started = time.perf_counter()
            groups = search_everything(query)
            function.append(time.perf_counter() - started)
        page = []
        for _ in range(args.runs):
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as queries:
                response = client.get("/search/", {"q": query})
            page.append(time.perf_counter() - started)
        assert response.status_code == 200
        hits = sum(len(group.hits) for group in groups)
        total = sum(group.total for group in groups)
        print(
            f"  {query!r:24} search {statistics.median(function) * 1000:7.1f} ms (before {REFERENCE_MS[query]:7.1f})"
            f"   page {statistics.median(page) * 1000:7.1f} ms   {len(queries)} queries,"
            f" {hits} hits shown of {total}"
        )
    kind_page = []
    for _ in range(args.runs):
        started = time.perf_counter()
        response = client.get("/search/", {"q": "sunset", "kind": "statements", "page": 2})
        kind_page.append(time.perf_counter() - started)
    assert response.status_code == 200
    print(f"  'sunset' statements, page 2: page {statistics.median(kind_page) * 1000:7.1f} ms")


if __name__ == "__main__":
    main()
