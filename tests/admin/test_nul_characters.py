"""A NUL character in an admin list's search, filters or an autocomplete is a 400, never a 500.

PostgreSQL cannot hold a NUL in a string and errors on the query; SQLite lets it pass,
so the rule is the same on both.
"""

import pytest
from django.urls import reverse

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def logged_in(client, superuser):
    client.force_login(superuser)
    StatementFactory()
    return client


@pytest.mark.parametrize(
    ("url", "query"),
    [
        ("admin:issues_statement_changelist", {"q": "free\x00trade"}),
        ("admin:issues_statement_changelist", {"text__icontains": "a\x00b"}),
        ("admin:issues_statement_changelist", {"speaker__slug__exact": "\x00"}),
        ("admin:rounds_source_changelist", {"q": "\x00"}),
        ("admin:rounds_round_changelist", {"q": "\x00"}),
        ("admin:auth_user_changelist", {"q": "\x00"}),
        ("admin:issues_statement_changelist", {"q\x00": "x"}),
    ],
)
def test_a_nul_in_a_changelist_query_is_a_400(logged_in, url, query):
    response = logged_in.get(reverse(url), query)
    assert response.status_code == 400


def test_a_nul_in_an_autocomplete_term_is_a_400(logged_in):
    query = {"term": "free\x00", "app_label": "issues", "model_name": "statement", "field_name": "speaker"}
    assert logged_in.get(reverse("admin:autocomplete"), query).status_code == 400


def test_an_ordinary_search_still_works(logged_in):
    assert logged_in.get(reverse("admin:issues_statement_changelist"), {"q": "trade"}).status_code == 200
    query = {"term": "off", "app_label": "issues", "model_name": "statement", "field_name": "speaker"}
    assert logged_in.get(reverse("admin:autocomplete"), query).status_code == 200
