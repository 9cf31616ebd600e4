"""Write the site root above the editions: the edition chooser, a 404 page, the sitemap index.

Run after every edition is built into ``HTML_DIR/<language>/``::

    python -m quizgen.course.root build/html

Each edition leaves a ``course-edition.json`` (its language, name, direction, title and
translated labels), so the root speaks every edition's language without Sphinx. The base URL
comes from ``--baseurl``, else ``SITE_BASEURL``, else the editions' ``course_baseurl``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from html import escape
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape as xml_escape

FILES = Path(__file__).resolve().parent / "root_files"
EDITION_RECORD = "course-edition.json"  # the name editions.py writes
DEFAULT_BASEURL = "http://127.0.0.1:8000/"
ENGLISH_LABELS = {
    "not_found": "Page not found",
    "not_found_text": "The page you asked for is not here. It may have moved, or the address "
    "may be mistyped.",
    "home": "Go to the home page",
    "search": "Search the course",
    "choose": "Choose an edition",
}


def site_baseurl() -> str:
    """The site root URL from ``SITE_BASEURL``, ending in a slash."""
    base = os.environ.get("SITE_BASEURL") or DEFAULT_BASEURL
    return base if base.endswith("/") else base + "/"


def read_edition(html_dir: Path, language: str) -> dict[str, Any]:
    """One edition's record, or plain defaults when it has none (a build without the extension)."""
    record: dict[str, Any] = {"language": language, "name": language, "dir": "ltr", "title": ""}
    path = html_dir / language / EDITION_RECORD
    if path.is_file():
        record.update(json.loads(path.read_text(encoding="utf-8")))
    record["labels"] = {**ENGLISH_LABELS, **record.get("labels", {})}
    return record


def edition_languages(html_dir: Path) -> list[str]:
    """The editions the built ones name (``course_languages``), else the folders found."""
    for record in sorted(html_dir.glob(f"*/{EDITION_RECORD}")):
        languages = json.loads(record.read_text(encoding="utf-8")).get("languages")
        if languages:
            return [str(language) for language in languages]
    return sorted(path.parent.name for path in html_dir.glob("*/index.html"))


def sitemap_index(base: str, editions: list[str]) -> str:
    """A sitemap index pointing at each edition's own sitemap."""
    entries = "".join(
        f"  <sitemap>\n    <loc>{xml_escape(f'{base}{language}/sitemap.xml')}</loc>\n  </sitemap>\n"
        for language in editions
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"{entries}</sitemapindex>\n"
    )


def _lang(record: dict[str, Any], first: dict[str, Any]) -> str:
    """``lang``/``dir`` attributes for text in ``record``'s language inside ``first``'s page."""
    if record["language"] == first["language"]:
        return ""
    language = escape(record["language"])
    return f' lang="{language}" dir="{escape(record["dir"])}"'


def _labels(editions: list[dict[str, Any]], key: str) -> dict[str, str]:
    """Each distinct wording of one label -> the ``lang``/``dir`` attributes it needs.

    A label an edition left untranslated is English: it is shown once, marked as English.
    """
    english = {"language": "en", "dir": "ltr"}
    labels: dict[str, str] = {}
    for record in editions:
        text = record["labels"][key]
        translated = text != ENGLISH_LABELS[key] or primary_language(record["language"]) == "en"
        labels.setdefault(escape(text), _lang(record if translated else english, editions[0]))
    return labels


def primary_language(code: str) -> str:
    """``pt_BR`` -> ``pt``."""
    return code.replace("-", "_").split("_")[0].lower()


def _icon(first: dict[str, Any], prefix: str) -> str:
    """The default edition's favicon, if it has one, for a page at the site root."""
    favicon = first.get("favicon")
    href = f"{prefix}{first['language']}/_static/{favicon}"
    return f'<link rel="icon" href="{escape(href)}">' if favicon else ""


def render_index(base: str, editions: list[dict[str, Any]]) -> str:
    """The chooser: every edition's title, then one link per edition (works without JS)."""
    first = editions[0]
    titles = [record["title"] for record in editions if record["title"]]
    headings = [
        f"<h1>{escape(first['title'])}</h1>" if first["title"] else "",
        *(
            f"<p{_lang(record, first)}>{escape(record['title'])}</p>"
            for record in editions[1:]
            if record["title"] and record["title"] != first["title"]
        ),
    ]
    choose = " · ".join(
        f"<span{attributes}>{text}</span>" if attributes else text
        for text, attributes in _labels(editions, "choose").items()
    )
    values = {
        "lang": escape(first["language"]),
        "dir": escape(first["dir"]),
        "title": escape(" · ".join(dict.fromkeys(titles))),
        "base": escape(base),
        "icon": _icon(first, ""),
        "head_links": "\n".join(
            f'<link rel="alternate" hreflang="{escape(r["language"])}" '
            f'href="{escape(base + r["language"])}/index.html">'
            for r in editions
        ),
        "headings": "\n".join(line for line in headings if line),
        "choose": choose,
        "edition_links": "\n".join(
            f'  <li><a href="{escape(r["language"])}/index.html" hreflang="{escape(r["language"])}"'
            f'{_lang(r, first)} data-edition="{escape(r["language"])}">{escape(r["name"])}</a></li>'
            for r in editions
        ),
    }
    return Template((FILES / "index.html").read_text(encoding="utf-8")).substitute(values)


def render_404(base_path: str, editions: list[dict[str, Any]]) -> str:
    """A 404 page in every edition's language, with root-relative links (served at any depth)."""
    first = editions[0]
    sections: list[str] = []
    for record in editions:
        labels = record["labels"]
        # An edition that left the labels untranslated still gets its links, marked as English.
        translated = labels != ENGLISH_LABELS or primary_language(record["language"]) == "en"
        speaker = record if translated else {"language": "en", "dir": "ltr"}
        root = escape(f"{base_path}{record['language']}/")
        heading = "h2" if sections else "h1"
        sections.append(
            f"<section{_lang(speaker, first)}>\n"
            f"<{heading}>{escape(labels['not_found'])}</{heading}>\n"
            f"<p>{escape(labels['not_found_text'])}</p>\n<ul>\n"
            f'  <li><a href="{root}index.html">{escape(labels["home"])}</a></li>\n'
            f'  <li><a href="{root}search.html">{escape(labels["search"])}</a></li>\n'
            "</ul>\n</section>"
        )
    icon = _icon(first, base_path)
    values = {
        "lang": escape(first["language"]),
        "dir": escape(first["dir"]),
        "title": escape(" · ".join(dict.fromkeys(r["labels"]["not_found"] for r in editions))),
        "icon": icon,
        "sections": "\n".join(sections),
    }
    return Template((FILES / "404.html").read_text(encoding="utf-8")).substitute(values)


def write_root(html_dir: Path, base: str, languages: list[str] | None = None) -> list[Path]:
    """Write the root files into ``html_dir`` and return their paths.

    :param languages: the editions, default first; by default those the editions record.
    :raises SystemExit: when an edition has not been built.
    """
    languages = languages or edition_languages(html_dir)
    missing = [lang for lang in languages if not (html_dir / lang / "index.html").exists()]
    if missing or not languages:
        sys.exit(f"{html_dir}: build the {', '.join(missing) or 'first'} edition(s) first")
    editions = [read_edition(html_dir, language) for language in languages]
    base_path = urlsplit(base).path or "/"
    outputs = {
        "index.html": render_index(base, editions),
        "404.html": render_404(base_path, editions),
        "sitemap.xml": sitemap_index(base, languages),
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
    """Command line: ``python -m quizgen.course.root HTML_DIR``."""
    parser = argparse.ArgumentParser(
        prog="python -m quizgen.course.root",
        description="Write the site root (edition chooser, 404 page, sitemap index, robots.txt) "
        "above editions built into HTML_DIR/<language>/.",
    )
    parser.add_argument("html_dir", type=Path, help="folder holding one folder per edition")
    parser.add_argument(
        "--baseurl",
        help="URL the site is published at (default: $SITE_BASEURL, else course_baseurl)",
    )
    parser.add_argument(
        "--languages",
        type=lambda text: [code.strip() for code in text.split(",") if code.strip()],
        help="editions, default first, comma-separated (default: course_languages)",
    )
    args = parser.parse_args(argv)
    base = args.baseurl or os.environ.get("SITE_BASEURL")
    if not base:
        languages = args.languages or edition_languages(args.html_dir)
        base = read_edition(args.html_dir, languages[0]).get("baseurl") if languages else None
    base = str(base or DEFAULT_BASEURL)
    base = base if base.endswith("/") else base + "/"
    write_root(args.html_dir, base, args.languages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
