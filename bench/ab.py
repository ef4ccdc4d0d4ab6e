"""This branch against an earlier main, side by side on PostgreSQL, in one run (issue 23).

Both trees are checked out (``git worktree add --detach``) into a temporary folder, each gets a
throwaway PostgreSQL database migrated by its own ``manage.py migrate`` and filled by the same
generator (bench/_abdata.py, seeded: both databases hold the same rows), and each is served by
gunicorn (DEBUG off, 2 x cores + 1 workers) with the same .venv. Signed in as a student and as
staff, wrk drives every page: its own baseline (``/about/``, the base template and fixed text,
as the same user) right before it, for this tree then the other, in ``--rounds`` rounds (the
order of the trees alternates between rounds). A page's **share** is its req/s over the
baseline's req/s in the same round and tree, which cancels whatever else the machine is doing;
the **ratio** is this branch's share over the earlier main's. Every page runs twice: with each
tree's cache as configured (per-process memory in both, the default), and with the caches off
(Django's DummyCache in both trees, through a settings module that imports the tree's own and
replaces CACHES: kept filter forms and insight figures are worked out on every request).

Then the growth table, for this branch only: every page's server time in one process (Django's
test Client, cache cleared before each request) at a tenth of the data and at full size
(2,000 and 20,000 professionals at ``--scale 1``), with the EXPLAIN ANALYZE summary of each
page's slowest queries at both sizes (full plans in bench/results/ab-explain.txt).

    sudo apt-get install wrk        # once; PostgreSQL on 127.0.0.1:5432 with trust auth
    .venv/bin/python bench/ab.py                                   # full size, against 8f08757
    .venv/bin/python bench/ab.py --against HEAD~5 --scale 0.05 --duration 3 --rounds 1
    .venv/bin/python bench/ab.py --only-growth --pages search      # growth of the searches

Prints Markdown tables and writes them to bench/results/ab.md. Everything it makes (the
worktrees, the databases, the servers, the settings shim) is removed at the end, also after
an error or Ctrl-C; session cookies go to wrk on its command line, never into a file.
"""

import argparse
import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from _ab_common import BASELINE, PAGES, PASSWORD, STAFF_EMAIL, STUDENT_EMAIL

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
# The main before issue 23's work began.
DEFAULT_AGAINST = "8f08757"
LOSS_LIMIT = 0.85  # a page keeping less than this of its share against the earlier main
GROWTH_LIMIT = 1.3  # a page growing more than this from a tenth of the data to full size
USERS = {"student": STUDENT_EMAIL, "staff": STAFF_EMAIL}
# The servers' and helpers' SECRET_KEY: a fresh one each run (the worktrees have no .env).
SECRET_KEY = secrets.token_urlsafe(50)
# A settings module for the caches-off pass: the tree's own settings, without a cache.
NO_CACHE_SETTINGS = """from config.settings import *  # noqa: F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
"""


def say(*parts) -> None:
    print(*parts, file=sys.stderr, flush=True)


@dataclass
class Tree:
    name: str  # "this" or "against"
    ref: str
    root: Path = None
    commit: str = ""
    subject: str = ""
    databases: dict = field(default_factory=dict)  # scale -> (url, ids)


# --- the run's resources, each undone by the ExitStack ---------------------------------------
def git(*args, cwd=ROOT) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


def check_out(stack: contextlib.ExitStack, tree: Tree, scratch: Path) -> None:
    """The tree at its ref, in a worktree of its own (``.`` serves the working tree itself)."""
    if tree.ref == ".":
        tree.root, tree.commit = ROOT, git("rev-parse", "--short", "HEAD") + "+working tree"
        tree.subject = "the working tree as it is now, uncommitted changes included"
        return
    commit = git("rev-parse", "--verify", f"{tree.ref}^{{commit}}")
    tree.root = scratch / tree.name
    for attempt in range(10):  # another git command may hold the repository's lock
        try:
            git("worktree", "add", "--detach", str(tree.root), commit)
            break
        except subprocess.CalledProcessError as error:
            if "lock" not in error.stderr or attempt == 9:
                raise
            time.sleep(1)
    stack.callback(remove_worktree, tree.root)
    tree.commit = commit[:10]
    subject = git("log", "-1", "--format=%s", commit)
    tree.subject = subject if len(subject) < 90 else subject[:88].rsplit(" ", 1)[0] + " …"


def remove_worktree(path: Path) -> None:
    subprocess.run(["git", "worktree", "remove", "--force", str(path)], cwd=ROOT, check=False)
    shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["git", "worktree", "prune"], cwd=ROOT, check=False)


def admin(server: str, statement: str) -> None:
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(statement)


def drop_stale_databases(server: str) -> None:
    """Databases left by an earlier run that was killed outright (named ab_<pid>_...)."""
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        names = [row[0] for row in connection.execute("SELECT datname FROM pg_database")]
    for name in names:
        match = re.fullmatch(r"ab_(\d+)_\w+", name)
        if match and not Path(f"/proc/{match.group(1)}").exists():
            say(f"dropping {name}, left by an earlier run")
            admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def tree_env(url: str, settings_dir: Path | None = None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CACHE_URL", "DJANGO_SETTINGS_MODULE", "PYTHONPATH"}
    }
    env |= {
        "DATABASE_URL": url,
        "DJANGO_ENV": "development",
        "DEBUG": "false",
        "SECRET_KEY": SECRET_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "LOG_LEVEL": "WARNING",
        # whitenoise notes that collectstatic has not run; wrk asks for no static files.
        "PYTHONWARNINGS": "ignore:No directory at",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    if settings_dir:
        env |= {"PYTHONPATH": str(settings_dir), "DJANGO_SETTINGS_MODULE": "_ab_nocache"}
    return env


def database(stack, args, tree: Tree, scale: float) -> tuple[str, dict]:
    """A fresh database for ``tree``, migrated by the tree and filled at ``scale``."""
    name = f"ab_{os.getpid()}_{tree.name}_{len(tree.databases)}"
    admin(args.server, f'CREATE DATABASE "{name}"')
    stack.callback(admin, args.server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    url = f"{args.server}/{name}"
    env = tree_env(url)
    started = time.monotonic()
    subprocess.run([PYTHON, "manage.py", "migrate", "-v", "0"], cwd=tree.root, env=env, check=True)
    out = subprocess.run(
        [PYTHON, str(BENCH / "_abdata.py"), "--root", str(tree.root), "--scale", str(scale)],
        cwd=tree.root,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    ids = json.loads(out.stdout.strip().splitlines()[-1])
    say(
        f"{tree.name} ({tree.commit}): {ids['professionals']:,} professionals, "
        f"{ids['interviews']:,} interviews, {ids['reminders']:,} reminders "
        f"in {time.monotonic() - started:.0f} s"
    )
    tree.databases[scale] = (url, ids)
    return url, ids


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One tree served by gunicorn, in a process group of its own (so that Ctrl-C reaches
    this script, which stops it, rather than gunicorn mid-measurement)."""

    def __init__(self, stack, tree: Tree, url: str, workers: int, settings_dir: Path | None):
        self.tree, self.port = tree, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "config.wsgi", "--workers", str(workers),
             "--bind", f"127.0.0.1:{self.port}", "--log-level", "warning"],
            cwd=tree.root,
            env=tree_env(url, settings_dir),
            start_new_session=True,
        )  # fmt: skip
        stack.callback(self.stop)
        for _ in range(150):
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"gunicorn for {tree.name} exited with {self.process.returncode}"
                )
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError(f"gunicorn for {tree.name} did not answer")
        self.cookies = {who: sign_in(self.base, email) for who, email in USERS.items()}

    def stop(self) -> None:
        if self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)  # the master and its workers
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def sign_in(base: str, email: str) -> str:
    """The Cookie header of a signed-in session (through the real sign-in form)."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/accounts/sign-in/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    form = {"csrfmiddlewaretoken": token, "username": email, "password": PASSWORD}
    opener.open(
        urllib.request.Request(
            f"{base}/accounts/sign-in/",
            data=urllib.parse.urlencode(form).encode(),
            headers={"Referer": f"{base}/accounts/sign-in/"},
        )
    ).read()
    if not any(cookie.name == "sessionid" for cookie in jar):
        raise RuntimeError(f"sign-in as {email} failed at {base}")
    return "; ".join(f"{c.name}={c.value}" for c in jar)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, cookie: str) -> tuple[int, int]:
    """Status and size of one answer, redirects not followed: a redirect to the sign-in page
    is an error here, where wrk would count it as a success."""
    request = urllib.request.Request(url, headers={"Cookie": cookie})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, len(response.read())
    except urllib.error.HTTPError as error:
        return error.code, 0


def wrk(url: str, cookie: str, args, duration: float) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{args.connections}", f"-d{duration}s", "--timeout", "10s",
         "-H", f"Cookie: {cookie}", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout  # fmt: skip
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if sockets:
        errors += sum(int(n) for n in sockets.groups())
    settle(url)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "errors": errors}


def settle(url: str, quick_ms: float = 200, wait_s: float = 120) -> None:
    """Wait until the server has worked through what the last wrk run left queued.

    When wrk stops, the requests its connections had sent are still in gunicorn's queue and
    its workers still answer them; on a slow page that is seconds of work, which the next run
    (the baseline, say) would otherwise pay for. A /healthz request waits in the same queue,
    so once one comes back quickly the queue is empty."""
    parts = urllib.parse.urlsplit(url)
    health = f"{parts.scheme}://{parts.netloc}/healthz"
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        start = time.perf_counter()
        try:
            urllib.request.urlopen(health, timeout=wait_s).read()
        except OSError:
            time.sleep(0.2)
            continue
        if (time.perf_counter() - start) * 1000 < quick_ms:
            return


# --- the A/B pass ------------------------------------------------------------------------------
def ab_pass(stack, args, trees, pages, settings_dir) -> dict:
    """Serve both trees and measure every page against its baseline, round after round.

    Returns {page label: {tree name: {"runs": [(baseline rps, page rps)], "errors": n,
    "status": ..., "bytes": ...}}}."""
    servers = []
    for tree in trees:
        url, _ = tree.databases[args.scale]
        servers.append(Server(stack, tree, url, args.workers, settings_dir))
    found = {label: {} for label, _, _ in pages}
    for server in servers:
        ids = server.tree.databases[args.scale][1]
        if args.warmup:  # every worker's first requests (connections, templates) not measured
            for cookie in server.cookies.values():
                wrk(server.base + BASELINE[2], cookie, args, args.warmup)
        for label, who, path in pages:
            cookie = server.cookies[who]
            status, size = fetch(server.base + path.format(**ids), cookie)
            base_status, _ = fetch(server.base + BASELINE[2], cookie)
            entry = {"status": status, "bytes": size, "runs": [], "errors": 0}
            if status != 200 or base_status != 200:
                entry["error"] = (
                    f"HTTP {status}" if status != 200 else f"baseline HTTP {base_status}"
                )
                say(f"  {server.tree.name}: {label}: {entry['error']}, not measured")
            elif args.warmup:
                wrk(server.base + path.format(**ids), cookie, args, args.warmup)
            found[label][server.tree.name] = entry
    for round_number in range(args.rounds):
        order = servers if round_number % 2 == 0 else servers[::-1]
        for n, (label, who, path) in enumerate(pages, start=1):
            for server in order:
                entry = found[label][server.tree.name]
                if "error" in entry:
                    continue
                cookie = server.cookies[who]
                ids = server.tree.databases[args.scale][1]
                base = wrk(server.base + BASELINE[2], cookie, args, args.duration)
                page = wrk(server.base + path.format(**ids), cookie, args, args.duration)
                entry["runs"].append((base["rps"], page["rps"]))
                entry["errors"] += base["errors"] + page["errors"]
            say(f"  round {round_number + 1}/{args.rounds}, page {n}/{len(pages)}: {label}")
    for server in servers:
        server.stop()
    return found


def ab_table(found: dict, trees) -> tuple[list[str], list[str]]:
    this, against = (t.name for t in trees)
    lines = [
        "| page | this req/s min / med | against req/s min / med | this share | against share "
        "| ratio | KB this / against | errors |",
        "|---|---|---|---|---|---|---|---|",
    ]
    losses = []
    bases = {name: [] for name in (this, against)}
    for label, entries in found.items():
        cells, shares = [], {}
        for name in (this, against):
            entry = entries[name]
            if "error" in entry:
                cells.append(f"**{entry['error']}**")
                continue
            # A baseline run with no answer at all (wrk timed out on every request) says
            # nothing about the page: the round is left out, and counted among the errors.
            runs = [(base, page) for base, page in entry["runs"] if base > 0]
            if not runs:
                cells.append("**no baseline**")
                continue
            rps = [page for _, page in runs]
            bases[name] += [base for base, _ in runs]
            shares[name] = statistics.median(page / base for base, page in runs)
            cells.append(f"{min(rps):.0f} / {statistics.median(rps):.0f}")
        if len(shares) == 2:
            ratio = shares[this] / shares[against]
            flag = f"**{ratio:.2f}**" if ratio < LOSS_LIMIT else f"{ratio:.2f}"
            if ratio < LOSS_LIMIT:
                losses.append(f"{label} ({ratio:.2f})")
        else:
            flag = "n/a"
            losses.append(f"{label} (error)")
        share_cells = [f"{shares[n]:.0%}" if n in shares else "n/a" for n in (this, against)]
        size = " / ".join(f"{entries[n]['bytes'] / 1024:.0f}" for n in (this, against))
        errors = sum(entries[n]["errors"] for n in (this, against))
        lines.append(
            f"| {label} | {cells[0]} | {cells[1]} | {share_cells[0]} | {share_cells[1]} "
            f"| {flag} | {size} | {errors or ''} |"
        )
    base_cells = [
        f"{min(bases[n]):.0f} / {statistics.median(bases[n]):.0f}" if bases[n] else "n/a"
        for n in (this, against)
    ]
    lines.append(f"| *baseline /about/, all runs* | {base_cells[0]} | {base_cells[1]} | | | | | |")
    return lines, losses


# --- the growth table --------------------------------------------------------------------------
def growth(stack, args, tree: Tree) -> tuple[tuple, tuple]:
    """Server times of this tree's pages at a tenth of ``--scale`` and at ``--scale``.

    Both sizes are measured in each of ``--rounds`` rounds, in alternating order, and their
    samples pooled: a change in what else the machine is doing then falls on both sizes alike
    instead of on whichever ran second. The plans are taken in the last round."""
    sizes = [args.scale / 10, args.scale]
    for scale in sizes:
        if scale not in tree.databases:
            database(stack, args, tree, scale)
    pooled = {scale: {} for scale in sizes}
    for round_number in range(args.rounds):
        last = round_number == args.rounds - 1
        for scale in sizes if round_number % 2 == 0 else sizes[::-1]:
            url, ids = tree.databases[scale]
            command = [
                PYTHON, str(BENCH / "_abgrowth.py"), "--root", str(tree.root),
                "--ids", json.dumps(ids), "--repeat", str(args.repeat),
                "--explain", "2" if last else "0",
            ]  # fmt: skip
            if args.pages:
                command += ["--pages", *args.pages]
            say(
                f"growth, round {round_number + 1}/{args.rounds}: "
                f"{ids['professionals']:,} professionals, in one process"
            )
            out = subprocess.run(
                command,
                cwd=tree.root,
                env=tree_env(url),
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            for label, found in json.loads(out.stdout.strip().splitlines()[-1]).items():
                kept = pooled[scale].setdefault(label, {"samples": []})
                if "error" in found:
                    kept["error"] = found["error"]
                    continue
                kept["samples"] += found["samples"]
                if last:
                    kept |= {"queries": found["queries"], "plans": found["plans"]}
    for pages in pooled.values():
        for found in pages.values():
            if "error" not in found:
                found["ms"] = statistics.median(found["samples"])
                found["min_ms"] = min(found["samples"])
    return [(tree.databases[scale][1], pooled[scale]) for scale in sizes]


def plan_line(plan: dict) -> str:
    reads = ", ".join(plan["reads"]) or "no table"
    return f"`{plan['query']}` {plan['top']}, {plan['rows']} rows, {plan['ms']:.2f} ms [{reads}]"


def growth_table(small, large) -> tuple[list[str], list[str], list[str]]:
    (small_ids, small_pages), (large_ids, large_pages) = small, large
    n_small, n_large = small_ids["professionals"], large_ids["professionals"]
    lines = [
        f"| page | {n_small:,} prof. | {n_large:,} prof. | growth | queries | "
        f"slowest queries at {n_large:,} (EXPLAIN ANALYZE) | at {n_small:,} |",
        "|---|---|---|---|---|---|---|",
    ]
    over, plans = [], []
    for label, big in large_pages.items():
        little = small_pages.get(label, {})
        if "error" in big or "error" in little:
            lines.append(
                f"| {label} | {little.get('error', '')} | {big.get('error', '')} | | | | |"
            )
            over.append(f"{label} (error)")
            continue
        ratio = big["ms"] / little["ms"]
        if ratio > GROWTH_LIMIT:
            over.append(f"{label} ({ratio:.2f}x)")
        flag = f"**{ratio:.2f}x**" if ratio > GROWTH_LIMIT else f"{ratio:.2f}x"
        flag += f" (min {big['min_ms'] / little['min_ms']:.2f}x)"
        explained = "<br>".join(plan_line(p) for p in big["plans"])
        before = "<br>".join(f"`{p['query']}` {p['ms']:.2f} ms" for p in little["plans"])
        lines.append(
            f"| {label} | {little['ms']:.1f} ms | {big['ms']:.1f} ms | {flag} "
            f"| {little['queries']} → {big['queries']} | {explained} | {before} |"
        )
        for size, found in ((n_small, little), (n_large, big)):
            for p in found["plans"]:
                plans += [
                    f"== {label}, {size:,} professionals: {p['query']}",
                    p["sql"],
                    p["plan"],
                    "",
                ]
    return lines, over, plans


# --- the run -----------------------------------------------------------------------------------
def estimate(args, pages) -> str:
    runs = (
        0
        if args.only_growth
        else len(pages) * 2 * 2 * (2 * args.rounds * args.duration + args.warmup)
    )
    return f"about {runs / 60:.0f} min of wrk, plus building the data and the growth table"


def run(args, stack: contextlib.ExitStack) -> None:
    pages = [
        page
        for page in PAGES
        if not args.pages or any(word.lower() in page[0].lower() for word in args.pages)
    ]
    if not pages:
        raise SystemExit(f"no page matches {args.pages}")
    drop_stale_databases(args.server)
    scratch = Path(tempfile.mkdtemp(prefix="ab-"))
    stack.callback(shutil.rmtree, scratch, True)
    trees = [Tree("this", args.this)]
    if not args.only_growth:
        trees.append(Tree("against", args.against))
    for tree in trees:
        check_out(stack, tree, scratch)
    say(f"{len(pages)} pages; {estimate(args, pages)}")
    head = [
        "# This branch against an earlier main (bench/ab.py)",
        "",
        *[f"- **{t.name}**: `{t.commit}` {t.subject}" for t in trees],
        f"- scale {args.scale:g}, {args.rounds} round(s), on {os.cpu_count()} cores"
        + (
            ""
            if args.only_growth
            else f"; {args.workers} gunicorn workers per tree, wrk {args.connections} "
            f"connections, {args.duration} s per run"
        ),
        "",
    ]
    out, verdict = [], []

    def publish(section: list[str]) -> None:
        """Print a finished section at once, and keep bench/results/ab.md up to date: a run
        that fails later still leaves what it measured."""
        out.extend(section)
        print("\n".join(section), flush=True)
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "ab.md").write_text("\n".join(out) + "\n")

    publish(head)
    if not args.only_growth:
        for tree in trees:
            database(stack, args, tree, args.scale)
        ids = trees[0].databases[args.scale][1]
        publish(
            [
                f"Data (both trees, the same rows): {ids['professionals']:,} professionals, "
                f"{ids['students']:,} students, {ids['interviews']:,} interviews, "
                f"{ids['reminders']:,} reminders.",
                "",
                "req/s: min and median over the rounds; share: the page's req/s over its own "
                "baseline's (`/about/`, the same user, measured just before it), median over "
                f"the rounds; ratio: this share / against share, **bold** below {LOSS_LIMIT}. "
                "Not cleared even with the caches off, in either tree: values each process "
                "works out once and keeps (functools.lru_cache: the account forms' time-zone "
                "choices, the practice app's word lists), compiled templates, and PostgreSQL's "
                "own buffers.",
                "",
            ]
        )
        settings_dir = scratch / "settings"
        settings_dir.mkdir()
        (settings_dir / "_ab_nocache.py").write_text(NO_CACHE_SETTINGS)
        passes = [
            ("Caches as configured (each process's own memory, both trees)", None),
            ("Caches off (DummyCache in both trees)", settings_dir),
        ]
        for title, shim in passes:
            say(f"A/B: {title}")
            lines, losses = ab_table(ab_pass(stack, args, trees, pages, shim), trees)
            publish([f"## {title}", "", *lines, ""])
            verdict.append(
                f"{title}: "
                + (
                    f"**{len(losses)} page(s) below {LOSS_LIMIT}**: " + "; ".join(losses)
                    if losses
                    else f"no page below {LOSS_LIMIT}"
                )
            )
    if not args.only_ab:
        small, large = growth(stack, args, trees[0])
        lines, over, plans = growth_table(small, large)
        (RESULTS / "ab-explain.txt").write_text("\n".join(plans))
        publish(
            [
                f"## Growth of this branch from {small[0]['professionals']:,} to "
                f"{large[0]['professionals']:,} professionals",
                "",
                "Median server time in one process (Django's test Client, cache cleared before "
                f"each request, {args.repeat} requests in each of {args.rounds} round(s), both "
                "sizes in every round); growth of the median (and of the fastest request); "
                "queries per page at each size; the slowest queries' plans "
                f"(bench/results/ab-explain.txt has them in full). **Bold**: growth over "
                f"{GROWTH_LIMIT}x.",
                "",
                *lines,
                "",
            ]
        )
        verdict.append(
            f"Growth: **{len(over)} page(s) over {GROWTH_LIMIT}x**: " + "; ".join(over)
            if over
            else f"Growth: every page at most {GROWTH_LIMIT}x"
        )
    publish(["## Verdict", "", *[f"- {line}" for line in verdict], ""])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", default=DEFAULT_AGAINST, help="git ref of the earlier main")
    parser.add_argument(
        "--this", default="HEAD", help="git ref of this branch ('.': the working tree)"
    )
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full data")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="seconds of wrk per page first")
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1)
    parser.add_argument("--repeat", type=int, default=15, help="requests per page, growth table")
    parser.add_argument("--pages", nargs="+", help="only pages whose label contains one of these")
    parser.add_argument("--only-ab", action="store_true")
    parser.add_argument("--only-growth", action="store_true")
    parser.add_argument("--server", default="postgres://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    if not args.only_growth and shutil.which("wrk") is None:
        raise SystemExit("needs wrk: sudo apt-get install wrk")
    signal.signal(signal.SIGTERM, interrupted)  # cleans up as Ctrl-C does
    try:
        with contextlib.ExitStack() as stack:
            try:
                run(args, stack)
            finally:
                # Nothing interrupts the clean-up itself (the stack's callbacks, in reverse).
                say("cleaning up")
                signal.signal(signal.SIGINT, signal.SIG_IGN)
                signal.signal(signal.SIGTERM, signal.SIG_IGN)
    except KeyboardInterrupt:
        say("interrupted: cleaned up")
        sys.exit(130)


def interrupted(signum, frame):
    raise KeyboardInterrupt


if __name__ == "__main__":
    main()
