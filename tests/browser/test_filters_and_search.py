"""Filters and search work in a real browser, without any JavaScript of ours."""

import datetime
import re

import pytest
from playwright.sync_api import Page, expect

from issues.models import Issue, Statement

pytestmark = pytest.mark.django_db(transaction=True)


def test_searching_the_statements_highlights_the_words(page: Page, live_site):
    page.goto(f"{live_site}/statements/")
    page.get_by_label("Words").fill("sunset clause")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name=re.compile(r"\d+ statements match “sunset clause”"))).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("sunset", re.IGNORECASE))


def test_filtering_by_official_and_round_finds_what_lighthizer_said_in_montreal(page: Page, live_site):
    page.goto(f"{live_site}/statements/")
    page.get_by_text("Filter by party, official, issue, round, tone or dates").click()  # <details>, no script
    page.get_by_label("Official", exact=True).select_option(label="Robert Lighthizer")
    page.get_by_role("main").get_by_label("Round").select_option(label="Round 6, Montreal")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"speaker=robert-lighthizer.*round=round-6-montreal"))
    said = Statement.objects.published().filter(speaker__slug="robert-lighthizer", round__number=6).count()
    expect(page.get_by_role("article")).to_have_count(said)


def test_the_issues_far_apart_in_spring_2018(page: Page, live_site):
    page.goto(f"{live_site}/issues/")
    page.get_by_label("Status", exact=True).select_option(label="Far apart")
    page.get_by_label("Status as of").fill("2018-04-15")
    page.get_by_role("button", name="Show issues").click()
    far_apart = Issue.objects.with_status_as_of(datetime.date(2018, 4, 15)).where_status("far_apart").count()
    expect(page.get_by_role("heading", name=f"{far_apart} issues as of April 15, 2018")).to_be_visible()
    expect(page.get_by_role("table").get_by_role("row")).to_have_count(far_apart + 1)  # and the header


def test_a_wrong_date_range_is_explained_next_to_the_field(page: Page, live_site):
    page.goto(f"{live_site}/statements/?start=2018-05-01&end=2018-01-01")
    expect(page.get_by_text("The end date is before the start date.")).to_be_visible()
    expect(page.get_by_label("To", exact=True)).to_have_attribute("aria-invalid", "true")


def test_the_header_search_box_leads_to_the_sunset_clause_first(page: Page, live_site):
    page.goto(f"{live_site}/fr/officials/")
    page.get_by_role("search", name="Chercher dans le suivi").get_by_role("searchbox").fill("temporisation")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/fr/search/\?q=temporisation$"))
    first = page.locator(".search-hit__title a").first
    expect(first).to_have_attribute("href", "/fr/issues/sunset-clause/")
    expect(first).to_have_text("Clause de temporisation et examen périodique")
