"""Time the editors' admin pages with 100,000 statements (PostgreSQL).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/nafta_admin_bench \
        .venv/bin/python bench/admin_changelist.py [--statements 100000] [--runs 10]

Creates the database's tables (migrate), loads the NAFTA data, then tops the
statements up to ``--statements`` with generated rows (bulk inserts, spread over
2017–2018, about 1 in 10 a draft, each about one or two issues, rounds set from
the dates). It then requests each page as an editor through Django's test
client (no network, no server) and prints, per page, the median and slowest
time, the median time spent in SQL, and the number of SQL queries. Request times
cover everything: session, permissions, queries and template rendering.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nafta_tracker.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nafta_admin_bench")

import django

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from issues.models import Issue, Source, Statement  # noqa: E402
from issues.seed.load import load_nafta_data  # noqa: E402
from rounds.models import Official, Party, Round  # noqa: E402

FIRST_DAY = datetime.date(2017, 8, 1)
DAYS = 520


def top_up(target: int) -> None:
    """Add generated statements (and their officials and sources) until there are ``target``."""
    missing = target - Statement.objects.count()
    if missing <= 0:
        return
    rng = random.Random(2018)  # noqa: S311 - reproducible test data, not secrets
    parties = list(Party.objects.all())
    with transaction.atomic():
        officials = list(Official.objects.all())
        officials += Official.objects.bulk_create(
            Official(
                name=f"Bench official {i}", slug=f"bench-official-{i}", title="Negotiator", party=rng.choice(parties)
            )
            for i in range(300)
            if not Official.objects.filter(slug=f"bench-official-{i}").exists()
        )
        sources = list(Source.objects.all())
        start = Source.objects.filter(slug__startswith="bench-source-").count()
        sources += Source.objects.bulk_create(
            Source(slug=f"bench-source-{i}", title=f"Bench article {i}", url=f"https://bench.example.org/{i}")
            for i in range(start, start + max(1, missing // 20))
        )
    rounds = list(Round.objects.exclude(start_date=None))
    issues = list(Issue.objects.all())
    now = timezone.now()
    words = "trade rules origin dairy autos tariffs sunset dispute progress talks deal review".split()
    done = 0
    while done < missing:
        batch = []
        for _ in range(min(5000, missing - done)):
            day = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
            published = rng.random() < 0.9
            batch.append(
                Statement(
                    speaker=rng.choice(officials),
                    kind=rng.choice(["quote", "reported"]),
                    text=" ".join(rng.choice(words) for _ in range(12)) + f" #{done + len(batch)}-{rng.random():.12f}",
                    date=day,
                    round=next((r for r in rounds if r.start_date <= day <= r.end_date), None),
                    tone=rng.choice(["optimistic", "cautious", "neutral", "critical"]),
                    source=rng.choice(sources),
                    state="published" if published else "draft",
                    published_at=now if published else None,
                )
            )
        for row in batch:
            row.duplicate_hash = row.compute_duplicate_hash()  # bulk_create skips save(), which sets it
        with transaction.atomic():
            created = Statement.objects.bulk_create(batch)
            Through = Statement.issues.through
            Through.objects.bulk_create(
                Through(statement_id=s.pk, issue_id=issue.pk)
                for s in created
                for issue in rng.sample(issues, rng.choice([0, 1, 1, 2]))
            )
        done += len(batch)
        print(f"  {Statement.objects.count():>7} statements", file=sys.stderr)


def editor() -> User:
    user, created = User.objects.get_or_create(username="bench-editor", defaults={"is_staff": True})
    if created:
        user.groups.add(Group.objects.get(name="Editors"))
    return user


def measure(client: Client, url: str, runs: int) -> tuple[float, float, float, int]:
    """Median and slowest request time, median time spent in SQL, number of queries (ms)."""
    client.get(url)  # warm caches (templates, content types, the database's)
    timings, sql = [], []
    for _ in range(runs):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries) * 1000)
    return statistics.median(timings), max(timings), statistics.median(sql), len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    if connection.vendor != "postgresql":
        sys.exit("Point DATABASE_URL at a PostgreSQL database (e.g. .../nafta_admin_bench).")
    call_command("migrate", verbosity=0)
    load_nafta_data()
    top_up(args.statements)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    client = Client()
    client.force_login(editor())
    busy_source = Source.objects.filter(slug__startswith="bench-source-").first()
    round_6 = Round.objects.get(number=6)
    statement = Statement.objects.order_by("-date", "-id").first()
    changelist = reverse("admin:issues_statement_changelist")
    pages = [
        ("statements: list, first page", changelist),
        ("statements: list, page 500", changelist + "?p=500"),
        ("statements: drafts only", changelist + "?state__exact=draft"),
        ("statements: one party", changelist + f"?party={Party.objects.get(slug='canada').pk}"),
        ("statements: one round", changelist + f"?round__id__exact={round_6.pk}"),
        ("statements: one month", changelist + "?date__year=2018&date__month=1"),
        ("statements: search 'dairy tariffs'", changelist + "?q=dairy+tariffs"),
        ("statements: search a speaker", changelist + "?q=Lighthizer"),
        ("statement: change form", reverse("admin:issues_statement_change", args=[statement.pk])),
        ("source: change form + inlines", reverse("admin:rounds_source_change", args=[busy_source.pk])),
        ("round: change form + inline", reverse("admin:rounds_round_change", args=[round_6.pk])),
        ("positions: list", reverse("admin:issues_position_changelist")),
        ("sources: list", reverse("admin:rounds_source_changelist")),
        (
            "autocomplete: officials",
            reverse("admin:autocomplete") + "?app_label=issues&model_name=statement&field_name=speaker&term=bench",
        ),
    ]
    total = Statement.objects.count()
    print(
        f"\n{total:,} statements, {Source.objects.count():,} sources, {Official.objects.count():,} officials; "
        f"PostgreSQL {connection.pg_version // 10000}; {args.runs} runs per page\n"
    )
    print(f"{'page':<38} {'median ms':>10} {'max ms':>8} {'SQL ms':>8} {'queries':>8}")
    for label, url in pages:
        median, slowest, sql, queries = measure(client, url, args.runs)
        print(f"{label:<38} {median:>10.1f} {slowest:>8.1f} {sql:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
