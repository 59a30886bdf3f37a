"""Root URLs: the public site, the editors' admin and the REST API."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/", include("nafta_tracker.api_urls")),
    path("", include("nafta_tracker.site_urls")),
]
