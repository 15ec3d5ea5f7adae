"""Readers see immutable registry snapshots while a writer ingests (the UI answers during uploads)."""

from __future__ import annotations

import itertools
import threading

import pytest

from answer.assistant import Assistant
from index.embeddings import FakeEmbedding
from index.library import Library
from index.registry import RegistrySnapshot
from index.sources import collect_sources

pytestmark = pytest.mark.integration

QUESTIONS = (
    "哪些段落涉及维持和平行动？",
    "What does the resolution on cooperation with the Francophonie say about UN-Women?",
    "Which paragraphs concern the Universal Declaration of Human Rights?",
    "世界知识产权组织何时与法语国家国际组织签署谅解备忘录？",
    "Que décide l'Assemblée générale au sujet du Conseil de sécurité ?",
)


def _whole(library: Library, snapshot: RegistrySnapshot, symbol: str, lang: str, version: str) -> bool:
    """The document is registered in `snapshot` with this version, and its sidecar and Chroma
    nodes hold every one of its paragraphs."""
    info = snapshot.documents.get(f"{symbol}|{lang}")
    if info is None or info.version != version:
        return False
    nodes = library.vectors._store(lang).client.get(where={"version": version}, include=[])["ids"]
    return len(library.sidecar(info)) == info.paragraphs == len(nodes)


def test_answers_during_an_ingest_cite_only_whole_documents(settings, samples_dir):
    """Regression: readers iterated the registry's documents while the writer inserted into them."""
    library = Library.open(settings, embedder=FakeEmbedding())
    assistant = Assistant(library, settings)
    errors: list[BaseException] = []

    def ingest():
        try:
            library.ingest_paths([samples_dir])
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    writer = threading.Thread(target=ingest)
    writer.start()
    answered = []
    for question in itertools.cycle(QUESTIONS):
        if not writer.is_alive() and len(answered) >= len(QUESTIONS):
            break
        answer = assistant.ask(question)  # an error here fails the test
        answered.append((library.snapshot(), answer))
    writer.join()
    assert errors == []
    generations = {snapshot.generation for snapshot, _ in answered}
    assert len(generations) >= 3  # the answers were given while the store grew
    cited = 0
    for snapshot, answer in answered:
        by_id = {h.id: h for h in answer.hits}
        for citation in answer.citations:
            hit = by_id[citation]
            assert _whole(library, snapshot, hit.symbol, hit.lang, hit.metadata["version"]), citation
            cited += 1
    assert cited > 0
    final = library.snapshot()
    assert len(final.documents) == len(collect_sources([samples_dir])) == 78
    library.close()
