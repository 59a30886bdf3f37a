"""sitemap.xml: every public page, in every interface language (hreflang alternates)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from issues.models import Issue, Statement
from rounds.models import Negotiation, Official, Party, Round


class _Localised(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticPagesSitemap(_Localised):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> list[str]:
        return [
            "home",
            "rounds:round-list",
            "issues:issue-list",
            "issues:statement-list",
            "rounds:official-list",
            "rounds:party-list",
            "rounds:milestone-list",
            "rounds:negotiation-list",
        ]

    def location(self, item: str) -> str:
        return reverse(item)


class _ModelSitemap(_Localised):
    def lastmod(self, obj):
        return obj.updated_at


class NegotiationSitemap(_ModelSitemap):
    priority = 0.8

    def items(self):
        return Negotiation.objects.order_by("start_date")


class NegotiationPagesSitemap(_Localised):
    """Each negotiation's own lists (its rounds, issues, statements, deadlines)."""

    changefreq = "daily"
    priority = 0.6
    pages = ("round-list", "issue-list", "statement-list", "milestone-list")

    def items(self) -> list[tuple[str, str]]:
        slugs = Negotiation.objects.order_by("start_date").values_list("slug", flat=True)
        return [(slug, page) for slug in slugs for page in self.pages]

    def location(self, item: tuple[str, str]) -> str:
        slug, page = item
        return reverse(f"rounds:negotiation-{page}", args=[slug])


class RoundSitemap(_ModelSitemap):
    priority = 0.7

    def items(self):
        return Round.objects.order_by("negotiation__start_date", "number", "pk")


class IssueSitemap(_ModelSitemap):
    priority = 0.7

    def items(self):
        return Issue.objects.order_by("title")


class OfficialSitemap(_ModelSitemap):
    def items(self):
        return Official.objects.order_by("name")


class PartySitemap(_ModelSitemap):
    def items(self):
        return Party.objects.order_by("name")


class StatementSitemap(_ModelSitemap):
    priority = 0.4

    def items(self):
        return Statement.objects.published().order_by("-date", "-id")


SITEMAPS = {
    "pages": StaticPagesSitemap,
    "negotiations": NegotiationSitemap,
    "negotiation-pages": NegotiationPagesSitemap,
    "rounds": RoundSitemap,
    "issues": IssueSitemap,
    "officials": OfficialSitemap,
    "parties": PartySitemap,
    "statements": StatementSitemap,
}
