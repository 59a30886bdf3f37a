"""An editor's walk through the admin, in the browser, on a 1366 px laptop: enter an article
with three quotes and a position, get three mistakes caught on their own fields, fix them,
publish, read the history, bring back an earlier version, and import a file with a bad row.

Every page is photographed (pytest-playwright's output folder) and checked to fit the
window without sideways scrolling."""

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from issues.models import Statement
from tests.browser.admin_pages import LAPTOP, horizontal_overflow, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLISHED_ON = "2018-03-05"
TITLE = "NAFTA talks end seventh round with little progress"

# The error list Django's admin draws for a field is a direct child of the box that holds the
# field: its own <div> on a line of several fields, the whole line on a line of one.
ERROR_OF_FIELD = """(id) => {
    let box = document.getElementById(id);
    while (box && !box.matches('.inline-related, fieldset, form')) {
        const list = box.querySelector(':scope > ul.errorlist');
        if (list) return list.innerText;
        box = box.parentElement;
    }
    return null;
}"""


class Walk:
    """The pages of the walk, each photographed and measured as it is reached."""

    def __init__(self, page: Page, base_url: str, folder: Path) -> None:
        self.page, self.base_url, self.folder = page, base_url, folder
        self.visited: dict[str, int] = {}
        folder.mkdir(parents=True, exist_ok=True)

    def check(self, name: str) -> None:
        self.page.screenshot(path=self.folder / f"{len(self.visited) + 1:02d}-{name}.png", full_page=True)
        self.visited[name] = horizontal_overflow(self.page)
        assert self.visited[name] <= 0, f"{name}: {self.visited[name]} px of sideways scrolling at 1366 px"

    def choose(self, field: str, search: str, option: str) -> None:
        """Pick ``option`` in an autocomplete field (by its HTML id), as an editor does."""
        self.page.locator(f"#{field}").locator("xpath=following-sibling::span[1]").locator(".select2-selection").click()
        self.page.locator(".select2-container--open .select2-search__field").fill(search)
        self.page.locator(".select2-results__option", has_text=option).first.click()

    def error_of(self, field: str) -> str | None:
        return self.page.evaluate(ERROR_OF_FIELD, field)


def test_an_editor_enters_corrects_publishes_reverts_and_imports(browser, live_site, editor, output_path):
    started = time.monotonic()
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    walk = Walk(page, live_site, Path(output_path))

    page.goto(f"{live_site}/admin/login/")
    walk.check("login")
    log_in(page, live_site)
    walk.check("editors-home")

    # -- An article, three quotes and a position, with three mistakes.
    page.goto(f"{live_site}/admin/rounds/source/add/")
    page.locator("#id_kind").select_option("article")
    page.locator("#id_outlet").fill("Reuters")
    page.locator("#id_published_on").fill(PUBLISHED_ON)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_url").fill("https://www.reuters.com/article/nafta-round-seven")
    page.locator("#id_slug").fill("reuters-nafta-round-seven")

    add_statement = page.locator("#statements-group .add-row a")
    add_statement.click()
    add_statement.click()
    walk.choose("id_statements-0-speaker", "Lighthizer", "Robert Lighthizer")
    page.locator("#id_statements-0-text").fill("We are running out of time.")
    page.locator("#id_statements-0-date").fill("2018-03-09")  # mistake 1: after the article
    walk.choose("id_statements-1-speaker", "Freeland", "Chrystia Freeland")
    page.locator("#id_statements-1-text").fill("Canada is ready to keep working.")
    page.locator("#id_statements-1-date").fill("2099-03-05")  # mistake 2: in the future
    page.locator("#id_statements-2-attribution").fill("a senior Mexican official")
    page.locator("#id_statements-2-attributed_party").select_option(label="Mexico")
    page.locator("#id_statements-2-kind").select_option("reported")
    page.locator("#id_statements-2-date").fill(PUBLISHED_ON)  # mistake 3: no text

    walk.choose("id_positions-0-issue", "rules of origin", "Auto rules of origin")
    page.locator("#id_positions-0-party").select_option(label="United States")
    page.locator("#id_positions-0-kind").select_option("demand")
    page.locator("#id_positions-0-summary").fill("Raise the regional value content for cars to 85 percent.")
    page.locator("#id_positions-0-date").fill(PUBLISHED_ON)
    walk.check("add-source-filled")

    page.locator("input[name=_continue]").click()
    expect(page.locator(".errornote")).to_be_visible()
    walk.check("add-source-three-mistakes")
    assert "after the source's publication date (2018-03-05)" in walk.error_of("id_statements-0-date")
    assert "is in the future" in walk.error_of("id_statements-1-date")
    assert walk.error_of("id_statements-2-text") == "This field is required."
    for untouched in ("id_statements-0-text", "id_statements-1-text", "id_statements-2-date", "id_positions-0-date"):
        assert walk.error_of(untouched) is None, untouched

    # -- Fixed, saved as drafts.
    page.locator("#id_statements-0-date").fill(PUBLISHED_ON)
    page.locator("#id_statements-1-date").fill(PUBLISHED_ON)
    page.locator("#id_statements-2-text").fill("Mexico expects the talks to continue after its election.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    expect(page.locator(".messagelist")).to_contain_text("was filled in from its date: Round 7, Mexico City")
    walk.check("source-saved")

    # -- Published from the sources list.
    page.goto(f"{live_site}/admin/rounds/source/?q=seventh+round")
    page.locator("tr", has_text=TITLE).locator("input.action-select").check()
    page.locator("select[name=action]").select_option("publish_reported")
    page.locator("button[name=index]").click()
    expect(page.locator(".messagelist .success")).to_have_text("4 items published.")
    walk.check("published")

    # -- A quote edited, its history read, the first version brought back.
    quote = Statement.objects.get(text="We are running out of time.")
    page.goto(f"{live_site}/admin/issues/statement/{quote.pk}/change/")
    walk.check("statement")
    page.locator("#id_text").fill("We are running out of time, and the Canadians know it.")
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    walk.check("statements")

    page.goto(f"{live_site}/admin/issues/statement/{quote.pk}/history/")
    history = page.locator("#change-history tbody tr")
    expect(history.first).to_contain_text("We are running out of time, and the Canadians know it.")
    walk.check("history")
    history.last.locator("a").first.click()  # the oldest version: as entered
    expect(page.locator("#id_text")).to_have_value("We are running out of time.")
    walk.check("revert")
    page.locator("input[name=_save]").click()
    # The message names the version that came back: when it was written, and by whom.
    expect(page.locator(".messagelist .success").first).to_have_text(
        re.compile(r"^The version of \w{3}\.? \d{1,2}, 2\d{3}, .+ by editor is back\.$")
    )
    quote.refresh_from_db()
    assert quote.text == "We are running out of time."
    assert quote.is_published  # a revert brings back the words, not an earlier publication state

    # -- A file with one bad row: told which row and field, nothing imported, no traceback.
    page.goto(f"{live_site}/admin/issues/statement/import/")
    walk.check("import")
    before = Statement.objects.count()
    rows = [
        "source,speaker,attribution,kind,text,date,date_precision,tone",
        "reuters-nafta-round-seven,ildefonso-guajardo,,quote,No sunset clause.,2018-03-05,day,neutral",
        "reuters-nafta-round-seven,jean-chretien,,quote,Nobody by that name is in the tracker.,2018-03-05,day,neutral",
    ]
    page.locator("select[name=format]").select_option(label="csv")
    page.locator("input[name=import_file]").set_input_files(
        files=[{"name": "statements.csv", "mimeType": "text/csv", "buffer": "\n".join(rows).encode()}]
    )
    page.get_by_role("button", name="Submit").click()
    # Said in words, row (import-export numbers the rows after the header) and column first.
    expect(page.locator(".import-problems li")).to_have_text(["Row 2, speaker: No official with slug “jean-chretien”."])
    expect(page.locator("table.import-preview tbody tr td").first).to_have_text("2")
    assert "Traceback" not in page.content()
    walk.check("import-bad-row")
    assert Statement.objects.count() == before
    context.close()

    seconds = time.monotonic() - started
    print(f"\nThe editor's walk: {len(walk.visited)} pages in {seconds:.1f} s; screenshots in {output_path}")
