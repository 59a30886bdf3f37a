"""Nothing an app server keeps is needed by another: state lives in PostgreSQL and Redis."""

from .conftest import production_env, settings_under

SHARED_STATE = ("CACHES", "SESSION_ENGINE", "IMPORT_EXPORT_TMP_STORAGE_CLASS", "RESPONSE_CACHE_SECONDS", "AXES_HANDLER")


def test_with_redis_the_cache_sessions_and_import_uploads_are_shared():
    values = settings_under(production_env(REDIS_URL="redis://cache.internal:6379/0"), *SHARED_STATE)
    assert values["CACHES"]["default"]["BACKEND"] == "nafta_tracker.redis_cache.SharedClientRedisCache"
    assert values["CACHES"]["default"]["LOCATION"] == "redis://cache.internal:6379/0"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    # The shared cache (a CacheStorage), for at most IMPORT_UPLOAD_SECONDS.
    assert values["IMPORT_EXPORT_TMP_STORAGE_CLASS"] == "nafta_tracker.import_uploads.ExpiringCacheStorage"
    assert values["RESPONSE_CACHE_SECONDS"] == 600
    assert values["AXES_HANDLER"] == "axes.handlers.database.AxesDatabaseHandler"  # lockouts in the database


def test_without_redis_sessions_live_in_the_database_and_pages_are_not_cached_per_process():
    values = settings_under(production_env(), *SHARED_STATE)
    assert values["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert values["RESPONSE_CACHE_SECONDS"] == 0  # a publish on one worker could not reach another's memory


def test_no_setting_keeps_state_in_files_on_the_app_server():
    values = settings_under(
        production_env(REDIS_URL="redis://cache.internal:6379/0"),
        "SESSION_ENGINE",
        "CACHES",
        "MESSAGE_STORAGE",
        "EMAIL_BACKEND",
        "STORAGES",
    )
    assert "file" not in values["SESSION_ENGINE"]
    assert "filebased" not in values["CACHES"]["default"]["BACKEND"]
    assert (
        values["MESSAGE_STORAGE"] == "django.contrib.messages.storage.fallback.FallbackStorage"
    )  # cookie, then session
    assert "filebased" not in values["EMAIL_BACKEND"]
    # Static files are a build artefact (collectstatic), identical on every server.
    assert values["STORAGES"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
