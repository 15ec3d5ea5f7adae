"""Aligning the paragraphs of two documents by content, in document order.

A monotonic alignment (an edit-distance style dynamic programme over the two paragraph sequences) that
maximizes the summed similarity of the paired paragraphs: a renumbered paragraph (op2 → op3 after an
insertion) pairs with its counterpart, and a paragraph with no counterpart above `MIN_SIMILARITY`
is added or removed. Paragraphs pair only within a section (title, preamble, operative part, annex,
footnotes). Every paragraph of each side appears exactly once, in its document's order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from compare.diff import normalized, similarity, word_diff

MIN_SIMILARITY = 0.45  # below this two paragraphs are different paragraphs, not two versions of one
_SECTION = {"title": "title", "preamble": "preamble", "operative": "operative", "subparagraph": "operative",
            "annex": "annex", "footnote": "footnote", "paragraph": "operative"}


@dataclass(frozen=True)
class Para:
    ref: str
    text: str
    kind: str


@dataclass(frozen=True)
class Pair:
    a: str | None
    b: str | None
    status: str  # same | changed | added | removed | aligned (across languages: wording not compared)
    similarity: float
    diff: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "status": self.status, "similarity": round(self.similarity, 3),
                "diff": [list(s) for s in self.diff]}


def section(kind: str) -> str:
    return _SECTION.get(kind, kind)


def _monotonic(n: int, m: int, score) -> list[tuple[int, int]]:
    """Index pairs (i, j), increasing in both, that maximize the sum of `score(i, j)` (None = may not pair)."""
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 0 pair, 1 skip a, 2 skip b
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            options = [(best[i - 1][j], 1), (best[i][j - 1], 2)]
            s = score(i - 1, j - 1)
            if s is not None:
                options.append((best[i - 1][j - 1] + s, 0))
            best[i][j], move[i][j] = max(options, key=lambda o: (o[0], -o[1]))
    pairs = []
    i, j = n, m
    while i and j:
        if move[i][j] == 0:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif move[i][j] == 1:
            i -= 1
        else:
            j -= 1
    return pairs[::-1]


def _merge(a: list[Para], b: list[Para], pairs: list[tuple[int, int]], make) -> list[Pair]:
    """Interleave: unpaired paragraphs of A (removed) before those of B (added) before each pair."""
    out: list[Pair] = []
    i = j = 0
    for pi, pj in [*pairs, (len(a), len(b))]:
        out.extend(Pair(a[k].ref, None, "removed", 0.0, (("-", a[k].text),)) for k in range(i, pi))
        out.extend(Pair(None, b[k].ref, "added", 0.0, (("+", b[k].text),)) for k in range(j, pj))
        if pi < len(a) and pj < len(b):
            out.append(make(pi, pj))
        i, j = pi + 1, pj + 1
    return out


def align(a: list[Para], b: list[Para], lang: str | None = None) -> list[Pair]:
    """Same-language alignment: by content, with `same`/`changed` and a word diff for each pair."""
    cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float | None:
        if section(a[i].kind) != section(b[j].kind):
            return None
        if normalized(a[i].text) == normalized(b[j].text):
            s = 1.0
        else:
            s = similarity(a[i].text, b[j].text, lang)
        cache[(i, j)] = s
        # the same number breaks a tie between two equally similar candidates
        return s + (0.01 if a[i].ref == b[j].ref else 0.0) if s >= MIN_SIMILARITY else None

    def make(i: int, j: int) -> Pair:
        pa, pb = a[i], b[j]
        if normalized(pa.text) == normalized(pb.text):
            return Pair(pa.ref, pb.ref, "same", 1.0, (("=", pb.text),))
        return Pair(pa.ref, pb.ref, "changed", cache[(i, j)],
                    tuple(tuple(x) for x in word_diff(pa.text, pb.text, lang)))

    return _merge(a, b, _monotonic(len(a), len(b), score), make)


_NUMBERS = re.compile(r"\d+(?:[./]\d+)*")


def align_across_languages(a: list[Para], b: list[Para]) -> list[Pair]:
    """Different languages: pair by number and by the numbers (dates, symbols) the texts print.

    The wording is not compared: a pair's status is `aligned` and its diff is empty.
    """
    def signature(p: Para) -> set[str]:
        return set(_NUMBERS.findall(p.text))

    sig_a, sig_b = [signature(p) for p in a], [signature(p) for p in b]

    def score(i: int, j: int) -> float | None:
        if section(a[i].kind) != section(b[j].kind):
            return None
        union = sig_a[i] | sig_b[j]
        shared = len(sig_a[i] & sig_b[j]) / len(union) if union else 0.0
        same_ref = a[i].ref == b[j].ref
        s = 0.5 * same_ref + 0.5 * shared
        return s if s >= 0.5 else None

    def make(i: int, j: int) -> Pair:
        return Pair(a[i].ref, b[j].ref, "aligned", score(i, j) or 0.0)

    return _merge(a, b, _monotonic(len(a), len(b), score), make)
