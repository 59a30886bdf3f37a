"""What a shared cache in front is told: who may keep a response, what it shows, and what to drop.

The purges go to a small HTTP server in this process standing in for Varnish
(tests/ops/test_shared_http_cache.py runs the real one).
"""

from __future__ import annotations

import datetime
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from rest_framework.authtoken.models import Token

from issues import services
from nafta_tracker.http_cache import shared_seconds
from tests.factories import IssueFactory, StatementFactory
from tests.ops.conftest import free_port

pytestmark = pytest.mark.django_db


class _Purges(BaseHTTPRequestHandler):
    received: list[tuple[str, str]]

    def do_PURGE(self) -> None:
        self.server.received.append((self.command, self.headers.get("Surrogate-Key", "")))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def fake_cache(settings):
    """A PURGE receiver on a free port, configured as the one shared cache; yields what it received."""
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), _Purges)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.HTTP_CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    yield server.received
    server.shutdown()
    server.server_close()


def _keys(response) -> set[str]:
    return set(response.get("Surrogate-Key", "").split())


def test_anonymous_readers_get_a_shareable_page_named_by_what_it_shows(client):
    StatementFactory(text="We will not sign a sunset clause", issues=[IssueFactory()])
    response = client.get("/statements/")
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert "s-maxage=" in cache_control
    assert "max-age=0" in cache_control  # browsers revalidate, so a publish shows at once
    assert "stale-while-revalidate=" in cache_control
    assert {"all", "site", "lang:en", "issues.statement"} <= _keys(response)

    api = client.get("/api/v1/issues/")
    assert "public" in api["Cache-Control"]
    assert {"all", "api", "issues.issue"} <= _keys(api)
    assert "issues.statement" not in _keys(client.get("/parties/")), "keys name only what was read"


def test_editors_and_token_clients_get_private_answers(client):
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-editor-password")
    token = Token.objects.create(user=editor)
    StatementFactory(text="A draft the public must not see", state="draft", published_at=None)

    client.force_login(editor)
    page = client.get("/statements/")
    assert "private" in page["Cache-Control"]
    assert "public" not in page["Cache-Control"]
    assert "Surrogate-Key" not in page
    client.logout()

    api = client.get("/api/v1/statements/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert "A draft the public must not see" in api.content.decode()
    assert "private" in api["Cache-Control"]
    assert "public" not in api["Cache-Control"]


def test_admin_and_health_checks_are_never_shared(client):
    assert "public" not in client.get("/admin/login/")["Cache-Control"]
    assert "public" not in client.get("/healthz")["Cache-Control"]


def test_a_shared_copy_never_outlives_the_day(settings):
    settings.HTTP_CACHE_PURGE_URLS = ["http://127.0.0.1:1/"]
    settings.HTTP_CACHE_SECONDS = 3600
    late = datetime.datetime(2026, 11, 27, 23, 59, 30, tzinfo=datetime.UTC)
    assert shared_seconds(late) == 30  # "days left" changes at midnight
    assert shared_seconds(late.replace(hour=9)) == 3600


def test_without_purges_shared_copies_are_short_lived(settings):
    settings.HTTP_CACHE_PURGE_URLS = []
    settings.HTTP_CACHE_SECONDS_WITHOUT_PURGE = 60
    assert shared_seconds(datetime.datetime(2026, 11, 27, 9, tzinfo=datetime.UTC)) == 60


# Real commits (no test transaction around them): a purge is sent when the editor's transaction commits.
@pytest.mark.django_db(transaction=True)
def test_publishing_purges_its_kind_once_after_commit(fake_cache):
    issue = IssueFactory()
    drafts = [StatementFactory(state="draft", published_at=None, issues=[issue]) for _ in range(3)]
    fake_cache.clear()  # creating the issue, its negotiation... were public changes
    services.statement_update(statement=drafts[0], text="Still a draft, revised")
    assert fake_cache == [], "a draft's save changes nothing public"

    with transaction.atomic():
        services.publish_many(drafts)
        assert fake_cache == [], "nothing is sent before the commit"
    assert fake_cache == [("PURGE", "issues.statement")], "one request for the whole transaction"

    with pytest.raises(RuntimeError), transaction.atomic():
        services.unpublish(drafts[0])
        raise RuntimeError("the request failed: rolled back")
    assert len(fake_cache) == 1, "a rolled-back change purges nothing"


@pytest.mark.django_db(transaction=True)
def test_a_cache_that_is_down_never_fails_the_save(settings, caplog):
    statement = StatementFactory(state="draft", published_at=None)
    settings.HTTP_CACHE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}/"]  # nothing listens there
    services.publish(statement)
    statement.refresh_from_db()
    assert statement.is_published
    assert "Purging 'issues.statement' from the shared cache" in caplog.text


def test_purge_command_drops_everything_by_default_and_says_when_a_cache_did_not_answer(fake_cache, settings):
    call_command("purge_http_cache", stdout=io.StringIO())
    assert fake_cache == [("PURGE", "all")]
    call_command("purge_http_cache", "lang:fr", "issues.issue", stdout=io.StringIO())
    assert fake_cache[-1] == ("PURGE", "issues.issue lang:fr")

    settings.HTTP_CACHE_PURGE_URLS = [*settings.HTTP_CACHE_PURGE_URLS, f"http://127.0.0.1:{free_port()}/"]
    with pytest.raises(CommandError, match="1 of 2 caches did not confirm"):
        call_command("purge_http_cache", stdout=io.StringIO())


def test_a_revalidation_keeps_the_kinds_the_cached_copy_showed(client):
    """Varnish revalidates an expired copy with If-None-Match; a 304's headers replace the copy's."""
    StatementFactory(issues=[IssueFactory()])
    page = client.get("/statements/")
    assert "issues.statement" in _keys(page)
    not_modified = client.get("/statements/", HTTP_IF_NONE_MATCH=page["ETag"])
    assert not_modified.status_code == 304
    assert "Surrogate-Key" not in not_modified, "the copy keeps its own keys"
    assert "public" in not_modified["Cache-Control"]
