"""Read bank YAML safely and fast, and find the line of any value when a problem needs it.

Why two paths: libyaml's C parser builds plain Python objects several times faster than any
position-keeping loader, and a valid bank never needs positions. Only when a problem must be
reported do we compose the node tree (still in C) and walk it to the offending value.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import yaml

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class BankYamlError(Exception):
    """YAML that banks refuse, with the 1-based position of the fault."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


class _StrictLoader(_Base):  # type: ignore[misc,valid-type]
    """Safe loader that refuses aliases (alias bombs) and duplicate keys (silent overwrites)."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            mark = node.start_mark
            raise BankYamlError(
                "YAML anchors and aliases (`&name` / `*name`) are not allowed in banks: "
                "write the value out in full",
                mark.line + 1,
                mark.column + 1,
            )
        return super().construct_object(node, deep=deep)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                mark = key_node.start_mark
                raise BankYamlError(
                    "a key here is itself a list or mapping: keys must be plain text "
                    "(check for a stray `:` or `?`)",
                    mark.line + 1,
                    mark.column + 1,
                )
            key = key_node.value
            if key in seen:
                mark = key_node.start_mark
                raise BankYamlError(
                    f"the key {key!r} appears twice in this mapping: keep one",
                    mark.line + 1,
                    mark.column + 1,
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# YAML 1.1 reads yes/no/on/off as booleans; banks follow YAML 1.2, where they are text.
_StrictLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for key, resolvers in _Base.yaml_implicit_resolvers.items()
}
_StrictLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


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


def parse(text: str) -> Any:
    """Parse bank text into plain Python data.

    :raises BankYamlError: on invalid YAML, aliases, duplicate keys or unknown tags.
    """
    try:
        return yaml.load(text, Loader=_StrictLoader)
    except BankYamlError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or "invalid YAML"
        if "could not determine a constructor" in what:
            what = "custom YAML tags (`!tag`) are not allowed in banks: remove the tag"
        elif "end of stream" in what and exc.context_mark is not None:
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
            if exc.context and "flow" in exc.context and opened is not None:
                bracket = "[" if "sequence" in exc.context else "{"
                what += f": the `{bracket}` on line {opened.line + 1} is not closed"
            elif exc.context:
                what = f"{what} ({exc.context})"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise BankYamlError(f"YAML syntax error: {what}", line, column) from None
    except yaml.YAMLError as exc:
        raise BankYamlError(f"YAML error: {exc}", 1, 1) from None


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
                self._root = yaml.compose(self._text, Loader=_Base)
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
