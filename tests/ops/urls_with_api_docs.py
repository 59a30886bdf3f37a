"""The project's URLs plus drf-spectacular's Swagger UI, wired as the API (issue 3) will wire it.

Lets the CSP tests load the API docs before the API exists on this branch.
"""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from nafta_tracker.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    *site_urlpatterns,
]
