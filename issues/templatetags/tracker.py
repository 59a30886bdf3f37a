"""Template helpers of the public site: language links, search excerpts, the issue board."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.template.defaultfilters import truncatewords
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from issues.search import highlighted_excerpt
from nafta_tracker.content_language import translated_fields, translated_value
from nafta_tracker.local_path import local_path

register = template.Library()


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    absolute_url: str  # for <link rel="alternate" hreflang>, which search engines want absolute


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """The page the reader is on, in each interface language (query string kept)."""
    request: HttpRequest | None = context.get("request")
    current = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    path = local_path(request) if request is not None else "/"
    links = []
    for code, name in settings.LANGUAGES:
        url = translate_url(path, code)
        absolute = request.build_absolute_uri(url) if request is not None else url
        links.append(LanguageLink(code=code, name=name, url=url, current=code == current, absolute_url=absolute))
    return links


@register.simple_tag(takes_context=True)
def statement_words(context, statement) -> SafeString:
    """The statement's text; on a search page, its excerpt matching the query with the matches marked.

    HTML-safe: the text is escaped before any ``<mark>`` is added (``issues.search``).
    """
    return highlighted_excerpt(statement, context.get("query") or "")


@register.filter
def position_for(issue, party):
    """The issue's latest published position of ``party`` (from ``with_latest_positions()``), or None."""
    for position in getattr(issue, "latest_positions", ()):
        if position.party_id == party.pk:
            return position
    return None


@register.filter
def status_class(code: str | None) -> str:
    """CSS modifier for a status code (``not-assessed`` when there is none)."""
    return (code or "not_assessed").replace("_", "-")


@dataclass
class NavItem:
    url_name: str
    label: str
    current: bool


# Which main section each page belongs to, by URL name.
_SECTIONS = {
    "negotiations": ("negotiation-list", "negotiation-detail"),
    "rounds": ("round-list", "round-detail", "negotiation-round-list"),
    "issues": ("issue-list", "issue-detail", "negotiation-issue-list"),
    "statements": ("statement-list", "statement-detail", "source-detail", "negotiation-statement-list"),
    "officials": ("official-list", "official-detail"),
    "parties": ("party-list", "party-detail"),
    "deadlines": ("milestone-list", "negotiation-milestone-list"),
}


@register.simple_tag(takes_context=True)
def main_nav(context) -> list[NavItem]:
    """The main navigation, marking the section of the current page (for aria-current)."""
    from django.utils.translation import gettext as _

    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    url_name = match.url_name if match else None
    labels = {
        "negotiations": (_("Negotiations"), "rounds:negotiation-list"),
        "rounds": (_("Rounds"), "rounds:round-list"),
        "issues": (_("Issues"), "issues:issue-list"),
        "statements": (_("Statements"), "issues:statement-list"),
        "officials": (_("Officials"), "rounds:official-list"),
        "parties": (_("Parties"), "rounds:party-list"),
        "deadlines": (_("Deadlines"), "rounds:milestone-list"),
    }
    return [
        NavItem(url_name=target, label=label, current=url_name in _SECTIONS[section])
        for section, (label, target) in labels.items()
    ]


@register.filter
def status_label(code: str | None) -> str:
    """The translated name of a status code (e.g. an annotated ``previous_status``)."""
    from issues.models import IssueStatus

    return str(IssueStatus(code).label) if code in IssueStatus.values else ""


@register.simple_tag
def statement_runs(statements) -> list:
    """The statements (newest first) marked for a dense list, without a query more.

    ``date_heading``: the statement's date when it differs from the one before, so the
    list is grouped under date headings. ``source_run``: on the first of consecutive
    statements of one source (within a date), how many more follow it; the next ones
    get ``source_as_above`` and leave the source out, so it is said once.
    """
    marked = list(statements)
    previous = None
    for statement in marked:
        new_day = previous is None or statement.display_date != previous.display_date
        statement.date_heading = statement.display_date if new_day else ""
        statement.source_as_above = not new_day and statement.source_id == previous.source_id
        statement.source_run = 0
        previous = statement
    first = None
    for statement in marked:
        if statement.source_as_above and first is not None:
            first.source_run += 1
        else:
            first = statement
    return marked


#: Set on the request when a page showed an English text for want of a translation.
FELL_BACK = "_content_fell_back_to_english"


@register.simple_tag(takes_context=True)
def translated(context, obj, field: str, words: int | None = None) -> str:
    """A translated text in the reader's language; one shown in English for want of a
    translation is marked ``lang="en"`` (screen readers switch voice; the page notes it once).

    ``words`` truncates, as ``truncatewords`` would.
    """
    if obj is None:
        return ""
    if field not in translated_fields(obj):  # an official's name, a source's headline: as they are
        text = getattr(obj, field, "") or ""
        return format_html("{}", truncatewords(text, words) if words else text)
    text, fell_back = translated_value(obj, field)
    text = text or ""
    if words:
        text = truncatewords(text, words)
    if not fell_back:
        return format_html("{}", text)
    request = context.get("request")
    if request is not None:
        setattr(request, FELL_BACK, True)
    return format_html('<span lang="en">{}</span>', text)


@register.simple_tag(takes_context=True)
def english_only_notice(context) -> str:
    """Once per page, discreetly: some texts above are only in English (see ``translated``)."""
    request = context.get("request")
    if request is None or not getattr(request, FELL_BACK, False):
        return ""
    return format_html(
        '<p class="content-language-notice">{}</p>',
        gettext("Some texts on this page have not been translated yet and are shown in English."),
    )
