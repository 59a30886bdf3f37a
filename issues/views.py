"""Public pages for issues, statements and sources. Published data only.

Views parse the request, call queryset methods (``issues.models``) and render; each runs
a fixed number of queries whatever the number of rows (see tests/site/test_query_counts.py).
"""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView, ListView

from nafta_tracker.freshness import public_page
from rounds.models import Negotiation, Party, Round

from .atom import PlainTextAtom1Feed
from .charts import status_charts
from .forms import IssueFilterForm, StatementFilterForm
from .models import Issue, IssueStatus, Position, Source, Statement, StatusAssessment
from .scope import NegotiationScopeMixin
from .site_search import KINDS_BY_CODE, PAGE_SIZE, HitGroup, search_everything, search_kind

DETAIL_STATEMENTS = 10  # statements shown on a detail page; the rest are one click away, paginated
STATEMENTS_PER_PAGE = 20
# A last page of 1-5 items is folded into the one before (23 statements: one page of 23,
# not 20 + 3): a page holding only a few items reads as a broken list.
PAGE_ORPHANS = 5


@method_decorator(public_page, name="dispatch")
class IssueListView(NegotiationScopeMixin, ListView):
    template_name = "issues/issue_list.html"
    paginate_by = 50
    paginate_orphans = PAGE_ORPHANS

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.form = IssueFilterForm(request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            self.object_list = Issue.objects.none()
            return self.render_to_response(self.get_context_data(), status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # The board shows each position's kind, summary and link: nothing of its party, round or source.
        board = Issue.objects.select_related("negotiation").with_latest_positions(related=())
        issues = self.scoped(board).order_by("title")
        if self.form.is_bound:
            return self.form.filter(issues)
        return issues.with_current_status()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        as_of = self.form.chosen_day if self.form.is_bound else None
        if self.form.is_bound and self.form.is_valid():
            counts = self.form.filter(self.scoped(Issue.objects.all()), by_status=False).status_counts()
        else:
            counts = self.scoped(Issue.objects.with_current_status()).status_counts()
        context.update(
            form=self.form,
            as_of=as_of,
            parties=list(Party.objects.order_by("name")),
            status_summary=[(code, label, counts.get(code, 0)) for code, label in IssueStatus.choices],
            not_assessed_count=counts.get(None, 0),
            assessment_dates=self.scoped(StatusAssessment.objects.current(), "issue__negotiation").recent_dates(6),
        )
        return context


@method_decorator(public_page, name="dispatch")
class IssueDetailView(DetailView):
    template_name = "issues/issue_detail.html"

    def get_queryset(self):
        return Issue.objects.with_current_status().select_related(
            "outcome_source", "negotiation", "continues__negotiation"
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = self.object
        # The table lists every published entry, corrected ones too (the history is a log);
        # the charts and "closed at" read only the current ones.
        history = list(
            issue.status_history.published().with_corrections().select_related("round", "source").chronological()
        )
        by_id = {entry.pk: entry for entry in history}
        for entry in history:
            entry.correction = by_id.get(entry.superseded_by_id)
        current = [entry for entry in history if not entry.is_superseded]
        # The formal round at which the chapter or issue was closed, if it closed at one.
        closed_at = next(
            (
                entry.round
                for entry in current
                if entry.status == IssueStatus.AGREED and entry.round_id and entry.round.is_formal_round
            ),
            None,
        )
        positions = (
            issue.positions.published().select_related("party", "round", "source").order_by("party__name", "date", "id")
        )
        statements = Statement.objects.published().about_by_link(issue).in_link_date_order()
        rounds = list(Round.objects.dated().filter(negotiation_id=issue.negotiation_id).order_by("start_date"))
        context.update(
            closed_at=closed_at,
            status_history=history,
            charts=status_charts(current, rounds),
            positions=positions,
            statements=statements.with_related()[:DETAIL_STATEMENTS],
            statement_count=statements.count(),
            related_issues=issue.related.with_current_status().order_by("title"),
            continued_by=issue.continued_by.select_related("negotiation").order_by("title"),
            milestones=issue.milestones.order_by("date"),
        )
        return context


@method_decorator(public_page, name="dispatch")
class StatementListView(NegotiationScopeMixin, ListView):
    template_name = "issues/statement_list.html"
    paginate_by = 20
    paginate_orphans = PAGE_ORPHANS

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        self.form = StatementFilterForm(request.GET or None)
        if self.form.is_bound and not self.form.is_valid():
            self.object_list = Statement.objects.none()
            return self.render_to_response(self.get_context_data(), status=400)
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        statements = self.scoped(Statement.objects.published().with_related())
        if self.form.is_bound:
            return self.form.filter(statements)
        return statements

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.form.cleaned_data.get("q", "") if self.form.is_bound and self.form.is_valid() else ""
        context.update(form=self.form, query=query)
        return context


SEARCH_MAX_PAGE = 1_000_000
SEARCH_QUERY_LENGTH = 200  # longer input is cut: no reader types more, and each word costs work


@public_page
def search(request: HttpRequest) -> HttpResponse:
    """One search box for the whole record: hits grouped by kind, best first, matches highlighted.

    ``kind=statements`` (any code of ``site_search.KINDS``) pages through the hits of that
    kind alone (``page=2`` ...). An unknown kind or a page that is not one of its pages is
    a 404, as on the lists' pages.
    """
    query = " ".join(request.GET.get("q", "").split())[:SEARCH_QUERY_LENGTH]
    code = request.GET.get("kind", "")
    if not code:
        groups = search_everything(query) if query else []
        context = {"query": query, "groups": groups, "hit_count": sum(group.total for group in groups)}
        return render(request, "issues/search.html", context)
    if code not in KINDS_BY_CODE:
        raise Http404(_("No such kind of result."))
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        raise Http404(_("No such page of results.")) from None
    if not 1 <= number <= SEARCH_MAX_PAGE:  # past the largest, no record has the page; the database's integers end
        raise Http404(_("No such page of results."))
    kind = KINDS_BY_CODE[code]
    group = search_kind(query, code, page=number) if query else HitGroup(kind=code, label=str(kind.label))
    try:
        # The hits themselves come from the search; the paginator only counts the pages.
        page_obj = Paginator(range(group.total), PAGE_SIZE).page(number)
    except InvalidPage:
        raise Http404(_("No such page of results.")) from None
    context = {
        "query": query,
        "groups": [group] if group.hits else [],
        "hit_count": group.total,
        "kind": group,
        "page_obj": page_obj,
        "first_number": page_obj.start_index(),
    }
    return render(request, "issues/search.html", context)


@method_decorator(public_page, name="dispatch")
class StatementDetailView(DetailView):
    template_name = "issues/statement_detail.html"

    def get_queryset(self):
        return Statement.objects.published().with_related()


@method_decorator(public_page, name="dispatch")
class SourceDetailView(DetailView):
    """A source and the published facts it backs; a source cited only by drafts is a 404."""

    template_name = "issues/source_detail.html"

    def get_queryset(self):
        return Source.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statements = Statement.objects.published().with_related().filter(source=self.object)
        page = Paginator(statements, STATEMENTS_PER_PAGE, orphans=PAGE_ORPHANS).get_page(self.request.GET.get("page"))
        context.update(page_obj=page, statements=page.object_list, is_paginated=page.has_other_pages())
        context["positions"] = (
            Position.objects.published().filter(source=self.object).select_related("issue", "party").order_by("date")
        )
        return context


# --------------------------------------------------------------------------- Atom feeds


class LatestStatementsFeed(Feed):
    """The newest published statements, as an Atom feed readers can subscribe to."""

    feed_type = PlainTextAtom1Feed  # editors' words as text, never as HTML
    title = _("NAFTA tracker: latest statements")
    subtitle = _("What the negotiators said, newest first, each with its source.")
    items_shown = 30

    def link(self) -> str:
        return reverse("issues:statement-list")

    def items(self):
        return Statement.objects.published().with_related(translations=False)[: self.items_shown]

    def item_title(self, item: Statement) -> str:
        return str(item)

    def item_description(self, item: Statement) -> str:
        if item.is_quote:
            words = f"“{item.text}”"
            if item.context:
                words = f"{item.speaker_name} {item.context} {words}"
        else:
            words = _("Reported speech: %(text)s") % {"text": item.text}
        return _("%(words)s\nSource: %(source)s") % {"words": words, "source": item.source}

    def item_author_name(self, item: Statement) -> str:
        return item.speaker_name

    def item_pubdate(self, item: Statement):
        return item.published_at

    def item_updateddate(self, item: Statement):
        return item.updated_at

    def item_categories(self, item: Statement) -> list[str]:
        return [issue.title for issue in item.issues.all()]


class NegotiationStatementsFeed(LatestStatementsFeed):
    """The newest published statements of one negotiation."""

    def get_object(self, request: HttpRequest, negotiation: str) -> Negotiation:
        return get_object_or_404(Negotiation, slug=negotiation)

    def title(self, obj: Negotiation) -> str:
        return _("NAFTA tracker: statements in %(negotiation)s") % {"negotiation": obj.display_name}

    def link(self, obj: Negotiation) -> str:
        return reverse("rounds:negotiation-statement-list", args=[obj.slug])

    def items(self, obj: Negotiation):
        return (
            Statement.objects.published().filter(negotiation=obj).with_related(translations=False)[: self.items_shown]
        )


class IssueStatementsFeed(LatestStatementsFeed):
    """The newest published statements about one issue."""

    def get_object(self, request: HttpRequest, slug: str) -> Issue:
        return get_object_or_404(Issue, slug=slug)

    def title(self, obj: Issue) -> str:
        return _("NAFTA tracker: statements on %(issue)s") % {"issue": obj.title}

    def link(self, obj: Issue) -> str:
        return obj.get_absolute_url()

    def items(self, obj: Issue):
        statements = Statement.objects.published().about_by_link(obj).in_link_date_order()
        return statements.with_related(translations=False)[: self.items_shown]


latest_statements_feed = public_page(LatestStatementsFeed())
issue_statements_feed = public_page(IssueStatementsFeed())
negotiation_statements_feed = public_page(NegotiationStatementsFeed())
