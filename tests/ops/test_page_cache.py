"""Public pages are served from the cache, and a publish shows up at once; drafts never do.

Run against the in-process cache and against Redis (the production backend, shared by
app servers), whose URL tests take from NAFTA_TEST_REDIS_URL (default DB 4 on localhost).
"""

from __future__ import annotations

import datetime
import os
import subprocess
import sys

import pytest
from django.core.cache import cache
from django.urls import reverse

from issues import services
from issues.models import Issue, Source, Statement
from nafta_tracker.response_cache import CACHE_STATUS_HEADER, generation
from rounds.models import Official

from .conftest import ROOT, production_env

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("NAFTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/4")
REDIS_PREFIX = "nafta-tests"
NEW_WORDS = "We have closed the chapter on customs procedures today"


@pytest.fixture
def redis_page_cache(settings, response_cache):
    """The response cache on, in Redis as in production."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
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


@pytest.mark.urls("tests.ops.urls_for_cache")
def test_writes_that_bypass_signals_are_invalidated_by_an_editors_successful_post(
    client, nafta, response_cache, editor
):
    statements = Statement.objects.get(text__startswith="Talks aimed").get_absolute_url()
    client.get(statements)
    client.force_login(editor)
    assert client.post("/editor/bulk-edit/").status_code == 200  # QuerySet.update(): no signal
    client.logout()
    client.cookies.clear()
    response = client.get(statements)
    assert cache_status(response) == "miss"
    assert "Bulk edited text" in response.content.decode()


def test_anonymous_posts_do_not_invalidate_the_cache(client, response_cache):
    before = generation()
    client.post("/admin/login/", {"username": "nobody", "password": "wrong"})
    assert generation() == before


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
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}
    }
    response = client.get(reverse("home"))
    assert response.status_code == 200
    assert cache_status(response) is None


def test_a_publish_on_another_app_server_invalidates_this_ones_pages(client, nafta, redis_page_cache):
    home = reverse("home")
    client.get(home)
    assert cache_status(client.get(home)) == "hit"
    other_server = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from nafta_tracker.response_cache import bump_generation as b; b()",
        ],
        cwd=ROOT,
        env=production_env(
            REDIS_URL=REDIS_URL, DJANGO_CACHE_KEY_PREFIX=REDIS_PREFIX, DJANGO_SETTINGS_MODULE="nafta_tracker.settings"
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert other_server.returncode == 0, other_server.stderr
    assert cache_status(client.get(home)) == "miss"
