"""Content negotiation that answers an unknown ``?format=`` with 406, not DRF's 404.

A 404 would tell the client the resource does not exist, when only the format is wrong.
"""

from __future__ import annotations

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class ContentNegotiation(DefaultContentNegotiation):
    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            raise NotAcceptable(available_renderers=renderers)
        return matching
