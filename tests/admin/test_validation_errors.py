"""The model's rules, shown as form errors on the field they concern (never a 500)."""

import datetime

import pytest
from django.urls import reverse

from issues.models import Source, Statement
from tests.admin.helpers import errors_of, inline_management
from tests.factories import OfficialFactory, PartyFactory, RoundFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

MONTREAL = {"start_date": datetime.date(2018, 1, 23), "end_date": datetime.date(2018, 1, 29)}


@pytest.fixture
def logged_in(client, editor):
    client.force_login(editor)
    return client


def statement_form(**fields) -> dict[str, str]:
    return {
        "source": str(SourceFactory().pk),
        "kind": "quote",
        "text": "We are progressing very slowly",
        "context": "",
        "tone": "neutral",
        "speaker": "",
        "attribution": "",
        "attributed_party": "",
        "date": "2018-01-29",
        "date_precision": "day",
        "date_text": "",
        "round": "",
        "occasion": "",
        **fields,
    }


def post_statement(client, **fields):
    return client.post(reverse("admin:issues_statement_add"), statement_form(**fields))


def test_blank_text_is_refused_on_the_text_field(logged_in):
    response = post_statement(logged_in, speaker=str(OfficialFactory().pk), text="  \n ")
    assert response.status_code == 200
    assert errors_of(response) == {"text": ["This field is required."]}
    assert not Statement.objects.exists()


def test_an_unnamed_speaker_needs_the_attribution_as_printed(logged_in):
    response = post_statement(logged_in)
    assert errors_of(response) == {
        "attribution": ['The speaker is not named: give the attribution as printed, e.g. "a US trade official".']
    }


def test_a_named_speaker_takes_no_attributed_party(logged_in):
    response = post_statement(logged_in, speaker=str(OfficialFactory().pk), attributed_party=str(PartyFactory().pk))
    assert errors_of(response) == {"attributed_party": ["A named speaker's party is their own; leave this empty."]}


def test_a_date_outside_the_chosen_round_is_refused_on_the_round(logged_in):
    montreal = RoundFactory(**MONTREAL)
    response = post_statement(logged_in, speaker=str(OfficialFactory().pk), round=str(montreal.pk), date="2018-03-28")
    errors = errors_of(response)
    assert list(errors) == ["round"]
    assert "the date 2018-03-28 is outside it" in errors["round"][0]


def test_a_duplicate_is_refused_with_a_link_to_the_statement_it_repeats(logged_in):
    existing = StatementFactory(text="We finally began to discuss some of the core issues.")
    response = post_statement(
        logged_in, speaker=str(existing.speaker.pk), text="we finally began to  discuss some of the core issues."
    )
    errors = errors_of(response)
    assert list(errors) == ["text"]
    assert f"already recorded as statement #{existing.pk}" in errors["text"][0]
    link = reverse("admin:issues_statement_change", args=[existing.pk])
    assert f'<a href="{link}">Open the existing statement</a>' in response.content.decode()
    assert Statement.objects.count() == 1


def test_the_same_words_twice_in_one_source_form_are_refused(logged_in):
    speaker = OfficialFactory()
    row = {"kind": "quote", "tone": "neutral", "text": "Quite a distance away"}
    row |= {"date": "2018-03-28", "date_precision": "day"}
    data = {
        "kind": "article",
        "title": "Verheul in Ottawa",
        "slug": "verheul-in-ottawa",
        **inline_management("statements", 2),
        **{f"statements-{i}-{k}": v for i in (0, 1) for k, v in {**row, "speaker": str(speaker.pk)}.items()},
        **inline_management("positions", 0),
    }
    response = logged_in.post(reverse("admin:rounds_source_add"), data)
    assert errors_of(response) == {"statements-1-text": ["These words are entered twice in this form (also in row 1)."]}
    assert not Source.objects.filter(slug="verheul-in-ottawa").exists()


@pytest.mark.parametrize("url", ["ftp://example.com/article", "javascript:alert(1)", "not a url"])
def test_a_source_url_must_be_http_or_https(logged_in, url):
    data = {"kind": "article", "title": "An article", "slug": "an-article", "url": url}
    data |= inline_management("statements", 0) | inline_management("positions", 0)
    response = logged_in.post(reverse("admin:rounds_source_add"), data)
    assert response.status_code == 200
    assert errors_of(response) == {"url": ["Enter a valid http:// or https:// URL."]}
    assert not Source.objects.exists()


def test_a_source_must_be_identifiable(logged_in):
    data = {"kind": "article", "outlet": "AFP", "slug": "afp"}
    data |= inline_management("statements", 0) | inline_management("positions", 0)
    response = logged_in.post(reverse("admin:rounds_source_add"), data)
    assert errors_of(response) == {
        "__all__": ["Give at least a title, a description or a URL so readers can find the source."]
    }


def test_a_rule_about_a_field_not_on_the_form_is_shown_at_the_top_of_the_row(logged_in):
    """Under a Round the statement's round is implied; a date outside it must still be an error, not a crash."""
    montreal = RoundFactory(**MONTREAL, slug="montreal", city="Montreal")
    row = {
        "speaker": str(OfficialFactory().pk),
        "kind": "quote",
        "text": "This round was a step forward",
        "date": "2018-03-28",
        "date_precision": "day",
        "source": str(SourceFactory().pk),
    }
    data = {
        "kind": "round",
        "negotiation": str(montreal.negotiation.pk),
        "number": str(montreal.number),
        "slug": "montreal",
        "city": "Montreal",
        "host_party": str(montreal.host_party.pk),
        "status": "concluded",
        "start_date": "2018-01-23",
        "end_date": "2018-01-29",
        **inline_management("statements", 1),
        **{f"statements-0-{k}": v for k, v in row.items()},
    }
    response = logged_in.post(reverse("admin:rounds_round_change", args=[montreal.pk]), data)
    assert response.status_code == 200
    errors = errors_of(response)
    assert list(errors) == ["statements-0-__all__"]
    assert errors["statements-0-__all__"][0].startswith(f"Round: {montreal} ran from 2018-01-23 to 2018-01-29")
    assert not Statement.objects.exists()
