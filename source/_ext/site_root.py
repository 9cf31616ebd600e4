"""Write the site root that sits above the editions: chooser, 404 page, sitemap index.

Run after both editions are built (``make html`` does)::

    python source/_ext/site_root.py build/html

The base URL comes from ``SITE_BASEURL`` (default ``http://127.0.0.1:8000/``, what
``make serve`` uses), as in conf.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path
from string import Template
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

FILES = Path(__file__).resolve().parent / "site_root_files"
EDITIONS = ("en", "fa")
DEFAULT_BASEURL = "http://127.0.0.1:8000/"


def site_baseurl() -> str:
    """The site root URL from ``SITE_BASEURL``, ending in a slash."""
    base = os.environ.get("SITE_BASEURL") or DEFAULT_BASEURL
    return base if base.endswith("/") else base + "/"


def sitemap_index(base: str, editions: list[str]) -> str:
    """A sitemap index pointing at each edition's own sitemap."""
    entries = "".join(
        f"  <sitemap>\n    <loc>{escape(f'{base}{language}/sitemap.xml')}</loc>\n  </sitemap>\n"
        for language in editions
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    )


def render(name: str, **values: str) -> str:
    """Fill one of the root page templates in site_root_files/."""
    return Template((FILES / name).read_text(encoding="utf-8")).substitute(values)


def write_root(html_dir: Path, base: str) -> list[Path]:
    """Write the root files into ``html_dir`` and return their paths.

    :raises SystemExit: when an edition has not been built.
    """
    missing = [lang for lang in EDITIONS if not (html_dir / lang / "index.html").exists()]
    if missing:
        sys.exit(f"{html_dir}: build the {', '.join(missing)} edition(s) first (make html)")
    base_path = urlsplit(base).path or "/"
    outputs = {
        "index.html": render("index.html", base=escape(base)),
        "404.html": render("404.html", base_path=escape(base_path)),
        "sitemap.xml": sitemap_index(base, list(EDITIONS)),
        "robots.txt": f"User-agent: *\nAllow: /\nSitemap: {base}sitemap.xml\n",
        # GitHub Pages would otherwise hide the editions' _static/ folders from Jekyll.
        ".nojekyll": "",
    }
    written = []
    for name, text in outputs.items():
        path = html_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    shutil.copyfile(FILES / "choose-edition.js", html_dir / "choose-edition.js")
    written.append(html_dir / "choose-edition.js")
    return written


def main(argv: list[str] | None = None) -> int:
    """Command line: ``site_root.py BUILD_HTML_DIR``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html_dir", type=Path, help="folder holding en/ and fa/")
    args = parser.parse_args(argv)
    write_root(args.html_dir, site_baseurl())
    return 0


if __name__ == "__main__":
    sys.exit(main())
