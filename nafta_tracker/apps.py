"""The project package as an app: production plumbing (cache invalidation, backup commands)."""

from django.apps import AppConfig


class NaftaTrackerConfig(AppConfig):
    name = "nafta_tracker"
    verbose_name = "nafta-tracker"

    def ready(self) -> None:
        from . import response_cache

        response_cache.connect_invalidation_signals()
