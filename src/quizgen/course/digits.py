"""Native digits where the edition's readers expect them: footer year, footnote labels.

Running text keeps whatever digits its translator wrote. Only labels the build itself
generates are converted here; ordered-list markers are styled by ``digits-<system>.css``.
Code, URLs and Latin-script citations keep ASCII digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from quizgen.course.config import CourseConfig
from quizgen.languages import LATIN_DIGITS, to_digits

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config


def localise_copyright(app: Sphinx, config: Config) -> None:
    """Write the footer's copyright year in the edition's digits."""
    numbering = CourseConfig.from_sphinx(config).numbering_for(config.language)
    if numbering != LATIN_DIGITS and config.copyright:
        config.copyright = to_digits(str(config.copyright), numbering)


class NativeLabelDigits(SphinxPostTransform):
    """Number footnote labels with the edition's digits.

    Runs after references are resolved, so the labels are final (Persian shown)::

        <footnote_reference>1</footnote_reference>   ->   <footnote_reference>۱</...>
    """

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        numbering = CourseConfig.from_sphinx(self.config).numbering_for(self.config.language)
        if numbering == LATIN_DIGITS:
            return
        for node in self.document.findall(_is_numbered_label):
            for text in list(node.findall(nodes.Text)):
                text.parent.replace(text, nodes.Text(to_digits(str(text), numbering)))


def _is_numbered_label(node: nodes.Node) -> bool:
    if isinstance(node, nodes.footnote_reference):
        return True
    return isinstance(node, nodes.label) and isinstance(node.parent, nodes.footnote)


def setup(app: Sphinx) -> None:
    """Convert the generated numbers once the configuration and the doctrees are final."""
    app.connect("config-inited", localise_copyright, priority=600)
    app.add_post_transform(NativeLabelDigits)
