"""API tokens in the admin: every staff user creates, sees and revokes their own.

DRF's own token admin lists everyone's tokens to whoever holds its model permissions,
so editors could not be given it; tokens were made with ``manage.py drf_create_token``
by someone with a shell. Here no permission is needed beyond being staff, because the
rule is ownership: a staff user sees only their own token, adds one for themselves
(DRF keeps one per user: to rotate it, revoke it and add a new one) and deletes
(revokes) it. Superusers see and revoke everyone's, e.g. a token that leaked.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import Token, TokenProxy

admin.site.unregister(TokenProxy)


@admin.register(TokenProxy)
class OwnTokenAdmin(TokenAdmin):
    list_display = ("key", "user", "created")
    readonly_fields = ("key", "user", "created")

    @staticmethod
    def _is_staff(request) -> bool:
        return request.user.is_active and request.user.is_staff

    def _owns(self, request, obj) -> bool:
        return obj is None or request.user.is_superuser or obj.user_id == request.user.pk

    def get_queryset(self, request):
        tokens = super().get_queryset(request).select_related("user")
        return tokens if request.user.is_superuser else tokens.filter(user=request.user)

    def get_fields(self, request, obj=None):
        if obj is not None:
            return self.readonly_fields
        # A superuser picks whose token to make; anyone else makes their own (save_model).
        return ("user",) if request.user.is_superuser else ()

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields if obj is not None else ()

    def has_module_permission(self, request) -> bool:
        return self._is_staff(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return self._is_staff(request) and self._owns(request, obj)

    def has_add_permission(self, request) -> bool:
        # No query here: every admin page asks every model admin this for its menu.
        return self._is_staff(request)

    def add_view(self, request, form_url="", extra_context=None):
        if not request.user.is_superuser and Token.objects.filter(user=request.user).exists():
            self.message_user(
                request, _("You have a token already: delete (revoke) it, then add a new one."), messages.WARNING
            )
            return HttpResponseRedirect(reverse("admin:authtoken_tokenproxy_changelist"))
        return super().add_view(request, form_url, extra_context)

    def has_change_permission(self, request, obj=None) -> bool:
        return False  # a token is never edited: revoke it and add another

    def has_delete_permission(self, request, obj=None) -> bool:
        return self._is_staff(request) and self._owns(request, obj)

    def save_model(self, request, obj, form, change) -> None:
        if not request.user.is_superuser:
            obj.user = request.user
        super().save_model(request, obj, form, change)
