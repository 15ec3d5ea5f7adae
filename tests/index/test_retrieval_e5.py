"""Ranking with the real e5 model on real documents (a small store to keep time down)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index.hits import SearchFilters, SearchMode
from index.library import Library
from resqa.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
FILES = ("zh/A_67_L_francophonie_draft.txt", "zh/S_RES_0004_1946.txt", "en/S_RES_0004_1946.txt",
         "en/S_RES_0082_1950.txt", "en/A_RES_2758_XXVI.txt")


@pytest.fixture(scope="module")
def e5_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    for rel in FILES:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "samples" / rel, folder / rel)
    (folder / "MANIFEST.tsv").write_text(
        "path\tlang\tingest_symbol\n" + "".join(
            f"{rel}\t{rel[:2]}\t{'A/67/L.X' if 'L_franc' in rel else ''}\n" for rel in FILES), "utf-8")
    library = Library.open(Settings(store_dir=tmp_path_factory.mktemp("store"), embed_model="e5"))
    report = library.ingest_paths([folder])
    assert report.failed == []
    assert len(report.added) == 5
    yield library
    library.close()


def test_peacekeeping_question_ranks_op7_and_op8_first(e5_library):
    hits = e5_library.search("哪些段落涉及维持和平行动？", k=5)
    assert [h.id for h in hits[:2]] == ["A/67/L.X#op7", "A/67/L.X#op8"]


def test_wipo_question_finds_op18(e5_library):
    hits = e5_library.search("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？", k=5)
    assert hits[0].id == "A/67/L.X#op18"


def test_english_question_finds_chinese_un_women_paragraphs(e5_library):
    hits = e5_library.search("What does the resolution say about cooperation with UN-Women?", k=5)
    assert {"A/67/L.X#op16", "A/67/L.X#op17"} <= {h.id for h in hits}
    assert {h.lang for h in hits if h.symbol == "A/67/L.X"} == {"zh"}


def test_reingest_with_real_model_embeds_nothing(e5_library):
    folder = Path(e5_library.documents()[0].source).parent.parent
    before = [(d.symbol, d.lang, d.paragraphs) for d in e5_library.documents()]
    report = e5_library.ingest_paths([folder])
    assert (report.embedded, len(report.unchanged)) == (0, 5)
    assert [(d.symbol, d.lang, d.paragraphs) for d in e5_library.documents()] == before


def test_dense_mode_respects_symbol_filter(e5_library):
    hits = e5_library.search("Spanish question", k=3, mode=SearchMode.DENSE,
                             filters=SearchFilters(symbols=("S/RES/4(1946)",)))
    assert {h.symbol for h in hits} == {"S/RES/4 (1946)"}
