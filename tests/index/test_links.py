"""The links index (index/links.py) through ingest, re-ingest and delete, on real SC resolutions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from index.embeddings import FakeEmbedding
from index.library import Library
from resqa.cli import main
from resqa.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
EN = ROOT / "samples" / "en"
GULF = ["S_RES_0660_1990.txt", "S_RES_0661_1990.txt", "S_RES_0662_1990.txt", "S_RES_0678_1990.txt"]

pytestmark = pytest.mark.unit


@pytest.fixture
def library(tmp_path):
    lib = Library.open(Settings(store_dir=tmp_path / "store", embed_model="fake", extra={"lock_timeout": 1}),
                       embedder=FakeEmbedding())
    report = lib.ingest_paths([EN / name for name in GULF])
    assert len(report.added) == 4
    yield lib
    lib.close()


def _by_symbol(items):
    return {i["symbol"]: i for i in items}


def test_cited_by_lists_the_indexed_documents_and_paragraphs(library):
    links = library.links("s/res/660(1990)")
    assert links["symbol"] == "S/RES/660 (1990)"
    assert links["indexed"] is True
    cited_by = _by_symbol(links["cited_by"])
    assert sorted(cited_by) == ["S/RES/661 (1990)", "S/RES/662 (1990)", "S/RES/678 (1990)"]
    assert cited_by["S/RES/661 (1990)"]["refs"] == ["pp1", "pp4", "op1", "op2"]
    assert cited_by["S/RES/662 (1990)"]["refs"][0] == "pp1"


def test_cites_say_which_are_indexed(library):
    links = library.links("S/RES/678 (1990)")
    cites = _by_symbol(links["cites"])
    assert list(cites)[:3] == ["S/RES/660 (1990)", "S/RES/661 (1990)", "S/RES/662 (1990)"]
    assert cites["S/RES/660 (1990)"]["indexed"] is True
    assert cites["S/RES/674 (1990)"]["indexed"] is False
    assert cites["S/RES/660 (1990)"]["kind"] == "resolution"
    assert "pp1" in cites["S/RES/660 (1990)"]["refs"]


def test_a_symbol_that_is_not_indexed_still_shows_who_cites_it(library):
    links = library.links("S/RES/674 (1990)")
    assert links["indexed"] is False
    assert links["cites"] == []
    assert [c["symbol"] for c in links["cited_by"]] == ["S/RES/678 (1990)"]


def test_reingest_with_a_citation_dropped_removes_it(library, tmp_path):
    text = (EN / "S_RES_0661_1990.txt").read_text(encoding="utf-8")
    changed = tmp_path / "S_RES_0661_1990.txt"
    changed.write_text(text.replace("Reaffirming its resolution 660 (1990) of 2 August 1990,",
                                    "Reaffirming its earlier decisions,"), encoding="utf-8")
    report = library.ingest_paths([changed])
    assert [u["symbol"] for u in report.updated] == ["S/RES/661 (1990)"]
    refs = _by_symbol(library.links("S/RES/660 (1990)")["cited_by"])["S/RES/661 (1990)"]["refs"]
    assert refs == ["pp4", "op1", "op2"]


def test_delete_removes_the_document_from_cited_by_and_from_indexed(library):
    assert library.delete("S/RES/678 (1990)") > 0
    links = library.links("S/RES/660 (1990)")
    assert [c["symbol"] for c in links["cited_by"]] == ["S/RES/661 (1990)", "S/RES/662 (1990)"]
    assert library.links("S/RES/678 (1990)")["indexed"] is False
    assert _by_symbol(library.links("S/RES/661 (1990)")["cites"])["S/RES/660 (1990)"]["indexed"] is True


def test_missing_or_stale_index_is_rebuilt_from_the_stored_paragraphs(library):
    before = library.links("S/RES/660 (1990)")
    path = library.registry.dir / "links.json"
    path.unlink()
    assert library.links("S/RES/660 (1990)") == before
    data = json.loads(path.read_text(encoding="utf-8"))
    key = "S/RES/661 (1990)|en"
    data["documents"][key]["version"] = "stale"
    data["documents"][key]["cites"] = []
    data["documents"]["S/RES/999 (1995)|en"] = dict(data["documents"][key], symbol="S/RES/999 (1995)")
    path.write_text(json.dumps(data), encoding="utf-8")
    assert library.links("S/RES/660 (1990)") == before


def test_cli_links_json(capsys, tmp_path):
    store = ["--store", str(tmp_path / "cli-store"), "--embed-model", "fake"]
    folder = tmp_path / "in"
    folder.mkdir()
    for name in GULF[:2]:
        shutil.copy(EN / name, folder / name)
    assert main(["ingest", str(folder), *store, "--json"]) == 0
    capsys.readouterr()
    assert main(["links", "S/RES/660 (1990)", *store, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert set(payload) >= {"symbol", "indexed", "cites", "cited_by"}
    assert payload["cited_by"] == [{"symbol": "S/RES/661 (1990)", "refs": ["pp1", "pp4", "op1", "op2"],
                                    "langs": ["en"], "title": payload["cited_by"][0]["title"]}]
    assert main(["links", "S/RES/661 (1990)", *store]) == 0
    out = capsys.readouterr().out
    assert "S/RES/660 (1990)" in out and "[indexed]" in out


def test_draft_and_adopted_text_are_paired(library):
    """No real draft/adopted pair is in the corpus: the real draft A/80/L.1 is indexed, and its text again
    under an adopted symbol (same session 80, agenda item 35 and title), and the two are linked."""
    from dataclasses import replace

    from ingest.parser import parse_file

    draft_file = ROOT / "tests" / "data" / "corpus" / "en" / "pdf-text" / "A_80_L.1.txt"
    library.ingest_document(parse_file(draft_file))
    library.ingest_document(parse_file(draft_file, symbol="A/RES/80/5"))
    assert library.links("A/80/L.1")["related"] == [{"symbol": "A/RES/80/5", "relation": "adopted", "langs": ["en"]}]
    assert library.links("A/RES/80/5")["related"] == [{"symbol": "A/80/L.1", "relation": "draft", "langs": ["en"]}]
    # an adopted text of another session is not the draft's
    library.ingest_document(replace(parse_file(draft_file, symbol="A/RES/79/5"), session="79"))
    assert [r["symbol"] for r in library.links("A/80/L.1")["related"]] == ["A/RES/80/5"]
    assert library.links("S/RES/660 (1990)")["related"] == []


def test_cli_links_accepts_short_forms_and_rejects_empty(capsys, library):
    store = ["--store", str(library.registry.dir), "--embed-model", "fake"]
    assert main(["links", "660 (1990)", *store, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["symbol"] == "S/RES/660 (1990)"
    assert main(["links", " ", *store]) == 1
    assert capsys.readouterr().err.strip() == "resqa: error: the symbol is empty"


def test_concurrent_readers_rebuild_the_index_without_errors(library):
    """Regression: two UI requests rebuilding a missing links.json wrote the same temp file."""
    from concurrent.futures import ThreadPoolExecutor

    expected = library.links("S/RES/660 (1990)")
    (library.registry.dir / "links.json").unlink()
    library.link_index = type(library.link_index)(library.registry.dir)
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: library.links("S/RES/660 (1990)"), range(8)))
    assert all(r == expected for r in results)
