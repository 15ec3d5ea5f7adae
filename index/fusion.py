"""Reciprocal rank fusion over ranked lists of node ids.

Fusion is by node id, never by text: identical boilerplate paragraphs of two
resolutions have different ids and stay two hits.
"""

from __future__ import annotations

RRF_K = 60


def rrf(rankings: list[list[str]], k: int = RRF_K, weights: list[float] | None = None) -> dict[str, float]:
    """Sum of weight / (k + rank) over the rankings an id appears in (rank is 1-based).

    >>> rrf([["a", "b"], ["b"]])["b"] > rrf([["a", "b"], ["b"]])["a"]
    True
    """
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, node_id in enumerate(ranking, 1):
            scores[node_id] = scores.get(node_id, 0.0) + weight / (k + rank)
    return scores
