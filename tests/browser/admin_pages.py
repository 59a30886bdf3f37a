"""What the admin's browser tests share: logging in as an editor, the pages editors use, and
the two checks made on each of them (no sideways scroll, axe-core's findings)."""

from __future__ import annotations

from dataclasses import dataclass

from axe_playwright_python.sync_playwright import Axe
from django.db.models import Count
from playwright.sync_api import Page

from issues.models import Issue, Statement
from rounds.models import Source

#: The screens editors have: a laptop, a desktop at the width where the side menu opens, a phone.
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}

#: What fails the accessibility test: axe-core's two highest impacts.
BLOCKING = ("critical", "serious")


def log_in(page: Page, base_url: str, username: str = "editor", password: str = "editor-pass-1") -> None:
    page.goto(f"{base_url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/admin/")


def horizontal_overflow(page: Page) -> int:
    """How many pixels the page is wider than the window (0 or less: no sideways scroll)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


@dataclass
class Findings:
    by_impact: dict[str, int]
    rules: dict[str, int]
    examples: dict[str, str]

    @property
    def blocking(self) -> int:
        return sum(self.by_impact.get(impact, 0) for impact in BLOCKING)

    def __str__(self) -> str:
        impacts = " ".join(
            f"{impact}={self.by_impact.get(impact, 0)}" for impact in ("critical", "serious", "moderate")
        )
        rules = ", ".join(f"{rule}×{count}" for rule, count in sorted(self.rules.items()))
        return f"{impacts}" + (f" ({rules})" if rules else "")


_axe = Axe()


def axe_findings(page: Page) -> Findings:
    """axe-core's violations on the page, counted by impact (one per element) and by rule."""
    results = _axe.run(page)
    by_impact: dict[str, int] = {}
    rules: dict[str, int] = {}
    examples: dict[str, str] = {}
    for violation in results.response["violations"]:
        nodes = len(violation["nodes"])
        by_impact[violation["impact"]] = by_impact.get(violation["impact"], 0) + nodes
        if violation["impact"] in BLOCKING:
            rules[violation["id"]] = rules.get(violation["id"], 0) + nodes
            first = violation["nodes"][0]
            examples[violation["id"]] = f"{first['target']} {first['html'][:200]}"
    return Findings(by_impact, rules, examples)


def editors_pages() -> dict[str, str]:
    """The admin pages editors use, each at its busiest in the shipped record."""
    source = Source.objects.annotate(n=Count("statements")).order_by("-n", "pk").first()
    statement = Statement.objects.filter(source=source).order_by("pk").first()
    issue = (
        Issue.objects.annotate(n=Count("positions", distinct=True) + Count("status_history", distinct=True))
        .order_by("-n", "pk")
        .first()
    )
    return {
        "editors' home": "/admin/",
        "add source": "/admin/rounds/source/add/",
        "change source": f"/admin/rounds/source/{source.pk}/change/",
        "add statement": "/admin/issues/statement/add/",
        "change statement": f"/admin/issues/statement/{statement.pk}/change/",
        "issue": f"/admin/issues/issue/{issue.pk}/change/",
        "sources": "/admin/rounds/source/",
        "statements": "/admin/issues/statement/",
        "issues": "/admin/issues/issue/",
        "positions": "/admin/issues/position/",
        "status entries": "/admin/issues/statusassessment/",
        "import statements": "/admin/issues/statement/import/",
        "statement history": f"/admin/issues/statement/{statement.pk}/history/",
    }
