"""Small views with personal or unusual responses, for the page cache tests."""

from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from nafta_tracker.site.urls import urlpatterns as site_urlpatterns


def form_with_csrf_token(request):
    return HttpResponse(f'<form method="post"><input name="csrfmiddlewaretoken" value="{get_token(request)}"></form>')


def sets_a_cookie(request):
    response = HttpResponse("hello")
    response.set_cookie("seen", "1")
    return response


def varies_on_cookie(request):
    response = HttpResponse(request.COOKIES.get("theme", "light"))
    patch_vary_headers(response, ["Cookie"])
    return response


@never_cache
def never_cached(request):
    return HttpResponse("fresh")


def writes_the_session(request):
    request.session["visited"] = True
    return HttpResponse("noted")


urlpatterns = [
    path("personal/csrf-form/", form_with_csrf_token),
    path("personal/sets-cookie/", sets_a_cookie),
    path("personal/varies-on-cookie/", varies_on_cookie),
    path("personal/never-cache/", never_cached),
    path("personal/writes-session/", writes_the_session),
    *site_urlpatterns,
]
