"""Read bank YAML safely and fast, and find the line of any value when a problem needs it.

Why two paths: libyaml's C parser builds plain Python objects several times faster than any
position-keeping loader, and a valid bank never needs positions. Only when a problem must be
reported do we compose the node tree (still in C) and walk it to the offending value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, ClassVar

import yaml

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class BankYamlError(Exception):
    """YAML that banks refuse, with the 1-based position of the fault."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


#: Deepest nesting of lists and mappings a bank may use; real banks need five levels
#: (bank, questions, a question, its choices, a choice), and deep nesting only costs.
MAX_DEPTH = 20
#: Most values (texts, numbers, lists, mappings) one bank may hold. A 2,000-question bank
#: uses about 60,000; the cap keeps a runaway file from costing gigabytes.
MAX_VALUES = 100_000
#: Longest number, in digits; no answer key needs more, and Python refuses over 4,300.
MAX_DIGITS = 100

_ANCHOR_MESSAGE = (
    "YAML anchors and aliases (`&name` / `*name`) are not allowed in banks: "
    "write the value out in full"
)
_DEPTH_MESSAGE = (
    f"lists and mappings are nested more than {MAX_DEPTH} levels deep here; a bank needs "
    "about five: check for stray `[`, `{` or `-`"
)
_INT = "tag:yaml.org,2002:int"
_AMBIGUOUS_INT = "tag:quizgen:ambiguous-int"
#: Characters that break XML exports and terminals: C0 controls but tab and line ends, DEL,
#: C1 controls, lone surrogates and the two non-characters YAML itself refuses.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


class _StrictLoader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader for YAML 1.2 core, refusing aliases, merge keys and duplicate keys."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise _error_at(node.start_mark, _ANCHOR_MESSAGE)
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _error_at(
                    key_node.start_mark,
                    "a key here is itself a list or mapping: keys must be plain text "
                    "(check for a stray `:` or `?`)",
                )
            key = key_node.value
            if key == "<<":
                raise _error_at(
                    key_node.start_mark,
                    "YAML merge keys (`<<:`) are not allowed in banks: write each field "
                    "out in full",
                )
            if key in seen:
                raise _error_at(
                    key_node.start_mark,
                    f"the key {key!r} appears twice in this mapping: keep one",
                )
            seen.add(key)
        return dict(super().construct_mapping(node, deep=deep))

    def construct_core_int(self, node: yaml.ScalarNode) -> int:
        """Decimal, ``0o`` octal or ``0x`` hex, as YAML 1.2 core reads them."""
        value = str(node.value)
        digits = value.lstrip("+-")
        if len(digits) > MAX_DIGITS:
            raise _error_at(
                node.start_mark,
                f"this number has {len(digits)} digits; banks take numbers of up to "
                f"{MAX_DIGITS} digits: shorten it, or put quotes around it if it is text",
            )
        return int(value, 0) if digits[:2] in {"0x", "0o"} else int(value)

    def construct_core_float(self, node: yaml.ScalarNode) -> float:
        value = str(node.value).lower()
        if value.lstrip("+-") == ".inf":
            return float(value.replace(".inf", "inf"))
        return float("nan") if value == ".nan" else float(value)

    def construct_ambiguous_int(self, node: yaml.ScalarNode) -> int:
        value = str(node.value)
        sign, digits = ("-" if value.startswith("-") else ""), value.lstrip("+-")
        raise _error_at(
            node.start_mark,
            f"`{value}` has a leading zero, which older YAML reads as an octal number "
            f"({sign}{int(digits, 8) if set(digits) <= set('01234567') else '?'}) and YAML 1.2 "
            f"as {sign}{int(digits)}: write `{sign}{int(digits)}`, or put quotes around it "
            "if the zero belongs to the text",
        )


# Banks follow the YAML 1.2 core schema: yes/no/on/off, 1:30, 1_000 and dates stay text,
# 010 is refused as ambiguous, and no other implicit type (merge, value, timestamp) exists.
_StrictLoader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("tag:yaml.org,2002:bool", r"true|True|TRUE|false|False|FALSE", "tTfF"),
    ("tag:yaml.org,2002:null", r"~|null|Null|NULL|", ["~", "n", "N", ""]),
    (_AMBIGUOUS_INT, r"[-+]?0[0-9]+", "-+0"),
    (_INT, r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+", "-+0123456789"),
    (
        "tag:yaml.org,2002:float",
        r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)",
        "-+.0123456789",
    ),
):
    _StrictLoader.add_implicit_resolver(_tag, re.compile(f"^(?:{_pattern})$"), list(_first))
_StrictLoader.yaml_constructors = {
    tag: constructor
    for tag, constructor in _Base.yaml_constructors.items()
    if tag is None or tag.rsplit(":", 1)[-1] in {"null", "bool", "str", "seq", "map"}
}
_StrictLoader.add_constructor(_INT, _StrictLoader.construct_core_int)
_StrictLoader.add_constructor("tag:yaml.org,2002:float", _StrictLoader.construct_core_float)
_StrictLoader.add_constructor(_AMBIGUOUS_INT, _StrictLoader.construct_ambiguous_int)


#: Plain advice appended to libyaml's terse messages for the mistakes authors make most.
_SYNTAX_HINTS = {
    "found a tab character that violates indentation": ": indent with spaces, not tabs",
    "mapping values are not allowed here": (
        ": check the indentation, or put quotes around text that contains `: `"
    ),
    "mapping values are not allowed in this context": (
        ": check the indentation, or put quotes around text that contains `: `"
    ),
}


def _error_at(mark: Any, message: str) -> BankYamlError:
    """A refusal at a parser mark (pure-Python and libyaml marks alike)."""
    if mark is None:
        return BankYamlError(message, 1, 1)
    return BankYamlError(message, mark.line + 1, mark.column + 1)


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character offset, counting lines as YAML does."""
    before = text[:index]
    line_start = max(before.rfind(c) for c in "\n\r\x85\u2028\u2029") + 1
    return len(re.findall(r"\r\n|[\r\n\x85\u2028\u2029]", before)) + 1, index - line_start + 1


def _refuse_control_characters(text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        line, column = _position(text, found.start())
        raise BankYamlError(_control_message(found.group()), line, column)


def _control_message(char: str) -> str:
    return (
        f"the text holds the control character U+{ord(char):04X}, which cannot be shown or "
        "exported: delete it (retype the text around it if you cannot see it)"
    )


def _scan(text: str) -> None:
    """Walk the event stream once, refusing what banks forbid before anything is built.

    Why a separate pass: the C parser streams events in constant memory, so a million-item
    list or 1,000 levels of nesting are refused after reading at most :data:`MAX_VALUES`
    events, before a node tree (hundreds of bytes per value) exists. Anchors and tags are
    refused here too, since a built value no longer shows whether it had one.
    """
    depth = values = 0
    scalar, alias = yaml.ScalarEvent, yaml.AliasEvent
    opening = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
    closing = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
    events: Iterable[Any] = yaml.parse(text, Loader=_Base)  # read by class, not by attribute
    for event in events:
        kind = type(event)
        if kind is scalar or kind in opening:
            # Aliases, and anchors even when nothing refers to them, are refused; so are tags.
            if event.anchor is not None:
                raise _error_at(event.start_mark, _ANCHOR_MESSAGE)
            if event.tag is not None:
                raise _error_at(
                    event.start_mark,
                    f"YAML tags (`{_short_tag(event.tag)}`) are not allowed in banks: remove "
                    "the tag and write plain text, in quotes if it looks like a number or "
                    "true/false",
                )
            values += 1
            if values > MAX_VALUES:
                raise _error_at(
                    event.start_mark,
                    f"the bank holds more than {MAX_VALUES:,} values (texts, numbers, lists); "
                    "split it into several banks",
                )
            if kind is not scalar:
                depth += 1
                if depth > MAX_DEPTH:
                    raise _error_at(event.start_mark, _DEPTH_MESSAGE)
        elif kind in closing:
            depth -= 1
        elif kind is alias:
            raise _error_at(event.start_mark, _ANCHOR_MESSAGE)
        if kind is scalar and _CONTROL.search(event.value):
            # An escape such as "\x07" in quotes: point at the text that holds it.
            raise _error_at(event.start_mark, _control_message(_CONTROL.findall(event.value)[0]))


def _short_tag(tag: str) -> str:
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org") else tag


def parse(text: str) -> Any:
    """Parse bank text (YAML 1.2 core) into plain Python data.

    :raises BankYamlError: on invalid YAML, anchors, aliases, tags, merge or duplicate keys,
        control characters, ambiguous or overlong numbers, too deep nesting or too many values.
    """
    _refuse_control_characters(text)
    try:
        _scan(text)
        return yaml.load(text, Loader=_StrictLoader)
    except BankYamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(text, exc) from None
    except yaml.YAMLError as exc:
        raise BankYamlError(f"YAML error: {exc}", 1, 1) from None


def _syntax_error(text: str, exc: yaml.MarkedYAMLError) -> BankYamlError:
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "invalid YAML"
    if "maximum nesting depth" in what and mark is not None:  # libyaml's own limit, 1,000
        return _error_at(mark, _DEPTH_MESSAGE)
    if "end of stream" in what and exc.context_mark is not None:
        # The end of the file is a useless place to point at; the opening is where to fix.
        mark = exc.context_mark
        what = (
            "this quoted text has no closing quote: add the matching quote mark"
            if "quoted scalar" in (exc.context or "")
            else f"the file ends inside a value that starts here ({exc.context})"
        )
    else:
        what += _SYNTAX_HINTS.get(what, "")
        opened = exc.context_mark
        bracket = text[opened.index] if opened is not None and opened.index < len(text) else ""
        if exc.context and "flow" in exc.context and bracket in {"[", "{"}:
            assert opened is not None
            what += f": the `{bracket}` on line {opened.line + 1} is not closed"
        elif exc.context:
            what = f"{what} ({exc.context})"
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return BankYamlError(f"YAML syntax error: {what}", line, column)


class _PositionLoader(_Base):  # type: ignore[misc,valid-type]
    """Composes nodes without resolving their types: positions are all a locator needs."""

    yaml_implicit_resolvers: ClassVar[dict[Any, Any]] = {}


class Locator:
    """Maps a data path such as ``("questions", 2, "choices")`` to a line and column."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def _tree(self) -> yaml.Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = yaml.compose(self._text, Loader=_PositionLoader)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def locate(self, path: Sequence[str | int], *, key: bool = False) -> tuple[int, int]:
        """Return the 1-based position of the deepest node the path reaches.

        Path parts that name no node (pydantic adds union tags like ``"single"``) are skipped.
        With ``key=True`` the position of the last mapping key is returned, which is where
        an unknown or duplicate field should point.
        """
        node = self._tree()
        if node is None:
            return (1, 1)
        position = node.start_mark
        for part in path:
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        position = key_node.start_mark if key else value_node.start_mark
                        node = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                node = node.value[part]
                position = node.start_mark
        return (position.line + 1, position.column + 1)


class _BankDumper(yaml.SafeDumper):
    """Writes plain text only where both YAML 1.1 and 1.2 readers would read it as text."""


_BankDumper.yaml_implicit_resolvers = {
    first: [*yaml.SafeDumper.yaml_implicit_resolvers.get(first, []), *resolvers]
    for first, resolvers in (
        *yaml.SafeDumper.yaml_implicit_resolvers.items(),
        *_StrictLoader.yaml_implicit_resolvers.items(),
    )
}


def dump(data: Any) -> str:
    """Bank data as YAML that :func:`parse` (and older YAML tools) read back unchanged.

    Why not ``yaml.safe_dump``: it follows YAML 1.1, so it leaves ``1e5`` or ``0o17`` unquoted,
    and a YAML 1.2 reader would then read a number where the bank held text.
    """
    return yaml.dump(data, Dumper=_BankDumper, allow_unicode=True, sort_keys=False, width=100)
