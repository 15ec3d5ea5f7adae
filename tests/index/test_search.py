"""Retrieval with the fake embedder: modes, filters, no dedup by text, list questions."""

from __future__ import annotations

import pytest

from index.fusion import rrf
from index.hits import SearchFilters, SearchMode
from index.retrieval import group_by_document
from resqa.errors import ResqaError
from tests.index.conftest import make_doc

pytestmark = pytest.mark.unit

BOILERPLATE = "Decides to remain seized of the matter."


def embedded(text: str, title: str = "A test resolution") -> str:
    """What the store embeds for an operative paragraph (the fake vector of a query equal to it matches)."""
    return f"{title}\nOperative paragraph: {text}"


@pytest.fixture
def filled(library):
    library.ingest_document(make_doc("S/RES/1 (1946)", operative=("Calls for a ceasefire in the region.", BOILERPLATE)))
    library.ingest_document(make_doc("S/RES/2 (1946)", operative=("Requests a report on refugees.", BOILERPLATE)))
    library.ingest_document(make_doc("A/67/L.X", lang="zh", title="合作",
                                     preamble=("回顾其决议，",),
                                     operative=("鼓励法语国家国际组织与妇女署协同合作；", "又欣见成员国参与维持和平行动；")))
    return library


def test_identical_boilerplate_paragraphs_stay_distinct_hits(filled):
    hits = filled.search(embedded(BOILERPLATE), k=2, mode=SearchMode.DENSE, filters=SearchFilters(lang="en"))
    assert sorted(h.id for h in hits) == ["S/RES/1 (1946)#op2", "S/RES/2 (1946)#op2"]
    assert hits[0].dense_score == pytest.approx(1.0, abs=1e-5)
    assert hits[0].dense_score == pytest.approx(hits[1].dense_score, abs=1e-6)


def test_lexical_hits_all_score_above_zero(filled):
    hits = filled.search("refugees", k=10, mode=SearchMode.LEXICAL)
    assert [h.id for h in hits] == ["S/RES/2 (1946)#op1"]
    assert hits[0].lexical_score > 0
    assert filled.search("nothingmatcheszzz", mode=SearchMode.LEXICAL) == []


def test_english_query_reaches_chinese_paragraph_through_the_glossary(filled):
    hits = filled.search("cooperation with UN-Women", k=3, mode=SearchMode.LEXICAL)
    assert hits[0].id == "A/67/L.X#op1"
    assert hits[0].lang == "zh"


def test_hybrid_fuses_both_channels_by_rank(filled):
    hits = filled.search(embedded("Requests a report on refugees."), k=3)
    assert hits[0].id == "S/RES/2 (1946)#op1"
    # rank 1 in the dense, the lexical and the cross-language (pivot) ranking:
    # (1 + LEXICAL_WEIGHT + PIVOT_WEIGHT) / (k + 1), k = RRF_K = 20
    assert hits[0].score == pytest.approx((1 + 0.7 + 0.4) / 21)
    assert hits[0].dense_score == pytest.approx(1.0, abs=1e-5)


def test_filters_restrict_symbol_language_and_kind(filled):
    by_symbol = filled.search(BOILERPLATE, k=10, filters=SearchFilters(symbols=("s/res/2(1946)",)))
    assert {h.symbol for h in by_symbol} == {"S/RES/2 (1946)"}
    by_lang = filled.search("维持和平行动", k=10, filters=SearchFilters(lang="zh"))
    assert {h.lang for h in by_lang} == {"zh"} and len(by_lang) == 4
    by_kind = filled.search(BOILERPLATE, k=10, filters=SearchFilters(kind="preamble"))
    assert {h.ref for h in by_kind} == {"pp1"}
    assert filled.search(BOILERPLATE, filters=SearchFilters(symbols=("A/RES/404/1",))) == []


def test_hits_carry_citation_language_and_json_shape(filled):
    hit = filled.search("又欣见成员国参与维持和平行动；", k=1)[0]
    assert hit.to_json() == {"id": "A/67/L.X#op2", "lang": "zh", "score": round(hit.score, 6),
                             "text": "又欣见成员国参与维持和平行动；", "kind": "operative", "title": "合作"}


def test_group_by_document_orders_documents_by_best_hit():
    from index.hits import Hit

    def hit(symbol, ref, score, position):
        return Hit(id=f"{symbol}#{ref}", symbol=symbol, ref=ref, lang="en", score=score, text="t", kind="operative",
                   metadata={"position": position})

    grouped = group_by_document([hit("A", "op2", 0.1, 5), hit("B", "op1", 0.5, 1), hit("A", "op1", 0.3, 4)])
    assert [h.id for h in grouped] == ["B#op1", "A#op1", "A#op2"]


def test_versions_and_paragraphs(filled):
    filled.ingest_document(make_doc("A/67/L.X", lang="en", title="Cooperation", preamble=("Recalling,",),
                                    operative=("Encourages cooperation with UN-Women;", "Welcomes peacekeeping;")))
    assert [(h.lang, h.text) for h in filled.versions("A/67/L.X", "op1")] == [
        ("en", "Encourages cooperation with UN-Women;"), ("zh", "鼓励法语国家国际组织与妇女署协同合作；")]
    assert [h.ref for h in filled.paragraphs("A/67/L.X", "zh")] == ["title", "pp1", "op1", "op2"]


def test_empty_query_is_an_error(filled):
    with pytest.raises(ResqaError, match="the query is empty"):
        filled.search("  ")


def test_rrf_sums_reciprocal_ranks():
    assert rrf([["a", "b"], ["b", "c"]], k=60) == pytest.approx({"a": 1 / 61, "b": 1 / 62 + 1 / 61, "c": 1 / 62})
