"""The BM25 channel: one bm25s index over the paragraphs of every language.

One index for all languages (not one per language) so that a query expanded
through the glossary into zh, en and fr is scored once, and IDF is shared. The
tokens of each paragraph are computed once at ingest and persisted in the
document's sidecar; the BM25 matrix itself is rebuilt from them in memory when
the registry generation changes (see docs/index.md for the measured cost).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class LexicalEntry:
    node_id: str
    text: str
    metadata: dict
    tokens: tuple[str, ...]


class LexicalIndex:
    """BM25 over pre-tokenized entries. `search` returns only entries scoring above zero."""

    def __init__(self, entries: list[LexicalEntry]):
        self.entries = entries
        self._bm25 = None
        if entries:
            import bm25s

            self._bm25 = bm25s.BM25()
            # An entry with no tokens (a bare number) would break bm25s' vocabulary; give it a
            # placeholder that no query produces.
            corpus = [list(e.tokens) or ["\x00"] for e in entries]
            self._bm25.index(corpus, show_progress=False)

    def __len__(self) -> int:
        return len(self.entries)

    def search(self, query_tokens: list[str], keep=None, limit: int | None = None
               ) -> list[tuple[LexicalEntry, float]]:
        """Entries with score > 0, best first; `keep(entry)` filters by metadata."""
        if self._bm25 is None or not query_tokens:
            return []
        vocab = self._bm25.vocab_dict
        known = [t for t in query_tokens if t in vocab]
        if not known:
            return []
        scores = np.asarray(self._bm25.get_scores(known))
        order = np.argsort(-scores, kind="stable")
        out = []
        for i in order:
            score = float(scores[i])
            if score <= 0:
                break
            entry = self.entries[int(i)]
            if keep is not None and not keep(entry):
                continue
            out.append((entry, score))
            if limit is not None and len(out) >= limit:
                break
        return out
