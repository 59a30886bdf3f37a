"""`check --deploy` is clean with production settings, and bad values stop the start."""

import pytest

from .conftest import production_env, run_manage, settings_under


def test_check_deploy_is_clean_with_debug_off_a_secret_key_and_allowed_hosts():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)" in result.stdout


def test_check_deploy_complains_when_https_protections_are_turned_off():
    env = production_env(DJANGO_SECURE_SSL_REDIRECT="0", DJANGO_SECURE_HSTS_SECONDS="0", DJANGO_SECURE_COOKIES="0")
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    for check in ("security.W004", "security.W008", "security.W012", "security.W016"):
        assert check in result.stderr


def test_production_defaults_are_secure():
    values = settings_under(
        production_env(),
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_PROXY_SSL_HEADER",
        "X_FRAME_OPTIONS",
        "SECURE_REFERRER_POLICY",
    )
    assert values == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SECURE_PROXY_SSL_HEADER": None,  # only trusted when DJANGO_BEHIND_PROXY=1
        "X_FRAME_OPTIONS": "DENY",
        "SECURE_REFERRER_POLICY": "same-origin",
    }


def test_the_proxy_header_is_trusted_only_when_opted_in():
    values = settings_under(production_env(DJANGO_BEHIND_PROXY="1"), "SECURE_PROXY_SSL_HEADER")
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("DJANGO_SECURE_HSTS_SECONDS", "a year", "DJANGO_SECURE_HSTS_SECONDS must be a whole number"),
        ("DJANGO_SECURE_HSTS_SECONDS", "-1", "DJANGO_SECURE_HSTS_SECONDS must be at least 0"),
        ("DJANGO_REFERRER_POLICY", "everyone", "DJANGO_REFERRER_POLICY must be one of"),
        ("DJANGO_BEHIND_PROXY", "perhaps", "DJANGO_BEHIND_PROXY must be one of"),
        ("REDIS_URL", "127.0.0.1:6379", "REDIS_URL must start with redis://"),
        ("DATABASE_REPLICA_URL", "replica.internal", "DATABASE_REPLICA_URL must start with"),
        ("DJANGO_AXES_FAILURE_LIMIT", "0", "DJANGO_AXES_FAILURE_LIMIT must be at least 1"),
        ("DJANGO_RESPONSE_CACHE_SECONDS", "ten", "DJANGO_RESPONSE_CACHE_SECONDS must be a whole number"),
    ],
)
def test_a_bad_value_stops_the_start_and_names_the_variable(variable, value, message):
    result = run_manage("check", env=production_env(**{variable: value}))
    assert result.returncode != 0
    assert message in result.stderr
