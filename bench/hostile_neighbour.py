"""Ordinary users while a hostile client posts costly uploads, against the same users alone.

Builds the load data set (``load.build``; ``--scale`` of 20,000 professionals) in a fresh
database (PostgreSQL when ``DATABASE_URL`` names one), serves it with gunicorn (DEBUG off,
2 x cores + 1 workers) and drives the seven mixed pages of ``load.py`` with wrk at
``--connections`` for ``--duration`` seconds, twice:

1. alone;
2. while a hostile client, signed in as another student, posts in a loop and without pause
   the two-million-empty-row workbook (about 260 KB, 88 MB unpacked) to its own question
   bank, then a request announcing a 200 MB body that it starts sending.

Prints the ordinary users' errors and median and 99th-percentile latency in both runs, the
ratio of the medians (the target: 0 errors and at most 2x), how many hostile requests were
answered and with which status, and the CPU one refusal of the workbook costs in-process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python bench/hostile_neighbour.py
    .venv/bin/python bench/hostile_neighbour.py --scale 0.1 --duration 20      # a quick look
"""

import argparse
import collections
import http.client
import re
import shutil
import threading
import time
import urllib.parse
import urllib.request
import uuid

from _harness import ROOT, fresh_database, gunicorn_serving, signed_in_opener
from load import PAGES, PASSWORD, build, mixed_script, signed_in_cookies, wrk

HOSTILE_EMAIL = "neighbour@example.edu"


def _prepare(scale: float) -> dict:
    from django.utils import timezone

    from apps.accounts.models import StudentProfile, User
    from apps.questions.models import QuestionBank

    ids = build(scale)
    neighbour = User.objects.create_user(
        email=HOSTILE_EMAIL,
        password=PASSWORD,
        full_name="Hostile Neighbour",
        email_confirmed_at=timezone.now(),
    )
    StudentProfile.objects.create(user=neighbour, programme="BSc Mischief")
    ids["bank"] = QuestionBank.objects.create(title="Mine", owner=neighbour).pk
    return ids


def _multipart(fields: dict[str, str], name: str, filename: str, content: bytes):
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n".encode()
        + content
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


class Neighbour(threading.Thread):
    """Posts the costly uploads in a loop until told to stop; counts the answers."""

    def __init__(self, base: str, bank: int, workbook: bytes):
        super().__init__(daemon=True)
        self.base, self.bank, self.workbook = base, bank, workbook
        self.stop = threading.Event()
        self.answers: collections.Counter = collections.Counter()
        opener = signed_in_opener(base, HOSTILE_EMAIL, PASSWORD)
        self.cookies = {c.name: c.value for c in opener.handlers_cookiejar}
        page = opener.open(f"{base}/questions/banks/{bank}/").read().decode()
        self.token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        self.cookies.update({c.name: c.value for c in opener.handlers_cookiejar})

    def _headers(self, content_type: str) -> dict[str, str]:
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        return {
            "Cookie": cookie,
            "Content-Type": content_type,
            "Referer": f"{self.base}/questions/banks/{self.bank}/",
            "X-CSRFToken": self.token,
        }

    def workbook_upload(self) -> None:
        body, content_type = _multipart(
            {"csrfmiddlewaretoken": self.token}, "file", "bank.xlsx", self.workbook
        )
        request = urllib.request.Request(
            f"{self.base}/questions/banks/{self.bank}/import/",
            data=body,
            headers=self._headers(content_type),
        )
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=30) as response:
                self.answers[f"workbook {response.status}"] += 1
        except urllib.error.HTTPError as error:
            self.answers[f"workbook {error.code}"] += 1
        except OSError as error:
            self.answers[f"workbook {type(error).__name__}"] += 1

    def huge_body(self) -> None:
        """Announce 200 MB and send as much as the server will take."""
        host, port = urllib.parse.urlsplit(self.base).netloc.split(":")
        connection = http.client.HTTPConnection(host, int(port), timeout=30)
        size = 200 * 1024 * 1024
        chunk = b"x" * (1024 * 1024)
        headers = self._headers("multipart/form-data; boundary=x")
        headers["Content-Length"] = str(size)
        sent = 0
        try:
            connection.putrequest("POST", f"/questions/banks/{self.bank}/import/")
            for key, value in headers.items():
                connection.putheader(key, value)
            connection.endheaders()
            while sent < size and not self.stop.is_set():
                connection.send(chunk)
                sent += len(chunk)
        except OSError:
            pass  # the server answered and closed: reading the answer tells
        try:
            status = connection.getresponse().status
            self.answers[f"200 MB body {status}"] += 1
        except (OSError, http.client.HTTPException) as error:
            self.answers[f"200 MB body {type(error).__name__}"] += 1
        finally:
            connection.close()
        self.answers["200 MB body MB sent"] += sent // (1024 * 1024)

    def run(self) -> None:
        while not self.stop.is_set():
            self.workbook_upload()
            if not self.stop.is_set():
                self.huge_body()


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def refusal_cpu(workbook: bytes) -> float:
    """CPU seconds one refusal of the workbook costs, in this process."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from apps.core.uploads import SpreadsheetField
    from apps.questions.services import BANK_SCHEMA

    field = SpreadsheetField(schema=BANK_SCHEMA)
    started = time.process_time()
    try:
        field.clean(SimpleUploadedFile("bank.xlsx", workbook))
    except Exception:  # noqa: BLE001 - the refusal is the point
        pass
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=0.25)
    parser.add_argument("--duration", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("needs wrk: sudo apt-get install wrk")

    from tests.support.hostile_files import empty_row_workbook

    workbook = empty_row_workbook(["Question", "Theme", "Minutes"], ["Why?", "path", "2"])
    with fresh_database() as vendor:
        ids = _prepare(args.scale)
        cpu = refusal_cpu(workbook)
        with gunicorn_serving() as web:
            cookies = signed_in_cookies(web.base)
            pages = [(label, who, path.format(**ids)) for label, who, path in PAGES]
            with mixed_script(pages, cookies) as script:
                url = web.base + "/"
                wrk(url, "", args.connections, 5, script=script)  # warm every worker
                alone = wrk(url, "", args.connections, args.duration, script=script)
                neighbour = Neighbour(web.base, ids["bank"], workbook)
                neighbour.start()
                time.sleep(1)
                beside = wrk(url, "", args.connections, args.duration, script=script)
                neighbour.stop.set()
                neighbour.join(timeout=60)

    lines = [
        f"## Ordinary users beside a hostile neighbour ({vendor}, scale {args.scale}, "
        f"{web.workers} gunicorn workers, {args.connections} connections, {args.duration} s each)",
        "",
        "| run | req/s | median ms | p99 ms | errors |",
        "|---|---|---|---|---|",
    ]
    for label, run in (("alone", alone), ("beside the hostile client", beside)):
        lines.append(
            f"| {label} | {run['rps']:.0f} | {run['p50']:.1f} | {run['p99']:.1f} | {run['errors']} |"
        )
    lines += [
        "",
        f"Median latency beside the hostile client / alone: **{beside['p50'] / alone['p50']:.2f}x** "
        "(target at most 2x); ordinary errors beside it: "
        f"**{beside['errors']}** (target 0).",
        "",
        "Hostile requests answered: "
        + ", ".join(f"{key}: {count}" for key, count in sorted(neighbour.answers.items())),
        "",
        f"One refusal of the two-million-empty-row workbook ({len(workbook) // 1024} KB): "
        f"{cpu:.2f} s of CPU in-process.",
    ]
    text = "\n".join(lines)
    print(text, flush=True)
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    (results / f"hostile-neighbour-{vendor}.md").write_text(text + "\n")


if __name__ == "__main__":
    main()
