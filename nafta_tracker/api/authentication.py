"""API tokens as clients send them: ``Authorization: Bearer <token>``, or ``Token <token>``.

DRF's ``TokenAuthentication`` reads only ``Token``; any other scheme it ignores, so a
client library sending ``Bearer`` (the default of nearly all of them) was silently
anonymous: 200 on reads, with published data only, and a puzzling 401 on writes. Here
both schemes name the same token, and an ``Authorization`` header that is not one of
them, or is malformed (no token, extra words, blank), is a 401: a client that sends
credentials is told when they are not understood, never served as someone else.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import TokenAuthentication, get_authorization_header
from rest_framework.request import Request

#: Accepted schemes, compared case-insensitively (RFC 9110 §11.1). The first is the challenge.
SCHEMES = ("Bearer", "Token")


class BearerOrTokenAuthentication(TokenAuthentication):
    keyword = SCHEMES[0]

    def authenticate(self, request: Request):
        if "HTTP_AUTHORIZATION" not in request.META:
            return None  # no credentials: anonymous, or the session's user (browsable API)
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in {scheme.lower().encode() for scheme in SCHEMES}:
            raise exceptions.AuthenticationFailed(
                _("Unsupported Authorization header: send Authorization: Bearer <token>.")
            )
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(
                _("Malformed Authorization header: send Authorization: Bearer <token>, one token, no spaces.")
            )
        try:
            token = parts[1].decode()
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        return self.authenticate_credentials(token)

    def authenticate_header(self, request: Request) -> str:
        return f'{SCHEMES[0]} realm="api"'


class BearerOrTokenScheme(OpenApiAuthenticationExtension):
    """Both schemes in the OpenAPI document, as alternatives: generated clients know ``bearer``."""

    target_class = BearerOrTokenAuthentication
    name = ["bearerAuth", "tokenAuth"]
    priority = 1  # before drf-spectacular's own extension for TokenAuthentication's subclasses

    def get_security_definition(self, auto_schema):
        return [
            {
                "type": "http",
                "scheme": "bearer",
                "description": str(_("An API token: Authorization: Bearer <token>.")),
            },
            {
                "type": "apiKey",
                "in": "header",
                "name": "Authorization",
                "description": str(_('The same token with the prefix "Token": Authorization: Token <token>.')),
            },
        ]

    def get_security_requirement(self, auto_schema):
        return [{"bearerAuth": []}, {"tokenAuth": []}]
