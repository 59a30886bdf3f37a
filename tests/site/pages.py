"""The public pages to check for markup rules, with the shipped data loaded."""

from django.urls import reverse

from issues.models import Source, Statement


def public_urls() -> list[str]:
    statement = Statement.objects.published().first()
    source = Source.objects.get(slug="afp-montreal-round-close")
    urls = [
        reverse("home"),
        reverse("rounds:round-list"),
        reverse("rounds:round-detail", args=["round-6-montreal"]),
        reverse("rounds:round-detail", args=["round-7-mexico-city"]),
        reverse("issues:issue-list"),
        reverse("issues:issue-list") + "?status=far_apart&as_of=2018-04-01",
        reverse("issues:issue-list") + "?status=bogus",
        reverse("issues:issue-detail", args=["sunset-clause"]),
        reverse("issues:issue-detail", args=["workers-rights"]),
        reverse("issues:statement-list"),
        reverse("issues:statement-list") + "?q=sunset+clause",
        reverse("issues:statement-list") + "?start=2019-01-01&end=2018-01-01",
        statement.get_absolute_url(),
        source.get_absolute_url(),
        reverse("rounds:official-list"),
        reverse("rounds:official-detail", args=["robert-lighthizer"]),
        reverse("rounds:party-list"),
        reverse("rounds:party-detail", args=["canada"]),
        reverse("rounds:milestone-list"),
        reverse("issues:search") + "?q=sunset+clause",
        "/no-such-page/",
    ]
    return urls + ["/fr" + url for url in urls[:3]] + ["/es" + url for url in urls[:3]]
