"""The sample pages' translations, written out as gettext catalogs (``locales/<lang>/*.po``).

``translations/<lang>.yaml`` holds, for each page, its English messages (exactly as
``sphinx-build -b gettext`` extracts them) with their translation. Persian's file lists every
message, so it doubles as the inventory: a language without a file gets catalogs with every
message and an empty translation, ready for a translator, and its edition shows English.
"""

from __future__ import annotations

from pathlib import Path

import yaml

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
INVENTORY_LANGUAGE = "fa"
#: Languages whose sample text is written in the language itself.
WRITTEN = frozenset(path.stem for path in TRANSLATIONS.glob("*.yaml"))


def load_translation(language: str) -> dict[str, dict[str, str]]:
    """docname -> {English message: translation} for ``language`` (empty translations if none)."""
    path = TRANSLATIONS / f"{language}.yaml"
    if path.is_file():
        data: dict[str, dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return data
    inventory = load_translation(INVENTORY_LANGUAGE)
    return {doc: dict.fromkeys(messages, "") for doc, messages in inventory.items()}


def _quote(text: str) -> str:
    """One PO string literal, split after each newline as gettext tools do."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = escaped.split("\n")
    if len(lines) == 1:
        return f'"{escaped}"'
    parts = [f'"{line}\\n"' for line in lines[:-1]] + ([f'"{lines[-1]}"'] if lines[-1] else [])
    return '""\n' + "\n".join(parts)


def po_text(language: str, project: str, messages: dict[str, str]) -> str:
    """A complete ``.po`` file: header, then one entry per message, in page order."""
    header = (
        "# Translations of one page; edit the msgstr lines, keep the msgid lines as they are.\n"
        'msgid ""\n'
        'msgstr ""\n'
        f'{_quote(f"Project-Id-Version: {project}")[:-1]}\\n"\n'
        f'"Language: {language}\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=utf-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
    )
    entries = [
        f"msgid {_quote(msgid)}\nmsgstr {_quote(msgstr)}\n" for msgid, msgstr in messages.items()
    ]
    return "\n".join([header, *entries])
