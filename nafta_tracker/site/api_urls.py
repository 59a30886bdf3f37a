"""The REST API: ``/api/v1/`` (resources and their root), ``/api/schema/`` and ``/api/docs/``.

Mounted under ``api/`` by ``nafta_tracker.site.urls``. Any other path under ``/api/``
answers a JSON 404, like the resources themselves, rather than the site's HTML page.
"""

from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, include, path, re_path, resolve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view, permission_classes, renderer_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.routers import DefaultRouter

from issues.api import frame as frame_views
from issues.api import views as issue_views
from rounds.api import views as round_views


class Router(DefaultRouter):
    include_format_suffixes = False  # ?format= is enough; suffix routes would double every path


router = Router()
router.register("parties", round_views.PartyViewSet, basename="party")
router.register("officials", round_views.OfficialViewSet, basename="official")
router.register("rounds", frame_views.RoundViewSet, basename="round")
router.register("issues", issue_views.IssueViewSet, basename="issue")
router.register("statements", issue_views.StatementViewSet, basename="statement")
router.register("positions", issue_views.PositionViewSet, basename="position")
router.register("status-history", issue_views.StatusAssessmentViewSet, basename="statusassessment")
router.register("milestones", frame_views.MilestoneViewSet, basename="milestone")
router.register("sources", issue_views.SourceViewSet, basename="source")
router.register("tombstones", issue_views.TombstoneViewSet, basename="tombstone")


@api_view(["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"])
@permission_classes([AllowAny])
@renderer_classes([JSONRenderer])
@throttle_classes([])
def not_found(request, *args, **kwargs):
    # The catch-all would otherwise hide APPEND_SLASH: /api/v1/issues still leads to /api/v1/issues/.
    if not request.path.endswith("/"):
        match = resolve_or_none(request.path + "/")
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""), status=308)
    raise NotFound()


def resolve_or_none(path: str):
    try:
        return resolve(path)
    except Resolver404:
        return None


not_found.cls.schema = None  # not an endpoint: keep it out of the OpenAPI document

urlpatterns = [
    path("v1/", include((router.urls, "api"), namespace="api")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    re_path(r"^[\s\S]*$", not_found),  # not ".*": a path holding a newline is ours too, not the site's HTML 404
]
