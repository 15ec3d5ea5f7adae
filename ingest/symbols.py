"""UN document symbols: normalization, comparison, and stable ids from file names.

The printed form is the normal form: `A/RES/79/331`, `A/RES/ES-10/22`,
`A/ES-10/L.27`, `S/RES/2446 (2018)`, `A/RES/217 (III) A`.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# Segments the UN prints in mixed case; everything else in a symbol is upper case.
_MIXED_CASE = {"CORR": "Corr", "ADD": "Add", "REV": "Rev", "AMEND": "Amend"}
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2212"


def normalize_symbol(s: str) -> str:
    """The printed form of a symbol, however it was typed.

    >>> normalize_symbol(" s/res/2446(2018) ")
    'S/RES/2446 (2018)'
    >>> normalize_symbol("A/RES/ES–10/22")
    'A/RES/ES-10/22'
    """
    text = str(s).translate({ord(d): "-" for d in _DASHES})
    text = re.sub(r"\s+", " ", text).strip().upper()
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"\s*\(\s*", " (", text)
    text = re.sub(r"\s*\)", ")", text)
    text = re.sub(r"\)(?=[A-Z0-9])", ") ", text)
    text = re.sub(r"^\(", "(", text).strip()
    for upper, mixed in _MIXED_CASE.items():
        text = re.sub(rf"\b{upper}\.", f"{mixed}.", text)
    return text


def symbol_key(s: str) -> str:
    """The comparison key: no spaces, no case."""
    return re.sub(r"\s+", "", normalize_symbol(s)).casefold()


@functools.lru_cache(maxsize=4)
def symbols_by_key(symbols: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The symbols of a set by their comparison key (`symbol_key`), each key's in sorted order.

    >>> symbols_by_key(frozenset({"S/RES/2446 (2018)"}))["s/res/2446(2018)"]
    ('S/RES/2446 (2018)',)
    """
    index: dict[str, list[str]] = {}
    for symbol in sorted(symbols):
        index.setdefault(symbol_key(symbol), []).append(symbol)
    return {key: tuple(found) for key, found in index.items()}


def symbols_equal(a: str, b: str) -> bool:
    """Compare two symbols ignoring spaces and case.

    >>> symbols_equal("S/RES/2446 (2018)", "s/res/2446(2018)")
    True
    """
    return symbol_key(a) == symbol_key(b)


_FILENAME_RULES: tuple[tuple[str, str], ...] = (
    (r"^S_RES_0*(\d+)_(\d{4})$", r"S/RES/\1 (\2)"),
    (r"^A_RES_(\d+)_([IVXL]+)_([A-Z])(?:_.*)?$", r"A/RES/\1 (\2) \3"),
    (r"^A_RES_(\d+)_([IVXL]+)(?:_.*)?$", r"A/RES/\1 (\2)"),
    (r"^A_RES_(ES-\d+|\d+)_(\d+)$", r"A/RES/\1/\2"),
    (r"^A_(ES-\d+|\d+)_L\.?(\d+)$", r"A/\1/L.\2"),
    (r"^A_L\.?(\d+)(?:_.*)?$", r"A/L.\1"),
    (r"^A_(\d+)_(\d+)$", r"A/\1/\2"),
)


def symbol_from_filename(name: str | Path) -> str:
    """A stable id for a file that prints no symbol, derived from its name.

    >>> symbol_from_filename("S_RES_0087_1950.txt")
    'S/RES/87 (1950)'
    >>> symbol_from_filename("A_RES_55_100.partial.txt")
    'A/RES/55/100'
    """
    stem = Path(str(name)).name
    stem = re.sub(r"\.(?:txt|pdf|docx|html?)$", "", stem, flags=re.I)
    stem = re.sub(r"\.(?:partial|draft)$", "", stem, flags=re.I)
    for pattern, template in _FILENAME_RULES:
        match = re.match(pattern, stem, flags=re.I)
        if match:
            return normalize_symbol(match.expand(template))
    cleaned = re.sub(r"[^\w.\-]+", "_", stem).strip("_") or "document"
    return f"FILE/{cleaned}"
