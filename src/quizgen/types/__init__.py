"""Question types: one module per type, and the registry every renderer and format asks.

A project or package adds a type with :func:`register`; see ``CONTRIBUTING.md``.
"""

from __future__ import annotations

from quizgen.types.registry import (
    OUTPUTS,
    WIDGETS,
    Note,
    QuestionType,
    TypeRegistrationError,
    Unsupported,
    all_types,
    get,
    names,
    of,
    register,
    unregister,
)

__all__ = [
    "OUTPUTS",
    "WIDGETS",
    "Note",
    "QuestionType",
    "TypeRegistrationError",
    "Unsupported",
    "all_types",
    "get",
    "names",
    "of",
    "register",
    "unregister",
]
