"""Imports are bounded: file size, number of rows, and how long an upload is kept.

A 2,000-row preview outlasted gunicorn's 30 s timeout (a bare 500), and a 61 MB file grew a
worker to 533 MB and then stayed in Redis for 24 hours. Too big a file or too many rows is
refused on the import form with a message; an upload whose preview fails is removed at once,
one never confirmed expires after IMPORT_UPLOAD_SECONDS.
"""

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from issues.models import Statement
from nafta_tracker.import_uploads import ExpiringCacheStorage, ExpiringTempFolderStorage, UploadExpired

pytestmark = pytest.mark.django_db

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "import"
CSV = "0"
IMPORT = "admin:issues_statement_import"


@pytest.fixture
def logged_in(client, editor, nafta):
    client.force_login(editor)
    sources = SimpleUploadedFile("sources.csv", (EXAMPLES / "sources.csv").read_bytes())
    preview = client.post(
        reverse("admin:rounds_source_import"), {"resource": "0", "import_file": sources, "format": CSV}
    )
    client.post(reverse("admin:rounds_source_process_import"), preview.context["confirm_form"].initial)
    return client


def upload(client, content: bytes, name: str = "statements.csv"):
    file = SimpleUploadedFile(name, content)
    return client.post(reverse(IMPORT), {"resource": "0", "import_file": file, "format": CSV})


def stored_name(response) -> str | None:
    return getattr(response.wsgi_request.FILES["import_file"], "tmp_storage_name", None)


def is_stored(name: str) -> bool:
    try:
        ExpiringTempFolderStorage(name=name).read()
    except UploadExpired:
        return False
    return True


def statements_file(rows: int) -> bytes:
    lines = ["source,speaker,kind,text,date"]
    lines += [f"example-wire-round-seven,robert-lighthizer,quote,Words number {n}.,2018-03-05" for n in range(rows)]
    return ("\n".join(lines) + "\n").encode()


@override_settings(IMPORT_MAX_BYTES=1000)
def test_a_file_over_the_size_limit_is_refused_on_the_form_and_not_stored(logged_in):
    response = upload(logged_in, statements_file(40))
    assert response.status_code == 200
    assert "confirm_form" not in response.context
    assert "an import takes at most 1000" in " ".join(response.context["form"].errors["import_file"])
    assert stored_name(response) is None


@override_settings(IMPORT_MAX_ROWS=3)
def test_a_file_over_the_row_limit_is_refused_on_the_form_and_removed(logged_in):
    response = upload(logged_in, statements_file(4))
    assert "confirm_form" not in response.context
    assert response.context["form"].errors["import_file"] == [
        "This file has 4 rows; an import takes at most 3. Split it into smaller files."
    ]
    assert not is_stored(stored_name(response))


@override_settings(IMPORT_MAX_ROWS=3)
def test_a_file_at_the_row_limit_is_previewed_and_kept_until_confirmed(logged_in):
    response = upload(logged_in, statements_file(3))
    assert "confirm_form" in response.context
    name = stored_name(response)
    assert is_stored(name)
    logged_in.post(reverse("admin:issues_statement_process_import"), response.context["confirm_form"].initial)
    assert Statement.objects.filter(text__startswith="Words number").count() == 3
    assert not is_stored(name)


def test_an_upload_whose_preview_fails_is_removed_at_once(logged_in):
    bad = statements_file(2).replace(b"2018-03-05", b"1890-01-01")
    response = upload(logged_in, bad)
    assert "confirm_form" not in response.context
    assert response.context["result"].has_validation_errors()
    assert not is_stored(stored_name(response))


def test_confirming_an_expired_upload_asks_for_the_file_again(logged_in):
    response = upload(logged_in, statements_file(2))
    ExpiringTempFolderStorage(name=stored_name(response)).remove()  # as the sweep or Redis would
    confirmed = logged_in.post(
        reverse("admin:issues_statement_process_import"), response.context["confirm_form"].initial, follow=True
    )
    assert confirmed.status_code == 200
    assert "the uploaded file is kept for 60 minutes" in confirmed.content.decode()
    assert not Statement.objects.filter(text__startswith="Words number").exists()


@override_settings(IMPORT_UPLOAD_SECONDS=120)
def test_uploads_expire_after_the_configured_time():
    assert ExpiringCacheStorage().CACHE_LIFETIME == 120
    old = ExpiringTempFolderStorage()
    old.save(b"id\n")
    path = Path(old.get_full_path())
    os.utime(path, (time.time() - 121, time.time() - 121))
    ExpiringTempFolderStorage().save(b"id\n")  # each save sweeps out expired uploads
    assert not path.exists()


def test_a_preview_costs_the_same_queries_per_row_for_ten_rows_as_for_twenty(logged_in):
    counts = []
    for rows, offset in ((10, 0), (20, 100)):
        content = statements_file(rows + offset).splitlines()
        content = b"\n".join(content[:1] + content[1 + offset :]) + b"\n"
        with CaptureQueriesContext(connection) as queries:
            assert "confirm_form" in upload(logged_in, content).context
        counts.append(len(queries))
    # The same fixed cost (session, user, permissions, formats) and a constant cost per row.
    per_row = (counts[1] - counts[0]) / 10
    assert counts[0] - 10 * per_row == counts[1] - 20 * per_row
    assert per_row == int(per_row)
