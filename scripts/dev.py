#!/usr/bin/env python3
"""The project's own set-up, run and test commands. Needs only Python 3.11+.

    python3 scripts/dev.py run [address:port]   # set up, migrate, seed demo data, serve
                                                #   with the worker (127.0.0.1:8000)
    python3 scripts/dev.py test    # set up, run the whole test suite (extra args go to pytest)
    python3 scripts/dev.py lock    # re-pin requirements/*.txt from pyproject.toml

Set-up is idempotent: a virtual environment in .venv, the pinned requirements (reinstalled only
when they change), and a .env with a freshly generated SECRET_KEY if there is none.
"""

import hashlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
REQUIREMENTS = ROOT / "requirements" / "dev.txt"
STAMP = VENV / ".requirements.sha256"


def say(message: str) -> None:
    print(f"==> {message}", flush=True)


def run(*args, **kwargs) -> None:
    subprocess.run([str(a) for a in args], check=True, cwd=ROOT, **kwargs)


def requirements_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "requirements").glob("*.txt")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - runs on whatever python3 the newcomer has
        sys.exit("Python 3.11 or newer is needed; run this with python3.11 or later.")
    if not PYTHON.exists():
        say("Creating the virtual environment in .venv")
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    wanted = requirements_digest()
    if not STAMP.exists() or STAMP.read_text().strip() != wanted:
        say("Installing the pinned dependencies (requirements/dev.txt)")
        run(
            PYTHON,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "-r",
            REQUIREMENTS,
        )
        STAMP.write_text(wanted)


def ensure_env_file() -> None:
    env_file = ROOT / ".env"
    if env_file.exists():
        return
    say("Writing .env with a new secret key (edit it to change any setting)")
    template = (ROOT / ".env.example").read_text()
    key = secrets.token_urlsafe(50)
    lines = []
    for line in template.splitlines():
        if line.startswith("SECRET_KEY="):
            line = f"SECRET_KEY={key}"
        lines.append(line)
    env_file.write_text("\n".join(lines) + "\n")


def setup() -> None:
    ensure_venv()
    ensure_env_file()


def manage(*args, env=None) -> None:
    run(PYTHON, "manage.py", *args, env=env)


# The SITE_URL that .env.example (and so a fresh .env) carries: a stand-in, not a choice.
DEV_SITE_URL = "http://localhost:8000"


def served_address(arg: str | None) -> str:
    """runserver's [address:]port as given, with its defaults filled in."""
    if not arg:
        return "127.0.0.1:8000"
    if arg.isdigit():
        return f"127.0.0.1:{arg}"
    return arg


def env_file_value(name: str, env_file: Path) -> str | None:
    """``name``'s value in a .env file, or None when the file does not set it."""
    if not env_file.exists():
        return None
    for line in env_file.read_text().splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key.strip() == name:
            return value.strip().strip("'\"")
    return None


def site_url_for(address: str, environ: dict[str, str], env_file: Path) -> str | None:
    """The SITE_URL to serve with, so that e-mailed links open where the app runs: the
    served address, unless the shell or .env chose a real one. None: keep the chosen one."""
    chosen = environ.get("SITE_URL") or env_file_value("SITE_URL", env_file)
    if chosen and chosen.rstrip("/") != DEV_SITE_URL:
        return None
    host, _, port = address.rpartition(":")
    if host in ("", "0", "0.0.0.0", "[::]", "::"):  # listening everywhere: open it locally
        host = "localhost" if host else "127.0.0.1"
    return f"http://{host}:{port}"


def cmd_run(args: list[str]) -> int:
    setup()
    address = served_address(args[0] if args else None)
    env = {**os.environ, "DEBUG": os.environ.get("DEBUG", "true")}
    site_url = site_url_for(address, env, ROOT / ".env")
    if site_url:
        env["SITE_URL"] = site_url
        say(f"E-mailed links point at {site_url} (set SITE_URL in .env to choose another)")
    say("Applying migrations")
    manage("migrate", "--noinput", env=env)
    say("Seeding demo data")
    manage("seed_demo", env=env)
    say("Starting the background worker (e-mails appear below)")
    worker = subprocess.Popen([str(PYTHON), "manage.py", "worker"], cwd=ROOT, env=env)
    say(f"Serving on http://{address}/ (Ctrl-C stops both)")
    try:
        return subprocess.call([str(PYTHON), "manage.py", "runserver", address], cwd=ROOT, env=env)
    except KeyboardInterrupt:
        return 0
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=15)
        except subprocess.TimeoutExpired:
            worker.kill()


def cmd_test(args: list[str]) -> int:
    setup()
    say(
        "Running the test suite"
        + (
            f" on {os.environ['DATABASE_URL'].split('@')[-1]}"
            if os.environ.get("DATABASE_URL")
            else " on SQLite"
        )
    )
    if not any(
        arg in ("-n", "--numprocesses") or arg.startswith(("-n", "--numprocesses=")) for arg in args
    ):
        # One test worker per core (pytest-xdist); tests that share servers say so with an
        # xdist_group mark and run in one worker.
        args = ["-n", "auto", "--dist", "loadgroup", *args]
    code = subprocess.call([str(PYTHON), "-m", "pytest", *args], cwd=ROOT)
    if code == 5:
        print("No test ran: that counts as a failure.", file=sys.stderr)
        return 1
    return code


def cmd_lock(args: list[str]) -> int:
    """Resolve pyproject.toml's dependencies in a scratch environment and pin them."""
    import tomllib  # Python 3.11+, checked before any command runs

    scratch = Path(tempfile.mkdtemp(prefix="lock-"))
    try:
        venv.EnvBuilder(with_pip=True).create(scratch)
        py = scratch / BIN.name / PYTHON.name
        pip = [str(py), "-m", "pip", "--disable-pip-version-check"]
        project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
        runtime = project["dependencies"]
        dev = project["optional-dependencies"]["dev"]
        subprocess.run([*pip, "install", "--quiet", *runtime], check=True)
        base = subprocess.run([*pip, "freeze"], check=True, capture_output=True, text=True).stdout
        subprocess.run([*pip, "install", "--quiet", *runtime, *dev], check=True)
        full = subprocess.run([*pip, "freeze"], check=True, capture_output=True, text=True).stdout
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    header = (
        "# {what}, fully pinned. Generated from pyproject.toml by: python3 scripts/dev.py lock\n"
    )
    base_lines = [line for line in base.splitlines() if line and not line.startswith("#")]
    dev_lines = [line for line in full.splitlines() if line and line not in base_lines]
    (ROOT / "requirements" / "base.txt").write_text(
        header.format(what="Runtime dependencies") + "\n".join(base_lines) + "\n"
    )
    (ROOT / "requirements" / "dev.txt").write_text(
        header.format(what="Runtime + test dependencies")
        + "-r base.txt\n"
        + "\n".join(dev_lines)
        + "\n"
    )
    say("requirements/base.txt and requirements/dev.txt are up to date")
    return 0


COMMANDS = {"run": cmd_run, "test": cmd_test, "lock": cmd_lock}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    try:
        return COMMANDS[sys.argv[1]](sys.argv[2:])
    except subprocess.CalledProcessError as error:
        print(f"A step failed: {' '.join(map(str, error.cmd))}", file=sys.stderr)
        return error.returncode or 1


if __name__ == "__main__":
    sys.exit(main())
