"""Shared fixtures: Sphinx test roots, one full site build per session, and a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = "sphinx.testing.fixtures"

PROJECT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("QUIZGEN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_JS = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
# The example question type of CONTRIBUTING.md, which test roots register from their conf.py.
sys.path.insert(0, str(PROJECT / "tests" / "types"))
LANGUAGES = ("en", "fa")


@pytest.fixture(scope="session")
def rootdir() -> Path:
    """Sphinx test roots live in tests/roots/test-<name>/."""
    return PROJECT / "tests" / "roots"


def build_site(out: Path, *, source: Path = PROJECT / "source", jobs: int = 1) -> Path:
    """Build both editions exactly as `make html` does, into ``out``."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1767225600"}
    for lang in LANGUAGES:
        cmd = [
            sys.executable, "-m", "sphinx", "-nW", "--keep-going", "-q",
            "-b", "html", "-D", f"language={lang}", "-j", str(jobs),
            "-d", str(out.parent / f"doctrees-{out.name}" / lang),
            str(source), str(out / lang),
        ]  # fmt: skip
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
        if done.returncode:
            pytest.fail(f"site build ({lang}) failed:\n{done.stdout}\n{done.stderr}")
    subprocess.run([sys.executable, "-m", "quizgen.course.root", str(out)], check=True, env=env)
    return out


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole course site, both editions, built once per test session."""
    return build_site(tmp_path_factory.mktemp("site") / "html")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator[object]:
    """Serve a folder on 127.0.0.1 under an optional sub-path; returns the base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(directory: Path, sub_path: str = "") -> str:
        root = directory
        if sub_path:
            holder = directory.parent / f"served-{directory.name}"
            target = holder / sub_path.strip("/")
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copytree(directory, target)
            root = holder
        handler = functools.partial(_QuietHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        return base + (sub_path.strip("/") + "/" if sub_path else "")

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; skipped where either is missing."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not CHROMIUM.exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's script, installed from npm by `make test`."""
    if not AXE_JS.exists():
        pytest.skip("axe-core missing: run `npm install` (make test does)")
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page: object, axe_js: str, *, context: str = "document") -> list[dict[str, object]]:
    """Run axe-core on a Playwright page and return its violations."""
    page.add_script_tag(content=axe_js)  # type: ignore[attr-defined]
    result = page.evaluate(  # type: ignore[attr-defined]
        f"async () => (await axe.run({context}, {{resultTypes: ['violations']}})).violations"
    )
    return list(result)
