"""derive() turns raw phase results into the issue's ratios; tables() prints them (no timing here)."""

from __future__ import annotations

import pytest

from bench.report import derive, tables

pytestmark = pytest.mark.unit


def _summary(p50: float) -> dict:
    return {"n": 10, "p50_ms": p50, "p95_ms": p50 * 2, "mean_ms": p50}


def _raw() -> dict:
    sample_query = {
        "paragraphs": 1300,
        "search": {"hybrid": _summary(40.0), "dense": _summary(20.0), "lexical": _summary(5.0)},
        "recall": {"hybrid": {"recall@5": 0.6, "recall@10": 0.7}},
        "ask": _summary(80.0),
        "floor": {"floor_p50_ms": 16.0},
        "peak_rss_mib": 350.0,
    }
    return {
        "ingest": {
            "cold": {"seconds": 132.0, "cpu_seconds": 130.0, "paragraphs": 1300, "documents": 78, "paragraphs_per_s": 9.8,
                     "reingest": {"seconds": 2.0, "embeddings_computed": 0}},
            "warm": {"seconds": 20.0, "paragraphs_per_s": 65.0},
            "pure_embed": {"seconds": 29.0, "load_seconds": 2.0, "floor_seconds": 120.0, "floor_cpu_seconds": 100.0,
                           "texts": 1300, "texts_per_s": 11.0},
        },
        "query": {"sample": sample_query,
                  "10k": {**sample_query, "search": {"hybrid": _summary(45.0)}, "floor": {"floor_p50_ms": 15.0}}},
        "naive": {"ingest_s": 100.0, "chunks": 130, "search": _summary(10.0), "recall@5": 0.4},
        "server": {"ingest": {"seconds": 30.0},
                   "query": {"search": {"hybrid": _summary(60.0)}, "floor": {"floor_p50_ms": 32.0}}},
    }


def _with_real(raw: dict) -> dict:
    raw["ingest"]["real"] = {
        "corpus": "corpora/unsc", "files": 90, "subset": True,
        "cold": {"seconds": 300.0, "cpu_seconds": 330.0, "documents": 90, "paragraphs": 1500,
                 "reingest": {"seconds": 3.0, "embeddings_computed": 0}},
        "pure_embed": {"floor_seconds": 280.0, "floor_cpu_seconds": 300.0},
    }
    raw["query"]["real"] = {"paragraphs": 1500, "first_search_ms": 200.0, "search": {"hybrid": _summary(25.0)},
                            "ask": _summary(36.0), "floor": {"floor_p50_ms": 20.0}}
    raw["server_real"] = {"ingest": {"seconds": 30.0}, "query": {
        "first_search_ms": 400.0, "search": {"hybrid": _summary(50.0)}, "floor": {"floor_p50_ms": 30.0}}}
    return raw


def test_derive_computes_the_ratios_of_the_issue():
    results = derive(_raw())
    assert results["ingest"]["ingest_over_embed"] == 1.1
    assert results["ingest"]["ingest_over_embed_cpu"] == 1.3
    assert results["limits"]["embedding_floor"]["floor_s"] == 120.0
    assert results["limits"]["query_floor"]["sample"]["hybrid_over_floor"] == 2.5
    assert results["limits"]["query_floor"]["sample"]["ask_over_floor"] == 5.0
    assert results["limits"]["query_floor"]["10k"]["hybrid_over_floor"] == 3.0
    assert results["naive"]["resqa_over_naive"] == {
        "ingest_time (cold)": 1.32, "hybrid_search_p50": 4.0, "recall@5": 1.5}
    assert results["server"]["server_over_embedded"] == {
        "warm_ingest": 1.5, "hybrid_search_p50": 1.5, "query_floor_p50": 2.0}
    assert results["largest_gap"] == {"name": "ask p50 / floor at 10k", "gap": 2.665}  # 5.33 rounded to 2 digits, / 2
    assert results["targets"][0] == {"name": "ingest time / pure embedding time (CPU s)", "value": 1.3,
                                     "target": 1.1, "met": False, "gap": 1.182}


def test_tables_print_every_section():
    text = tables(derive(_raw()))
    assert "| ingest / pure embedding (target <= 1.1)       | 1.1" in text
    assert "| sample (1300)" in text and "| 40 / 80" in text
    assert "naive (130 chunks)" in text
    assert "| hybrid search p50 / floor at 10k" in text and "| 3        | 1.25  | no  | 2.4 " in text


def test_the_real_corpus_phase_gets_its_ratios_and_tables():
    results = derive(_with_real(_raw()))
    assert results["ingest"]["real"]["ingest_over_embed_cpu"] == 1.1
    assert results["limits"]["query_floor"]["real"] == {"floor_p50_ms": 20.0, "hybrid_over_floor": 1.25,
                                                        "ask_over_floor": 1.8}
    assert results["server_real"]["server_over_embedded"] == {"hybrid_search_p50": 2.0, "query_floor_p50": 1.5,
                                                              "first_search": 2.0}
    met = {t["name"]: t["met"] for t in results["targets"]}
    assert (met["hybrid search p50 / floor at real"], met["ask p50 / floor at real"]) == (True, True)
    text = tables(results)
    assert "| resolutions / paragraphs" in text and "| 90 / 1500 (subset)" in text
    assert "| real (1500)" in text and "Chroma server / embedded (real)" in text
