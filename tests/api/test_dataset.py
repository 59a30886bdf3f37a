"""The whole public data set in one download: a zip of JSON and CSV per kind, with a README, served with an ETag."""

import csv
import io
import json
import zipfile

import pytest

from issues import services
from tests.factories import (
    IssueFactory,
    MilestoneFactory,
    PositionFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/dataset.zip"
KINDS = [
    "negotiations",
    "parties",
    "officials",
    "rounds",
    "issues",
    "statements",
    "positions",
    "status-history",
    "milestones",
    "sources",
]


def unzip(response) -> dict[str, bytes]:
    archive = zipfile.ZipFile(io.BytesIO(response.getvalue()))
    return {name.removeprefix("nafta-tracker/"): archive.read(name) for name in archive.namelist()}


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8"))))


@pytest.fixture
def data():
    issue = IssueFactory()
    StatementFactory.create_batch(3, issues=[issue])
    StatementFactory(text="=HYPERLINK(evil)")
    StatementFactory(state="draft", published_at=None, text="A draft nobody may see")
    PositionFactory(issue=issue)
    StatusAssessmentFactory(issue=issue)
    MilestoneFactory()


def test_every_kind_is_there_as_json_and_csv_with_the_apis_row_counts(api, data):
    response = api.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="nafta-tracker.zip"' in response["Content-Disposition"]
    files = unzip(response)
    assert set(files) == {"README.md"} | {f"{kind}.{ext}" for kind in KINDS for ext in ("json", "csv")}
    for kind in KINDS:
        count = api.get(f"/api/v1/{kind}/", {"page_size": 500}).json()["count"]
        rows = json.loads(files[f"{kind}.json"])
        assert len(rows) == count, kind
        assert len(csv_rows(files[f"{kind}.csv"])) == count, kind
        assert f"## {kind} ({count} rows)" in files["README.md"].decode()


def test_the_files_are_what_the_api_lists(api, data):
    files = unzip(api.get(URL))
    statements = api.get("/api/v1/statements/", {"page_size": 500}).json()["results"]
    assert sorted(json.loads(files["statements.json"]), key=lambda row: row["id"]) == sorted(
        statements, key=lambda row: row["id"]
    )
    listed_csv = api.get("/api/v1/statements/", {"format": "csv", "page_size": 500}).content
    assert sorted(csv_rows(files["statements.csv"]), key=lambda row: row["id"]) == sorted(
        csv_rows(listed_csv), key=lambda row: row["id"]
    )


def test_drafts_are_never_in_it_even_for_an_editor(editor_api, data):
    files = unzip(editor_api.get(URL))
    assert all(b"A draft nobody may see" not in content for content in files.values())


def test_flattened_csv_columns_are_described_in_the_readme_and_formulas_are_neutralised(api, data):
    files = unzip(api.get(URL))
    header = next(csv.reader(io.StringIO(files["status-history.csv"].decode())))
    assert "issue.slug" in header  # a nested object, flattened
    readme = files["README.md"].decode()
    assert "- `issue.slug`:" in readme
    assert "'=HYPERLINK(evil)" in files["statements.csv"].decode()


def test_the_download_has_an_etag_a_304_and_changes_on_publish(api, data):
    first = api.get(URL)
    assert api.get(URL, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    services.publish(StatementFactory(state="draft", published_at=None, text="Published now"))

    second = api.get(URL, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert b"Published now" in unzip(second)["statements.json"]


def test_the_same_data_gives_the_same_bytes(api, data):
    from django.core.cache import cache

    first = api.get(URL).getvalue()
    cache.clear()  # built again, as another app server would
    assert api.get(URL).getvalue() == first


def test_the_api_root_links_to_it(api):
    assert api.get("/api/v1/").json()["dataset"] == "http://testserver/api/v1/dataset.zip"


def test_the_schema_describes_a_zip(schema):
    operation = schema["paths"]["/api/v1/dataset.zip"]["get"]
    assert operation["responses"]["200"]["content"] == {
        "application/zip": {"schema": {"type": "string", "format": "binary"}}
    }


def test_a_nested_object_null_in_some_rows_leaves_no_bare_column(api):
    from tests.factories import OfficialFactory

    OfficialFactory(party=None)
    OfficialFactory()
    header = next(csv.reader(io.StringIO(unzip(api.get(URL))["officials.csv"].decode())))
    assert "party" not in header and "party.slug" in header


def test_the_site_links_to_it(client):
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_repeated_downloads_are_built_once_then_again_on_publish_and_at_midnight(api, data, monkeypatch):
    import datetime

    from django.utils import timezone

    from nafta_tracker.site import dataset

    builds = []
    build = dataset.build
    monkeypatch.setattr(dataset, "build", lambda *args: builds.append(1) or build(*args))
    first = api.get(URL)
    assert api.get(URL).getvalue() == first.getvalue()
    assert len(builds) == 1

    services.publish(StatementFactory(state="draft", published_at=None))
    published = api.get(URL)
    assert (len(builds), published["ETag"] != first["ETag"]) == (2, True)

    # Tomorrow the milestones' days_left differ: a new file, a new ETag, even with no data changed.
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    monkeypatch.setattr(dataset.timezone, "now", lambda: tomorrow)
    next_day = api.get(URL, HTTP_IF_NONE_MATCH=published["ETag"])
    assert (next_day.status_code, len(builds)) == (200, 3)
