"""The weight of one language's dense ranking in the hybrid fusion."""

import pytest

from index.config import RetrievalConfig
from index.retrieval import Candidate, language_weight

CONFIG = RetrievalConfig()
MARGIN_RANK = CONFIG.margin_rank


def _rows(cosines):
    return [Candidate(f"id{i}", i, dense=c) for i, c in enumerate(cosines)]


@pytest.mark.unit
def test_a_language_whose_best_paragraph_stands_out_counts_fully():
    rows = _rows([0.90] + [0.80] * (MARGIN_RANK - 1))
    assert language_weight(rows, CONFIG) == 1.0


@pytest.mark.unit
def test_a_flat_language_ranking_counts_at_the_floor():
    """Regression: every language's rank 1 outweighed a strong BM25 match, so an English
    question about mine clearance got a French UDHR article first."""
    rows = _rows([0.801] + [0.800] * (MARGIN_RANK - 1))
    assert language_weight(rows, CONFIG) == CONFIG.language_weight_floor


@pytest.mark.unit
def test_the_weight_grows_with_the_margin_between_floor_and_one():
    half = _rows([0.8 + 0.05 * 0.8] + [0.8] * (MARGIN_RANK - 1))
    assert language_weight(half, CONFIG) == pytest.approx(0.8)
    assert language_weight([], CONFIG) == 1.0
