"""Hand-computed examples for every hand-written metric (recall, MRR and nDCG: tests/eval/test_trec.py)."""

from __future__ import annotations

import pytest

from eval import metrics

pytestmark = pytest.mark.unit


def test_ref_key_ignores_spaces_case_and_language():
    assert metrics.ref_key("S/RES/678 (1990)#op2") == "S/RES/678(1990)#op2"
    assert metrics.ref_key("s/res/678(1990)#op2") == "S/RES/678(1990)#op2"
    assert metrics.ref_key("S/RES/678 (1990)|zh|op2") == "S/RES/678(1990)#op2"


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
