"""The REST API: ``/api/v1/`` (resources and their root), ``/api/schema/`` and ``/api/docs/``.

Mounted under ``api/`` by ``nafta_tracker.site.urls``. Any other path under ``/api/``
answers a JSON 404, like the resources themselves, rather than the site's HTML page.
"""

from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.urls import Resolver404, include, path, re_path, resolve
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view, permission_classes, renderer_classes, throttle_classes
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.routers import DefaultRouter
from rest_framework.views import APIView

from issues.api import frame as frame_views
from issues.api import views as issue_views
from rounds.api import views as round_views

from . import dataset

DATASET_NAME = "dataset"  # its URL name, and its key in the API root


class Router(DefaultRouter):
    include_format_suffixes = False  # ?format= is enough; suffix routes would double every path

    def get_api_root_view(self, api_urls=None):
        """The root lists every resource, and the whole data set in one download."""
        list_name = self.routes[0].name
        api_root_dict = {prefix: list_name.format(basename=basename) for prefix, _viewset, basename in self.registry}
        api_root_dict[DATASET_NAME] = DATASET_NAME
        return self.APIRootView.as_view(api_root_dict=api_root_dict)


router = Router()
router.register("negotiations", round_views.NegotiationViewSet, basename="negotiation")
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


class ZipRenderer(BaseRenderer):
    media_type = "application/zip"
    format = "zip"
    charset = None
    render_style = "binary"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        return data


class DatasetView(APIView):
    """Every public object in one zip: per kind, the list as JSON and as CSV, and a README of the columns."""

    permission_classes = [AllowAny]  # public data only, the same for everyone
    renderer_classes = [ZipRenderer]  # errors are JSON all the same (finalize_response)

    @staticmethod
    def kinds() -> dict[str, type]:
        return {prefix: viewset for prefix, viewset, _basename in router.registry if prefix != "tombstones"}

    @extend_schema(
        operation_id="dataset_retrieve",
        tags=["dataset"],
        summary=_("The whole public data set in one download"),
        description=_(
            "A zip of one JSON and one CSV file per resource (every public object, as the anonymous "
            "list gives it) and a README.md of the columns. Built again after every public change; "
            "send its ETag back as If-None-Match to download it only when it changed."
        ),
        responses={(200, "application/zip"): OpenApiResponse(OpenApiTypes.BINARY, description=_("The zip file."))},
    )
    def get(self, request, *args, **kwargs):
        found = dataset.dataset(request._request, self.kinds())
        last_modified = int(found.last_modified.timestamp())
        response = get_conditional_response(request._request, etag=found.etag, last_modified=last_modified)
        if response is None:
            response = HttpResponse(found.content, content_type="application/zip")
            response["Content-Disposition"] = 'attachment; filename="nafta-tracker.zip"'
        response["ETag"] = found.etag
        response["Last-Modified"] = http_date(last_modified)
        return response

    def finalize_response(self, request, response, *args, **kwargs):
        # Errors (429, 401) stay JSON even when a zip was asked for.
        renderer = getattr(request, "accepted_renderer", None)
        if getattr(response, "exception", False) and isinstance(renderer, ZipRenderer):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


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
    path(
        "v1/",
        include(
            ([path("dataset.zip", DatasetView.as_view(), name=DATASET_NAME), *router.urls], "api"), namespace="api"
        ),
    ),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api-schema", template_name="api/swagger_ui.html"),
        name="api-docs",
    ),
    re_path(r"^[\s\S]*$", not_found),  # not ".*": a path holding a newline is ours too, not the site's HTML 404
]
