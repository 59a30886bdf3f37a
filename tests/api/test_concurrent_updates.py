"""Eight editors PATCH one statement at once with the same If-Match: exactly one wins, the rest get 412.

Each run uses a database of its own in a separate process, so that eight threads can write
to it for real (the test database of the suite is held by the test's transaction): a file
on SQLite, a throwaway database on PostgreSQL when the suite runs there.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]

RACE = """
import json, threading
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.db import connection
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from tests.factories import StatementFactory

call_command("migrate", verbosity=0)
editor = User.objects.create_user("racer", is_staff=True)
editor.groups.add(Group.objects.get(name="Editors"))
token = Token.objects.create(user=editor).key
statement = StatementFactory(text="Original")
url = f"/api/v1/statements/{statement.pk}/"

def client():
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return api

etag = client().get(url)["ETag"]
connection.close()

# Widen the window between the If-Match check and the write to 0.2 s, as a busy server's would
# be, so that a race shows up on every run rather than now and then.
import time
from nafta_tracker.api import viewsets
checked = viewsets.check_if_match
def check_then_linger(request, etag):
    checked(request, etag)
    time.sleep(0.2)
viewsets.check_if_match = check_then_linger
statuses, start = [], threading.Barrier(8)

def edit(n):
    try:
        start.wait()
        response = client().patch(url, {"tone": "critical", "text": f"Edit {n}"}, format="json", HTTP_IF_MATCH=etag)
        statuses.append(response.status_code)
    finally:
        connection.close()

threads = [threading.Thread(target=edit, args=(n,)) for n in range(8)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
statement.refresh_from_db()
print(json.dumps({"statuses": sorted(statuses), "text": statement.text}))
"""


@pytest.fixture
def own_database(tmp_path):
    """A DATABASE_URL of a database nobody else uses, of the suite's kind; dropped afterwards."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'race.sqlite3'}"
        return
    settings = connection.settings_dict
    name = f"nafta_race_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    user = settings["USER"] or "postgres"
    yield f"postgres://{user}@{settings['HOST'] or '127.0.0.1'}:{settings['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


@pytest.mark.django_db(transaction=True)
def test_of_eight_concurrent_writers_with_the_same_etag_exactly_one_wins(own_database):
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_"))}
    env.update(
        DJANGO_DEBUG="1",
        DATABASE_URL=own_database,
        DJANGO_SECRET_KEY="race",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SECURE_SSL_REDIRECT="0",
        DJANGO_API_USER_RATE="100000/minute",
    )
    result = subprocess.run(  # noqa: S603 (this interpreter, the script above)
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", RACE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["statuses"] == [200] + [412] * 7, outcome
    assert outcome["text"].startswith("Edit ")
