"""The no-answer rule: does any retrieved paragraph actually support an answer?

Similarity alone can't tell (scores of unanswerable questions sit close to those of
answerable ones), so the rule asks for lexical evidence: the paragraph must contain
most of the question's content terms, after expansion across zh/en/fr through the
glossary, with at least one specific (non-generic) term among them. When the dense
channel scored the paragraph, its cosine must also clear a floor. See docs/answer.md
for how the thresholds were chosen.
"""

from __future__ import annotations

from dataclasses import dataclass

from answer.terms import Term, coverage, matched
from index.hits import Hit

# Share of the question's (weighted) content terms a paragraph must contain.
MIN_COVERAGE = 0.7
# The same for the paragraphs of a list answer (each must concern the topic, not answer a fact).
LIST_MIN_COVERAGE = 0.7
# Lowest cosine (multilingual-e5) of a supporting paragraph; below it the paragraph is
# off-topic even when words happen to match. Ignored when there is no dense score.
MIN_DENSE = 0.0
# A paragraph the dense channel ranks well above the rest of its language (cosine minus the
# 10th cosine in that language, see index/retrieval.py) needs less term coverage: each unit
# of margin counts as DENSE_WEIGHT units of coverage. Calibrated on dev (docs/quality.md).
DENSE_WEIGHT = 10.0
# Only the best-ranked paragraphs can support a lookup answer.
LOOKUP_DEPTH = 8


@dataclass(frozen=True)
class Support:
    hit: Hit
    coverage: float
    terms: tuple[Term, ...]
    rank: int


def support(hit: Hit, terms: tuple[Term, ...], rank: int = 0) -> Support:
    return Support(hit, coverage(terms, hit.text), matched(terms, hit.text), rank)


def evidence_score(s: Support) -> float:
    """Term coverage plus DENSE_WEIGHT times the dense margin (0 when the dense channel missed it)."""
    margin = s.hit.dense_margin
    return s.coverage + (DENSE_WEIGHT * margin if margin is not None else 0.0)


def supports(s: Support, min_coverage: float | None = None, min_dense: float | None = None) -> bool:
    """True when the paragraph is evidence for an answer, not just a near neighbour."""
    min_coverage = MIN_COVERAGE if min_coverage is None else min_coverage
    min_dense = MIN_DENSE if min_dense is None else min_dense
    if evidence_score(s) < min_coverage or all(t.generic for t in s.terms):
        return False
    if s.hit.dense_score is not None and s.hit.dense_score < min_dense:
        return False
    return True


def supporting(hits: list[Hit] | tuple[Hit, ...], terms: tuple[Term, ...], depth: int | None = None,
               min_coverage: float | None = None, min_dense: float | None = None) -> list[Support]:
    """The hits (within `depth` of the top) that support an answer, in retrieval order."""
    pool = hits if depth is None else hits[:depth]
    out = []
    for rank, hit in enumerate(pool):
        if hit.kind == "title":
            continue  # a title names the topic; it answers nothing
        s = support(hit, terms, rank)
        if supports(s, min_coverage, min_dense):
            out.append(s)
    return out
