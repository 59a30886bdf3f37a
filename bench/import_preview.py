"""Time the admin's import preview of a 2,000-row statements file over a full table.

    .venv/bin/python bench/import_preview.py [--rows 2000] [--statements 100000]

Uses ``DATABASE_URL`` when set, otherwise a SQLite file in the temporary folder. Migrates,
loads the NAFTA data, tops the statements up to ``--statements`` (``bench/admin_changelist.py``),
then uploads a generated CSV of ``--rows`` new statements (named speakers, a known source,
dates in 2017–2018) to the statement import page as an editor, through Django's test client,
and prints the time and the number of SQL queries of that preview. gunicorn kills a request
after 30 s (``GUNICORN_TIMEOUT``), so the preview has to stay well under that.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nafta_tracker.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{Path(tempfile.gettempdir()) / 'nafta_import_bench.sqlite3'}")

import django

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.admin_changelist import editor, top_up  # noqa: E402
from issues.models import Source, Statement  # noqa: E402
from issues.seed.load import load_nafta_data  # noqa: E402
from rounds.models import Official  # noqa: E402

HEADERS = ["id", "source", "speaker", "kind", "text", "date", "tone"]


def statements_csv(rows: int) -> bytes:
    speakers = list(Official.objects.order_by("slug").values_list("slug", flat=True)[:50])
    source = Source.objects.order_by("slug").values_list("slug", flat=True).first()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for i in range(rows):
        text = f"Imported bench statement {i}: the talks on rules of origin continue next week."
        date = f"2018-{1 + i % 12:02d}-{1 + i % 28:02d}"
        writer.writerow(["", source, speakers[i % len(speakers)], "quote", text, date, "neutral"])
    return out.getvalue().encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--statements", type=int, default=100_000)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    load_nafta_data()
    top_up(args.statements)
    setup_test_environment()  # so the test client keeps the response's template context
    client = Client()
    client.force_login(editor())
    data = statements_csv(args.rows)
    url = reverse("admin:issues_statement_import")
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *a: queries.append(sql) or execute(sql, *a)):
        started = time.perf_counter()
        response = client.post(
            url, {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("bench.csv", data)}
        )
        elapsed = time.perf_counter() - started
    result = response.context["result"] if response.context else None
    ok = response.status_code == 200 and result is not None and not result.has_errors()
    ok = ok and not result.has_validation_errors()
    print(
        f"{connection.vendor}, {Statement.objects.count():,} statements: preview of {args.rows:,} rows "
        f"took {elapsed:.1f} s ({elapsed / args.rows * 1000:.1f} ms a row), "
        f"{len(queries):,} queries ({len(queries) / args.rows:.1f} a row), "
        f"{'valid' if ok else 'NOT VALID: ' + str(response.status_code)}"
    )
    if result is not None and result.has_validation_errors():
        print(result.invalid_rows[0].error_dict)
    if result is not None and result.has_errors():
        print(result.base_errors, [r.errors for r in result.rows if r.errors][:1])


if __name__ == "__main__":
    main()
