from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class IssuesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "issues"
    verbose_name = _("Issues, positions and statements")

    def ready(self) -> None:
        from .editors import ensure_editors_group_after_migrate

        # After auth's own post_migrate handler has created the permissions (auth is listed first).
        post_migrate.connect(ensure_editors_group_after_migrate, sender=self, dispatch_uid="ensure_editors_group")
