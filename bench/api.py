"""API benchmark: median latency and queries per request, next to the raw-SQL floor.

    make bench            (10,000, 100,000 and 1,000,000 statements; databases nafta_bench_<size>)
    python -m bench.api [--runs 30] [--rebuild] [--statements 100000 | --sizes 10000,100000,1000000]

Builds the synthetic data set (bench/synthetic.py) when the database does not hold
the number of statements asked for (1,000,000 take about four minutes, once). With
``--sizes`` each size runs in its own process and database, and a last table puts
each endpoint's time at every size side by side: lists, details and 304s should stay
flat as the data grows. For each endpoint it times the full Django stack
in-process (middleware, DRF, serializers, rendering; no network), then the
"floor": the same rows fetched with one hand-written SQL query and dumped to JSON
with the standard library. The ratio says how much the framework costs on top of
the database; "target" says whether it is within 2x of the floor (or within 1 ms
where the floor is under 1 ms). PostgreSQL only (the floor queries use its JSON functions).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nafta_bench")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-key")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")
# Debug is off, so production's HTTPS redirect would answer every request with a 301.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
# Throttling is on in production; here it would only measure the limiter refusing us.
os.environ.setdefault("DJANGO_API_ANON_RATE", "100000000/second")
os.environ.setdefault("DJANGO_API_USER_RATE", "100000000/second")

from bench import synthetic

STATEMENT_FLOOR = """
SELECT s.id, s.kind, s.text, s.context, s.occasion, s.date, s.date_precision, s.date_text, s.tone,
       s.attribution, s.state, s.published_at, s.updated_at,
       o.slug AS speaker_slug, o.name AS speaker_name, o.title AS speaker_title,
       p.slug AS party_slug, p.name AS party_name, r.slug AS round_slug, r.number AS round_number,
       src.id AS source_id, src.outlet, src.title AS source_title, src.url AS source_url, src.published_on,
       (SELECT json_agg(json_build_object('slug', i.slug, 'title', i.title) ORDER BY i.title)
          FROM issues_statement_issues si JOIN issues_issue i ON i.id = si.issue_id
         WHERE si.statement_id = s.id) AS issues
  FROM issues_statement s
  LEFT JOIN rounds_official o ON o.id = s.speaker_id
  LEFT JOIN rounds_party p ON p.id = COALESCE(o.party_id, s.attributed_party_id)
  LEFT JOIN rounds_round r ON r.id = s.round_id
  JOIN issues_source src ON src.id = s.source_id
 WHERE s.state = 'published' {where}
 ORDER BY s.date DESC, s.id DESC
 LIMIT {limit}
"""

#: An issue's statements as a hand-written query would read them: in order from the links' dates
#: (issues_statementissuedate), which the API reads them from too.
STATEMENT_OF_ISSUE_FLOOR = STATEMENT_FLOOR.replace(
    "  FROM issues_statement s\n",
    "  FROM issues_statementissuedate d JOIN issues_statement s ON s.id = d.statement_id\n",
).replace("ORDER BY s.date DESC, s.id DESC", "ORDER BY d.date DESC, d.statement_id DESC")

ISSUE_FLOOR = """
SELECT i.id, i.slug, i.title, i.kind, i.description, i.updated_at,
       (SELECT a.status FROM issues_statusassessment a WHERE a.issue_id = i.id AND a.state = 'published'
         ORDER BY a.date DESC, a.id DESC LIMIT 1) AS status,
       (SELECT json_agg(json_build_object('party', p.slug, 'kind', x.kind, 'summary', x.summary, 'date', x.date,
                                          'round', r.slug, 'source', x.source_id))
          FROM issues_position x JOIN rounds_party p ON p.id = x.party_id LEFT JOIN rounds_round r ON r.id = x.round_id
         WHERE x.issue_id = i.id AND x.state = 'published'
           AND x.id = (SELECT y.id FROM issues_position y WHERE y.state = 'published' AND y.issue_id = x.issue_id
                        AND y.party_id = x.party_id ORDER BY y.date DESC, y.id DESC LIMIT 1)) AS latest_positions
  FROM issues_issue i {where}
 ORDER BY i.title
 LIMIT {limit}
"""

ISSUE_DETAIL_FLOOR = """
SELECT i.id, i.slug, i.title, i.kind, i.description, i.updated_at,
       (SELECT json_agg(json_build_object('status', a.status, 'date', a.date, 'round', r.slug, 'note', a.note,
                                          'source', a.source_id) ORDER BY a.date, a.id)
          FROM issues_statusassessment a LEFT JOIN rounds_round r ON r.id = a.round_id
         WHERE a.issue_id = i.id AND a.state = 'published') AS status_history,
       (SELECT json_agg(json_build_object('party', p.slug, 'kind', x.kind, 'summary', x.summary, 'date', x.date,
                                          'round', r.slug, 'source', x.source_id) ORDER BY p.name, x.date, x.id)
          FROM issues_position x JOIN rounds_party p ON p.id = x.party_id LEFT JOIN rounds_round r ON r.id = x.round_id
         WHERE x.issue_id = i.id AND x.state = 'published') AS positions
  FROM issues_issue i WHERE i.slug = %s
"""

POSITION_FLOOR = """
SELECT x.id, x.kind, x.summary, x.date, x.date_precision, x.date_text, x.state, x.updated_at,
       i.slug AS issue_slug, i.title AS issue_title, p.slug AS party_slug, p.name AS party_name,
       r.slug AS round_slug, src.id AS source_id, src.outlet, src.title AS source_title, src.url AS source_url
  FROM issues_position x JOIN issues_issue i ON i.id = x.issue_id JOIN rounds_party p ON p.id = x.party_id
  LEFT JOIN rounds_round r ON r.id = x.round_id JOIN issues_source src ON src.id = x.source_id
 WHERE x.state = 'published'
 ORDER BY i.title, p.name, x.date, x.id
 LIMIT 50
"""

OFFICIAL_FLOOR = """
SELECT o.slug, o.name, o.title, o.role, o.organisation, o.updated_at, p.slug AS party_slug, p.name AS party_name,
       src.id AS source_id, src.outlet, src.title AS source_title
  FROM rounds_official o LEFT JOIN rounds_party p ON p.id = o.party_id
  LEFT JOIN issues_source src ON src.id = o.source_id
 ORDER BY o.name LIMIT 50
"""

ROUND_DETAIL_FLOOR = """
SELECT r.slug, r.number, r.city, r.start_date, r.end_date, r.summary,
       (SELECT json_agg(json_build_object('issue', i.slug, 'status', a.status, 'date', a.date, 'note', a.note)
                        ORDER BY i.title, a.date, a.id)
          FROM issues_statusassessment a JOIN issues_issue i ON i.id = a.issue_id
         WHERE a.round_id = r.id AND a.state = 'published') AS assessments,
       (SELECT json_agg(json_build_object('id', s.id, 'speaker', COALESCE(o.name, s.attribution), 'kind', s.kind,
                                          'text', s.text, 'date', s.date, 'tone', s.tone,
                                          'issues', (SELECT json_agg(i.slug) FROM issues_statement_issues si
                                                       JOIN issues_issue i ON i.id = si.issue_id
                                                      WHERE si.statement_id = s.id))
                        ORDER BY s.date DESC, s.id DESC)
          FROM issues_statement s LEFT JOIN rounds_official o ON o.id = s.speaker_id
         WHERE s.round_id = r.id AND s.state = 'published') AS statements
  FROM rounds_round r WHERE r.slug = %s
"""


#: Calls before the timed ones: psycopg prepares a query on its 5th run, and PostgreSQL weighs
#: a generic plan after 5 runs of the prepared statement; long-lived workers are past both.
WARM_UPS = 12


def timings_ms(action: Callable[[], object], runs: int) -> tuple[float, float, float]:
    """(median, fastest, median CPU time) of ``runs`` calls after ``WARM_UPS`` warm-ups.

    The fastest shows what a loaded machine hides. CPU time is this process's own work
    (Python, psycopg, encoding; not the database server's): on a busy two-core machine wall
    times varied by a third from run to run, while CPU time still told two versions apart.
    """
    for _ in range(WARM_UPS):
        action()
    samples, cpu = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        action()
        cpu.append((time.process_time() - started_cpu) * 1000)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), min(samples), statistics.median(cpu)


def floor(sql: str, params: tuple = ()) -> Callable[[], str]:
    from django.db import connection

    def run() -> str:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            columns = [c.name for c in cursor.description]
            rows = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
        return json.dumps(rows, default=str)

    return run


def target_met(api_ms: float, floor_ms: float) -> bool:
    """Issue 15's target: within 2x of the floor, or within 1 ms of it where the floor is under 1 ms."""
    return api_ms <= 2 * floor_ms or (floor_ms < 1 and api_ms <= floor_ms + 1)


def database_for(size: int) -> str:
    """The database holding ``size`` statements: one per size, each built once and kept."""
    base = os.environ["DATABASE_URL"]
    head, _, name = base.rpartition("/")
    return f"{head}/{name.split('?')[0]}_{size}"


def measure(args: argparse.Namespace) -> list[dict]:
    synthetic._setup_django()
    from django.db import connection
    from django.test import Client

    from issues.models import Statement

    if connection.vendor != "postgresql":
        sys.exit("bench.api needs PostgreSQL: set DATABASE_URL (default postgres://…/nafta_bench).")
    if args.rebuild or Statement.objects.count() != args.statements:
        synthetic.reset()
        synthetic.build(synthetic.Scale(statements=args.statements), log=lambda line: print(line, file=sys.stderr))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    statement = Statement.objects.published().order_by("-date", "-id").values_list("pk", flat=True)[500]
    client = Client()
    last_page = client.get("/api/v1/statements/")
    etag = last_page["ETag"]
    cases = [
        ("issues list (50)", "/api/v1/issues/", {}, floor(ISSUE_FLOOR.format(where="", limit=50))),
        (
            "issues ?updated_since",
            "/api/v1/issues/?updated_since=2000-01-01T00:00:00Z",
            {},
            floor(ISSUE_FLOOR.format(where="", limit=50)),
        ),
        ("issue detail", "/api/v1/issues/syn-issue-7/", {}, floor(ISSUE_DETAIL_FLOOR, ("syn-issue-7",))),
        ("statements list (50)", "/api/v1/statements/", {}, floor(STATEMENT_FLOOR.format(where="", limit=50))),
        (
            "statements list (500)",
            "/api/v1/statements/?page_size=500",
            {},
            floor(STATEMENT_FLOOR.format(where="", limit=500)),
        ),
        (
            "statements CSV (500)",
            "/api/v1/statements/?page_size=500&format=csv",
            {},
            floor(STATEMENT_FLOOR.format(where="", limit=500)),
        ),
        (
            "statements ?q=dairy",
            "/api/v1/statements/?q=dairy",
            {},
            floor(
                STATEMENT_FLOOR.format(
                    where="AND to_tsvector('english'::regconfig, COALESCE(s.text, '')) "
                    "@@ websearch_to_tsquery('english'::regconfig, 'dairy')",
                    limit=50,
                )
            ),
        ),
        (
            "statements ?party&date_after",
            "/api/v1/statements/?party=canada&date_after=2018-01-01",
            {},
            floor(
                STATEMENT_FLOOR.format(
                    where="AND (o.party_id = (SELECT id FROM rounds_party WHERE slug = 'canada') OR "
                    "(s.speaker_id IS NULL AND s.attributed_party_id = (SELECT id FROM rounds_party "
                    "WHERE slug = 'canada'))) AND s.date >= '2018-01-01'",
                    limit=50,
                )
            ),
        ),
        (
            "statements ?issue",
            "/api/v1/statements/?issue=syn-issue-7",
            {},
            floor(
                STATEMENT_OF_ISSUE_FLOOR.format(
                    where="AND d.issue_id = (SELECT id FROM issues_issue WHERE slug = 'syn-issue-7')", limit=50
                )
            ),
        ),
        (
            "statements ?issue&party",
            "/api/v1/statements/?issue=syn-issue-7&party=canada",
            {},
            floor(
                STATEMENT_OF_ISSUE_FLOOR.format(
                    where="AND d.issue_id = (SELECT id FROM issues_issue WHERE slug = 'syn-issue-7') "
                    "AND (o.party_id = (SELECT id FROM rounds_party WHERE slug = 'canada') OR "
                    "(s.speaker_id IS NULL AND s.attributed_party_id = (SELECT id FROM rounds_party "
                    "WHERE slug = 'canada')))",
                    limit=50,
                )
            ),
        ),
        (
            "statement detail",
            f"/api/v1/statements/{statement}/",
            {},
            floor(STATEMENT_FLOOR.format(where=f"AND s.id = {int(statement)}", limit=1)),
        ),
        (
            "statements 304 (If-None-Match)",
            "/api/v1/statements/",
            {"HTTP_IF_NONE_MATCH": etag},
            floor(STATEMENT_FLOOR.format(where="", limit=50)),
        ),
        ("positions list (50)", "/api/v1/positions/", {}, floor(POSITION_FLOOR)),
        ("officials list (50)", "/api/v1/officials/", {}, floor(OFFICIAL_FLOOR)),
        (
            "round detail (~2,000 statements)",
            "/api/v1/rounds/syn-round-3/",
            {},
            floor(ROUND_DETAIL_FLOOR, ("syn-round-3",)),
        ),
    ]

    results = []
    for label, url, headers, floor_run in cases:
        queries: list[str] = []

        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        # Counted with a wrapper: Django empties its query log when a request starts. Counted on
        # the second request: the first of a detail's shape builds its queries (compiled_sql),
        # and the ETag query caught on its way to the database would count as one more.
        client.get(url, **headers)
        with connection.execute_wrapper(count):
            response = client.get(url, **headers)
        api, api_best, api_cpu = timings_ms(lambda url=url, headers=headers: client.get(url, **headers), args.runs)
        base, base_best, base_cpu = timings_ms(floor_run, args.runs)
        results.append(
            {
                "label": label,
                "status": response.status_code,
                "queries": len(queries),
                "api": api,
                "floor": base,
                "api_best": api_best,
                "floor_best": base_best,
                "api_cpu": api_cpu,
                "floor_cpu": base_cpu,
            }
        )
    return results


def print_one(results: list[dict], runs: int) -> None:
    print(f"median of {runs} requests each; the machine's load average was {os.getloadavg()[0]:.1f}")
    print(
        f"{'endpoint':34} {'status':>6} {'queries':>7} {'API ms':>8} {'floor ms':>9} {'ratio':>6}"
        f" {'API best':>9} {'floor best':>10} {'ratio':>6} {'target':>7} {'API cpu':>8} {'floor cpu':>9}"
    )
    for r in results:
        print(
            f"{r['label']:34} {r['status']:>6} {r['queries']:>7} {r['api']:>8.1f} {r['floor']:>9.1f}"
            f" {r['api'] / r['floor']:>5.1f}× {r['api_best']:>9.1f} {r['floor_best']:>10.1f}"
            f" {r['api_best'] / r['floor_best']:>5.1f}× {'met' if target_met(r['api'], r['floor']) else 'over':>7}"
            f" {r['api_cpu']:>8.1f} {r['floor_cpu']:>9.1f}"
        )


def print_sizes(by_size: dict[int, list[dict]], runs: int) -> None:
    sizes = sorted(by_size)
    print(f"\nmedian of {runs} requests each, API ms / floor ms at each number of statements")
    print(f"{'endpoint':34} " + " ".join(f"{size:>22,}" for size in sizes))
    labels = [r["label"] for r in by_size[sizes[0]]]
    for i, label in enumerate(labels):
        cells = []
        for size in sizes:
            r = by_size[size][i]
            cells.append(f"{r['api']:>8.1f} / {r['floor']:>6.1f} {r['api'] / r['floor']:>4.1f}×")
        print(f"{label:34} " + " ".join(f"{cell:>22}" for cell in cells))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="API benchmark against the raw-SQL floor.")
    parser.add_argument("--runs", type=int, default=30, help="timed requests per endpoint (median reported)")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the synthetic data set first")
    parser.add_argument("--statements", type=int, default=synthetic.Scale.statements, help="size of the data set")
    parser.add_argument(
        "--sizes",
        default="",
        help="comma-separated data set sizes, e.g. 10000,100000,1000000: each in its own database "
        "(DATABASE_URL's name + _<size>, built on first use), then one table of every size",
    )
    parser.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # a child run of --sizes
    args = parser.parse_args(argv)

    if not args.sizes:
        results = measure(args)
        if args.json:
            print(json.dumps(results))
        else:
            print_one(results, args.runs)
        return

    by_size = {}
    for size in (int(part.replace("_", "")) for part in args.sizes.split(",")):
        print(f"--- {size:,} statements ({database_for(size)})", flush=True)
        command = [sys.executable, "-m", "bench.api", "--json", "--runs", str(args.runs), "--statements", str(size)]
        if args.rebuild:
            command.append("--rebuild")
        env = {**os.environ, "DATABASE_URL": database_for(size)}
        done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)  # noqa: S603
        by_size[size] = json.loads(done.stdout.strip().splitlines()[-1])
        print_one(by_size[size], args.runs)
    print_sizes(by_size, args.runs)


if __name__ == "__main__":
    main()
