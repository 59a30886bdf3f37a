"""Public pages, grouped by the app that owns them."""

from django.urls import include, path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("rounds.urls")),
    path("", include("issues.urls")),
]
