"""The files of a new course module, rendered in memory, then written in one go.

Why in memory first: every check (folder, languages, templates) happens before the first
write, so a refused or failed ``quizgen new`` leaves no half-made project behind.
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from quizgen.problems import QuizgenInternalError
from quizgen.scaffold.catalogs import TRANSLATIONS, WRITTEN, load_translation, po_text

TEMPLATE = Path(__file__).resolve().parent / "template"
SOURCE_LANGUAGE = "en"
#: Template file -> where it goes in the project.
LAYOUT = {
    "README.md": "README.md",
    "Makefile": "Makefile",
    "gitignore": ".gitignore",
    "workflows/pages.yml": ".github/workflows/pages.yml",
    "source/conf.py.in": "source/conf.py",
    "source/index.md": "source/index.md",
    "source/unit-1.md": "source/unit-1.md",
    "source/glossary.md": "source/glossary.md",
    "source/references.md": "source/references.md",
    "source/references.bib": "source/references.bib",
    "quizzes/unit-1.yaml": "quizzes/unit-1.yaml",
}
LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
THEME_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")
_PLACEHOLDER = re.compile(r"@([a-z_]+)@")


class ProjectError(ValueError):
    """The options cannot make a project (exit 2, with this message)."""


@dataclass(frozen=True)
class ProjectOptions:
    """What ``quizgen new`` was asked for."""

    title: str
    languages: tuple[str, ...]
    theme: str = "furo"
    author: str = "The module's authors"

    def check(self) -> None:
        """:raises ProjectError: naming the option that is wrong and how to fix it."""
        if not self.title.strip() or any(ord(char) < 32 for char in self.title):
            raise ProjectError("--title must be one line of text")
        if not self.languages:
            raise ProjectError("--languages needs at least one language code, e.g. en")
        for code in self.languages:
            if not LANGUAGE_CODE.match(code):
                raise ProjectError(
                    f"--languages: {code!r} is not a two- or three-letter language code "
                    "(ISO 639), e.g. en, fa, ar, fr"
                )
        if len(set(self.languages)) != len(self.languages):
            raise ProjectError("--languages names a language twice")
        if not THEME_NAME.match(self.theme):
            raise ProjectError(f"--theme: {self.theme!r} is not a Sphinx theme name")

    @property
    def translated(self) -> tuple[str, ...]:
        """The editions translated from the English sources."""
        return tuple(code for code in self.languages if code != SOURCE_LANGUAGE)


def slug(title: str) -> str:
    """An ASCII id from the title, for browser storage keys (``module`` if none is left)."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    return "-".join(words)[:40].strip("-") or "module"


def render(text: str, values: dict[str, str]) -> str:
    """Fill ``@name@`` placeholders; an unknown one is a bug in the templates."""

    def fill(match: re.Match[str]) -> str:
        try:
            return values[match.group(1)]
        except KeyError:
            raise QuizgenInternalError(
                f"template placeholder {match.group(0)} has no value"
            ) from None

    return _PLACEHOLDER.sub(fill, text)


def _values(options: ProjectOptions) -> dict[str, str]:
    year = time.gmtime(int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))).tm_year
    editions = ", ".join(f"`{code}`" for code in options.languages)
    return {
        "title": options.title,
        "title_md": options.title,
        "title_repr": repr(options.title),
        "author_repr": repr(options.author),
        "copyright_repr": repr(f"{year}, {options.author}"),
        "first_language": options.languages[0],
        "languages_repr": repr(list(options.languages)),
        "languages_make": " ".join(options.languages),
        "bank_language": SOURCE_LANGUAGE,
        "theme": options.theme,
        "slug": slug(options.title),
        "editions_md": editions,
        "layout_rows": _layout_rows(options),
        "translations_md": _translations_md(options),
    }


def _layout_rows(options: ProjectOptions) -> str:
    rows = []
    for code in options.translated:
        rows.append(f"| `quizzes/unit-1.{code}.yaml` | the sample bank in `{code}` |\n")
        rows.append(f"| `locales/{code}/LC_MESSAGES/` | the pages' `{code}` translations |\n")
    return "".join(rows)


def _translations_md(options: ProjectOptions) -> str:
    if not options.translated:
        return ""
    written = [code for code in options.translated if code in WRITTEN]
    placeholder = [code for code in options.translated if code not in WRITTEN]
    lines = [
        "",
        "## Translations",
        "",
        "The pages are written in English in `source/`; every other edition translates them",
        "through the catalogs in `locales/<language>/LC_MESSAGES/`, and each bank has a twin",
        "per language (`quizzes/unit-1.<language>.yaml`) that must ask the same questions.",
        "After editing an English page, `make update-po` adds its new sentences to the catalogs.",
    ]
    if written:
        codes = ", ".join(f"`{code}`" for code in written)
        lines += ["", f"The sample text is already written in {codes}."]
    if placeholder:
        codes = ", ".join(f"`{code}`" for code in placeholder)
        lines += [
            "",
            f"For {codes} the sample is still in English: its catalogs list every sentence with",
            "an empty translation, and its bank is a copy of the English one. Translate both; the",
            "edition shows English wherever a translation is missing.",
        ]
    return "\n".join(lines) + "\n"


def project_files(options: ProjectOptions) -> dict[str, str]:
    """Every file of the new project: relative path -> text."""
    options.check()
    values = _values(options)
    files = {
        target: render((TEMPLATE / name).read_text(encoding="utf-8"), values)
        for name, target in LAYOUT.items()
    }
    for code in options.translated:
        bank = TRANSLATIONS / "banks" / f"unit-1.{code}.yaml"
        english = files["quizzes/unit-1.yaml"]
        files[f"quizzes/unit-1.{code}.yaml"] = (
            bank.read_text(encoding="utf-8")
            if bank.is_file()
            else english.replace("\nlanguage: en\n", f"\nlanguage: {code}\n", 1)
        )
        for docname, messages in load_translation(code).items():
            filled = {render(k, values): render(v, values) for k, v in messages.items()}
            po = po_text(code, options.title, filled)
            files[f"locales/{code}/LC_MESSAGES/{docname}.po"] = po
    return files


def check_target(target: Path, *, force: bool) -> None:
    """:raises ProjectError: when ``target`` is a file, or a non-empty folder without force."""
    if target.exists() and not target.is_dir():
        raise ProjectError(f"{target} exists and is not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ProjectError(
            f"{target} is not empty; choose a new folder, or pass --force to write into it "
            "(files of the same name are replaced, others are kept)"
        )


def write_files(
    target: Path, files: dict[str, str], on_write: Callable[[str], None] | None = None
) -> None:
    """Write every file, each through a temporary file, so none is ever half written."""
    for relative, text in files.items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        Path(tmp).chmod(0o644)  # mkstemp makes it private; a project file is not
        Path(tmp).replace(path)
        if on_write:
            on_write(relative)
