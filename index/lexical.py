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
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import numpy as np

logger = logging.getLogger(__name__)

EMPTY_TOKEN = "\x00"  # an entry with no tokens (a bare number) would break bm25s' vocabulary
FORMAT = 1  # bump when the saved layout changes: older folders are rebuilt, never misread


@dataclass(frozen=True)
class LexicalEntry:
    node_id: str
    doc_key: str
    position: int
    kind: str
    tokens: tuple[str, ...]


class LexicalIndex:
    """BM25 over pre-tokenized entries. `search` returns only rows scoring above zero."""

    def __init__(self, node_ids: list[str], doc_keys: list[str], positions: list[int], kinds: list[str],
                 bm25=None):
        self.node_ids, self.doc_keys, self.positions, self.kinds = node_ids, doc_keys, positions, kinds
        self._bm25 = bm25
        self._vocab = bm25.vocab_dict if bm25 is not None else {}

    @classmethod
    def build(cls, entries: list[LexicalEntry]) -> "LexicalIndex":
        bm25 = None
        if entries:
            import bm25s

            bm25 = bm25s.BM25()
            bm25.index([list(e.tokens) or [EMPTY_TOKEN] for e in entries], show_progress=False)
        return cls([e.node_id for e in entries], [e.doc_key for e in entries], [e.position for e in entries],
                   [e.kind for e in entries], bm25)

    def __len__(self) -> int:
        return len(self.node_ids)

    def search(self, query_tokens: list[str], keep: Callable[[int], bool] | None = None,
               limit: int | None = None) -> list[tuple[int, float]]:
        """(row, score) with score > 0, best first; `keep(row)` filters."""
        if self._bm25 is None or not query_tokens:
            return []
        known = [t for t in query_tokens if t in self._vocab]
        if not known:
            return []
        scores = np.asarray(self._bm25.get_scores(known))
        positive = np.flatnonzero(scores > 0)
        order = positive[np.argsort(-scores[positive], kind="stable")]
        out = []
        for row in order:
            row = int(row)
            if keep is not None and not keep(row):
                continue
            out.append((row, float(scores[row])))
            if limit is not None and len(out) >= limit:
                break
        return out

    # -- persistence ---------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        """Write the index to `folder` atomically (a temporary sibling renamed into place)."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder.with_name(f".{folder.name}.tmp{os.getpid()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir()
        rows = {"format": FORMAT, "node_ids": self.node_ids, "doc_keys": self.doc_keys,
                "positions": self.positions, "kinds": self.kinds}
        (tmp / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
        if self._bm25 is not None:
            self._bm25.save(str(tmp / "bm25"), show_progress=False)
        try:
            os.replace(tmp, folder)
        except OSError:  # another process saved the same generation first: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex | None":
        """The index saved in `folder`, or None when it is missing, older or unreadable."""
        folder = Path(folder)
        try:
            rows = json.loads((folder / "rows.json").read_text(encoding="utf-8"))
            if rows.get("format") != FORMAT:
                return None
            bm25 = None
            if rows["node_ids"]:
                import bm25s

                bm25 = bm25s.BM25.load(str(folder / "bm25"), mmap=False, show_progress=False)
        except (OSError, ValueError, KeyError) as exc:
            logger.info("lexical index at %s not usable (%s): rebuilding", folder, exc)
            return None
        return cls(rows["node_ids"], rows["doc_keys"], rows["positions"], rows["kinds"], bm25)
