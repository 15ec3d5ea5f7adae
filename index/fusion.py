"""Reciprocal rank fusion over ranked lists of node ids.

Fusion is by node id, never by text: identical boilerplate paragraphs of two
resolutions have different ids and stay two hits. The constant `k` comes from
`RetrievalConfig.rrf_k`: there is no second default here.
"""

from __future__ import annotations


def rrf(rankings: list[list[str]], k: float, weights: list[float] | None = None) -> dict[str, float]:
    """Sum of weight / (k + rank) over the rankings an id appears in (rank is 1-based).

    >>> rrf([["a", "b"], ["b"]], k=20)["b"] > rrf([["a", "b"], ["b"]], k=20)["a"]
    True
    """
    weights = weights or [1.0] * len(rankings)
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, node_id in enumerate(ranking, 1):
            scores[node_id] = scores.get(node_id, 0.0) + weight / (k + rank)
    return scores
