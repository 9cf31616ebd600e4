"""Load question banks into the model, turning every fault into a located, plain-worded Problem."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizgen.model import MAX_FIELD_CHARS, Bank, Question
from quizgen.problems import Problem, ProblemCode
from quizgen.types.registry import names, question_models
from quizgen.yaml_reader import BankYamlError, Locator, parse

#: Largest bank file accepted; a bigger one is almost surely a mistake and would stall builds.
MAX_BANK_BYTES = 5 * 1024 * 1024
#: Most schema problems shown for one bank; the rest are counted in one last line.
MAX_PROBLEMS_SHOWN = 50


def _known_fields() -> list[str]:
    """Every field name a bank may use, for "did you mean" hints (types can be added later)."""
    return sorted(
        {
            name
            for model in Bank.model_json_schema()["$defs"].values()
            for name in model.get("properties", {})
        }
        | set(Bank.model_fields)
    )


def _field_owners(name: str) -> list[str]:
    """The question types that have a field, to answer "unknown field" helpfully."""
    return [kind for kind, model in question_models() if name in model.model_fields]


def _joined(words: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return " and ".join([", ".join(words[:-1]), words[-1]] if len(words) > 1 else words)


@dataclass
class LoadResult:
    """A bank (or ``None`` when it could not be built) and every problem found."""

    path: str
    bank: Bank | None
    problems: list[Problem] = field(default_factory=list)
    locator: Locator | None = None
    salvaged: Bank | None = None
    """When the bank fails only in some questions: the bank with the valid ones, for a page."""

    @property
    def ok(self) -> bool:
        return self.bank is not None and not any(p.severity == "error" for p in self.problems)

    def problem(
        self, loc: Sequence[str | int], code: ProblemCode, message: str, *, key: bool = False
    ) -> Problem:
        """Make a problem located at a data path of this bank."""
        line, column = self.locator.locate(loc, key=key) if self.locator else (1, 1)
        return Problem(self.path, line, column, code, message)


def display_path(path: Path | str) -> str:
    """Path as the author typed it, relative to the working directory when possible."""
    candidate = Path(path)
    try:
        return str(candidate.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(candidate)


def load_bank(path: Path | str, *, shown_as: str | None = None) -> LoadResult:
    """Read and validate one bank file."""
    shown = shown_as or display_path(path)
    file_path = Path(path)
    try:
        size = file_path.stat().st_size
        if size > MAX_BANK_BYTES:
            return _failed(
                shown,
                f"the file is {size / 1048576:.1f} MB; banks are limited to "
                f"{MAX_BANK_BYTES // 1048576} MB: split it into several banks",
            )
        data = file_path.read_bytes()
    except FileNotFoundError:
        return _failed(shown, "no such file: check the path")
    except IsADirectoryError:
        return _failed(shown, "this is a folder, not a bank file: name a .yaml file")
    except OSError as exc:
        return _failed(shown, f"cannot read the file: {exc.strerror or exc}")
    return load_bank_bytes(data, shown)


def load_bank_bytes(data: bytes, path: str) -> LoadResult:
    """Decode and validate bank bytes (UTF-8, with or without a byte-order mark)."""
    if len(data) > MAX_BANK_BYTES:
        return _failed(path, f"the bank is larger than {MAX_BANK_BYTES // 1048576} MB: split it")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _failed(path, "the file is UTF-16 text: save it as UTF-8 in your editor")
    if b"\x00" in data:
        line, column = _position_of(data, data.index(b"\x00"))
        return _failed(
            path,
            "the file contains NUL bytes, so it is binary or UTF-16: save it as UTF-8 text",
            line,
            column,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = _position_of(data, exc.start)
        return _failed(
            path,
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x}): "
            "save it as UTF-8 in your editor",
            line,
            column,
        )
    return load_bank_text(text, path)


def load_bank_text(text: str, path: str) -> LoadResult:
    """Validate bank text; the fast path never computes a line number."""
    try:
        raw = parse(text)
    except BankYamlError as exc:
        return _failed(path, exc.message, exc.line, exc.column, ProblemCode.bank_parse)
    result = LoadResult(path, None, locator=Locator(text))
    if raw is None:
        result.problems.append(
            result.problem((), ProblemCode.bank_schema, "the bank is empty: start with `bank:`")
        )
        return result
    if not isinstance(raw, dict):
        result.problems.append(
            result.problem(
                (),
                ProblemCode.bank_schema,
                f"a bank is a mapping with `bank:`, `title:` and `questions:`, not a {_kind(raw)}",
            )
        )
        return result
    try:
        result.bank = Bank.model_validate(raw)
    except ValidationError as exc:
        result.problems.extend(_schema_problems(result, exc))
        result.salvaged = _salvage(raw)
        return result
    result.problems.extend(check_bank(result))
    return result


_QUESTION: TypeAdapter[Question] = TypeAdapter(Question)


def _salvage(raw: dict[Any, Any]) -> Bank | None:
    """The valid questions of a bank that failed validation, so a page keeps what it can.

    Why: one mistyped field in question 7 should not blank a 20-question quiz while the author
    fixes it; the located problem still names the fault. Works on data the loader has already
    read within its limits. ``None`` when the bank's own fields are broken or nothing is left.
    """
    questions = raw.get("questions")
    if not isinstance(questions, list):
        return None
    kept = []
    for item in questions:
        try:
            kept.append(_QUESTION.validate_python(item))
        except ValidationError:
            continue
    if not kept:
        return None
    try:
        return Bank.model_validate({**raw, "questions": [q.model_dump() for q in kept]})
    except ValidationError:
        return None


def check_bank(result: LoadResult) -> list[Problem]:
    """Cross-field checks the schema cannot express: duplicate ids, unknown objectives."""
    bank = result.bank
    assert bank is not None
    problems: list[Problem] = []
    seen_objectives: set[str] = set()
    for index, objective in enumerate(bank.objectives):
        if objective.id in seen_objectives:
            problems.append(
                result.problem(
                    ("objectives", index, "id"),
                    ProblemCode.duplicate_id,
                    f"objective id {objective.id!r} is used twice: give each objective its own id",
                )
            )
        seen_objectives.add(objective.id)
    first_seen: dict[str, int] = {}
    for index, question in enumerate(bank.questions):
        if question.id in first_seen:
            problems.append(
                result.problem(
                    ("questions", index, "id"),
                    ProblemCode.duplicate_id,
                    f"question id {question.id!r} is already used by question "
                    f"{first_seen[question.id] + 1}: ids must be unique and stable",
                )
            )
        else:
            first_seen[question.id] = index
        if question.objective is not None and question.objective not in seen_objectives:
            known = ", ".join(sorted(seen_objectives)) or "none declared"
            problems.append(
                result.problem(
                    ("questions", index, "objective"),
                    ProblemCode.unknown_objective,
                    f"objective {question.objective!r} is not declared in `objectives:` "
                    f"(declared: {known}): add it there or fix the id",
                )
            )
    return problems


def check_across_banks(results: Iterable[LoadResult]) -> list[Problem]:
    """Bank ids and question ids must be unique across banks of one language."""
    problems: list[Problem] = []
    bank_ids: dict[tuple[str, str], str] = {}
    question_ids: dict[tuple[str, str], str] = {}
    for result in results:
        bank = result.bank
        if bank is None:
            continue
        bank_key = (bank.language, bank.bank)
        if bank_key in bank_ids:
            problems.append(
                result.problem(
                    ("bank",),
                    ProblemCode.duplicate_id,
                    f"bank id {bank.bank!r} is also used by {bank_ids[bank_key]}: "
                    "give each bank its own id",
                )
            )
            continue
        bank_ids[bank_key] = result.path
        for index, question in enumerate(bank.questions):
            key = (bank.language, question.id)
            if key in question_ids and question_ids[key] != result.path:
                problems.append(
                    result.problem(
                        ("questions", index, "id"),
                        ProblemCode.duplicate_id,
                        f"question id {question.id!r} is also used in {question_ids[key]}: "
                        "ids must be unique across banks",
                    )
                )
            question_ids.setdefault(key, result.path)
    return problems


def load_banks(
    paths: Iterable[Path | str], *, on_loaded: Callable[[LoadResult], None] | None = None
) -> list[LoadResult]:
    """Load several banks and add the cross-bank checks to the results they concern.

    ``on_loaded`` hears of each bank as soon as it is read, so a command can show progress.
    """
    results = []
    for path in paths:
        results.append(load_bank(path))
        if on_loaded is not None:
            on_loaded(results[-1])
    by_path = {r.path: r for r in results}
    for problem in check_across_banks(results):
        by_path[problem.path].problems.append(problem)
    return results


def _failed(
    path: str,
    message: str,
    line: int = 1,
    column: int = 1,
    code: ProblemCode = ProblemCode.bank_read,
) -> LoadResult:
    return LoadResult(path, None, [Problem(path, line, column, code, message)])


def _position_of(data: bytes, offset: int) -> tuple[int, int]:
    before = data[:offset]
    line_start = before.rfind(b"\n") + 1
    return before.count(b"\n") + 1, len(before[line_start:].decode("utf-8", "replace")) + 1


def _kind(value: object) -> str:
    return {
        str: "piece of text",
        list: "list",
        dict: "mapping",
        bool: "true/false value",
        int: "number",
        float: "number",
    }.get(type(value), type(value).__name__)


def _field_path(loc: Sequence[str | int]) -> str:
    """``("questions", 2, "single", "choices", 0)`` -> ``questions[2].choices[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in names() or part[:1].isupper() or part.startswith("function-"):
            continue
        else:
            out += f".{part}" if out else part
    return out or "bank"


def _clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    return tuple(
        p
        for p in loc
        if isinstance(p, int) or not (p in names() or p[:1].isupper() or p.startswith("function-"))
    )


def _schema_problems(result: LoadResult, exc: ValidationError) -> list[Problem]:
    """One problem per faulty value, at most :data:`MAX_PROBLEMS_SHOWN` of them located.

    Why the cap: a bank whose 100,000 questions are all wrong needs its first few fixed,
    not 100,000 lines; locating each one would also cost a node per value.
    """
    problems: list[Problem] = []
    seen_locs: set[tuple[str | int, ...]] = set()
    errors = _drop_missing_explained_by_typo(exc.errors(include_url=False))
    for error in errors:
        loc = _clean_loc(error["loc"])
        if loc in seen_locs:
            continue  # a union reports each branch; the first message is the useful one
        seen_locs.add(loc)
        if len(seen_locs) > MAX_PROBLEMS_SHOWN:
            continue
        message, point_at_key = _sentence(error, loc)
        if error["type"] == "union_tag_invalid":
            loc = (*loc, "type")
        problems.append(result.problem(loc, ProblemCode.bank_schema, message, key=point_at_key))
    hidden = len(seen_locs) - MAX_PROBLEMS_SHOWN
    if hidden > 0:
        last = problems[-1]
        problems.append(
            Problem(
                result.path,
                last.line,
                last.column,
                ProblemCode.bank_schema,
                f"and {hidden} more problem(s) in this bank, not shown: fix these first",
            )
        )
    return problems


def _drop_missing_explained_by_typo(errors: list[Any]) -> list[Any]:
    """Drop "missing `prompt`" when a misspelt `promt` sits beside it.

    Why: the typo is the one thing to fix, and it is where the author must look; reporting the
    missing field first would point at the start of the question instead.
    """
    unknown = {
        (_clean_loc(e["loc"])[:-1], str(e["loc"][-1]))
        for e in errors
        if e["type"] == "extra_forbidden"
    }
    kept = []
    for error in errors:
        if error["type"] == "missing":
            loc = _clean_loc(error["loc"])
            siblings = [name for parent, name in unknown if parent == loc[:-1]]
            if difflib.get_close_matches(str(loc[-1]), siblings, n=1):
                continue
        kept.append(error)
    return kept


#: YAML 1.1 booleans that YAML 1.2, and so banks, read as text.
_YAML11_BOOLEANS = {
    **dict.fromkeys(("yes", "y", "on"), "true"),
    **dict.fromkeys(("no", "n", "off"), "false"),
}
_SEXAGESIMAL = re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$")


def schema_message(error: Any) -> str:
    """One pydantic error in the plain words a bank author reads (the same as for banks)."""
    return _sentence(error, _clean_loc(error["loc"]))[0]


def _sentence(error: Any, loc: tuple[str | int, ...]) -> tuple[str, bool]:
    """Plain-language message for one pydantic error; the second item says point at the key."""
    kind = error["type"]
    where = _field_path(loc)
    name = str(loc[-1]) if loc else "bank"
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return f"{_field_path(loc[:-1])}: missing required field `{name}`: add it", False
    if kind == "extra_forbidden":
        parent = error["loc"][-2] if len(error["loc"]) > 1 else None
        question_type = parent if parent in names() else None  # a question's own field
        owners = _field_owners(name)
        if question_type and owners:
            return (
                f"{where}: a {question_type} question has no field `{name}`; "
                f"{_joined(owners)} questions have it: change `type` or remove the field",
                True,
            )
        close = difflib.get_close_matches(name, [f for f in _known_fields() if f != name], n=1)
        tip = f"did you mean `{close[0]}`?" if close else "remove it"
        return f"{where}: unknown field `{name}`: {tip}", True
    if kind in {"union_tag_invalid", "union_tag_not_found"}:
        types = ", ".join(names())
        if kind == "union_tag_not_found":
            return f"{where}: the question has no `type`: add one of {types}", False
        return f"{where}: unknown question type {ctx.get('tag')!r}: use one of {types}", False
    if kind == "string_too_short":
        return f"{where}: `{name}` is empty: write the text", False
    if kind == "string_too_long":
        limit = ctx.get("max_length", MAX_FIELD_CHARS)
        return f"{where}: `{name}` is longer than {limit} characters: shorten it", False
    if kind == "string_pattern_mismatch":
        if name == "language":
            return (
                f"{where}: {value!r} is not a language code: write a BCP 47 code such as "
                "`en`, `fa` or `pt-BR`",
                False,
            )
        if name in {"see"}:
            return (
                f"{where}: {value!r} is not a link target: write `page` or `page#anchor` "
                "with letters, digits, `-`, `_` and `/` only",
                False,
            )
        return (
            f"{where}: {value!r} is not a valid id: use letters, digits, `-`, `_` and `.`, "
            "starting with a letter or digit",
            False,
        )
    if kind == "too_short":
        return (
            f"{where}: `{name}` needs at least {ctx.get('min_length')} item(s), "
            f"found {ctx.get('actual_length')}",
            False,
        )
    if kind in {"string_type", "list_type", "dict_type", "model_type", "model_attributes_type"}:
        wanted = {
            "string_type": "text",
            "list_type": "a list",
            "dict_type": "a mapping",
            "model_type": "a mapping",
            "model_attributes_type": "a mapping",
        }[kind]
        hint = " (put quotes around it)" if wanted == "text" and value is not None else ""
        if isinstance(loc[-1:][0] if loc else None, int):
            name = {"questions": "each question", "objectives": "each objective"}.get(
                str(loc[-2]) if len(loc) > 1 else "", "each item"
            )
            return f"{where}: {name} should be {wanted}, not a {_kind(value)}{hint}", False
        return f"{where}: `{name}` should be {wanted}, not a {_kind(value)}{hint}", False
    if kind in {"bool_type", "bool_parsing"}:
        meant = _YAML11_BOOLEANS.get(str(value).lower()) if isinstance(value, str) else None
        tip = f" (YAML 1.2 reads {value} as text): write `{meant}`" if meant else ""
        return f"{where}: `{name}` should be true or false, not {value!r}{tip}", False
    if kind in {"int_type", "int_parsing", "int_from_float", "float_type", "float_parsing"}:
        tip = ""
        if isinstance(value, str) and _SEXAGESIMAL.match(value):
            tip = " (YAML 1.2 reads it as text, not as minutes and seconds): write one number"
        return f"{where}: `{name}` should be a number, not {value!r}{tip}", False
    if kind == "literal_error":
        return f"{where}: {value!r} is not allowed: use {ctx.get('expected')}", False
    if kind in {"greater_than_equal", "greater_than"}:
        bound = ctx.get("ge", ctx.get("gt"))
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)
        return f"{where}: `{name}` must be at least {bound}, not {value!r}", False
    if kind == "value_error":
        text = str(ctx.get("error") or error["msg"]).removeprefix("Value error, ")
        return f"{where}: {text}", False
    return f"{where}: {error['msg']}", False
