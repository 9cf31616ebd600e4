"""HTML output that passes axe-core where Sphinx's and docutils' own markup does not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes
from sphinx.writers.html5 import HTML5Translator

if TYPE_CHECKING:
    from sphinx.application import Sphinx


class CourseHTMLTranslator(HTML5Translator):
    """Sphinx's HTML5 translator with two accessibility repairs.

    - Toctree captions (Furo's sidebar headings) get the ``aria-level`` that ``role="heading"``
      requires.
    - Citations are list items of their ``role="list"`` wrapper instead of the deprecated
      ``doc-biblioentry`` role, which axe reports as not allowed on a ``<div>``.
    """

    def visit_title(self, node: nodes.title) -> None:
        parent = node.parent
        if isinstance(parent, addnodes.compact_paragraph) and parent.get("toctree"):
            attributes: dict[str, str] = {"CLASS": "caption", "ROLE": "heading", "aria-level": "2"}
            self.body.append(self.starttag(node, "p", "", **attributes))  # type: ignore[arg-type]
            self.body.append('<span class="caption-text">')
            self.context.append("</span></p>\n")
            return
        super().visit_title(node)

    def visit_citation(self, node: nodes.citation) -> None:
        if not isinstance(node.previous_sibling(), type(node)):
            self.body.append('<div role="list" class="citation-list">\n')
        self.body.append(self.starttag(node, "div", classes=[node.tagname], role="listitem"))


def setup(app: Sphinx) -> None:
    """Use the repaired translator for the HTML builder."""
    app.set_translator("html", CourseHTMLTranslator, override=True)
