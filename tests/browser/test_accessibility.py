"""axe-core finds no serious or critical accessibility fault on any public page type, on a desktop and a phone.

axe-core is the engine behind most accessibility audits (Lighthouse, browser extensions);
the copy used is the one shipped inside the PyPI package ``axe-playwright-python``, so
nothing is fetched at run time. The site's Content-Security-Policy forbids injected
scripts, so the audit's browser context bypasses CSP (the page itself is unchanged).
Each page type's figures are printed (``-s`` shows them) so a run reads as a report.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import axe_playwright_python
import pytest
from django.urls import reverse
from playwright.sync_api import Browser

from issues import services
from issues.models import Source, Statement, StatementTranslation

pytestmark = pytest.mark.django_db(transaction=True)

AXE_JS = Path(axe_playwright_python.__file__).parent / "axe.min.js"
SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
BLOCKING = ("serious", "critical")
# axe's defaults plus WCAG 2.2's target size (24 px), off by default in axe 4: links
# and buttons must be large or far enough apart for a finger on a phone.
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"


def _translated_quote() -> Statement:
    """A Spanish quote of the record with a translation into English beneath it (test data only:
    the record carries no translation its sources did not print)."""
    quote = Statement.objects.published().filter(language="es").order_by("pk").first()
    if not quote.translations.exists():
        services.statement_translation_save(
            translation=StatementTranslation(statement=quote), language="en", text="(test) the words, translated"
        )
    return quote


def page_types() -> dict[str, str]:
    """One URL of each kind of public page, from the shipped data."""
    statement = Statement.objects.published().order_by("pk").first()
    source = Source.objects.get(slug="afp-montreal-round-close")
    return {
        "home": reverse("home"),
        "negotiation list": reverse("rounds:negotiation-list"),
        "negotiation": reverse("rounds:negotiation-detail", args=["nafta-renegotiation"]),
        "round list": reverse("rounds:round-list"),
        "round": reverse("rounds:round-detail", args=["round-6-montreal"]),
        # A meeting whose own source (and its "original" link) stand alone: small targets on phones.
        "meeting": reverse("rounds:round-detail", args=["intersessional-washington-2017-12"]),
        "issue list": reverse("issues:issue-list"),
        "issue": reverse("issues:issue-detail", args=["sunset-clause"]),
        "issue (fr)": "/fr" + reverse("issues:issue-detail", args=["sunset-clause"]),
        "statement list": reverse("issues:statement-list"),
        "statement": statement.get_absolute_url(),
        "quote in Spanish, translated": _translated_quote().get_absolute_url(),
        "source": source.get_absolute_url(),
        "official list": reverse("rounds:official-list"),
        "official": reverse("rounds:official-detail", args=["robert-lighthizer"]),
        "party list": reverse("rounds:party-list"),
        "party": reverse("rounds:party-detail", args=["canada"]),
        "deadlines": reverse("rounds:milestone-list"),
        "search": reverse("issues:search") + "?q=sunset",
        "search (no hit)": reverse("issues:search") + "?q=nosuchword",
        "not found": "/no-such-page/",
    }


def audit(browser: Browser, base_url: str, screen: str, urls: dict[str, str]) -> dict[str, list[dict]]:
    context = browser.new_context(viewport=SCREENS[screen], bypass_csp=True)
    page = context.new_page()
    found: dict[str, list[dict]] = {}
    try:
        for kind, url in urls.items():
            page.goto(base_url + url)
            page.add_script_tag(path=str(AXE_JS))
            result = page.evaluate(f"axe.run(document, {AXE_OPTIONS})")
            found[kind] = result["violations"]
    finally:
        context.close()
    return found


def report(screen: str, found: dict[str, list[dict]]) -> str:
    lines = [f"axe-core on {screen} ({SCREENS[screen]['width']}x{SCREENS[screen]['height']}):"]
    for kind, violations in found.items():
        impacts = Counter(v["impact"] for v in violations)
        named = [f"{v['id']}({v['impact']}, {len(v['nodes'])})" for v in violations]
        figures = ", ".join(f"{impacts[i]} {i}" for i in ("critical", "serious", "moderate", "minor") if impacts[i])
        lines.append(f"  {kind:16} {figures or 'no violation'}" + (f"  <- {' '.join(named)}" if named else ""))
    return "\n".join(lines)


@pytest.mark.parametrize("screen", SCREENS)
def test_no_public_page_type_has_a_serious_or_critical_accessibility_fault(browser, live_site, screen):
    found = audit(browser, live_site, screen, page_types())
    print("\n" + report(screen, found))
    blocking = {
        kind: sorted({v["id"] for v in violations if v["impact"] in BLOCKING})
        for kind, violations in found.items()
        if any(v["impact"] in BLOCKING for v in violations)
    }
    assert blocking == {}
