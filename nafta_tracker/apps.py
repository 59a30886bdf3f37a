"""The project package as an app: production plumbing (backup commands, health checks)."""

from django.apps import AppConfig


class NaftaTrackerConfig(AppConfig):
    name = "nafta_tracker"
    verbose_name = "nafta-tracker"

    def ready(self) -> None:
        from .http_cache import connect_purge_signals

        connect_purge_signals()  # publishing purges the shared HTTP cache (a no-op unless configured)

        from .content_language import connect_signals

        connect_signals()  # history rows keep the English record (content_language)

        from .psycopg_tuning import connect_signals as tune_psycopg

        tune_psycopg()  # timestamps parsed in C, long parameter lists parsed once (psycopg_tuning)
