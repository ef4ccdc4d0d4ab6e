"""`scripts/dev.py run [address:port]`: e-mailed links follow the address the app is served on
unless the shell or .env chose a real SITE_URL, and the README documents the argument."""

import importlib.util
import subprocess
import sys

import pytest
from django.conf import settings

ROOT = settings.BASE_DIR


@pytest.fixture(scope="module")
def dev():
    spec = importlib.util.spec_from_file_location("dev_script", ROOT / "scripts" / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def env_file(tmp_path):
    return tmp_path / ".env"


def test_without_a_site_url_links_follow_the_served_address(dev, env_file):
    env_file.write_text("SECRET_KEY=x\n")
    assert dev.site_url_for("127.0.0.1:8000", {}, env_file) == "http://127.0.0.1:8000"
    assert dev.site_url_for("192.168.1.20:9000", {}, env_file) == "http://192.168.1.20:9000"
    assert dev.site_url_for("0.0.0.0:8001", {}, env_file) == "http://localhost:8001"
    assert dev.site_url_for(dev.served_address("8002"), {}, env_file) == "http://127.0.0.1:8002"
    assert dev.site_url_for(dev.served_address(None), {}, tmp_missing(env_file)) == (
        "http://127.0.0.1:8000"
    )


def tmp_missing(env_file):
    return env_file.with_name("absent.env")


def test_the_example_files_stand_in_value_is_replaced_too(dev, env_file):
    example = (ROOT / ".env.example").read_text()
    env_file.write_text(example)
    assert dev.env_file_value("SITE_URL", env_file) == dev.DEV_SITE_URL
    assert dev.site_url_for("127.0.0.1:9000", {}, env_file) == "http://127.0.0.1:9000"
    assert dev.site_url_for("127.0.0.1:9000", {"SITE_URL": dev.DEV_SITE_URL}, env_file) == (
        "http://127.0.0.1:9000"
    )


def test_a_chosen_site_url_is_kept(dev, env_file):
    env_file.write_text("SITE_URL=https://careers.example.edu\n")
    assert dev.site_url_for("127.0.0.1:8000", {}, env_file) is None
    env_file.write_text("")
    assert dev.site_url_for("127.0.0.1:8000", {"SITE_URL": "http://box:8080"}, env_file) is None


def test_the_served_site_url_reaches_settings_over_the_env_file(tmp_path):
    """The run command passes SITE_URL in the environment; settings read .env without
    overwriting it, so the links the worker and the web process write follow it."""
    code = (
        "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "SITE_URL": "http://127.0.0.1:9000",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "http://127.0.0.1:9000"


def test_the_readme_documents_the_address_argument():
    readme = (ROOT / "README.md").read_text()
    assert "scripts/dev.py run [address:port]" in readme
    assert "SITE_URL" in readme.split("## Quick start")[1].split("\n## ")[0]


def test_the_readme_stands_on_its_own():
    """No reference to files beside or above the repository: a clone has only itself."""
    readme = (ROOT / "README.md").read_text()
    assert "../" not in readme
    assert "shared/" not in readme
    assert "/work/" not in readme
