"""Root URLs: the public site, the editors' admin and the REST API.

Composition: the frame's pages (rounds, officials, parties, deadlines) are defined by
``issues`` (they show what was said there) and by ``rounds`` (the calendar); both go
into the ``rounds`` namespace here, so every URL and URL name stays as it was.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import include, path, re_path

import issues.urls
import rounds.urls
from nafta_tracker.freshness import public_page

from . import views
from .sitemaps import SITEMAPS


def moved_source_admin(request: HttpRequest, rest: str) -> HttpResponsePermanentRedirect:
    """Sources moved from the issues app to rounds: old admin links (bookmarks, the log) still work."""
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"/admin/rounds/source/{rest}" + (f"?{query}" if query else ""))


site_pages = [
    path("", views.home, name="home"),
    path("", include(([*rounds.urls.urlpatterns, *issues.urls.frame_urlpatterns], "rounds"))),
    path("", include("issues.urls")),
]

urlpatterns = [
    re_path(r"^admin/issues/source/(?P<rest>.*)$", moved_source_admin),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("nafta_tracker.site.api_urls")),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # Public site: English at /, French at /fr/, Spanish at /es/ (the language is in the URL,
    # so every page is cacheable and shareable in the reader's language).
    *i18n_patterns(*site_pages, prefix_default_language=False),
]

if settings.BENCH_VIEWS:  # the load test's ceiling (bench/load.sh); never routed otherwise
    urlpatterns.append(path("bench/trivial/", views.trivial))
