"""Lists and details served from rows (``nafta_tracker.api.rows``) answer with exactly the
bytes the serializers give: every field, every nested object, in every language, for the
public and for editors, whatever the filter or page."""

from __future__ import annotations

import datetime

import pytest

from issues.api.frame import RoundViewSet
from issues.api.views import IssueViewSet, PositionViewSet, StatementViewSet, StatusAssessmentViewSet
from issues.models import PublicationState, Statement, StatementTranslation
from issues.selectors import ROUND_EMBEDDED_STATEMENTS
from issues.services import statement_translation_save, status_assessment_correct
from nafta_tracker import compiled_sql
from nafta_tracker.api.permissions import ModelPermissionsOrReadOnly
from rounds.api.views import OfficialViewSet
from rounds.models import Party
from tests.factories import (
    IssueFactory,
    OfficialFactory,
    PartyFactory,
    PositionFactory,
    RoundFactory,
    SourceFactory,
    StatementFactory,
    StatusAssessmentFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "fr", "es")


@pytest.fixture
def awkward_statements(nafta):
    """Beside the shipped record: the cases a row reader could get wrong."""
    party = PartyFactory(
        slug="atlantis", iso_code="XA", name="Atlantis", name_fr="Atlantide", short_name="ATL", short_name_es=""
    )
    partyless = OfficialFactory(slug="no-party", name="Nobody Partisan", party=None, title="Adviser", title_fr="")
    translated = OfficialFactory(
        slug="translated", name="Ann Other", party=party, title="Minister", title_fr="Ministre", title_es="Ministra"
    )
    round_ = RoundFactory(
        slug="round-atl",
        number=99,
        host_party=party,
        city="Atlantis City",
        city_fr="",
        city_es="Ciudad Atlántida",
        start_date=datetime.date(2018, 1, 23),
        end_date=datetime.date(2018, 1, 29),
    )
    source = SourceFactory(description="Wire copy", published_on=datetime.date(2018, 2, 1), url="")
    first = IssueFactory(
        slug="aaa-first",
        title="AAA first",
        title_fr="AAA premier",
        description="Ends agreed",
        description_es="Termina",
        outcome_status="agreed",
        outcome_date=datetime.date(2018, 9, 30),
        outcome_date_precision="day",
        outcome_reference="Article 1",
        outcome_note="Settled",
        outcome_note_fr="",
        outcome_note_es="Resuelto",
        outcome_source=source,
    )
    second = IssueFactory(slug="zzz-second", title="ZZZ second", continues=first)
    wrong = StatusAssessmentFactory(issue=second, status="far_apart", round=round_, source=source, note_fr="Loin")
    status_assessment_correct(assessment=wrong, reason="Misread the wire", status="progressing", note="Closer")
    StatusAssessmentFactory(issue=second, status="far_apart", state=PublicationState.DRAFT, published_at=None)
    first.related.add(second)
    made = [
        StatementFactory(
            speaker=None,
            attribution="a trade official",
            attributed_party=party,
            date=datetime.date(2030, 1, 2),
            round=round_,
            issues=[second, first],
            source=source,
            kind="reported",
            context="In a hallway",
            occasion="Round close",
            date_precision="month",
            date_text="January",
            tone="optimistic",
        ),
        StatementFactory(speaker=None, attribution="an unnamed official", date=datetime.date(2030, 1, 1)),
        StatementFactory(speaker=partyless, date=datetime.date(2029, 12, 31), text="Words\u2028across lines"),
        StatementFactory(speaker=translated, date=datetime.date(2029, 12, 30), round=round_, issues=[first]),
        StatementFactory(
            speaker=translated, date=datetime.date(2029, 12, 29), state=PublicationState.DRAFT, published_at=None
        ),
    ]
    PositionFactory(issue=first, party=party, round=round_, summary="Wants it all", summary_fr="", summary_es="Todo")
    PositionFactory(issue=first, party=party, summary="Then less", source=source, date=datetime.date(2018, 2, 2))
    PositionFactory(issue=second, party=party, state=PublicationState.DRAFT, published_at=None)
    for language, text, note in (("fr", "Des mots", "notre traduction"), ("es", "Palabras", "")):
        statement_translation_save(
            translation=StatementTranslation(statement=made[3]), language=language, text=text, note=note
        )
    return made


READERS = ("row_reader_class", "detail_row_reader_class", "csv_row_reader_class")


@pytest.fixture
def served_from_rows(monkeypatch, settings):
    """Counts the answers shaped from rows, by view (so a test knows it compared two paths).

    The response cache is off: with it on (REDIS_URL), the second answer of a comparison
    would be the first one's, stored, and every comparison would pass."""
    settings.RESPONSE_CACHE_SECONDS = 0
    pages: list[str] = []
    for view in (
        StatementViewSet,
        PositionViewSet,
        IssueViewSet,
        StatusAssessmentViewSet,
        OfficialViewSet,
        RoundViewSet,
    ):
        for attribute in READERS:
            if getattr(view, attribute) is None:
                continue

            class Counting(getattr(view, attribute)):
                def represent(self, page, name=view.__name__):
                    pages.append(name)
                    return super().represent(page)

            monkeypatch.setattr(view, attribute, Counting)
    return pages


def both_ways(client, view, url: str, language: str, monkeypatch) -> tuple[bytes, bytes]:
    fast = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    with monkeypatch.context() as patch:
        for attribute in READERS:
            patch.setattr(view, attribute, None)
        reference = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert fast.status_code == reference.status_code == 200
    assert fast["ETag"] == reference["ETag"]
    return fast.content, reference.content


LISTS = (
    [
        (StatementViewSet, "/api/v1/statements/", query)
        for query in (
            "?page_size=500",
            "?page_size=3",
            "?page_size=3&page=2",
            "?party=atlantis",
            "?issue=aaa-first",
            "?round=round-atl",
            "?q=progress",
            "?kind=quote&ordering=date",
        )
    ]
    + [
        (PositionViewSet, "/api/v1/positions/", query)
        for query in ("?page_size=500", "?page_size=2&page=2", "?party=atlantis", "?issue=aaa-first")
    ]
    + [
        (IssueViewSet, "/api/v1/issues/", query)
        for query in (
            "?page_size=500",
            "?page_size=4&page=2",
            "?party=atlantis",
            "?status=far_apart",
            "?q=first",
            "?updated_since=2000-01-01T00:00:00Z",
            "?negotiation=nafta",
        )
    ]
    + [
        (StatusAssessmentViewSet, "/api/v1/status-history/", query)
        for query in ("?page_size=500", "?page_size=3&page=2", "?issue=zzz-second", "?status=progressing")
    ]
    + [
        (OfficialViewSet, "/api/v1/officials/", query)
        for query in ("?page_size=500", "?page_size=3&page=2", "?party=atlantis")
    ]
    + [
        (RoundViewSet, "/api/v1/rounds/", query)
        for query in ("?page_size=500", "?page_size=3&page=2", "?status=scheduled", "?negotiation=nafta")
    ]
)


CSV_LISTS = (
    [
        (StatementViewSet, "/api/v1/statements/", query)
        for query in (
            "",
            "&page_size=3&page=2",
            "&party=atlantis",
            "&issue=aaa-first",
            "&round=round-atl",
            "&q=progress",
        )
    ]
    + [(PositionViewSet, "/api/v1/positions/", query) for query in ("", "&party=atlantis", "&issue=aaa-first")]
    + [
        (IssueViewSet, "/api/v1/issues/", query)
        for query in ("", "&page_size=4&page=2", "&party=atlantis", "&status=far_apart")
    ]
)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("view", "path", "query"), CSV_LISTS)
def test_a_csv_list_from_rows_is_the_csv_serializers_byte_for_byte(
    api, editor_api, awkward_statements, served_from_rows, monkeypatch, language, view, path, query
):
    url = f"{path}?format=csv{query or '&page_size=500'}"
    for client in (api, editor_api):
        fast, reference = both_ways(client, view, url, language, monkeypatch)
        assert fast == reference
        assert fast.count(b"\r\n") >= 2, "no rows compared"
    assert served_from_rows == [view.__name__] * 2, "the CSV was not served from rows"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("view", "path", "query"), LISTS)
def test_a_list_from_rows_is_the_serializers_list_byte_for_byte(
    api, awkward_statements, served_from_rows, monkeypatch, language, view, path, query
):
    fast, reference = both_ways(api, view, path + query, language, monkeypatch)
    assert served_from_rows == [view.__name__], "the list was not served from rows"
    assert fast == reference


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("view", "path"),
    [
        (StatementViewSet, "/api/v1/statements/"),
        (PositionViewSet, "/api/v1/positions/"),
        (StatusAssessmentViewSet, "/api/v1/status-history/"),
    ],
)
def test_editors_see_drafts_from_rows_as_the_serializer_shows_them(
    editor_api, awkward_statements, served_from_rows, monkeypatch, language, view, path
):
    fast, reference = both_ways(editor_api, view, path + "?page_size=500", language, monkeypatch)
    assert served_from_rows == [view.__name__]
    assert b'"state":"draft"' in fast
    assert fast == reference


def test_the_awkward_cases_are_on_the_compared_page(api, awkward_statements, served_from_rows):
    """What the comparison above covers, said once: a test of nothing would also compare equal."""
    body = api.get("/api/v1/statements/?page_size=4", HTTP_ACCEPT_LANGUAGE="fr").json()["results"]
    unnamed, anonymous, partyless, translated = body
    assert unnamed["speaker"]["party"]["name"] == "Atlantide"
    assert unnamed["speaker"]["party"]["fallbacks"] == ["short_name"]
    assert unnamed["round"]["city"] == "Atlantis City" and unnamed["round"]["fallbacks"] == ["city"]
    assert [issue["slug"] for issue in unnamed["issues"]] == ["aaa-first", "zzz-second"]
    assert unnamed["issues"][1]["fallbacks"] == ["title"]
    assert unnamed["source"]["link"] == "" and unnamed["source"]["published_on"] == "2018-02-01"
    assert anonymous["speaker"] == {
        "slug": None,
        "name": "an unnamed official",
        "title": None,
        "party": None,
        "url": None,
        "html_url": None,
    }
    assert partyless["speaker"]["party"] is None and partyless["speaker"]["title"] == "Adviser"
    assert translated["speaker"]["title"] == "Ministre"
    assert [t["language"] for t in translated["translations"]] == ["es", "fr"]
    assert translated["html_url"].startswith("http://testserver/fr/")


def test_the_awkward_issues_are_on_the_compared_page(api, awkward_statements, served_from_rows):
    body = api.get("/api/v1/issues/?q=first", HTTP_ACCEPT_LANGUAGE="fr").json()["results"]
    first = next(issue for issue in body if issue["slug"] == "aaa-first")
    assert (first["title"], first["fallbacks"]) == ("AAA premier", ["description"])
    assert (first["outcome"]["note"], first["outcome"]["fallbacks"]) == ("Settled", ["note"])
    assert first["status"] is None and first["status_label"] == "Pas encore évalué"
    assert [p["summary"] for p in first["latest_positions"]] == ["Then less"]  # the newer of two
    second = api.get("/api/v1/issues/?status=progressing&q=ZZZ", HTTP_ACCEPT_LANGUAGE="es").json()["results"][0]
    assert second["continues"]["slug"] == "aaa-first" and second["outcome"] is None
    assert second["latest_positions"] == [] and second["status_changed_on"] == "2018-01-29"


def test_the_awkward_positions_are_on_the_compared_page(api, awkward_statements, served_from_rows):
    body = api.get("/api/v1/positions/?party=atlantis", HTTP_ACCEPT_LANGUAGE="fr").json()["results"]
    assert [(p["summary"], p["fallbacks"], p["round"] is None) for p in body] == [
        ("Wants it all", ["summary"], False),
        ("Then less", ["summary"], True),
    ]
    assert body[0]["html_url"] == f"http://testserver/fr/issues/aaa-first/#position-{body[0]['id']}"
    assert body[0]["party"]["name"] == "Atlantide"


@pytest.mark.parametrize("path", ["/api/v1/statements/", "/api/v1/positions/", "/api/v1/issues/"])
def test_the_browsable_api_and_the_change_feed_keep_the_serializers(api, awkward_statements, served_from_rows, path):
    assert api.get(path + "?ordering=updated_at").status_code == 200
    assert api.get(path + "?ordering=updated_at&format=csv").status_code == 200
    assert api.get(path, HTTP_ACCEPT="text/html").status_code == 200
    assert served_from_rows == []


DETAILS = {
    StatementViewSet: ("/api/v1/statements/", "?ordering=-date"),
    PositionViewSet: ("/api/v1/positions/", "?party=atlantis"),
    StatusAssessmentViewSet: ("/api/v1/status-history/", "?issue=zzz-second"),
}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("view", list(DETAILS))
def test_a_detail_from_rows_is_the_serializers_detail_byte_for_byte(
    api, editor_api, awkward_statements, served_from_rows, monkeypatch, language, view
):
    path, awkward_query = DETAILS[view]

    def ids(client) -> list[int]:
        # The awkward rows and a few of the record's (120 anonymous requests a minute is the throttle's limit).
        awkward = client.get(path + awkward_query).json()
        some = client.get(path + "?page_size=6").json()
        return list(dict.fromkeys(row["id"] for row in awkward["results"][:6] + some["results"]))

    public, everything = ids(api), ids(editor_api)
    drafts = set(everything) - set(public)
    assert drafts and len(public) > 2
    served_from_rows.clear()
    for client, pks in ((api, public), (editor_api, everything)):
        for pk in pks:
            fast, reference = both_ways(client, view, f"{path}{pk}/", language, monkeypatch)
            assert fast == reference
    assert served_from_rows == [view.__name__] * (len(public) + len(everything))
    for pk in drafts:  # a draft stays out of sight of the public, from rows as before
        assert api.get(f"{path}{pk}/").status_code == 404
    assert api.get(f"{path}999999999/").json()["status"] == 404


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("view", [StatementViewSet, PositionViewSet])
def test_a_csv_detail_from_rows_is_the_csv_serializers_byte_for_byte(
    api, editor_api, awkward_statements, served_from_rows, monkeypatch, language, view
):
    path, awkward_query = DETAILS[view]
    pks = [row["id"] for row in editor_api.get(path + awkward_query).json()["results"]]
    assert len(pks) > 2
    served_from_rows.clear()
    for pk in pks:
        fast, reference = both_ways(editor_api, view, f"{path}{pk}/?format=csv", language, monkeypatch)
        assert fast == reference and fast.count(b"\r\n") == 2
    assert served_from_rows == [view.__name__] * len(pks)
    draft = editor_api.get(path + "?state=draft").json()["results"][0]["id"]
    assert api.get(f"{path}{draft}/?format=csv").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_issue_as_csv_from_rows_is_the_csv_serializers_byte_for_byte(
    api, awkward_statements, served_from_rows, monkeypatch, language
):
    listed = [row["slug"] for row in api.get("/api/v1/issues/?page_size=500").json()["results"]]
    slugs = list(dict.fromkeys(["aaa-first", "zzz-second", *listed]))[:12]
    served_from_rows.clear()
    for slug in slugs:
        fast, reference = both_ways(api, IssueViewSet, f"/api/v1/issues/{slug}/?format=csv", language, monkeypatch)
        assert fast == reference and fast.count(b"\r\n") == 2
    assert served_from_rows == ["IssueViewSet"] * len(slugs)
    assert api.get("/api/v1/issues/no-such-issue/?format=csv").status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_issue_from_rows_is_the_serializers_issue_byte_for_byte(
    api, awkward_statements, served_from_rows, monkeypatch, language
):
    listed = [row["slug"] for row in api.get("/api/v1/issues/?page_size=500").json()["results"]]
    slugs = list(dict.fromkeys(["aaa-first", "zzz-second", *listed]))[:30]
    served_from_rows.clear()
    for slug in slugs:
        fast, reference = both_ways(api, IssueViewSet, f"/api/v1/issues/{slug}/", language, monkeypatch)
        assert fast == reference
    assert served_from_rows == ["IssueViewSet"] * len(slugs)
    second = api.get("/api/v1/issues/zzz-second/", HTTP_ACCEPT_LANGUAGE="fr").json()
    assert [(e["status"], e["superseded"], e["note"]) for e in second["status_history"]] == [
        ("far_apart", True, "Loin"),
        ("progressing", False, "Closer"),
    ]
    assert second["status_history"][1]["corrects"] == second["status_history"][0]["id"]
    assert second["status_history"][1]["fallbacks"] == ["note"]
    assert [issue["slug"] for issue in second["related"]] == ["aaa-first"]
    first = api.get("/api/v1/issues/aaa-first/").json()
    assert [issue["slug"] for issue in first["continued_by"]] == ["zzz-second"]
    assert first["statements_url"] == "http://testserver/api/v1/statements/?issue=aaa-first"
    assert api.get("/api/v1/issues/no-such-issue/").status_code == 404


def test_a_view_whose_permissions_judge_objects_keeps_the_serializer_for_details(
    api, awkward_statements, served_from_rows, monkeypatch
):
    """Rows skip get_object()'s object permission check, so a rule about objects turns them off."""

    class NotThisOne(ModelPermissionsOrReadOnly):
        def has_object_permission(self, request, view, obj):
            return obj.kind != "reported"

    monkeypatch.setattr(StatementViewSet, "permission_classes", [NotThisOne])
    reported = awkward_statements[0]
    assert api.get(f"/api/v1/statements/{reported.pk}/").status_code == 401  # refused, to the anonymous
    assert api.get(f"/api/v1/statements/{awkward_statements[1].pk}/").status_code == 200
    assert served_from_rows == []
    api.get("/api/v1/statements/")  # lists ask no object permission: still rows
    assert served_from_rows == ["StatementViewSet"]


def test_one_issue_in_three_languages_in_turn_each_as_the_serializer_shows_it(
    api, awkward_statements, served_from_rows, monkeypatch
):
    """Its nested lists' queries are compiled per language (their columns and order are the
    language's): asking in turn, in one process, must not hand French the English query."""
    compiled_sql.forget()
    bodies = {}
    for language in ("en", "fr", "es", "en", "fr"):
        fast, reference = both_ways(api, IssueViewSet, "/api/v1/issues/aaa-first/", language, monkeypatch)
        assert fast == reference
        bodies.setdefault(language, fast)
        assert bodies[language] == fast
    assert len(set(bodies.values())) == 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_round_from_rows_is_the_serializers_round_byte_for_byte(
    api, editor_api, awkward_statements, served_from_rows, monkeypatch, language
):
    """Every round of the record and the awkward ones: a round with more statements than it
    embeds, drafts and a corrected status among them; a bare meeting with no party, host,
    source, statement or status."""
    round_ = awkward_statements[0].round
    partyless = Statement.objects.get(speaker__slug="no-party")
    many = StatementFactory.create_batch(
        ROUND_EMBEDDED_STATEMENTS, round=round_, speaker=partyless.speaker, date=datetime.date(2018, 1, 24)
    )
    draft = StatementFactory(
        round=round_, date=datetime.date(2040, 1, 1), state=PublicationState.DRAFT, published_at=None
    )
    # Parties and issues whose slugs sort otherwise than their names and titles.
    round_.parties.set([PartyFactory(slug="zz-first", name="Aaa first", iso_code="XZ"), *Party.objects.all()[:2]])
    issues = [IssueFactory(slug="a-last", title="Zebra", title_es="Abeja"), IssueFactory(slug="z-first", title="Yak")]
    StatementFactory(round=round_, date=datetime.date(2030, 1, 3), issues=issues)
    RoundFactory(slug="bare", number=None, kind="ministerial", host_party=None, source=None, title="Bare", title_es="")
    slugs = [row["slug"] for row in api.get("/api/v1/rounds/?page_size=500").json()["results"]]
    assert {"round-atl", "bare"} <= set(slugs) and len(slugs) > 20
    served_from_rows.clear()
    for client in (api, editor_api):
        for slug in slugs:
            fast, reference = both_ways(client, RoundViewSet, f"/api/v1/rounds/{slug}/", language, monkeypatch)
            assert fast == reference, slug
    assert served_from_rows == ["RoundViewSet"] * (2 * len(slugs))
    shown = api.get("/api/v1/rounds/round-atl/", HTTP_ACCEPT_LANGUAGE=language).json()
    assert len(shown["statements"]) == ROUND_EMBEDDED_STATEMENTS < shown["statement_count"]
    ids = {row["id"] for row in shown["statements"]}
    assert draft.pk not in ids and many[-1].pk in ids and many[0].pk not in ids  # the newest, by date then id
    assert [row["status"] for row in shown["status_assessments"]] == [
        "progressing"
    ]  # the correction, not the wrong one
    assert api.get("/api/v1/rounds/no-such-round/").status_code == 404
