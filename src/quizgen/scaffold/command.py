"""The ``quizgen new`` subcommand: its options, its progress lines and its next steps."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quizgen.scaffold.catalogs import WRITTEN
from quizgen.scaffold.project import (
    ProjectError,
    ProjectOptions,
    check_target,
    project_files,
    write_files,
)

EXIT_OK, EXIT_USAGE = 0, 2
DESCRIPTION = """\
Create a course module in DIR: a landing page, a sample unit with a quiz of every question
type, its question bank, a glossary, a references page, a README, a Makefile (`make html`,
`make test`), a GitHub Pages workflow and .gitignore. With several languages, each extra
edition gets its gettext catalogs in locales/ and a twin bank; the sample is written in
Persian (fa) and Arabic (ar), and left in English for a translator in other languages.
The project builds and passes `make test` as soon as it is created."""


def _languages(text: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in text.split(",") if code.strip())


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``new`` on the ``quizgen`` command line."""
    sub = commands.add_parser(
        "new",
        help="start a new course module in a folder (pages, sample quiz, build and tests)",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub.add_argument(
        "dir",
        type=Path,
        metavar="DIR",
        help="folder to create; an existing one must be empty unless --force is given",
    )
    sub.add_argument(
        "--title",
        help="the module's title, shown on every page (default: from DIR's name)",
    )
    sub.add_argument(
        "--languages",
        type=_languages,
        default=("en",),
        metavar="LANG[,LANG...]",
        help="one edition per language, the default edition first; two- or three-letter codes "
        "Sphinx knows, e.g. en,fa or en,ar,fr; right-to-left languages get a mirrored layout "
        "(default: en)",
    )
    sub.add_argument(
        "--theme",
        default="furo",
        help="Sphinx HTML theme; furo is installed with quizgen[docs], another theme must be "
        "installed too (default: furo)",
    )
    sub.add_argument(
        "--author",
        default="The module's authors",
        help="who wrote the module, for the copyright line (default: %(default)s)",
    )
    sub.add_argument(
        "--force",
        action="store_true",
        help="write into DIR even if it is not empty, replacing files of the same name",
    )
    sub.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    sub.set_defaults(handler=cmd_new)


def _title_from(folder: Path) -> str:
    words = folder.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(words).capitalize() or "My module"


def cmd_new(args: argparse.Namespace) -> int:
    """Check everything, write the project, then say what to do next."""
    options = ProjectOptions(
        title=args.title or _title_from(args.dir),
        languages=args.languages,
        theme=args.theme,
        author=args.author,
    )
    try:
        check_target(args.dir, force=args.force)
        files = project_files(options)
    except ProjectError as exc:
        sys.stderr.write(f"quizgen new: error: {exc}\n")
        return EXIT_USAGE

    def say(line: str) -> None:
        if not args.quiet:
            sys.stdout.write(line + "\n")

    say(f"Creating the module {options.title!r} in {args.dir}/")
    say(f"Editions: {', '.join(options.languages)} (default: {options.languages[0]})")
    write_files(args.dir, files, lambda relative: say(f"  created  {relative}"))
    english = [code for code in options.translated if code not in WRITTEN]
    say("")
    say(f"Finished: {len(files)} files written.")
    if english:
        say(
            f"The sample text of {', '.join(english)} is still English: translate "
            "locales/<language>/ and quizzes/unit-1.<language>.yaml (see README.md)."
        )
    say("")
    say("Next steps:")
    say(f"  cd {args.dir}")
    say("  make html    # build every edition into build/html/ (installs quizgen[docs] first)")
    say("  make serve   # preview the site at http://127.0.0.1:8000/")
    say("  make test    # check the banks and build every edition with warnings as errors")
    say("Then make the module yours: edit source/unit-1.md and quizzes/unit-1.yaml.")
    return EXIT_OK
