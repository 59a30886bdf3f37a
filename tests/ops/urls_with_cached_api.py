"""A small DRF list using nafta_tracker.cache.cache_api_data, as the API (issue 3) will."""

from django.urls import path
from rest_framework import generics, serializers
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from rest_framework.throttling import AnonRateThrottle

from issues.models import Statement
from nafta_tracker.cache import cache_api_data


class StatementSerializer(serializers.ModelSerializer):
    class Meta:
        model = Statement
        fields = ["id", "text", "state"]


class ThreeAMinute(AnonRateThrottle):
    rate = "3/min"


class StatementList(generics.ListAPIView):
    serializer_class = StatementSerializer
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer, BrowsableAPIRenderer]

    def get_queryset(self):
        if self.request.user.is_staff:
            return Statement.objects.all()
        return Statement.objects.published()

    @cache_api_data
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)


class ThrottledStatementList(StatementList):
    throttle_classes = [ThreeAMinute]


urlpatterns = [
    path("api/test/statements/", StatementList.as_view()),
    path("api/test/throttled-statements/", ThrottledStatementList.as_view()),
]
