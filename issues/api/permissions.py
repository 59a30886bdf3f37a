"""Who may see what through the API.

Writes are guarded by DRF's ``DjangoModelPermissionsOrAnonReadOnly`` (settings, through
``nafta_tracker.api.permissions``):
anonymous clients read, editors with the model's add/change permission write. Drafts
are a read question: only someone who may change a model sees its drafts, so an editor
can read back what they just saved; everyone else sees published rows only.
"""

from __future__ import annotations

from django.db import models
from rest_framework.request import Request


def sees_drafts(request: Request, model: type[models.Model]) -> bool:
    user = request.user
    if not (user and user.is_authenticated):
        return False
    return user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}")
