"""Fixtures of the index tests: a store in tmp_path with the SHA-256 fake embedder."""

from __future__ import annotations

import pytest

from index.embeddings import FakeEmbedding
from index.library import Library
from ingest.model import Document, DocumentKind, Paragraph, ParagraphKind
from resqa.settings import Settings
from tests.index.splitter import parse_with_splitter


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(store_dir=tmp_path / "store", embed_model="fake", extra={"lock_timeout": 1})


@pytest.fixture
def library(settings):
    lib = Library.open(settings, embedder=FakeEmbedding(), parse=parse_with_splitter)
    yield lib
    lib.close()


def make_doc(symbol="A/RES/1/1", lang="en", operative=("Decides to act.",), preamble=("Recalling the Charter,",),
             title="A test resolution", source="") -> Document:
    paragraphs = [Paragraph("title", ParagraphKind.TITLE, title)]
    paragraphs += [Paragraph(f"pp{i}", ParagraphKind.PREAMBLE, t) for i, t in enumerate(preamble, 1)]
    paragraphs += [Paragraph(f"op{i}", ParagraphKind.OPERATIVE, t, number=str(i)) for i, t in enumerate(operative, 1)]
    return Document(symbol=symbol, lang=lang, title=title, kind=DocumentKind.RESOLUTION,
                    paragraphs=tuple(paragraphs), organ="General Assembly", session="1", year=1946, source=source)
