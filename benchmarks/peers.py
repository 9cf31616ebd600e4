"""Compare quizgen with other quiz tools on the same ten questions (``make bench-peers``).

Not run in CI: it installs the peers from PyPI into a throwaway venv in build/bench/peers.
Each tool builds one page with the quiz and the same page without the tool; the figures are
what the quiz adds (bytes, requests, time to DOMContentLoaded, script time) in headless
Chromium, measured exactly as ``python -m benchmarks`` measures quizgen.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
import venv
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from benchmarks import peer_questions
from benchmarks.browser import PageFigures, chromium, load_page, median_figures
from benchmarks.machine import machine_info
from benchmarks.report import format_machine
from benchmarks.serving import serve
from benchmarks.sphinx_project import build_env
from benchmarks.timing import repeats
from benchmarks.weight import page_assets

PROJECT = Path(__file__).resolve().parent.parent
WORK = PROJECT / "build" / "bench" / "peers"
PEERS = ("mkdocs-quiz", "sphinx-yaq", "jupyterquiz", "teachbooks-questions")
#: What the peers' pages need besides the peers: the same theme and parser as ours, and IPython,
#: which jupyterquiz imports without declaring it.
SUPPORT = ("myst-parser", "furo", "sphinx-design", "ipython")

SPHINX_CONF = """\
project = "Peer benchmark"
extensions = {extensions!r}
html_theme = "furo"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
myst_enable_extensions = ["colon_fence"]
{extra}
"""


@dataclass
class PeerResult:
    """One tool's figures, or why it has none."""

    tool: str
    version: str = ""
    skipped: str = ""
    added_raw: int = 0
    added_gzip: int = 0
    quiz: PageFigures | None = None
    plain: PageFigures | None = None


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _venv_python() -> Path:
    return WORK / "venv" / "bin" / "python"


def install_peers() -> dict[str, str]:
    """Create the venv and install each peer on its own; returns tool -> version or error."""
    if not _venv_python().exists():
        venv.create(WORK / "venv", with_pip=True)
    pip = [str(_venv_python()), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, *SUPPORT], check=True)
    installed: dict[str, str] = {}
    for tool in PEERS:
        done = subprocess.run([*pip, tool], capture_output=True, text=True, check=False)
        if done.returncode:
            installed[tool] = f"error: pip install failed: {done.stderr.strip()[-300:]}"
            continue
        version = subprocess.run(
            [str(_venv_python()), "-m", "pip", "show", tool],
            capture_output=True,
            text=True,
            check=False,
        ).stdout
        installed[tool] = next(
            (
                line.split(":", 1)[1].strip()
                for line in version.splitlines()
                if line.startswith("Version:")
            ),
            "?",
        )
    return installed


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _sphinx(python: Path | str, root: Path) -> Path:
    out = root / "_build"
    subprocess.run(
        [str(python), "-m", "sphinx", "-q", "-E", "-b", "html", str(root), str(out)],
        check=True,
        env=build_env(),
    )
    return out


def _sphinx_pair(
    name: str,
    python: Path | str,
    extensions: list[str],
    page: str,
    *,
    suffix: str = ".md",
    extra_conf: str = "",
    files: dict[str, str] | None = None,
) -> tuple[Path, Path]:
    """Build ``page`` with the tool, and the prose alone without it; returns both out dirs."""
    outs = []
    for variant in ("quiz", "plain"):
        root = WORK / name / variant
        if root.exists():
            shutil.rmtree(root)
        with_tool = variant == "quiz"
        exts = ["myst_parser", *extensions] if with_tool else ["myst_parser"]
        conf = SPHINX_CONF.format(extensions=exts, extra=extra_conf if with_tool else "")
        _write(root / "conf.py", conf)
        title = "Ten questions\n=============\n\n" if suffix == ".rst" else "# Ten questions\n\n"
        body = title + peer_questions.PROSE + "\n\n" + (page if with_tool else "")
        _write(root / f"index{suffix}", body)
        for relative, text in (files or {}).items() if with_tool else ():
            _write(root / relative, text)
        outs.append(_sphinx(python, root))
    return outs[0], outs[1]


def build_quizgen() -> tuple[Path, Path]:
    """quizgen itself, run with the project's own interpreter."""
    return _sphinx_pair(
        "quizgen",
        sys.executable,
        ["quizgen"],
        "```{quiz} peers\n```\n",
        extra_conf='quizgen_bank_dir = "."',
        files={"peers.yaml": peer_questions.quizgen_bank()},
    )


def build_sphinx_yaq() -> tuple[Path, Path]:
    return _sphinx_pair(
        "sphinx-yaq", _venv_python(), ["sphinx_yaq"], peer_questions.sphinx_yaq_rst(),
        suffix=".rst",
    )  # fmt: skip


def build_teachbooks() -> tuple[Path, Path]:
    return _sphinx_pair(
        "teachbooks-questions",
        _venv_python(),
        ["sphinx_design", "teachbooks_questions"],
        peer_questions.teachbooks_markdown(),
    )


_JUPYTERQUIZ_HTML = """import json, random, sys
import jupyterquiz.dynamic.display as shown
random.seed(0)
parts = []
shown.display = lambda obj: parts.append(obj)
shown.display_quiz(json.loads(sys.stdin.read()))
html, script = parts
sys.stdout.write(html.data + "</div>\\n<script>\\n" + script.data + "\\n</script>\\n")
"""


def build_jupyterquiz() -> tuple[Path, Path]:
    """jupyterquiz writes notebook output; the same HTML goes into a raw block of a page."""
    snippet = subprocess.run(
        [str(_venv_python()), "-c", _JUPYTERQUIZ_HTML],
        input=json.dumps(peer_questions.jupyterquiz_questions()),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = "```{raw} html\n" + snippet + "```\n"
    return _sphinx_pair("jupyterquiz", _venv_python(), [], page)


def build_mkdocs_quiz() -> tuple[Path, Path]:
    """mkdocs-quiz on MkDocs' built-in theme; the plain page is built without the plugin."""
    outs = []
    for variant in ("quiz", "plain"):
        root = WORK / "mkdocs-quiz" / variant
        if root.exists():
            shutil.rmtree(root)
        plugins = "plugins:\n  - mkdocs_quiz\n" if variant == "quiz" else "plugins: []\n"
        _write(root / "mkdocs.yml", f"site_name: Peer benchmark\n{plugins}")
        body = "# Ten questions\n\n" + peer_questions.PROSE + "\n\n"
        if variant == "quiz":
            body += peer_questions.mkdocs_quiz_markdown() + "\n"
        _write(root / "docs" / "index.md", body)
        subprocess.run(
            [str(_venv_python()), "-m", "mkdocs", "build", "-q", "-d", "site"],
            cwd=root,
            check=True,
            env=build_env(),
        )
        outs.append(root / "site")
    return outs[0], outs[1]


BUILDERS: dict[str, Callable[[], tuple[Path, Path]]] = {
    "quizgen": build_quizgen,
    "mkdocs-quiz": build_mkdocs_quiz,
    "sphinx-yaq": build_sphinx_yaq,
    "jupyterquiz": build_jupyterquiz,
    "teachbooks-questions": build_teachbooks,
}


def added_bytes(quiz_out: Path, plain_out: Path) -> tuple[int, int]:
    """Bytes the quiz adds: HTML growth plus every asset only the quiz page loads.

    Inline scripts and styles (jupyterquiz) count through the HTML growth.
    """
    quiz_page, plain_page = quiz_out / "index.html", plain_out / "index.html"
    quiz_html, plain_html = quiz_page.read_bytes(), plain_page.read_bytes()
    raw = len(quiz_html) - len(plain_html)
    packed = _gzip(quiz_html) - _gzip(plain_html)
    for link in sorted(page_assets(quiz_page) - page_assets(plain_page)):
        asset = (quiz_out / link).read_bytes()
        raw += len(asset)
        packed += _gzip(asset)
    return raw, packed


def measure(tool: str, browser: object, quiz_out: Path, plain_out: Path) -> PeerResult:
    raw, packed = added_bytes(quiz_out, plain_out)
    quiz_runs, plain_runs = [], []
    with ExitStack() as stack:
        quiz_url = stack.enter_context(serve(quiz_out)) + "index.html"
        plain_url = stack.enter_context(serve(plain_out)) + "index.html"
        for _ in range(repeats(5, 2)):
            plain_runs.append(load_page(browser, plain_url))
            quiz_runs.append(load_page(browser, quiz_url))
    return PeerResult(
        tool,
        added_raw=raw,
        added_gzip=packed,
        quiz=median_figures(quiz_runs),
        plain=median_figures(plain_runs),
    )


def format_peers(results: list[PeerResult]) -> str:
    """A Markdown table: what each tool's quiz adds to the same page."""
    lines = [
        "| tool | version | bytes added (raw) | bytes added (gzip) | requests added "
        "| DOMContentLoaded added | script time added | console errors | mapped types |",
        "|---|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in results:
        if r.skipped or r.quiz is None or r.plain is None:
            lines.append(f"| {r.tool} | {r.version} | skipped: {r.skipped} ||||||| ")
            continue
        lines.append(
            f"| {r.tool} | {r.version} | {r.added_raw:,} | {r.added_gzip:,} "
            f"| {r.quiz.requests - r.plain.requests:+d} "
            f"| {r.quiz.dom_content_loaded_ms - r.plain.dom_content_loaded_ms:+.0f} ms "
            f"| {r.quiz.script_ms - r.plain.script_ms:+.1f} ms "
            f"| {r.quiz.errors} "
            f"| {peer_questions.UNSUPPORTED.get(r.tool, 'all ten as written')} |"
        )
    return "\n".join(lines)


def main() -> int:
    """Install the peers, build each tool's page pair, measure and print a Markdown table."""
    WORK.mkdir(parents=True, exist_ok=True)
    machine = machine_info()
    print(format_machine(machine), end="\n\n", flush=True)
    versions = {"quizgen": str(machine["quizgen"]), **install_peers()}
    results: list[PeerResult] = []
    with chromium() as browser:
        for tool, builder in BUILDERS.items():
            version = versions.get(tool, "?")
            if version.startswith("error:"):
                results.append(PeerResult(tool, skipped=version))
                continue
            print(f"building {tool}...", file=sys.stderr, flush=True)
            try:
                quiz_out, plain_out = builder()
            except subprocess.CalledProcessError as exc:
                results.append(PeerResult(tool, version, skipped=f"build failed ({exc})"))
                continue
            result = measure(tool, browser, quiz_out, plain_out)
            result.version = version
            results.append(result)
    table = format_peers(results)
    print(table)
    payload = {
        "machine": machine,
        "peers": [
            {
                "tool": r.tool,
                "version": r.version,
                "skipped": r.skipped,
                "added_raw": r.added_raw,
                "added_gzip": r.added_gzip,
                "quiz": r.quiz.__dict__ if r.quiz else None,
                "plain": r.plain.__dict__ if r.plain else None,
            }
            for r in results
        ],
    }
    out = WORK / "results.json"
    out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
