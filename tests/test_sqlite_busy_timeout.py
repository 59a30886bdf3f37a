"""On SQLite, writers queue for the write lock long enough that a busy moment is no 500.

`make run` on SQLite, six writers and six readers: one write in 55 failed with "database
is locked". IMMEDIATE transactions (settings) make a writer wait for the lock instead of
failing at once, but only as long as the connection's busy timeout, Python's default 5 s.
Here six writers each hold the lock 1.2 s, so the last one waits about 6 s; the settings'
20 s timeout lets every one of them through while six readers keep reading.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, threading, time
from django.db import connection, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE probe (n integer)")
connection.close()
errors, reads = [], []
stop = threading.Event()

def write(n):
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("INSERT INTO probe VALUES (%s)", [n])
            time.sleep(1.2)  # a slow request holding the write lock
    except Exception as exc:
        errors.append(str(exc))
    finally:
        connection.close()

def read():
    try:
        while not stop.is_set():
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM probe")
                reads.append(cursor.fetchone()[0])
            time.sleep(0.05)
    except Exception as exc:
        errors.append(str(exc))
    finally:
        connection.close()

readers = [threading.Thread(target=read) for _ in range(6)]
writers = [threading.Thread(target=write, args=(n,)) for n in range(6)]
for thread in readers + writers:
    thread.start()
for thread in writers:
    thread.join()
stop.set()
for thread in readers:
    thread.join()
with connection.cursor() as cursor:
    cursor.execute("SELECT count(*) FROM probe")
    print(json.dumps({"errors": errors, "rows": cursor.fetchone()[0], "read": bool(reads)}))
"""


def test_six_slow_writers_and_six_readers_all_succeed(tmp_path):
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
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {"errors": [], "rows": 6, "read": True}
