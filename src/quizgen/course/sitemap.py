"""Write ``sitemap.xml`` for an edition, each page linked to its other-language twin."""

from __future__ import annotations

from typing import TYPE_CHECKING
from xml.sax.saxutils import escape, quoteattr

from quizgen.course.editions import edition_baseurl, editions

if TYPE_CHECKING:
    from sphinx.application import Sphinx

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def sitemap_xml(app: Sphinx, docnames: list[str]) -> str:
    """The sitemap text: one ``<url>`` per page, with ``hreflang`` alternates.

    No ``<lastmod>``: the build has no honest per-page date, and leaving it out keeps two builds
    of the same sources byte-identical.
    """
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">',
    ]
    for docname in docnames:
        target = app.builder.get_target_uri(docname)
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(edition_baseurl(app.config) + target)}</loc>")
        for language in editions(app.config):
            href = quoteattr(edition_baseurl(app.config, language) + target)
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{language}" href={href}/>')
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemap(app: Sphinx, exception: BaseException | None) -> None:
    """After a successful HTML build, list every document of the edition."""
    if exception is not None or app.builder.format != "html" or app.builder.name != "html":
        return
    docnames = sorted(app.env.found_docs)
    (app.outdir / "sitemap.xml").write_text(sitemap_xml(app, docnames), encoding="utf-8")


def setup(app: Sphinx) -> None:
    """Write the sitemap once the build has finished."""
    app.connect("build-finished", write_sitemap)
