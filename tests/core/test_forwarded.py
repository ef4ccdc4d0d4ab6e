"""Only the configured reverse proxy may say a request came over HTTPS (or whose it was).

The web server is started exactly as the Docker image starts it (the Dockerfile's CMD), with
production settings, on loopback: a request that claims ``X-Forwarded-Proto: https`` from an
address that is not in FORWARDED_ALLOW_IPS is still plain HTTP, so it is redirected to HTTPS;
from the configured proxy it is believed."""

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.urls import reverse

from .test_settings import GOOD

ROOT = Path(__file__).resolve().parents[2]
HOST = GOOD["ALLOWED_HOSTS"]


def dockerfile_command() -> list[str]:
    lines = (ROOT / "Dockerfile").read_text().splitlines()
    return json.loads(next(line for line in lines if line.startswith("CMD "))[4:])


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise AssertionError("gunicorn did not start listening")


def ask(port: int, path: str, headers: dict) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request("GET", path, headers={"Host": HOST, **headers})
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        connection.close()


@pytest.fixture
def serve():
    """Start the Docker image's web command with FORWARDED_ALLOW_IPS set as asked."""
    started = []

    def start(forwarded_allow_ips: str) -> int:
        port = free_port()
        env = {k: v for k, v in os.environ.items() if k not in GOOD and k != "DEBUG"}
        env.update(GOOD)
        env.update(
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            PORT=str(port),
            WEB_CONCURRENCY="1",
            FORWARDED_ALLOW_IPS=forwarded_allow_ips,
            LOG_LEVEL="WARNING",
        )
        process = subprocess.Popen(
            dockerfile_command(),
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        wait_for_port(port, process)
        return port

    yield start
    for process in started:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_the_image_no_longer_trusts_every_address():
    assert "forwarded-allow-ips" not in " ".join(dockerfile_command())
    assert "FORWARDED_ALLOW_IPS=127.0.0.1,::1" in (ROOT / "Dockerfile").read_text()


def test_a_claim_of_https_from_an_address_that_is_not_the_proxy_is_not_believed(serve):
    port = serve("192.0.2.10")  # the proxy is elsewhere; this request comes from loopback
    path = reverse("accounts:profile")
    status, location = ask(port, path, {"X-Forwarded-Proto": "https"})
    assert (status, location) == (301, f"https://{HOST}{path}")


def test_the_configured_proxy_is_believed(serve):
    port = serve("127.0.0.1")
    path = reverse("accounts:profile")
    # Over "HTTPS" the page is served: it asks an anonymous visitor to sign in.
    status, location = ask(port, path, {"X-Forwarded-Proto": "https"})
    assert status == 302 and location.startswith(reverse("accounts:login")), location
    # Without the header the proxy is saying it was plain HTTP.
    assert ask(port, path, {})[0] == 301


def test_rate_limits_take_the_visitors_address_only_from_the_proxy(settings, rf):
    from apps.core.ratelimit import client_address

    spoofed = rf.get("/", HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="198.51.100.7")
    assert client_address(spoofed) == "198.51.100.7"
    settings.FORWARDED_ALLOW_IPS = ["198.51.100.0/24"]
    assert client_address(spoofed) == "203.0.113.5"
    settings.FORWARDED_ALLOW_IPS = ["*"]
    assert client_address(spoofed) == "203.0.113.5"
