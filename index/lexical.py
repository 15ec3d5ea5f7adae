"""The BM25 channel: one bm25s index over the paragraphs of every language.

One index for all languages (not one per language) so that a query expanded
through the glossary into zh, en and fr is scored once, and IDF is shared. The
tokens of each paragraph are computed once at ingest and kept in the document's
sidecar. The bm25s matrix of a registry generation is saved under
`lexical/<generation>-<analyzer>/` (written to a temporary folder, then renamed),
so a process that starts on an unchanged store loads it instead of rebuilding it.

An entry is addressed by its row: `node_ids[row]`, the document it belongs to
(`doc_keys[row]`, `SYMBOL|LANG`) and its position in that document's sidecar;
text and metadata stay in the sidecars and are read only for the hits.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np

from index.folders import write_atomically

logger = logging.getLogger(__name__)

EMPTY_TOKEN = "\x00"  # an entry with no tokens (a bare number) would break bm25s' vocabulary
FORMAT = 3  # bump when the saved layout changes: older folders are rebuilt, never misread (2: entities, rarity; 3: pivot)


@dataclass(frozen=True)
class LexicalEntry:
    node_id: str
    doc_key: str
    position: int
    kind: str
    tokens: tuple[str, ...]
    entities: tuple[str, ...] = ()  # the entity ids the paragraph names
    keys: tuple[str, ...] = ()  # its bilingual pivot keys (language/bilingual.py)


class LexicalIndex:
    """BM25 over pre-tokenized entries, and a second BM25 over their bilingual pivot keys (the
    cross-language channel). `search` returns only rows scoring above zero."""

    def __init__(self, node_ids: list[str], doc_keys: list[str], positions: list[int], kinds: list[str],
                 bm25=None, entities: list[tuple[str, ...]] | None = None, rarity_texts: tuple[str, ...] = (),
                 pivot=None):
        self.node_ids, self.doc_keys, self.positions, self.kinds = node_ids, doc_keys, positions, kinds
        self.entities = entities if entities is not None else [()] * len(node_ids)
        # The paragraphs the reader counts a term's rarity in (`language.terms.rarity_sample` of every
        # indexed text, in index order), kept here so that no reader has to load every sidecar.
        self.rarity_texts = tuple(rarity_texts)
        self._bm25 = bm25
        self._vocab = bm25.vocab_dict if bm25 is not None else {}
        self._pivot = pivot
        self._pivot_vocab = pivot.vocab_dict if pivot is not None else {}

    @classmethod
    def build(cls, entries: list[LexicalEntry], rarity_texts: tuple[str, ...] = ()) -> "LexicalIndex":
        bm25 = pivot = None
        if entries:
            import bm25s

            bm25 = bm25s.BM25()
            bm25.index([list(e.tokens) or [EMPTY_TOKEN] for e in entries], show_progress=False)
            pivot = bm25s.BM25()
            pivot.index([list(e.keys) or [EMPTY_TOKEN] for e in entries], show_progress=False)
        return cls([e.node_id for e in entries], [e.doc_key for e in entries], [e.position for e in entries],
                   [e.kind for e in entries], bm25, [tuple(e.entities) for e in entries], rarity_texts, pivot)

    def __len__(self) -> int:
        return len(self.node_ids)

    @cached_property
    def _rows(self) -> dict[str, int]:
        return {node_id: row for row, node_id in enumerate(self.node_ids)}

    def row_of(self, node_id: str) -> int | None:
        """The row of a node id, None when the index does not hold it."""
        return self._rows.get(node_id)

    @cached_property
    def _entity_rows(self) -> dict[str, list[int]]:
        rows: dict[str, list[int]] = {}
        for row, ids in enumerate(self.entities):
            for entity_id in ids:
                rows.setdefault(entity_id, []).append(row)
        return rows

    def rows_naming(self, entity_ids) -> list[int]:
        """The rows of the paragraphs that name one of `entity_ids`, in row order."""
        found: set[int] = set()
        for entity_id in entity_ids:
            found.update(self._entity_rows.get(entity_id, ()))
        return sorted(found)

    @cached_property
    def _doc_codes(self) -> tuple[dict[str, int], np.ndarray]:
        codes: dict[str, int] = {}
        return codes, np.fromiter((codes.setdefault(k, len(codes)) for k in self.doc_keys), dtype=np.int32,
                                  count=len(self.doc_keys))

    @cached_property
    def _kinds(self) -> np.ndarray:
        return np.asarray(self.kinds, dtype=object)

    def mask(self, doc_keys, kind: str | None = None) -> np.ndarray:
        """Rows of the documents `doc_keys` (and of one paragraph kind): a search's filter."""
        codes, rows = self._doc_codes
        wanted = [codes[k] for k in doc_keys if k in codes]
        out = np.isin(rows, np.asarray(wanted, dtype=np.int32))
        if kind:
            out &= self._kinds == kind
        return out

    def search(self, query_tokens: list[str], rows: np.ndarray | None = None,
               limit: int | None = None) -> list[tuple[int, float]]:
        """(row, score) with score > 0, best first (ties by row); `rows`: a `mask` to search in."""
        return best_rows(_scores(self._bm25, self._vocab, query_tokens), rows, limit)

    def pivot_scores(self, query_keys: list[str]) -> np.ndarray | None:
        """The BM25 score of every row over the entries' pivot keys (the cross-language channel);
        None when no key of the query is indexed. Select from it with `best_rows`."""
        return _scores(self._pivot, self._pivot_vocab, query_keys)

    # -- persistence ---------------------------------------------------------------------------
    def save(self, folder: Path, replace: bool = False) -> None:
        """Write the index to `folder` atomically (a temporary sibling renamed into place; `replace`: over a damaged one)."""
        rows = {"format": FORMAT, "node_ids": self.node_ids, "doc_keys": self.doc_keys,
                "positions": self.positions, "kinds": self.kinds, "entities": self.entities,
                "rarity_texts": self.rarity_texts}

        def fill(tmp: Path) -> None:
            (tmp / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
            if self._bm25 is not None:
                self._bm25.save(str(tmp / "bm25"), show_progress=False)
            if self._pivot is not None:
                self._pivot.save(str(tmp / "pivot"), show_progress=False)

        write_atomically(folder, fill, replace)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        """The index saved in `folder`, or None when it is missing, older or unreadable."""
        folder = Path(folder)
        if not folder.is_dir():  # not saved yet: built, quietly
            return None
        try:
            rows = json.loads((folder / "rows.json").read_text(encoding="utf-8"))
            if rows.get("format") != FORMAT:
                return None
            bm25 = pivot = None
            if rows["node_ids"]:
                import bm25s

                bm25 = bm25s.BM25.load(str(folder / "bm25"), mmap=False, show_progress=False)
                pivot = bm25s.BM25.load(str(folder / "pivot"), mmap=False, show_progress=False)
        except (OSError, ValueError, KeyError) as exc:
            logger.info("lexical index at %s not usable (%s): rebuilding", folder, exc)
            return None
        return cls(rows["node_ids"], rows["doc_keys"], rows["positions"], rows["kinds"], bm25,
                   [tuple(ids) for ids in rows["entities"]], tuple(rows["rarity_texts"]), pivot)


def _scores(bm25, vocab: dict, query_tokens: list[str]) -> np.ndarray | None:
    known = [t for t in query_tokens if t in vocab] if bm25 is not None else []
    return np.asarray(bm25.get_scores(known)) if known else None


def best_rows(scores: np.ndarray | None, rows: np.ndarray | None = None,
              limit: int | None = None, above: float | None = 0.0) -> list[tuple[int, float]]:
    """(row, score) of the rows scoring above `above` (None: any score) inside the mask `rows`,
    best first, ties by row."""
    if scores is None:
        return []
    if above is None:
        positive = np.ones(len(scores), dtype=bool) if rows is None else rows.copy()
    else:
        positive = scores > above
        if rows is not None:
            positive &= rows
    positive = np.flatnonzero(positive)
    if limit is not None and len(positive) > limit:
        # Only the best `limit` rows are wanted: select them in linear time, then sort those.
        # Rows tied with the limit-th score are all kept, so the order below is a full sort's.
        cut = -np.partition(-scores[positive], limit - 1)[limit - 1]
        positive = positive[scores[positive] >= cut]
    order = positive[np.argsort(-scores[positive], kind="stable")][:limit]
    return [(int(row), float(scores[row])) for row in order]
