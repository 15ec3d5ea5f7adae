"""Hand-computed examples for every metric (the arithmetic is in each docstring)."""

from __future__ import annotations

import math

import pytest

from eval import metrics

pytestmark = pytest.mark.unit


def test_ref_key_ignores_spaces_case_and_language():
    assert metrics.ref_key("S/RES/678 (1990)#op2") == "S/RES/678(1990)#op2"
    assert metrics.ref_key("s/res/678(1990)#op2") == "S/RES/678(1990)#op2"
    assert metrics.ref_key("S/RES/678 (1990)|zh|op2") == "S/RES/678(1990)#op2"


def test_recall_counts_a_paragraph_retrieved_in_another_symbol_spelling():
    # gold has 2 refs; top-3 has one of them, spelled with spaces and lower case
    retrieved = ["A/RES/79/8#op1", "s/res/678 (1990)#op2", "A/RES/79/8#op3"]
    relevant = ["S/RES/678(1990)#op2", "S/RES/678(1990)#op3"]
    assert metrics.recall_at_k(retrieved, relevant, 1) == 0.0
    assert metrics.recall_at_k(retrieved, relevant, 3) == 0.5


def test_recall_is_none_for_noanswer_and_rejects_bad_k():
    assert metrics.recall_at_k(["A#op1"], [], 5) is None
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        metrics.recall_at_k(["A#op1"], ["A#op1"], 0)


def test_recall_over_chunks_counts_every_ref_a_chunk_covers():
    # one chunk covering op1..op3 holds 2 of the 3 gold refs
    chunks = [["A#op1", "A#op2", "A#op3"], ["B#op1"]]
    assert metrics.recall_at_k(chunks, ["A#op2", "A#op3", "C#op1"], 1) == pytest.approx(2 / 3)


def test_reciprocal_rank_is_one_over_first_relevant_position():
    assert metrics.reciprocal_rank(["A#op1", "A#op2", "B#op4"], ["B#op4", "A#op2"]) == 0.5
    assert metrics.reciprocal_rank(["A#op1"], ["B#op4"]) == 0.0
    assert metrics.reciprocal_rank(["A#op1"], []) is None


def test_ndcg_hand_computed():
    # relevant at ranks 2 and 3 of 2 gold refs:
    # DCG = 1/log2(3) + 1/log2(4) = 0.63093 + 0.5 = 1.13093; IDCG = 1 + 0.63093 = 1.63093
    value = metrics.ndcg_at_k(["X#op1", "A#op1", "A#op2"], ["A#op1", "A#op2"], 10)
    assert value == pytest.approx((1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3)))
    assert round(value, 4) == 0.6934


def test_ndcg_counts_a_duplicate_language_version_once():
    # the same paragraph retrieved in zh then en: the second copy gains nothing
    assert metrics.ndcg_at_k(["A#op1", "A#op1"], ["A#op1", "A#op2"], 10) == pytest.approx(
        1 / (1 + 1 / math.log2(3))
    )


def test_ndcg_is_capped_at_one_for_a_chunk_covering_everything():
    assert metrics.ndcg_at_k([["A#op1", "A#op2", "A#op3"]], ["A#op1", "A#op2", "A#op3"], 10) == 1.0


def test_citation_precision_edge_cases():
    assert metrics.citation_precision(["A#op1", "A#op2", "B#op1", "B#op2"], ["A#op1"]) == 0.25
    assert metrics.citation_precision([], ["A#op1"]) is None
    # citing anything on a noanswer question is wrong
    assert metrics.citation_precision(["A#op1"], []) == 0.0
    # a ref cited twice is one claim
    assert metrics.citation_precision(["A#op1", "a#op1"], ["A#op1"]) == 1.0


def test_citation_recall_whole_list_versus_any():
    relevant = ["A#op1", "A#op2", "A#op3", "B#op7"]
    assert metrics.citation_recall(["A#op1", "B#op7", "Z#op1"], relevant) == 0.5
    assert metrics.citation_recall(["B#op7"], relevant, whole_list=False) == 1.0
    assert metrics.citation_recall(["Z#op1"], relevant, whole_list=False) == 0.0
    assert metrics.citation_recall(["A#op1"], []) is None


def test_answer_contains_rate_folds_width_case_and_spaces():
    answer = "安全理事会要求伊拉克立即无条件撤出。The Council DEMANDS  withdrawal"
    expected = ["伊拉克", "demands withdrawal", "Kuwait", "ＤＥＭＡＮＤＳ"]
    assert metrics.answer_contains_rate(answer, expected) == 0.75
    assert metrics.answer_contains_rate(answer, []) is None


@pytest.mark.parametrize(
    "answer",
    [
        "The documents do not answer this question.",
        "Les documents ne contiennent pas de réponse à cette question.",
        "文件中没有找到答案。",
    ],
)
def test_noanswer_correct_in_three_languages(answer):
    assert metrics.noanswer_correct(answer, ()) is True
    assert metrics.noanswer_correct(answer, ("A#op1",)) is False


def test_noanswer_correct_needs_the_answer_to_say_so():
    assert metrics.noanswer_correct("The Council decided to impose sanctions.", ()) is False


def test_percentile_linear_interpolation():
    values = [120.0, 10.0, 40.0, 30.0, 20.0]  # sorted: 10 20 30 40 120
    assert metrics.percentile(values, 50) == 30.0
    # p95: position 0.95 * 4 = 3.8 -> 40 + 0.8 * (120 - 40) = 104
    assert metrics.percentile(values, 95) == pytest.approx(104.0)
    assert metrics.percentile([7.0], 95) == 7.0
    assert metrics.percentile([], 50) is None
    with pytest.raises(ValueError, match="within 0..100, got 101"):
        metrics.percentile(values, 101)


def test_mean_skips_none():
    assert metrics.mean([1.0, None, 0.0]) == 0.5
    assert metrics.mean([None]) is None


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
def test_the_assistants_own_noanswer_sentence_is_recognized(lang):
    from answer import phrasing

    assert metrics.says_no_answer(phrasing.message("noanswer", lang)) is True
