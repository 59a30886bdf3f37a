from django.db.models.signals import post_migrate, pre_migrate
from django.utils.translation import gettext_lazy as _

from nafta_tracker.registry import DataAppConfig


class IssuesConfig(DataAppConfig):
    default = True  # the module also imports DataAppConfig: say which class Django should use
    default_auto_field = "django.db.models.BigAutoField"
    name = "issues"
    verbose_name = _("Issues, positions and statements")

    public_models = ("Issue", "StatusAssessment", "Position", "Statement", "StatementTranslation")
    derived_models = ("StatementIssueDate",)  # kept by issues/triggers.py
    editor_permissions = {
        "issue": ("add", "change", "view"),
        "statusassessment": ("add", "change", "view", "delete"),
        "position": ("add", "change", "view", "delete"),
        "statement": ("add", "change", "view", "delete"),
        "statementtranslation": ("add", "change", "view", "delete"),
    }

    def ready(self) -> None:
        from .editors import ensure_editors_group_after_migrate
        from .triggers import drop_before_migrate, install_after_migrate

        # After auth's own post_migrate handler has created the permissions (auth is listed first).
        post_migrate.connect(ensure_editors_group_after_migrate, sender=self, dispatch_uid="ensure_editors_group")
        # The links' dates' triggers: off on SQLite while migrations run, on after (issues/triggers.py).
        pre_migrate.connect(drop_before_migrate, sender=self, dispatch_uid="issues_triggers_off")
        post_migrate.connect(install_after_migrate, sender=self, dispatch_uid="issues_triggers")
