"""Public pages are served from the cache, and a publish shows up at once; drafts never do.

Run against the in-process cache and against Redis (the production backend, shared by
app servers), whose URL tests take from NAFTA_TEST_REDIS_URL (default DB 4 on localhost).
"""

from __future__ import annotations

import datetime
import os

import pytest
from django.core.cache import cache
from django.urls import reverse

from issues import services
from issues.models import Issue, Source, Statement
from nafta_tracker.freshness import build_fingerprint
from nafta_tracker.response_cache import CACHE_STATUS_HEADER
from rounds.models import Official

from .conftest import ROOT

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("NAFTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
REDIS_PREFIX = "nafta-tests"
NEW_WORDS = "We have closed the chapter on customs procedures today"


@pytest.fixture
def redis_page_cache(settings, response_cache):
    """The response cache on, in Redis as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "nafta_tracker.redis_cache.SharedClientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": REDIS_PREFIX,
        }
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(params=["in-process memory", "redis"])
def page_cache(request):
    """The response cache on, with each backend in turn (for what depends on the backend)."""
    if request.param == "redis":
        request.getfixturevalue("redis_page_cache")
    else:
        request.getfixturevalue("response_cache")
    return request.param


def cache_status(response) -> str | None:
    return response.headers.get(CACHE_STATUS_HEADER)


def newest_day() -> datetime.date:
    """The day after the record's newest statement: a new one is listed first."""
    return Statement.objects.order_by("-date").values_list("date", flat=True).first() + datetime.timedelta(days=1)


def draft_statement(text: str = NEW_WORDS) -> Statement:
    return services.statement_create(
        speaker=Official.objects.get(slug="steve-verheul"),
        text=text,
        date=newest_day(),
        source=Source.objects.get(slug="verheul-quite-a-distance"),
        issues=[Issue.objects.get(slug="auto-rules-of-origin")],
    )


def test_a_public_page_is_served_from_the_cache_the_second_time(client, nafta, page_cache):
    first = client.get(reverse("issues:statement-list"))
    second = client.get(reverse("issues:statement-list"))
    assert (cache_status(first), cache_status(second)) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]  # headers are added per request


def test_a_published_statement_appears_at_once_and_a_draft_never(client, nafta, page_cache):
    statements = reverse("issues:statement-list")
    issue_page = reverse("issues:issue-detail", args=["auto-rules-of-origin"])
    for url in (statements, issue_page):
        client.get(url)
        assert cache_status(client.get(url)) == "hit"

    statement = draft_statement()
    for url in (statements, issue_page):
        assert NEW_WORDS not in client.get(url).content.decode(), url

    services.publish(statement)
    for url in (statements, issue_page):
        response = client.get(url)
        assert cache_status(response) == "miss", url
        assert NEW_WORDS in response.content.decode(), url

    services.unpublish(statement)
    for url in (statements, issue_page):
        assert NEW_WORDS not in client.get(url).content.decode(), url


def test_linking_a_statement_to_an_issue_updates_the_issue_page(client, nafta, page_cache):
    statement = services.statement_create(
        speaker=Official.objects.get(slug="steve-verheul"),
        text=NEW_WORDS,
        date=datetime.date(2018, 3, 28),
        source=Source.objects.get(slug="verheul-quite-a-distance"),
        publish=True,
    )
    issue_page = reverse("issues:issue-detail", args=["government-procurement"])
    assert NEW_WORDS not in client.get(issue_page).content.decode()
    statement.issues.add(Issue.objects.get(slug="government-procurement"))  # m2m_changed only
    assert NEW_WORDS in client.get(issue_page).content.decode()


def test_each_language_gets_its_own_cached_copy(client, nafta, page_cache):
    # The language is in the URL (/fr/, /es/), so each language's page is its own cache entry.
    english = client.get("/")
    french = client.get("/fr/")
    spanish = client.get("/es/")
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="fr">' in french.content.decode()
    assert '<html lang="es">' in spanish.content.decode()
    assert cache_status(spanish) == "miss"

    again = client.get("/es/", headers={"Accept-Language": "fr"})  # the URL, not the browser, decides
    assert (cache_status(again), '<html lang="es">' in again.content.decode()) == ("hit", True)
    assert again["Content-Language"] == "es"


def test_the_accept_header_is_part_of_the_key(client, nafta, response_cache):
    client.get(reverse("home"), headers={"Accept": "text/html"})
    assert cache_status(client.get(reverse("home"), headers={"Accept": "application/json"})) == "miss"


def test_logged_in_users_always_get_the_live_page(client, nafta, response_cache, editor):
    statements = Statement.objects.get(text__startswith="Talks aimed").get_absolute_url()
    client.get(statements)
    Statement.objects.filter(text__startswith="Talks aimed").update(text="Edited behind the signals' back")

    client.force_login(editor)
    live = client.get(statements)
    assert cache_status(live) is None
    assert "Edited behind the signals" in live.content.decode()

    client.logout()
    client.cookies.clear()
    assert "Edited behind the signals" not in client.get(statements).content.decode()  # update() sends no signal


def test_saving_a_draft_leaves_the_cache_warm(client, nafta, response_cache):
    statements = reverse("issues:statement-list")
    client.get(statements)
    draft_statement()
    hit = client.get(statements)
    assert cache_status(hit) == "hit"
    assert NEW_WORDS not in hit.content.decode()


def test_the_cached_page_and_its_etag_change_together(client, nafta, response_cache):
    statements = reverse("issues:statement-list")
    first = client.get(statements)
    assert cache_status(client.get(statements, headers={"If-None-Match": first["ETag"]})) == "hit"
    services.publish(draft_statement())
    response = client.get(statements, headers={"If-None-Match": first["ETag"]})
    assert (response.status_code, cache_status(response)) == (200, "miss")
    assert response["ETag"] != first["ETag"]


def test_anonymous_posts_do_not_invalidate_the_cache(client, nafta, response_cache):
    client.get(reverse("home"))
    client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    client.cookies.clear()
    assert cache_status(client.get(reverse("home"))) == "hit"


@pytest.mark.urls("tests.ops.urls_for_cache")
@pytest.mark.parametrize(
    "url",
    [
        "/personal/csrf-form/",
        "/personal/sets-cookie/",
        "/personal/varies-on-cookie/",
        "/personal/never-cache/",
        "/personal/writes-session/",
    ],
)
def test_personal_responses_are_never_stored(client, response_cache, url):
    client.get(url)
    client.cookies.clear()
    assert cache_status(client.get(url)) is None


@pytest.mark.parametrize("url", ["/admin/login/", "/healthz", "/i18n/setlang/"])
def test_the_admin_the_api_and_health_checks_are_never_cached(client, response_cache, url):
    client.get(url)
    assert cache_status(client.get(url)) is None


def test_a_page_is_served_uncached_when_the_cache_is_down(client, nafta, settings):
    settings.RESPONSE_CACHE_SECONDS = 300
    settings.CACHES = {
        "default": {"BACKEND": "nafta_tracker.redis_cache.SharedClientRedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert cache_status(response) is None


def test_app_servers_of_one_release_make_the_same_keys_however_their_files_were_copied(settings):
    # Keys and ETags hash the templates' contents, not their modification times: servers
    # deployed minutes apart share cache entries, and a client's ETag holds on all of them.
    settings.DEBUG = True  # the fingerprint is computed afresh instead of once per process
    template = ROOT / "templates" / "home.html"
    before = build_fingerprint()
    stat = template.stat()
    try:
        os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
        assert build_fingerprint() == before
    finally:
        os.utime(template, ns=(stat.st_atime_ns, stat.st_mtime_ns))
