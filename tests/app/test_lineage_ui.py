"""The lineage panel and the Compare view's HTML (ui/lineage.py, ui/compare_view.py), without a browser."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.embeddings import FakeEmbedding
from index.library import Library
from resqa.errors import ResqaError
from resqa.settings import Settings
from ui import compare_view, lineage
from ui.render import nav_value

ROOT = Path(__file__).resolve().parents[2]
FILES = [ROOT / "samples" / "en" / "S_RES_0660_1990.txt", ROOT / "samples" / "en" / "S_RES_0661_1990.txt",
         ROOT / "corpora" / "unsc" / "S_RES_0472_1980.txt", ROOT / "corpora" / "unsc" / "S_RES_0482_1980.txt"]

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    lib = Library.open(Settings(store_dir=tmp_path_factory.mktemp("ui-lineage") / "store", embed_model="fake"),
                       embedder=FakeEmbedding())
    lib.ingest_paths(FILES)
    yield lib
    lib.close()


def test_a_cited_paragraph_links_its_indexed_resolution(library):
    html = lineage.panel(library, nav_value(cite="S/RES/661 (1990)#pp1", lang="en"))
    assert ('<div class="para-cites"><span class="muted">cites</span> <button type="button" class="nav-link '
            'lineage-cite" data-doc="S/RES/660 (1990)" data-lang="en"') in html


def test_not_indexed_citations_are_marked_and_the_document_lists_its_lineage(library):
    html = lineage.panel(library, nav_value(doc="S/RES/482 (1980)", lang="en"))
    assert 'data-symbol="S/RES/186 (1964)">S/RES/186 (1964) <span class="muted">(not indexed)</span>' in html
    # 186 (1964) in pp4 and op1, and the reports of its footnotes fn72 and fn75
    assert "<h4>Cites (3)</h4>" in html and "<h4>Cited by (0 indexed)</h4>" in html
    doc_660 = lineage.panel(library, nav_value(doc="S/RES/660 (1990)", lang="en"))
    assert '<h4>Cited by (1 indexed)</h4><ul><li><button type="button" class="nav-link lineage-cite" ' \
           'data-doc="S/RES/661 (1990)"' in doc_660


def test_compare_html_marks_changed_words_side_by_side(library):
    html = compare_view.compare_html(library, "S/RES/472 (1980)", "S/RES/482 (1980)")
    assert 'class="cmp-row cmp-changed" data-a="op3" data-b="op3"' in html
    assert "<del>30 November 1980</del>" in html and "<ins>31 May 1981</ins>" in html
    assert html.count('class="cmp-row ') == 13  # 9 body paragraphs, 4 footnote rows


def test_previous_version_and_errors(library):
    assert compare_view.previous_of(library, "S/RES/482 (1980)") == "S/RES/472 (1980)"
    with pytest.raises(ResqaError, match="No earlier version of S/RES/660 \\(1990\\)"):
        compare_view.previous_of(library, "S/RES/660 (1990)")
    with pytest.raises(ResqaError, match="Choose two documents"):
        compare_view.compare_html(library, "", "S/RES/482 (1980)")


def test_document_of_a_navigation_request():
    assert lineage.document_of(nav_value(cite="S/RES/661 (1990)#pp1", lang="en")) == "S/RES/661 (1990)"
    assert lineage.document_of(nav_value(doc="A/RES/80/4", lang="en")) == "A/RES/80/4"
    assert lineage.document_of("") is None
