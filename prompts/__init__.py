"""Prompt templates, one file per template and language: `prompts/NAME.LANG.txt`.

Templates use `str.format` placeholders; `placeholders()` lists them so a test can
check they match what the code passes.
"""

from __future__ import annotations

import string
from pathlib import Path

from resqa.errors import ConfigError

PROMPT_DIR = Path(__file__).resolve().parent
FALLBACK_LANG = "en"


def _path(name: str, lang: str) -> Path:
    if not name.replace("_", "").isalnum() or not lang.isalpha():
        raise ConfigError(f"bad prompt name or language: {name!r}, {lang!r}")
    path = PROMPT_DIR / f"{name}.{lang}.txt"
    if path.is_file():
        return path
    fallback = PROMPT_DIR / f"{name}.{FALLBACK_LANG}.txt"
    if fallback.is_file():
        return fallback
    raise ConfigError(f"no prompt template {name!r} (looked for {path.name} and {fallback.name})")


def load(name: str, lang: str) -> str:
    """The template `name` in `lang`, falling back to English for other languages.

    >>> "{question}" in load("question", "zh")
    True
    """
    return _path(name, lang).read_text(encoding="utf-8")


def placeholders(name: str, lang: str) -> set[str]:
    """The `{placeholder}` names a template expects."""
    return {field for _lit, field, _spec, _conv in string.Formatter().parse(load(name, lang)) if field}


def available() -> list[tuple[str, str]]:
    """Every (name, lang) pair there is a file for."""
    return sorted(tuple(p.name.removesuffix(".txt").split(".", 1)) for p in PROMPT_DIR.glob("*.*.txt"))
