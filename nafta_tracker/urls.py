"""Root URLs: the public site, the editors' admin and the REST API."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from .caching import public_page
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("nafta_tracker.api_urls")),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    # Public site: English at /, French at /fr/, Spanish at /es/ (the language is in the URL,
    # so every page is cacheable and shareable in the reader's language).
    *i18n_patterns(path("", include("nafta_tracker.site_urls")), prefix_default_language=False),
]
