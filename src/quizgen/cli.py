"""The ``quizgen`` command: parse arguments, call the library, hand results to a reporter.

Never imports Sphinx: validating or exporting a bank must stay fast and work without it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path

from quizgen import __version__
from quizgen.loader import LoadResult, load_banks
from quizgen.problems import Problem, ProblemCode, QuizgenInternalError
from quizgen.reporters import CheckResult, report_json, report_text
from quizgen.scaffold import command as scaffold_command

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


class UsageError(Exception):
    """The command line itself is wrong (exit 2)."""


def _bank_id(value: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,79}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a bank id: use letters, digits, - _ .")
    return value


def _bank_files(paths: Sequence[str]) -> list[Path]:
    """Expand folders into their ``*.yaml`` files; a missing path is a usage error.

    A folder named like a bank (``unit1.yaml/``) is kept, so the loader reports it in the
    words a Sphinx build uses.
    """
    found: list[Path] = []
    for raw in paths or ["quizzes"]:
        path = Path(raw)
        if path.is_dir() and path.suffix not in {".yaml", ".yml"}:
            found += sorted(path.glob("*.yaml")) + sorted(path.glob("*.yml"))
        elif path.exists():
            found.append(path)
        else:
            raise UsageError(f"no such file or folder: {raw}")
    if not found:
        raise UsageError(f"no .yaml bank files in: {', '.join(paths or ['quizzes'])}")
    return found


def _load(paths: Sequence[str], verbose: bool) -> tuple[list[LoadResult], CheckResult]:
    files = _bank_files(paths)
    total = len(files)
    if verbose:
        sys.stderr.write(f"reading {total} bank file(s)\n")

    done = 0

    def progress(result: LoadResult) -> None:
        """One line a bank on stderr, so a long run shows it is moving."""
        nonlocal done
        done += 1
        state = "ok" if result.ok else f"{len(result.problems)} problem(s)"
        sys.stderr.write(f"[{done}/{total}] {result.path}: {state}\n")

    results = load_banks(files, on_loaded=progress if verbose else None)
    check = CheckResult(
        files=[r.path for r in results],
        problems=[p for r in results for p in r.problems],
    )
    return results, check


def _report(check: CheckResult, args: argparse.Namespace) -> int:
    if args.format == "json":
        report_json(check)
    else:
        report_text(check, quiet=args.quiet)
    return EXIT_PROBLEMS if check.errors else EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Report every problem in every bank."""
    _, check = _load(args.paths, args.verbose)
    return _report(check, args)


def cmd_stats(args: argparse.Namespace) -> int:
    """Questions per bank, type, objective and difficulty."""
    from quizgen.stats import bank_stats

    results, check = _load(args.paths, args.verbose)
    if check.errors:
        return _report(check, args)
    tallies = [bank_stats(r.bank) for r in results if r.bank is not None]
    if args.format == "json":
        json.dump([asdict(t) for t in tallies], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for tally in tallies:
        _say(f"{tally.bank}: {tally.questions} questions")
        for label, counts in (
            ("type", tally.by_type),
            ("objective", tally.by_objective),
            ("difficulty", tally.by_difficulty),
        ):
            row = ", ".join(f"{key} {value}" for key, value in counts.items())
            _say(f"  by {label:<10} {row}")
        if tally.thin_objectives:
            thin = ", ".join(tally.thin_objectives)
            _say(f"  thin objectives (fewer than 3 questions): {thin}")
    return EXIT_OK


def _rule_ids(value: str) -> frozenset[str]:
    from quizgen.lint import RULE_IDS

    rules = frozenset(part.strip() for part in value.split(",") if part.strip())
    unknown = sorted(rules - RULE_IDS)
    if unknown:
        known = ", ".join(sorted(RULE_IDS))
        raise argparse.ArgumentTypeError(f"unknown rule {', '.join(unknown)} (rules: {known})")
    return rules


def cmd_lint(args: argparse.Namespace) -> int:
    """Flag valid but weak questions; exit 1 when anything is flagged."""
    from quizgen.lint import RULES, lint_bank

    if args.list_rules:
        for rule in RULES:
            _say(f"{rule.id:<28} {rule.summary}")
        return EXIT_OK
    results, check = _load(args.paths, args.verbose)
    if check.errors:
        return _report(check, args)
    ignore = frozenset().union(*args.ignore) if args.ignore else frozenset()
    findings = [p for result in results for p in lint_bank(result, ignore=ignore)]
    check.problems += findings
    if args.format == "json":
        report_json(check)
    else:
        report_text(check, quiet=True)
        if not args.quiet:
            _say(f"{len(check.files)} bank file(s) linted: {len(findings)} finding(s)")
    return EXIT_PROBLEMS if findings else EXIT_OK


def cmd_schema(args: argparse.Namespace) -> int:
    """Print the bank JSON Schema."""
    from quizgen.schema import bank_json_schema_text

    sys.stdout.write(bank_json_schema_text())
    return EXIT_OK


def _write_atomic(path: Path, content: str | bytes) -> None:
    """Write through a temporary file so a failure never leaves half a file.

    The file gets the mode any new file of the user gets (0644 under the usual umask 022);
    ``mkstemp`` alone would leave it readable by its owner only.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    data = content.encode("utf-8") if isinstance(content, str) else content
    umask = os.umask(0o022)
    os.umask(umask)
    try:
        os.fchmod(handle, 0o666 & ~umask)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temp).replace(path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def cmd_export(args: argparse.Namespace) -> int:
    """Export each bank; problems or unsupported questions are reported, nothing half-written."""
    from quizgen.formats.catalog import FORMATS

    results, check = _load(args.paths, args.verbose)
    if check.errors:
        return _report(check, args)
    target = FORMATS[args.to]
    outputs: dict[Path, str | bytes] = {}
    notes: list[Problem] = []
    out_dir = Path(args.output)
    for result in results:
        bank = result.bank
        assert bank is not None
        name = Path(result.path).name.removesuffix(".yaml").removesuffix(".yml")
        files, changed = target.write(bank)
        for suffix, content in files.items():
            outputs[out_dir / f"{name}{suffix}"] = content
        index = {q.id: i for i, q in enumerate(bank.questions)}
        for note in changed:
            where = ("questions", index[note.question]) if note.question in index else ()
            problem = result.problem(where, ProblemCode.export, f"{note.question}: {note.message}")
            notes.append(replace(problem, severity="warning"))
    for path, content in outputs.items():
        _write_atomic(path, content)
    if args.format == "json":
        payload = {
            "files": [str(path) for path in outputs],
            "notes": [warning.as_dict() for warning in notes],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    for warning in notes:
        sys.stderr.write(warning.format() + "\n")
    if not args.quiet:
        for path in outputs:
            _say(f"wrote {path}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Convert a GIFT, Moodle XML or QTI file into a bank; nothing is written if anything fails."""
    from quizgen.formats.catalog import importable
    from quizgen.loader import display_path, load_bank_text
    from quizgen.yaml_reader import dump as dump_yaml

    source = Path(args.file)
    try:
        data = source.read_bytes()
    except FileNotFoundError as exc:
        raise UsageError(f"no such file: {args.file}") from exc
    except OSError as exc:
        raise UsageError(
            f"cannot read {args.file}: {exc.strerror or 'the system refused'}"
        ) from exc
    reader = next(f for f in reversed(importable()) if f.sniff(source, data[:512]))
    if reader.load_bytes is not None:
        bank, problems = reader.load_bytes(data, display_path(source))
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            raise UsageError(
                f"{args.file}:{line}:{column}: the file is not UTF-8 text "
                f"(byte 0x{data[exc.start]:02x}): save it as UTF-8 and import it again"
            ) from exc
        assert reader.load is not None
        bank, problems = reader.load(text, display_path(source))
    check = CheckResult(files=[display_path(source)], problems=problems)
    if bank is None or check.errors:
        return _report(check, args)
    if args.bank:
        bank.bank = args.bank
    fields = bank.model_dump(mode="json", exclude_defaults=True)
    fields = {"bank": fields.pop("bank"), "title": fields.pop("title"), **fields}
    output = Path(args.output or f"{bank.bank}.yaml")
    content = dump_yaml(fields)
    written = load_bank_text(content, str(output))
    if not written.ok:
        raise QuizgenInternalError("\n".join(p.format() for p in written.problems))
    for problem in problems:
        sys.stderr.write(problem.format() + "\n")
    _write_atomic(output, content)
    if not args.quiet:
        _say(f"wrote {output}: {len(bank.questions)} question(s)")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser; kept separate so the docs and tests can inspect it."""
    parser = argparse.ArgumentParser(
        prog="quizgen",
        description="Validate, report on and export YAML question banks.",
    )
    parser.add_argument("--version", action="version", version=f"quizgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> None:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        if name == "import":
            sub.add_argument(
                "file", help="a GIFT (.gift, .txt), Moodle XML (.xml) or QTI 1.2 (.zip) file"
            )
            sub.add_argument("-o", "--output", help="bank file to write (default: BANK.yaml)")
            sub.add_argument("--bank", type=_bank_id, help="bank id (default: from the file)")
        if name not in {"schema", "import"}:
            sub.add_argument("paths", nargs="*", help="bank files or folders (default: quizzes)")
            sub.add_argument("--format", choices=("text", "json"), default="text")
            sub.add_argument("-q", "--quiet", action="store_true", help="print problems only")
            sub.add_argument("-v", "--verbose", action="store_true", help="say what is read")
        if name == "import":
            sub.add_argument("--format", choices=("text", "json"), default="text")
            sub.add_argument("-q", "--quiet", action="store_true", help="print problems only")
        if name == "lint":
            sub.add_argument(
                "--ignore",
                type=_rule_ids,
                action="append",
                metavar="RULE[,RULE]",
                help="rules to skip (repeatable)",
            )
            sub.add_argument("--list-rules", action="store_true", help="print the rules and exit")
        if name == "export":
            from quizgen.formats.catalog import FORMATS

            formats = ", ".join(f"{f.name} ({f.title})" for f in FORMATS.values())
            sub.add_argument(
                "--to", choices=list(FORMATS), required=True, help=f"target format: {formats}"
            )
            sub.add_argument("-o", "--output", default="build/export", help="output folder")

    add("validate", cmd_validate, "report every problem in the banks (exit 1 if any)")
    add("stats", cmd_stats, "count questions per bank, type, objective and difficulty")
    add("lint", cmd_lint, "flag weak questions a reviewer would question (exit 1 if any)")
    add(
        "export",
        cmd_export,
        "export banks to GIFT, Moodle XML, QTI (Canvas), JSON or a Markdown worksheet",
    )
    add("import", cmd_import, "convert a GIFT, Moodle XML or QTI (Canvas) file into a bank")
    add("schema", cmd_schema, "print the JSON Schema of bank files")
    scaffold_command.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; only an internal bug may show a traceback."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if exc.code in (0, None) else EXIT_USAGE
    try:
        return int(args.handler(args))
    except UsageError as exc:
        sys.stderr.write(f"quizgen {args.command}: error: {exc}\n")
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
