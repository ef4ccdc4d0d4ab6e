"""Production settings, checked in a fresh interpreter as a deployment would start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from ..support.database import database_url

ROOT = Path(__file__).resolve().parents[2]
GOOD = {
    "DJANGO_ENV": "production",
    "SECRET_KEY": "k" * 20 + "Qw3rTy-uiop_asdf-ghjkl-zxcvbnm-1234567890",
    "ALLOWED_HOSTS": "careers.example.edu",
    "DATABASE_URL": "postgres://app@db.internal:5432/careers",
    # Rate limits and kept figures shared by every app server (checked, never connected to).
    "CACHE_URL": "redis://cache.internal:6379/0",
}


def run_django(env_overrides, *args):
    env = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in GOOD.items() if k != missing}
    result = run_django(env, "check")
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_production_refuses_sqlite_and_debug():
    result = run_django({**GOOD, "DATABASE_URL": "sqlite:///tmp/x.db"}, "check")
    assert result.returncode != 0 and "DATABASE_URL must point at PostgreSQL" in result.stderr
    result = run_django({**GOOD, "DEBUG": "true"}, "check")
    assert result.returncode != 0 and "DEBUG must be off" in result.stderr


WEAK_KEYS = {
    "short": "Qw3rTy-uiop_asdf-ghjkl",
    "few characters": "ab" * 40,
    "startproject's kind": "django-insecure-" + GOOD["SECRET_KEY"],
}


@pytest.mark.parametrize("key", WEAK_KEYS.values(), ids=WEAK_KEYS.keys())
def test_production_refuses_a_weak_secret_key(key):
    for command in (["check"], ["check", "--deploy"]):
        result = run_django({**GOOD, "SECRET_KEY": key}, *command)
        assert result.returncode != 0, command
        assert "SECRET_KEY is too weak for production" in result.stderr, command
        assert key not in result.stderr  # the key itself is never printed
    # Development keeps working with whatever the .env holds.
    result = run_django({"SECRET_KEY": key}, "check")
    assert result.returncode == 0, result.stderr


def test_gunicorn_will_not_serve_with_a_weak_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
    env.update(GOOD, SECRET_KEY=WEAK_KEYS["short"])
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "config.wsgi",
            "--bind",
            "127.0.0.1:0",
            "--workers",
            "1",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is too weak for production" in result.stderr


def test_check_deploy_is_clean_in_production():
    result = run_django(GOOD, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_warns_of_a_cache_each_process_keeps_alone():
    alone = {**GOOD, "CACHE_URL": "locmemcache://"}
    result = run_django(alone, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode != 0 and "core.W001" in result.stderr + result.stdout


def test_production_uses_hashed_compressed_static_files_and_secure_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.STORAGES['staticfiles']['BACKEND'], s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT)"
    )
    result = run_django(GOOD, "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "True",
        "True",
        "31536000",
        "True",
    ], result.stderr


POOL_SETTINGS = (
    "from django.conf import settings as s; d = s.DATABASES['default'];"
    "print(d.get('OPTIONS', {}).get('pool'), d['CONN_MAX_AGE'], d['DISABLE_SERVER_SIDE_CURSORS'])"
)


def test_persistent_connections_by_default_and_the_pool_on_request():
    result = run_django(GOOD, "shell", "--no-imports", "-c", POOL_SETTINGS)
    assert result.stdout.split() == ["None", "60", "False"], result.stderr
    pooled = {
        **GOOD,
        "DATABASE_POOL": "true",
        "DATABASE_POOL_MAX_SIZE": "8",
        "CONN_MAX_AGE": "60",  # Django refuses it beside the pool: the pool wins
        "DISABLE_SERVER_SIDE_CURSORS": "true",
    }
    result = run_django(pooled, "shell", "--no-imports", "-c", POOL_SETTINGS)
    assert result.stdout.strip() == "{'min_size': 1, 'max_size': 8} 0 True", result.stderr


def test_sqlite_keeps_its_connection_between_requests_too(tmp_path):
    code = "from django.conf import settings as s; print(s.DATABASES['default']['CONN_MAX_AGE'])"
    result = run_django(
        {"DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}"}, "shell", "--no-imports", "-c", code
    )
    assert result.stdout.strip() == "60", result.stderr


@pytest.mark.postgres
@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="the pool is PostgreSQL's")
def test_the_pool_serves_queries_on_postgresql():
    code = (
        "from django.db import connection;"
        "from apps.accounts.models import User;"
        "User.objects.exists();"
        "print(type(connection.pool).__name__, connection.pool.max_size)"
    )
    env = {**GOOD, "DATABASE_URL": database_url(), "DATABASE_POOL": "true"}
    result = run_django(env, "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == ["ConnectionPool", "4"], result.stderr
