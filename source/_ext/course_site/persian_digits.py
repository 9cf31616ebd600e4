"""Persian digits where Persian readers expect them: footer year, footnote and list labels.

Running text keeps whatever digits its translator wrote. Only labels the build itself
generates are converted here; ordered-list markers are styled by ``list-style-type: persian``
in rtl.css. Code, URLs and Latin-script citations keep ASCII digits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
PERSIAN_LANGUAGES = frozenset({"fa"})


def to_persian_digits(text: str) -> str:
    """Replace ASCII digits with Persian ones (۰–۹)."""
    return text.translate(PERSIAN_DIGITS)


def _is_persian(language: str | None) -> bool:
    return (language or "en").split("_")[0] in PERSIAN_LANGUAGES


def localise_copyright(app: Sphinx, config: Config) -> None:
    """Write the footer's copyright year in Persian digits in the Persian edition."""
    if _is_persian(config.language) and config.copyright:
        config.copyright = to_persian_digits(str(config.copyright))


class PersianLabelDigits(SphinxPostTransform):
    """Number footnote and citation labels with Persian digits.

    Runs after references are resolved, so the labels are final::

        <footnote_reference>1</footnote_reference>   ->   <footnote_reference>۱</...>
    """

    default_priority = 900
    formats: ClassVar[tuple[str, ...]] = ("html",)

    def run(self, **kwargs: Any) -> None:
        if not _is_persian(self.config.language):
            return
        for node in self.document.findall(_is_numbered_label):
            for text in list(node.findall(nodes.Text)):
                text.parent.replace(text, nodes.Text(to_persian_digits(str(text))))


def _is_numbered_label(node: nodes.Node) -> bool:
    if isinstance(node, nodes.footnote_reference):
        return True
    return isinstance(node, nodes.label) and isinstance(node.parent, nodes.footnote)


def setup(app: Sphinx) -> None:
    """Convert the generated numbers once the configuration and the doctrees are final."""
    app.connect("config-inited", localise_copyright, priority=600)
    app.add_post_transform(PersianLabelDigits)
