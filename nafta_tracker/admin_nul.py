"""A NUL character in an admin query string is a 400 Bad Request.

PostgreSQL cannot store or compare a string holding NUL (U+0000): a changelist search
(``?q=``), a filter (``?text__icontains=``) or an autocomplete ``term`` with one made
psycopg raise ``DataError``, a 500. No name, title or slug can hold one, so the request
cannot mean anything: it is refused before any view runs, for every admin page
(ours and django.contrib.auth's alike). The public site's forms and the API refuse NUL
themselves, with their own messages.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.urls import NoReverseMatch, reverse


class RefuseNulInAdminQueryMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if self.has_nul(request) and self.is_admin(request):
            return HttpResponseBadRequest("A NUL character cannot appear in a search or filter.")
        return self.get_response(request)

    @staticmethod
    def has_nul(request: HttpRequest) -> bool:
        return any("\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists())

    @staticmethod
    def is_admin(request: HttpRequest) -> bool:
        try:
            return request.path_info.startswith(reverse("admin:index"))
        except NoReverseMatch:  # a URLconf without the admin (some tests use one)
            return False
