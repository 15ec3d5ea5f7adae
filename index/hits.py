"""What retrieval returns: ranked paragraphs with their citation and context."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SearchMode(StrEnum):
    HYBRID = "hybrid"
    DENSE = "dense"
    LEXICAL = "lexical"


@dataclass(frozen=True)
class SearchFilters:
    """Selective filters; `None` means no constraint."""

    symbols: tuple[str, ...] = ()
    lang: str | None = None
    kind: str | None = None  # a ParagraphKind value
    organ: str | None = None
    session: str | None = None
    year: int | None = None

    def is_empty(self) -> bool:
        return not (self.symbols or self.lang or self.kind or self.organ or self.session or self.year)


@dataclass(frozen=True)
class Hit:
    """One retrieved paragraph.

    `id` is the citation `SYMBOL#REF`; `lang` is separate because translations
    share numbering. `score` is the fused (or channel) score, higher is better.
    """

    id: str
    symbol: str
    ref: str
    lang: str
    score: float
    text: str
    kind: str
    title: str = ""
    footnotes: tuple[tuple[str, str], ...] = ()  # (ref, text) of the footnotes it cites
    dense_score: float | None = None  # cosine similarity, when the dense channel saw it
    lexical_score: float | None = None  # BM25 score, when the lexical channel saw it
    # Cosine minus the `margin_rank`-th cosine of the hit's language (RetrievalConfig): e5 cosines
    # sit in a narrow band whose level depends on the language pair, so evidence is judged by this.
    dense_margin: float | None = None
    pivot_score: float | None = None  # BM25 over bilingual pivot keys, when the cross-language channel ran
    metadata: dict = field(default_factory=dict, compare=False, hash=False)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "lang": self.lang,
            "score": round(self.score, 6),
            "text": self.text,
            "kind": self.kind,
            "title": self.title,
        }
