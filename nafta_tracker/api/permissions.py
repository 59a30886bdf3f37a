"""The API's default permission: anyone reads, editors with the model permission write."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """DRF's ``DjangoModelPermissionsOrAnonReadOnly``, without building a queryset to read.

    DRF's class asks the view for its queryset (to learn the model) on every request,
    reads included, although a read needs no model permission whoever asks: that cost
    more than the rest of a 304. Reads are allowed at once; writes are checked as before.
    """

    def has_permission(self, request, view) -> bool:
        if request.method in SAFE_METHODS:
            return True
        return super().has_permission(request, view)
