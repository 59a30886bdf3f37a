"""A reader goes from the home page to a round, an official, a statement's source and an issue,
and from the live review's issue back to the NAFTA fight it continues."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_from_home_to_a_round_an_official_and_a_statement_source(page: Page, live_site):
    page.goto(live_site)
    expect(page.get_by_role("heading", level=1)).to_have_text("Where the talks stand: USMCA joint review, 2026")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Rounds").click()
    page.get_by_role("link", name="Round 6", exact=True).click()
    expect(page).to_have_url(re.compile(r"/rounds/round-6-montreal/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Round 6, Montreal")
    expect(page.get_by_role("heading", name="What closed here")).to_be_visible()
    lighthizer = page.get_by_role("article", name="Quote from Robert Lighthizer").first
    expect(lighthizer).to_be_visible()

    lighthizer.get_by_role("link", name="Robert Lighthizer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Robert Lighthizer")
    expect(page.get_by_text("U.S. Trade Representative").first).to_be_visible()

    statement = page.get_by_role("article").first
    statement.locator(".statement__when a").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Statement by Robert Lighthizer")

    page.get_by_role("main").locator(".source a").first.click()
    expect(page).to_have_url(re.compile(r"/sources/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()


def test_from_home_to_what_canada_proposed_on_the_sunset_clause_in_two_clicks(page: Page, live_site):
    page.goto(live_site)
    page.locator("section.board").get_by_role("link", name="Extension of the USMCA for a new 16-year term").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Extension of the USMCA")
    page.locator(".continues").get_by_role("link", name="Sunset clause and periodic review").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sunset clause and periodic review")
    expect(page.get_by_role("img", name="Status of Sunset clause and periodic review over time")).to_be_visible()
    canada = page.locator(".party-positions").filter(has=page.get_by_role("heading", name="Canada"))
    expect(canada).to_contain_text("Proposed regular reviews of the agreement instead of the US sunset clause")


def test_the_language_switcher_keeps_the_reader_on_the_same_page(page: Page, live_site):
    page.goto(f"{live_site}/issues/sunset-clause/")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page).to_have_url(re.compile(r"/fr/issues/sunset-clause/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", name="Le statut au fil des rondes")).to_be_visible()
    page.get_by_role("navigation", name="Langue").get_by_role("link", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/issues/sunset-clause/$"))
    expect(page.get_by_role("heading", name="El estado a lo largo de las rondas")).to_be_visible()
