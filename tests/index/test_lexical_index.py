"""The BM25 index's top-n selection, its row filter and its node-id lookup."""

from __future__ import annotations

import numpy as np
import pytest

from index.lexical import LexicalEntry, LexicalIndex


def _index(docs: dict[str, list[str]]) -> LexicalIndex:
    entries = []
    for key, texts in docs.items():
        for position, text in enumerate(texts):
            entries.append(LexicalEntry(f"{key}#{position}", key, position, "operative" if position else "title",
                                        tuple(text.split())))
    return LexicalIndex.build(entries)


DOCS = {
    "A|en": ["mandate mission", "mandate extended mandate", "budget", "mission"],
    "B|en": ["mandate", "mandate mission extended", "mandate", "mandate"],
    "C|fr": ["mandat", "mandate", "mission mandate", "mandate mandate"],
}


@pytest.mark.unit
@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, 100])
def test_a_limited_search_is_the_head_of_the_full_ranking(limit):
    index = _index(DOCS)
    full = index.search(["mandate", "extended"])
    assert index.search(["mandate", "extended"], limit=limit) == full[:limit]
    assert [score for _row, score in full] == sorted((score for _row, score in full), reverse=True)


@pytest.mark.unit
def test_ties_keep_row_order_whatever_the_limit():
    index = _index({"D|en": ["mandate"] * 6})
    assert [row for row, _ in index.search(["mandate"], limit=4)] == [0, 1, 2, 3]


@pytest.mark.unit
def test_the_mask_keeps_only_the_named_documents_and_kind():
    index = _index(DOCS)
    rows = index.mask(["B|en", "no such|xx"])
    found = index.search(["mandate"], rows=rows)
    assert found and {index.doc_keys[row] for row, _ in found} == {"B|en"}
    operative = index.search(["mandate"], rows=index.mask(["A|en", "B|en", "C|fr"], kind="title"))
    assert {index.kinds[row] for row, _ in operative} == {"title"}
    assert index.search(["mandate"], rows=np.zeros(len(index), dtype=bool)) == []


@pytest.mark.unit
def test_row_of_finds_node_ids_and_nothing_else():
    index = _index(DOCS)
    assert index.row_of("C|fr#2") == index.node_ids.index("C|fr#2")
    assert index.row_of("C|fr#2@oldversion") is None
