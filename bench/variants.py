"""Deterministic variations of real paragraphs, to build 10k/100k-paragraph stores
without hours of embedding.

Copy `c` of a paragraph keeps its words and shifts its numbers: every digit run
of the symbol moves by `c * 1000` (so the symbol is new and unique per copy) and
every digit run of the text by `c` (years, paragraph numbers and cited
resolutions change, so BM25 sees a slightly different vocabulary). Its vector is
the real embedding of the original text plus small Gaussian noise seeded from
(copy, paragraph id), renormalized, so dense search runs over a realistic,
non-degenerate cloud.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

_DIGITS = re.compile(r"\d+")


def vary_symbol(symbol: str, copy: int) -> str:
    """A new, unique symbol for copy `copy` (copy 0 is the original).

    >>> vary_symbol("A/RES/79/331", 2)
    'A/RES/2079/2331'
    """
    if copy == 0:
        return symbol
    if not _DIGITS.search(symbol):
        return f"{symbol}/V{copy}"
    return _DIGITS.sub(lambda m: str(int(m.group()) + copy * 1000), symbol)


def vary_text(text: str, copy: int) -> str:
    """The text with each number shifted by `copy`.

    >>> vary_text("recalling resolution 2758 (XXVI) of 25 October 1971", 3)
    'recalling resolution 2761 (XXVI) of 28 October 1974'
    """
    if copy == 0:
        return text
    return _DIGITS.sub(lambda m: str(int(m.group()) + copy), text)


def _seed(copy: int, key: str) -> int:
    return int.from_bytes(hashlib.sha256(f"{copy}\x00{key}".encode()).digest()[:8], "little")


def noisy_vector(vector, copy: int, key: str, scale: float = 0.01) -> np.ndarray:
    """The unit vector `vector` plus N(0, scale²) noise per dimension, renormalized.

    Seeded from (copy, key): the same inputs always give the same vector.
    """
    base = np.asarray(vector, dtype=np.float32)
    if copy == 0:
        return base
    rng = np.random.default_rng(_seed(copy, key))
    out = base + rng.normal(0.0, scale, size=base.shape).astype(np.float32)
    return out / np.linalg.norm(out)


def copies_needed(target: int, base: int) -> int:
    """How many copies (including the original, copy 0) reach `target` paragraphs.

    >>> copies_needed(10_000, 3_000)
    4
    """
    if base <= 0:
        raise ValueError(f"base paragraph count must be positive, got {base!r}")
    return max(1, -(-target // base))
