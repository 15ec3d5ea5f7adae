"""BM25 tokens stored under another glossary are recomputed when the index is built."""

from __future__ import annotations

import pytest

from index.embeddings import FakeEmbedding
from language.analyzer import LexicalAnalyzer
from language.glossary import Term
from index.hits import SearchMode
from index.library import Library
from ingest.model import Document, DocumentKind, Paragraph, ParagraphKind
from tests.index.splitter import parse_with_splitter

TEXT = "鼓励各会员国支持妇女署的工作，"


def _doc() -> Document:
    return Document(
        symbol="A/RES/1/2", lang="zh", title="测试决议", kind=DocumentKind.RESOLUTION,
        paragraphs=(Paragraph("title", ParagraphKind.TITLE, "测试决议"),
                    Paragraph("op1", ParagraphKind.OPERATIVE, TEXT, number="1")),
        organ="General Assembly", session="1", year=1946,
    )


@pytest.mark.unit
def test_a_glossary_change_retokenizes_stored_paragraphs(settings):
    """Regression: tokens persisted at ingest outlived a glossary change, so a new UN term
    never matched documents ingested before it (re-ingest skips unchanged documents)."""
    old = Library.open(settings, embedder=FakeEmbedding(), parse=parse_with_splitter)
    old.analyzer = LexicalAnalyzer(glossary=())
    old.ingest_document(_doc())
    old.close()

    new = Library.open(settings, embedder=FakeEmbedding(), parse=parse_with_splitter)
    new.analyzer = LexicalAnalyzer(glossary=(Term(zh="会员国支持", en="member states support", fr="soutien"),))
    assert new.analyzer.fingerprint != LexicalAnalyzer(glossary=()).fingerprint
    stored = new.sidecar(new.documents()[0])
    assert "会员国支持" not in stored[1]["tokens"]
    rebuilt = {e.node_id.split("@")[0]: e.tokens for e in new.lexical_index().entries}
    hits = new.search("会员国支持", mode=SearchMode.LEXICAL)
    new.close()
    assert "会员国支持" in rebuilt["A/RES/1/2|zh|op1"]
    assert [h.id for h in hits] == ["A/RES/1/2#op1"]
