"""Median time of the site search (/search/) on the database DATABASE_URL names.

    DATABASE_URL=postgres://.../readers3_bench python -m bench.site_search [--runs 15]

Build the data first with ``python -m bench.synthetic`` (100,000 statements). Prints, per
query, the median of the search function alone and of the whole page (test client),
and the number of SQL queries the page makes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

QUERIES = ("sunset", "dairy tariffs", "negotiators", "sunset clause review", "nosuchwordanywhere")


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
        print(
            f"  {query!r:24} search {statistics.median(function) * 1000:7.1f} ms   page "
            f"{statistics.median(page) * 1000:7.1f} ms   {len(queries)} queries, {hits} hits shown"
        )


if __name__ == "__main__":
    main()
