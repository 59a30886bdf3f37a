"""On SQLite, a write that meets another one waits for it instead of failing with "database is locked".

Two gunicorn workers (or `make run`'s threads) each read, then write: with SQLite's
default deferred transactions the second writer cannot wait and the request was a 500
(found by `make fuzz`). The settings begin write transactions IMMEDIATE.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Two threads, each with its own connection to the same file: A reads, pauses, writes;
# B starts during A's pause and reads then writes at once.
PROBE = """
import json, threading, time
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE probe (n integer)")
connection.close()
errors = []

def write(start_after, pause_before_writing):
    time.sleep(start_after)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM probe")
            time.sleep(pause_before_writing)
            cursor.execute("INSERT INTO probe VALUES (1)")
    except Exception as exc:
        errors.append(str(exc))
    finally:
        connection.close()

threads = [threading.Thread(target=write, args=(0, 0.5)), threading.Thread(target=write, args=(0.2, 0))]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM probe")
    print(json.dumps({"errors": errors, "rows": cursor.fetchone()[0]}))
"""


def test_two_transactions_that_read_then_write_both_succeed(tmp_path):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(DJANGO_DEBUG="1", DATABASE_URL=f"sqlite:///{tmp_path / 'shared.sqlite3'}")
    result = subprocess.run(  # noqa: S603 (this interpreter, a script written above)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"errors": [], "rows": 2}
