"""Ship quizgen.js/quizgen.css to HTML builds, and only to pages that show a quiz."""

from __future__ import annotations

import hashlib
import html
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rcssmin
import rjsmin

from quizgen.sphinx_ext.domain import QuizDomain
from quizgen.sphinx_ext.nodes import is_quiz_html

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).resolve().parent / "static"
JS_FILE = "quizgen.js"
CSS_FILE = "quizgen.css"
#: How each runtime file is shrunk for shipping; the readable source stays in STATIC_DIR.
MINIFIERS: dict[str, Callable[[str], str]] = {JS_FILE: rjsmin.jsmin, CSS_FILE: rcssmin.cssmin}
_SHIPPED_PREFIX = "quizgen-runtime-"


def add_static_dir(app: Sphinx) -> None:
    """Ship the runtime with HTML builders only, so LaTeX/text builds copy nothing.

    Why not ``html_static_path.append``: a changed option makes Sphinx rewrite every page
    on the next build; before ``add_static_dir`` (Sphinx 9.1) the files are copied directly,
    with :func:`shutil.copyfile` because ``copy_asset_file`` changed its signature in 8.1.
    """
    if app.builder.format != "html":
        return
    if app.builder.name == "epub":
        # Sphinx leaves .js out of an EPUB's manifest; readers that run scripts need it in.
        media_types = app.builder.media_types  # type: ignore[attr-defined]
        app.builder.media_types = {**media_types, ".js": "application/javascript"}  # type: ignore[attr-defined]
    shipped = shipped_runtime(Path(app.doctreedir))
    if hasattr(app, "add_static_dir"):
        app.add_static_dir(shipped)
        return
    target = Path(app.outdir) / "_static"
    target.mkdir(parents=True, exist_ok=True)
    for name in MINIFIERS:
        shutil.copyfile(shipped / name, target / name)


def shipped_runtime(cache_dir: Path) -> Path:
    """The folder of ``quizgen.js`` and ``quizgen.css`` as HTML builds ship them: minified.

    Why minify: comments and JSDoc types, which keep the source readable and type-checked, are
    more than a quarter of the gzipped runtime. Why a folder named by a hash of the sources and
    the minifiers' versions: each runtime is minified once, not once per build or page, and
    an edited source or upgraded minifier gets a fresh folder (older ones are removed).
    """
    sources = {name: (STATIC_DIR / name).read_text(encoding="utf-8") for name in MINIFIERS}
    key = "\0".join([rjsmin.__version__, rcssmin.__version__, *sources.values()])
    folder = cache_dir / f"{_SHIPPED_PREFIX}{hashlib.sha256(key.encode()).hexdigest()[:16]}"
    if all((folder / name).is_file() for name in MINIFIERS):
        return folder
    if cache_dir.is_dir():
        for old in cache_dir.glob(f"{_SHIPPED_PREFIX}*"):
            shutil.rmtree(old, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in sources.items():
        partial = folder / f".{name}.partial"
        partial.write_bytes(MINIFIERS[name](text).encode("utf-8"))
        partial.replace(folder / name)  # never a half-written file under the real name
    return folder


def add_page_assets(
    app: Sphinx,
    pagename: str,
    templatename: str,
    context: dict[str, Any],
    doctree: nodes.document | None,
) -> None:
    """Add the runtime to a page that holds a quiz (or to all pages if the policy says so)."""
    if not (app.registry.html_assets_policy == "always" or shows_a_quiz(app, pagename, doctree)):
        return
    app.add_js_file(JS_FILE, defer="defer")
    app.add_css_file(CSS_FILE)
    if getattr(app.builder, "embedded", False):
        # EPUB pages are "embedded": the theme writes their stylesheets but no scripts.
        src = html.escape(context["pathto"](f"_static/{JS_FILE}", resource=True))
        context["metatags"] = (
            context.get("metatags", "") + f'\n    <script src="{src}" defer="defer"></script>'
        )


def shows_a_quiz(app: Sphinx, pagename: str, doctree: nodes.document | None) -> bool:
    """Whether the page holds a quiz; singlehtml's one page holds every document's."""
    if doctree is None:
        return False
    if app.builder.name == "singlehtml":
        return any(True for _ in doctree.findall(is_quiz_html))
    domain = app.env.domains["quiz"]
    assert isinstance(domain, QuizDomain)
    return pagename in domain.quiz_docs
