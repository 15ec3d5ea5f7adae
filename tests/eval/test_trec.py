"""TREC qrels and runs, and the retrieval metrics computed by ir-measures: the same
hand-computed examples the hand-written metrics had, plus round trips of the files."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pytest

from eval import trec

pytestmark = pytest.mark.unit


def q(qid, relevant):
    return SimpleNamespace(id=qid, relevant=tuple(relevant))


def scores(retrieved, relevant, ks=(1, 3, 5, 10)):
    return trec.retrieval_scores([q("q", relevant)], [{"id": "q", "retrieved": retrieved}], ks)["q"]


def test_doc_ids_have_no_whitespace_and_decode_back():
    for citation in ("S/RES/2326 (2016)#op1", "A/RES/217 (III) A#pp3", "FILE/A_67_L_FRANCOPHONIE_DRAFT#op7",
                     "A/RES/ES-10/21#op2.a", "A/67/L.X#fn1", "S/RES/50%/X#op1"):
        ident = trec.doc_id(citation)
        assert not any(ch.isspace() for ch in ident)
        assert trec.citation_of(ident) == citation
    assert trec.doc_id("s/res/678(1990)#op2") == trec.doc_id("S/RES/678 (1990)#op2") == "S/RES/678%20(1990)#op2"
    assert trec.doc_id("S/RES/678 (1990)|fr|op2") == "S/RES/678%20(1990)#op2"
    # ids are of the normalized symbol (upper case), as the metrics compare symbols
    assert trec.citation_of(trec.doc_id("FILE/A_67_L_francophonie_draft#op7")) == "FILE/A_67_L_FRANCOPHONIE_DRAFT#op7"


def test_recall_counts_a_paragraph_retrieved_in_another_symbol_spelling():
    s = scores(["A/RES/79/8#op1", "s/res/678 (1990)#op2", "A/RES/79/8#op3"], ["S/RES/678(1990)#op2", "S/RES/678(1990)#op3"])
    assert s["recall@1"] == 0.0 and s["recall@3"] == 0.5


def test_noanswer_questions_have_no_retrieval_scores_and_an_empty_ranking_scores_zero():
    assert scores(["A#op1"], []) == {"recall@1": None, "recall@3": None, "recall@5": None, "recall@10": None,
                                     "rr": None, "ndcg@10": None}
    assert scores([], ["A#op1"])["rr"] == 0.0
    assert trec.recall_at_k(["A#op1"], [], 5) is None
    with pytest.raises(ValueError, match="k must be >= 1, got 0"):
        trec.recall_at_k(["A#op1"], ["A#op1"], 0)


def test_reciprocal_rank_is_one_over_first_relevant_position():
    assert scores(["A#op1", "A#op2", "B#op4"], ["B#op4", "A#op2"])["rr"] == 0.5
    assert scores(["A#op1"], ["B#op4"])["rr"] == 0.0


def test_ndcg_hand_computed():
    # relevant at ranks 2 and 3 of 2 gold refs:
    # DCG = 1/log2(3) + 1/log2(4) = 0.63093 + 0.5 = 1.13093; IDCG = 1 + 0.63093 = 1.63093
    value = scores(["X#op1", "A#op1", "A#op2"], ["A#op1", "A#op2"])["ndcg@10"]
    assert value == pytest.approx((1 / math.log2(3) + 0.5) / (1 + 1 / math.log2(3)))
    assert round(value, 4) == 0.6934


def test_a_duplicate_language_version_counts_once_and_keeps_its_rank():
    # the same paragraph retrieved in zh then en: the copy gains nothing and A#op2 stays at rank 3
    s = scores(["A#op1", "A#op1", "A#op2"], ["A#op1", "A#op2"])
    assert s["ndcg@10"] == pytest.approx((1 + 0.5) / (1 + 1 / math.log2(3)))
    assert s["recall@1"] == 0.5 and s["recall@3"] == 1.0
    assert trec.ranking(["A#op1", "A#op1", "A#op2"]) == ["A#op1", "A#op1@1", "A#op2"]


def test_a_chunk_is_its_paragraphs_at_consecutive_ranks():
    assert trec.ranking([["A#op1", "A#op2"], ["A#op2", "B#op1"]]) == ["A#op1", "A#op2", "B#op1"]
    assert scores([["A#op1", "A#op2", "A#op3"]], ["A#op2", "A#op3", "C#op1"])["recall@3"] == pytest.approx(2 / 3)


def test_qrels_and_run_files_are_what_trec_eval_reads(tmp_path):
    import ir_measures

    questions = [q("t1", ["S/RES/2326 (2016)#op1", "S/RES/2326 (2016)#op2"]), q("t2", [])]
    rows = [{"id": "t1", "retrieved": ["S/RES/2326 (2016)#op3", "S/RES/2326 (2016)#op1"]},
            {"id": "t2", "retrieved": ["A/67/L.X#op7"]}]
    qrels = trec.write_qrels(questions, tmp_path / "qrels.txt")
    run = trec.write_run(rows, "resqa-hybrid", tmp_path / "hybrid.run")
    assert qrels.read_text().splitlines() == ["t1 0 S/RES/2326%20(2016)#op1 1", "t1 0 S/RES/2326%20(2016)#op2 1"]
    assert run.read_text().splitlines() == [
        "t1 Q0 S/RES/2326%20(2016)#op3 1 2 resqa-hybrid", "t1 Q0 S/RES/2326%20(2016)#op1 2 1 resqa-hybrid",
        "t2 Q0 A/67/L.X#op7 1 1 resqa-hybrid"]
    # read back by ir-measures' own TREC readers: same numbers as in memory
    from_files = ir_measures.calc_aggregate([ir_measures.RR, ir_measures.R @ 5],
                                            ir_measures.read_trec_qrels(str(qrels)), ir_measures.read_trec_run(str(run)))
    assert from_files[ir_measures.RR] == 0.5 and from_files[ir_measures.R @ 5] == 0.5
    in_memory = trec.retrieval_scores(questions, rows, (5,))
    assert in_memory["t1"]["rr"] == 0.5 and in_memory["t2"]["rr"] is None


@pytest.mark.integration
def test_resqa_eval_trec_writes_files_that_score_like_the_report(tmp_path, samples_dir, capsys):
    """`resqa eval --trec DIR` over a real store: the files, read by ir-measures, give the
    report's own numbers."""
    import json

    import ir_measures

    from resqa.cli import main

    common = ["--store", str(tmp_path / "store"), "--embed-model", "fake"]
    assert main(["ingest", str(samples_dir / "en" / "S_RES_0678_1990.txt"), *common]) == 0
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in [
        {"id": "g1", "question": "Authorizes Member States co-operating with the Government of Kuwait to use all "
         "necessary means", "lang": "en", "type": "lookup", "relevant": ["S/RES/678 (1990)#op2"],
         "answer_contains": []},
        {"id": "g2", "question": "the VAT rate in Switzerland", "lang": "en", "type": "noanswer", "relevant": [],
         "answer_contains": []},
    ]) + "\n", encoding="utf-8")
    capsys.readouterr()
    rows = tmp_path / "rows.jsonl"
    assert main(["eval", str(gold), "--mode", "lexical", "--trec", str(tmp_path / "trec"), "--rows", str(rows),
                 "--json", *common]) == 0
    report = json.loads(capsys.readouterr().out)
    written = [json.loads(line) for line in rows.read_text(encoding="utf-8").splitlines()]
    assert [(r["mode"], r["id"], r["backend"]) for r in written] == [("lexical", "g1", "extractive"),
                                                                      ("lexical", "g2", "extractive")]
    qrels, run = tmp_path / "trec" / "qrels.txt", tmp_path / "trec" / "lexical.run"
    assert qrels.read_text().splitlines() == ["g1 0 S/RES/678%20(1990)#op2 1"]
    first = run.read_text().splitlines()[0].split()
    assert first[:4] == ["g1", "Q0", "S/RES/678%20(1990)#op2", "1"] and first[5] == "resqa-lexical"
    scored = ir_measures.calc_aggregate([ir_measures.RR, ir_measures.R @ 5, ir_measures.nDCG @ 10],
                                        ir_measures.read_trec_qrels(str(qrels)), ir_measures.read_trec_run(str(run)))
    assert report["mrr"] == scored[ir_measures.RR] == 1.0
    assert report["recall@5"] == scored[ir_measures.R @ 5] and report["ndcg@10"] == scored[ir_measures.nDCG @ 10]
