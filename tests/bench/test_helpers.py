"""Smoke tests of the benchmark's pure helpers. Nothing here times anything."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pytest

from bench.profile import attribute, bucket_of
from bench.stats import maxrss_mib, percentile, rate, ratio, summarize_ms
from bench.table import Check, checks, fmt, format_table, largest_gap
from bench.variants import copies_needed, noisy_vector, vary_symbol, vary_text

pytestmark = pytest.mark.unit


def test_percentile_interpolates_like_numpy():
    values = [12.0, 3.0, 7.0, 30.0, 1.0]
    assert percentile(values, 50) == 7.0
    assert percentile(values, 95) == pytest.approx(float(np.percentile(values, 95)))
    assert percentile([5.0], 95) == 5.0


def test_percentile_rejects_empty_and_out_of_range():
    with pytest.raises(ValueError, match="empty"):
        percentile([], 50)
    with pytest.raises(ValueError, match=r"\[0, 100\]"):
        percentile([1.0], 101)


def test_ratio_and_rate_handle_missing_values():
    assert ratio(3.0, 2.0) == 1.5
    assert ratio(None, 2.0) is None
    assert ratio(1.0, 0) is None
    assert rate(50, 2.0) == 25.0
    assert rate(50, 0.0) is None


def test_summarize_ms_converts_seconds():
    summary = summarize_ms([0.010, 0.020, 0.030])
    assert summary == {"n": 3, "p50_ms": 20.0, "p95_ms": 29.0, "mean_ms": 20.0}


def test_maxrss_is_kib_to_mib():
    assert maxrss_mib(204800) == 200.0


def test_variants_change_numbers_deterministically():
    assert vary_symbol("S/RES/2446 (2018)", 1) == "S/RES/3446 (3018)"
    assert vary_symbol("A/RES/217 (III) A", 0) == "A/RES/217 (III) A"
    assert vary_symbol("UDHR", 4) == "UDHR/V4"
    assert vary_text("Decides to remain seized of the matter", 5) == "Decides to remain seized of the matter"
    assert vary_text("第2758号决议", 2) == "第2760号决议"


def test_noisy_vector_is_seeded_unit_and_close():
    base = np.zeros(384, dtype=np.float32)
    base[0] = 1.0
    a = noisy_vector(base, 3, "A/RES/1|en|op1")
    b = noisy_vector(base, 3, "A/RES/1|en|op1")
    c = noisy_vector(base, 4, "A/RES/1|en|op1")
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert float(np.linalg.norm(a)) == pytest.approx(1.0, abs=1e-5)
    assert 0.95 < float(a @ base) < 1.0


def test_copies_needed_rounds_up():
    assert copies_needed(100_000, 3_000) == 34
    assert copies_needed(10, 3_000) == 1
    with pytest.raises(ValueError, match="positive"):
        copies_needed(10, 0)


def test_format_table_aligns_and_checks_width():
    text = format_table([("hybrid p50", "12.5 ms"), ("x", "1")], ("metric", "value"))
    assert text.splitlines() == [
        "| metric     | value   |",
        "| ---------- | ------- |",
        "| hybrid p50 | 12.5 ms |",
        "| x          | 1       |",
    ]
    with pytest.raises(ValueError, match="has 1 cells"):
        format_table([("a",)], ("metric", "value"))


def test_fmt_numbers():
    assert [fmt(None), fmt(True), fmt(3), fmt(0.5), fmt(1234.5678)] == ["-", "yes", "3", "0.5", "1235"]


def test_checks_and_largest_gap():
    results = {
        "ingest": {"ingest_over_embed": 1.32, "reingest": {"embeddings_computed": 0}},
        "query": {"100k": {"first_search_ms": 800.0}},
        "limits": {"query_floor": {"10k": {"hybrid_over_floor": 1.875}, "100k": {"hybrid_over_floor": 1.2}}},
    }
    found = {c.name: c for c in checks(results)}
    assert found["ingest time / pure embedding time"].met is False
    assert found["embeddings computed on re-ingest"].met is True
    assert found["hybrid search p50 / floor at 100k"].met is True
    assert found["first search after a start at 100k"].met is True
    assert "hybrid search p50 / floor at real" not in found  # no real-corpus phase in this run
    worst = largest_gap(tuple(found.values()))
    assert worst.name == "hybrid search p50 / floor at 10k"
    assert worst.gap == pytest.approx(1.5)
    assert largest_gap((Check("x", 1.0, 2.0),)) is None
    assert Check("missing", None, 1.0).met is None


@dataclass
class FakeFrame:
    file_path: str
    time: float
    children: list = field(default_factory=list)


def test_attribute_splits_self_time_into_buckets():
    numpy_under_bm25 = FakeFrame("/sp/numpy/linalg.py", 0.004)
    bm25 = FakeFrame("/sp/bm25s/__init__.py", 0.010, [numpy_under_bm25])
    chroma = FakeFrame("/sp/chromadb/api/models/Collection.py", 0.003)
    embed = FakeFrame("/repo/index/embeddings.py", 0.020)
    root = FakeFrame("/repo/index/library.py", 0.035, [bm25, chroma, embed])
    totals = attribute(root)
    assert totals == pytest.approx({"other": 0.002, "BM25": 0.010, "Chroma": 0.003, "query embedding": 0.020})
    assert bucket_of(None) == "other"


class WordsAnalyzer:
    fingerprint = "words"

    def tokens(self, text: str) -> list[str]:
        return text.lower().split()

    def entity_ids(self, text: str) -> list[str]:
        return ["states"] if "States" in text else []

    def pivot_tokens(self, text: str, entity_ids) -> list[str]:
        return sorted({w[:5] for w in text.lower().split()} | {"@" + e for e in entity_ids})


def test_vary_record_renames_and_shifts_numbers():
    from bench.scale import _vary_record

    record = {
        "node_id": "A/RES/73/8|en|op2@abc",
        "text": "Urges States to repeal laws of 1996",
        "embed_text": "Necessity of ending the embargo\nOperative paragraph: Urges States to repeal laws of 1996",
        "metadata": {"symbol": "A/RES/73/8", "lang": "en", "ref": "op2", "title": "Embargo 2018",
                     "footnotes": '[["fn1", "Resolution 72/4 of 2017"]]', "source": "a.pdf", "version": "abc"},
    }
    varied, origin = _vary_record(record, 2, "A/RES/2073/2008", "f" * 64, WordsAnalyzer())
    assert origin == "A/RES/73/8|en|op2@abc"
    assert varied["node_id"] == "A/RES/2073/2008|en|op2@ffffffffffffffff"
    assert varied["text"] == "Urges States to repeal laws of 1998"
    assert varied["tokens"] == ["urges", "states", "to", "repeal", "laws", "of", "1998"]
    assert varied["entities"] == ["states"] and varied["analyzer"] == "words"  # computed, not copied
    assert "@states" in varied["keys"] and "1998" in varied["keys"]  # the cross-language channel's keys too
    assert varied["metadata"]["symbol"] == "A/RES/2073/2008"
    assert varied["metadata"]["title"] == "Embargo 2020"
    assert varied["metadata"]["footnotes"] == '[["fn1", "Resolution 74/6 of 2019"]]'
    assert varied["embed_text"].endswith("laws of 1998")
    assert record["metadata"]["symbol"] == "A/RES/73/8"  # the base record is untouched
