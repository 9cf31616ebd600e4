"""Sphinx configuration for the course site (English and Persian editions)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# Local extensions (the Persian edition's machinery, sitemap, 404 page) live in source/_ext.
sys.path.insert(0, str(Path(__file__).resolve().parent / "_ext"))

project = "Soft Power at the Table: US–North Korea Nuclear Talks"
author = "The course team"
_build_year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", "1767225600"))).tm_year
copyright = f"{_build_year}, {author}"

language = "en"
# The second directory holds Persian labels for the theme's own interface (see README).
locale_dirs = ["../locales", "_ext/course_site/locale"]
gettext_compact = False
gettext_uuid = False
gettext_location = False

extensions = [
    "myst_parser",
    "sphinx_design",
    "sphinxcontrib.bibtex",
    "quizgen",
    "course_site",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "_templates", "_static", "Thumbs.db", ".DS_Store"]
templates_path = ["_templates"]
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist", "substitution", "attrs_inline", "attrs_block"]
myst_heading_anchors = 3

bibtex_bibfiles = ["references.bib"]
bibtex_default_style = "unsrt"
bibtex_reference_style = "author_year"

html_theme = "furo"
html_title = "Soft Power at the Table"
course_site_titles = {
    "fa": {
        "project": "قدرت نرم پشت میز مذاکره: گفت‌وگوهای هسته‌ای آمریکا و کرهٔ شمالی",
        "html_title": "قدرت نرم پشت میز مذاکره",
    }
}
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_css_files = ["course.css", "content.css"]
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_permalinks_icon = "#"
html_theme_options = {
    "navigation_with_keys": True,
}
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/language-switch.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}

# Where the site is published: sitemaps, canonical links and the 404 pages use it.
# `make html` and the Pages workflow pass SITE_BASEURL; the default suits `make serve`.
course_site_baseurl = os.environ.get("SITE_BASEURL", "http://127.0.0.1:8000/")

quizgen_bank_dir = "../quizzes"
