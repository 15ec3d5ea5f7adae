"""The previous version of a document: the most similar earlier document on the same subject.

Each year's resolution on an agenda item is negotiated against last year's, and mandate renewals
follow each other; the previous version is the earlier indexed document of the same organ with the
same title (when the title says more than the symbol), else the one whose wording is closest.

    previous_version(library, "S/RES/482 (1980)")   # "S/RES/472 (1980)" when both are indexed
"""

from __future__ import annotations

import re

from compare.diff import tokens
from index.links import title_key
from ingest.symbols import normalize_symbol, symbols_equal

MIN_OVERLAP = 0.35  # share of distinct words two versions of one text have in common at least
NEAR_TIE = 0.03


def chronology(info) -> tuple:
    """Sort key: year, then the number the symbol ends with (S/RES/482 (1980) → 482)."""
    numbers = re.findall(r"\d+", normalize_symbol(info.symbol).split(" (")[0])
    return (info.year or 0, int(numbers[-1]) if numbers else 0)


def _organ(symbol: str) -> str:
    return normalize_symbol(symbol).split("/", 1)[0]


def _generic(title: str, symbol: str) -> bool:
    number = re.findall(r"\d+", normalize_symbol(symbol).split(" (")[0])
    return not title or symbols_equal(title, symbol) or bool(number and number[-1] in title and len(title) < 60)


def _words(library, info) -> set[str]:
    return {t.casefold() for r in library.sidecar(info) for t in tokens(r["text"], info.lang) if t.strip()}


def previous_version(library, symbol: str, lang: str | None = None) -> str | None:
    """The symbol of the indexed document that `symbol` most likely replaced, or None."""
    docs = library.documents()
    mine = [d for d in docs if symbols_equal(d.symbol, symbol)]
    if not mine:
        return None
    me = next((d for d in mine if d.lang == lang), mine[0])
    earlier = [d for d in docs if d.lang == me.lang and not symbols_equal(d.symbol, symbol)
               and _organ(d.symbol) == _organ(symbol) and chronology(d) < chronology(me)]
    if not earlier:
        return None
    if not _generic(me.title, me.symbol):
        same_title = [d for d in earlier if title_key(d.title) == title_key(me.title)]
        if same_title:
            return max(same_title, key=chronology).symbol
    mine_words = _words(library, me)
    scored = []
    for d in earlier:
        other = _words(library, d)
        union = mine_words | other
        scored.append((len(mine_words & other) / len(union) if union else 0.0, d))
    top = max(score for score, _ in scored)
    if top < MIN_OVERLAP:
        return None
    # near-ties (renewals a few months apart read alike): the latest earlier one is the previous version
    close = [d for score, d in scored if score >= top - NEAR_TIE]
    return max(close, key=chronology).symbol
