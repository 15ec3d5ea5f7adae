"""The runner's arithmetic over fixed hits and answers (hand-computed)."""

from __future__ import annotations

import math

import pytest

from eval import runner
from eval.baseline import Chunk
from resqa.errors import ConfigError

pytestmark = pytest.mark.unit


def test_one_mode_gives_the_interface_keys_hand_computed(clock, fakes, scenario):
    GOLD, RETRIEVED, ANSWERS = scenario
    library = fakes.FakeLibrary(RETRIEVED)
    result = runner.run_eval(library, fakes.FakeAssistant(ANSWERS, clock), GOLD, modes=("hybrid",), ks=(5, 10))
    assert result["n"] == 3
    assert result["recall@5"] == 1.0 and result["recall@10"] == 1.0
    assert result["mrr"] == 0.75  # (1 + 1/2) / 2 answerable questions
    # q1: 1; q2: relevant at ranks 2 and 3 of 2 -> (1/log2 3 + 1/2) / (1 + 1/log2 3)
    q2_ndcg = (1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3))
    assert result["ndcg@10"] == round((1 + q2_ndcg) / 2, 4) == 0.8467
    assert result["citation_precision"] == 0.75  # (1 + 1/2) / 2; q3 cites nothing
    assert result["citation_recall"] == 0.75  # q1 any: 1; q2 whole list: 1/2
    assert result["answer_contains_rate"] == 1.0
    assert result["noanswer_accuracy"] == 1.0
    assert result["false_noanswer_rate"] == 0.0
    assert result["latency_ms_p50"] == 200.0
    assert result["latency_ms_p95"] == 290.0  # 200 + 0.9 * (300 - 200)
    assert "modes" not in result
    assert library.calls[0] == ("What did 678 authorize?", 10, "hybrid")


def test_by_type_and_by_lang(clock, fakes, scenario):
    GOLD, RETRIEVED, ANSWERS = scenario
    result = runner.run_eval(fakes.FakeLibrary(RETRIEVED), fakes.FakeAssistant(ANSWERS, clock), GOLD)
    assert sorted(result["by_type"]) == ["list", "lookup", "noanswer"]
    assert result["by_type"]["list"]["mrr"] == 0.5
    assert result["by_type"]["list"]["citation_precision"] == 0.5
    assert result["by_type"]["lookup"]["recall@5"] == 1.0
    assert result["by_type"]["noanswer"]["recall@5"] is None
    assert result["by_type"]["noanswer"]["noanswer_accuracy"] == 1.0
    assert result["by_lang"]["zh"]["n"] == 1 and result["by_lang"]["zh"]["latency_ms_p50"] == 300.0
    row = result["questions"][1]
    assert row["retrieved"] == ["B#op1", "A#op3", "A#op2"]
    assert row["cited"] == ["A#op3", "B#op1"]
    assert row["scores"]["rr"] == 0.5


def test_several_modes_and_the_naive_baseline(clock, fakes, scenario):
    GOLD, RETRIEVED, ANSWERS = scenario
    class FakeNaive:
        chunk_count = 4

        def search(self, query, k=10):
            return [Chunk("A", "zh", ("A#op1", "A#op2", "A#op3"), 0.9, "chunk")]

    seen = []
    result = runner.run_eval(
        fakes.FakeLibrary(RETRIEVED), fakes.FakeAssistant(ANSWERS, clock), GOLD,
        modes=("hybrid", "lexical", "naive"), ks=(5,), naive=FakeNaive(),
        progress=lambda done, total, label: seen.append((done, total, label)),
    )
    assert sorted(result["modes"]) == ["hybrid", "lexical", "naive"]
    assert result["recall@5"] == 1.0 and result["mode"] == "hybrid"
    assert result["modes"]["lexical"]["recall@5"] == 0.0
    assert result["modes"]["lexical"]["false_noanswer_rate"] == 1.0
    naive = result["naive"]
    assert naive["recall@5"] == 0.5  # q1: 0, q2: the chunk covers both refs
    # scored at paragraph depth (eval/trec.py): the chunk's paragraphs take ranks 1-3, so
    # q2's first relevant one (A#op2) is at rank 2
    assert naive["mrr"] == 0.25
    assert naive["citation_precision"] is None and naive["noanswer_accuracy"] is None
    assert naive["refs_per_hit"] == 3.0 and naive["chunks"] == 4
    assert seen[0] == (1, 9, "hybrid q1") and seen[-1] == (9, 9, "naive q3")


def test_expand_modes_and_bad_modes(clock, fakes, scenario):
    GOLD, RETRIEVED, ANSWERS = scenario
    assert runner.expand_modes("all") == ("hybrid", "dense", "lexical", "naive")
    assert runner.expand_modes("dense") == ("dense",)
    assert runner.expand_modes("hybrid,naive") == ("hybrid", "naive")
    with pytest.raises(ConfigError, match="--mode 'bm25': expected one of hybrid, dense, lexical, naive"):
        runner.expand_modes("bm25")
    with pytest.raises(ConfigError, match=r"unknown mode\(s\) \['bm25'\]"):
        runner.run_eval(fakes.FakeLibrary(RETRIEVED), fakes.FakeAssistant(ANSWERS, clock), GOLD, modes=("bm25",))


def test_naive_true_adds_the_baseline_built_from_the_library(clock, fakes, scenario, monkeypatch):
    """The CLI passes `naive=True` with modes hybrid/dense/lexical (resqa/cli.py cmd_eval)."""
    GOLD, RETRIEVED, ANSWERS = scenario
    built = []

    class FakeNaive:
        chunk_count = 1

        @classmethod
        def from_library(cls, library, embed_model, work_dir=None, progress=None):
            built.append(embed_model)
            return cls()

        def search(self, query, k=10):
            return [Chunk("A", "en", ("A#op2",), 0.5, "chunk")]

        def close(self):
            built.append("closed")

    import eval.baseline

    monkeypatch.setattr(eval.baseline, "NaiveBaseline", FakeNaive)
    library = fakes.FakeLibrary(RETRIEVED)
    library.embedder = "the library's embedder"
    result = runner.run_eval(library, fakes.FakeAssistant(ANSWERS, clock), GOLD, modes=("hybrid",), naive=True)
    assert list(result["modes"]) == ["hybrid", "naive"]
    assert result["naive"]["recall@5"] == 0.25  # q1: 0, q2: 1 of 2
    assert built == ["the library's embedder", "closed"]


def test_stratified_subset_is_round_robin_over_types_in_file_order():
    from eval.gold import GoldQuestion

    questions = [GoldQuestion(f"q{i}", "?", "en", t, () if t == "noanswer" else ("A#op1",))
                 for i, t in enumerate(["lookup", "lookup", "lookup", "list", "noanswer", "noanswer"])]
    picked = runner.stratified(questions, 4)
    assert [q.id for q in picked] == ["q0", "q1", "q3", "q4"]
    assert runner.stratified(questions, 4) == picked
    assert len(runner.stratified(questions, 99)) == 6
    with pytest.raises(ConfigError, match="--subset must be positive, got 0"):
        runner.stratified(questions, 0)
