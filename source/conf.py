"""Sphinx configuration for the course site (English and Persian editions)."""

from __future__ import annotations

import os
import time

project = "Soft Power at the Table: US–North Korea Nuclear Talks"
author = "The course team"
_build_year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))).tm_year
copyright = f"{_build_year}, {author}"

language = "en"
locale_dirs = ["../locales"]
gettext_compact = False
gettext_uuid = False
gettext_location = False

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "quizgen",
    # Editions, right-to-left Persian, sitemaps and 404 pages (see README).
    "quizgen.course",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_static", "Thumbs.db", ".DS_Store"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3

bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "author_year"

html_theme = "furo"
html_title = "Soft Power at the Table"
course_languages = ["en", "fa"]
course_titles = {
    "fa": {
        "project": "قدرت نرم پشت میز مذاکره: گفت‌وگوهای هسته‌ای آمریکا و کرهٔ شمالی",
        "html_title": "قدرت نرم پشت میز مذاکره",
    }
}
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_css_files = ["content.css"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_permalinks_icon = "#"
html_theme_options = {
    "navigation_with_keys": True,
}
# Where the site is published: sitemaps, canonical links and the 404 pages use it.
# `make html` and the Pages workflow pass SITE_BASEURL; the default suits `make serve`.
course_baseurl = os.environ.get("SITE_BASEURL", "http://127.0.0.1:8000/")

quizgen_bank_dir = "../quizzes"
