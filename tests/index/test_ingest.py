"""Ingestion: idempotent, versioned, atomic per document, bad input isolated."""

from __future__ import annotations

import pytest

from index.hits import SearchMode
from index.library import Library
from index.embeddings import FakeEmbedding
from resqa.errors import StoreLockedError
from tests.index.conftest import make_doc
from tests.index.splitter import parse_with_splitter

pytestmark = pytest.mark.unit


def _store_count(library, lang="en") -> int:
    return library.vectors.count(lang)


def test_reingesting_unchanged_document_embeds_nothing(library):
    doc = make_doc(operative=("Decides to remain seized of the matter.", "Requests a report."))
    assert library.ingest_document(doc) == "added"
    embedded = library.embedder.computed
    assert embedded == 4
    assert library.ingest_document(doc) == "unchanged"
    assert library.embedder.computed == embedded
    assert _store_count(library) == 4
    assert [d.paragraphs for d in library.documents()] == [4]


def test_reingesting_unchanged_folder_reports_unchanged_and_embeds_nothing(library, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "A_RES_9_1.txt").write_text("Peace\n\nThe General Assembly,\n\nRecalling,\n\n1. Decides.\n", "utf-8")
    (folder / "A_RES_9_2.txt").write_text("War\n\nThe General Assembly,\n\nNoting,\n\n1. Requests.\n", "utf-8")
    first = library.ingest_paths([folder])
    assert [e["symbol"] for e in first.added] == ["A/RES/9/1", "A/RES/9/2"]
    assert first.embedded == 6
    second = library.ingest_paths([folder])
    assert second.to_json() == {"added": [], "updated": [], "failed": [], "embedded": 0,
                                "unchanged": first.to_json()["added"]}
    assert _store_count(library) == 6


def test_changed_version_replaces_the_old_one_whole(library):
    library.ingest_document(make_doc(operative=("Decides A.", "Decides B.", "Decides C.")))
    assert library.ingest_document(make_doc(operative=("Decides A.", "Decides B, amended."))) == "updated"
    refs = [h.ref for h in library.paragraphs("A/RES/1/1", "en")]
    assert refs == ["title", "pp1", "op1", "op2"]
    assert library.paragraphs("A/RES/1/1", "en")[3].text == "Decides B, amended."
    assert _store_count(library) == 4
    assert [h.id for h in library.search("Decides C.", k=10, mode=SearchMode.LEXICAL)
            if h.ref == "op3"] == []


def test_identity_is_symbol_and_language_so_pdf_and_txt_are_one_document(library):
    library.ingest_document(make_doc(source="a.pdf", operative=("Decides X.",)))
    assert library.ingest_document(make_doc(source="a.txt", operative=("Decides Y.",))) == "updated"
    assert library.ingest_document(make_doc(lang="fr", source="a.fr.txt")) == "added"
    assert [(d.symbol, d.lang, d.source) for d in library.documents()] == [
        ("A/RES/1/1", "en", "a.txt"), ("A/RES/1/1", "fr", "a.fr.txt")]


def test_failure_between_write_and_removal_keeps_old_version_and_next_run_heals(library):
    library.ingest_document(make_doc(operative=("Old first.", "Old second.")))

    def crash(checkpoint):
        if checkpoint == "after_write":
            raise RuntimeError("injected crash")

    library.fault_hook = crash
    with pytest.raises(RuntimeError, match="injected crash"):
        library.ingest_document(make_doc(operative=("New first.",)))
    # The old version is intact and the only one searchable.
    assert [h.text for h in library.paragraphs("A/RES/1/1", "en")][-2:] == ["Old first.", "Old second."]
    hits = library.search("New first.", k=10)
    assert {h.text for h in hits} == {"Old first.", "Old second.", "A test resolution", "Recalling the Charter,"}
    assert _store_count(library) == 4 + 3  # both versions are in Chroma until healed

    library.fault_hook = None
    assert library.ingest_document(make_doc(operative=("New first.",))) == "updated"
    assert _store_count(library) == 3
    assert library.registry.pending == {}
    assert [h.text for h in library.paragraphs("A/RES/1/1", "en")][-1] == "New first."


def test_embedding_failure_leaves_previous_version_searchable(settings):
    class Flaky(FakeEmbedding):
        fail: bool = False

        def _get_text_embeddings(self, texts):
            if self.fail:
                raise RuntimeError("model crashed")
            return super()._get_text_embeddings(texts)

    model = Flaky()
    library = Library.open(settings, embedder=model, parse=parse_with_splitter)
    library.ingest_document(make_doc(operative=("Stable text.",)))
    model.fail = True
    report_error = None
    try:
        library.ingest_document(make_doc(operative=("Replacement text.",)))
    except Exception as exc:  # noqa: BLE001 - the type is asserted below
        report_error = exc
    assert type(report_error).__name__ == "EmbeddingError"
    assert [h.text for h in library.search("Stable text.", k=1, mode=SearchMode.LEXICAL)] == ["Stable text."]
    assert library.registry.pending == {}


def test_bad_file_in_folder_is_reported_and_others_are_ingested(library, tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "A_RES_9_1.txt").write_text("Peace\n\nThe General Assembly,\n\n1. Decides.\n", "utf-8")
    (folder / "A_RES_9_2.txt").write_bytes(b"\xff\xfe\x00broken")
    report = library.ingest_paths([folder])
    assert [e["symbol"] for e in report.added] == ["A/RES/9/1"]
    assert len(report.failed) == 1
    assert report.failed[0]["path"].endswith("A_RES_9_2.txt")
    assert "not UTF-8" in report.failed[0]["error"]


def test_bad_input_leaves_the_store_unchanged(library, tmp_path):
    library.ingest_document(make_doc())
    before = ([d.to_json() for d in library.documents()], _store_count(library))
    bad = tmp_path / "bad.txt"
    bad.write_text("   \n\n  \n", "utf-8")
    report = library.ingest_paths([bad, tmp_path / "missing.txt"])
    assert len(report.failed) == 2
    assert ([d.to_json() for d in library.documents()], _store_count(library)) == before


def test_manifest_gives_symbol_and_language(library, tmp_path):
    folder = tmp_path / "docs"
    (folder / "zh").mkdir(parents=True)
    (folder / "zh" / "draft.txt").write_text("合作\n\n大会，\n\n1. 决定。\n", "utf-8")
    (folder / "MANIFEST.tsv").write_text("path\tlang\tingest_symbol\nzh/draft.txt\tzh-Hans\tA/67/L.X\n", "utf-8")
    report = library.ingest_paths([folder])
    assert [(e["symbol"], e["lang"]) for e in report.added] == [("A/67/L.X", "zh")]


def test_delete_removes_the_document_from_both_channels(library):
    library.ingest_document(make_doc(operative=("Unique zebra clause.",)))
    library.ingest_document(make_doc(symbol="A/RES/2/2", operative=("Other text.",)))
    assert library.delete("a/res/1/1") == 3  # title, pp1, op1
    assert [d.symbol for d in library.documents()] == ["A/RES/2/2"]
    assert library.search("zebra", mode=SearchMode.LEXICAL) == []
    assert {h.symbol for h in library.search("Unique zebra clause.", mode=SearchMode.DENSE)} == {"A/RES/2/2"}
    assert library.delete("A/RES/404/1") == 0


def test_second_writer_gets_a_clear_lock_error(library, settings):
    other = Library.open(settings, embedder=FakeEmbedding())
    with library.registry.write_lock():
        with pytest.raises(StoreLockedError, match="locked by another ingest or delete"):
            other.ingest_document(make_doc())
    assert other.ingest_document(make_doc()) == "added"


def test_failure_after_the_flip_serves_the_new_version_and_next_run_removes_the_old(library):
    library.ingest_document(make_doc(operative=("Old first.", "Old second.")))

    def crash(checkpoint):
        if checkpoint == "after_flip":
            raise RuntimeError("injected crash")

    library.fault_hook = crash
    with pytest.raises(RuntimeError, match="injected crash"):
        library.ingest_document(make_doc(operative=("New first.",)))
    assert {h.text for h in library.search("Old second.", k=10)} == {
        "New first.", "A test resolution", "Recalling the Charter,"}
    library.fault_hook = None
    assert library.ingest_document(make_doc(operative=("New first.",))) == "unchanged"
    assert _store_count(library) == 3
    assert library.registry.pending == {}


def test_two_files_of_one_run_printing_one_symbol_keep_the_first_and_running_again_changes_nothing(
        settings, tmp_path):
    """Regression: corpora/unsc/S_RES_0542_1983.txt holds resolution 538's text, so every run of the
    folder replaced 538 with the other file's text and back ("updated", never "unchanged")."""
    from pathlib import Path

    real = Path(__file__).resolve().parents[2] / "corpora" / "unsc"
    folder = tmp_path / "unsc"
    folder.mkdir()
    for name in ("S_RES_0538_1983.txt", "S_RES_0542_1983.txt", "S_RES_0539_1983.txt"):
        (folder / name).write_bytes((real / name).read_bytes())
    library = Library.open(settings, embedder=FakeEmbedding())  # the real parser reads the printed symbol
    first = library.ingest_paths([folder])
    assert [e["path"].rpartition("/")[2] for e in first.added] == ["S_RES_0538_1983.txt", "S_RES_0539_1983.txt"]
    assert len(first.failed) == 1 and first.failed[0]["path"].endswith("S_RES_0542_1983.txt")
    assert "prints S/RES/538 (1983) (en) like" in first.failed[0]["error"]
    versions = {(d.symbol, d.version) for d in library.documents()}
    again = library.ingest_paths([folder])
    assert not again.added and not again.updated and len(again.unchanged) == 2 and len(again.failed) == 1
    assert {(d.symbol, d.version) for d in library.documents()} == versions
    assert again.embedded == 0
    library.close()
