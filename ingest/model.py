"""The data model: a resolution is a `Document` of `Paragraph`s and `Footnote`s.

Frozen dataclasses with tuples, validated on construction. A paragraph's id is
derived from symbol, language and reference, so indexing the same document
again overwrites instead of duplicating.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from language.refs import REF_RE, is_valid_ref

LANGUAGES = ("zh", "en", "fr", "ru", "es", "ar")

# the one grammar of paragraph refs lives in language/refs.py
REF_PATTERN = REF_RE


class ParagraphKind(StrEnum):
    TITLE = "title"
    PREAMBLE = "preamble"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    FOOTNOTE = "footnote"
    ANNEX = "annex"
    PARAGRAPH = "paragraph"  # unnumbered body text of a document that is not a resolution


class DocumentKind(StrEnum):
    RESOLUTION = "resolution"
    DRAFT_RESOLUTION = "draft_resolution"
    DECISION = "decision"
    DRAFT_DECISION = "draft_decision"
    DECLARATION = "declaration"
    OTHER = "other"


def paragraph_id(symbol: str, lang: str, ref: str) -> str:
    """The stable storage id of a paragraph.

    >>> paragraph_id("A/RES/79/331", "en", "op7")
    'A/RES/79/331|en|op7'
    """
    return f"{symbol}|{lang}|{ref}"


def citation(symbol: str, ref: str) -> str:
    """The citation users see: `SYMBOL#REF` (the language is a separate attribute)."""
    return f"{symbol}#{ref}"


@dataclass(frozen=True)
class Footnote:
    number: int
    text: str

    def __post_init__(self) -> None:
        if self.number < 1:
            raise ValueError(f"footnote number must be >= 1, got {self.number!r}")
        if not self.text.strip():
            raise ValueError(f"footnote {self.number} has empty text")

    @property
    def ref(self) -> str:
        return f"fn{self.number}"


CITE_KINDS = ("resolution", "decision", "presidential_statement", "document", "other")


@dataclass(frozen=True)
class Cite:
    """A document a paragraph names: `Cite("S/RES/660 (1990)", "resolution", "660 (1990) of 2 August 1990")`.

    `symbol` is normalized (ingest.symbols); `text` is the words as printed.
    """

    symbol: str
    kind: str
    text: str

    def __post_init__(self) -> None:
        if self.kind not in CITE_KINDS:
            raise ValueError(f"cite kind {self.kind!r} is not one of {', '.join(CITE_KINDS)}")
        if not self.symbol.strip():
            raise ValueError("cite symbol is empty")

    def to_json(self) -> dict:
        return {"symbol": self.symbol, "kind": self.kind, "text": self.text}


@dataclass(frozen=True)
class Paragraph:
    """One citable unit: a title, a preambular or operative paragraph, a sub-paragraph,
    a footnote or an annex paragraph.

    `footnotes` holds the refs (`fn1`, …) of the footnotes this paragraph cites;
    `number` is the printed number or letter ("7", "a", "ii") where there is one.
    """

    ref: str
    kind: ParagraphKind
    text: str
    footnotes: tuple[str, ...] = ()
    page: int | None = None
    number: str | None = None
    cites: tuple[Cite, ...] = ()  # the documents it names (ingest.citations)

    def __post_init__(self) -> None:
        if not is_valid_ref(self.ref):
            raise ValueError(f"paragraph ref {self.ref!r} is not a valid reference")
        if not isinstance(self.kind, ParagraphKind):
            raise ValueError(f"paragraph kind {self.kind!r} is not a ParagraphKind")
        if not self.text.strip():
            raise ValueError(f"paragraph {self.ref} has empty text")
        if not isinstance(self.footnotes, tuple):
            raise ValueError(f"footnotes of {self.ref} must be a tuple, got {type(self.footnotes).__name__}")
        for fn in self.footnotes:
            if not re.fullmatch(r"fn\d+", fn):
                raise ValueError(f"paragraph {self.ref} cites {fn!r}, which is not a footnote ref")


@dataclass(frozen=True)
class Document:
    """A parsed resolution (or other UN document) in one language."""

    symbol: str
    lang: str
    title: str
    kind: DocumentKind
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    organ: str | None = None  # "General Assembly", "Security Council", …
    session: str | None = None  # "67", "ES-10", "XXVI" as printed, normalized to digits where possible
    year: int | None = None
    date: str | None = None  # ISO 8601 where it could be read
    agenda_item: str | None = None
    sponsors: tuple[str, ...] = ()
    source: str = ""
    warnings: tuple[str, ...] = field(default=(), compare=False)

    def __post_init__(self) -> None:
        if not self.symbol.strip():
            raise ValueError("document symbol is empty")
        if self.lang not in LANGUAGES:
            raise ValueError(f"language {self.lang!r} is not one of {', '.join(LANGUAGES)}")
        if not isinstance(self.kind, DocumentKind):
            raise ValueError(f"document kind {self.kind!r} is not a DocumentKind")
        if not self.paragraphs:
            raise ValueError(f"document {self.symbol} has no paragraphs")
        refs = [p.ref for p in self.paragraphs]
        duplicates = sorted({r for r in refs if refs.count(r) > 1})
        if duplicates:
            raise ValueError(f"document {self.symbol} has duplicate refs: {', '.join(duplicates)}")
        known = {f.ref for f in self.footnotes}
        for p in self.paragraphs:
            missing = [fn for fn in p.footnotes if fn not in known]
            if missing:
                raise ValueError(f"{p.ref} cites unknown footnotes {missing}")

    def footnote(self, ref: str) -> Footnote | None:
        return next((f for f in self.footnotes if f.ref == ref), None)

    def paragraph(self, ref: str) -> Paragraph | None:
        return next((p for p in self.paragraphs if p.ref == ref), None)

    def count(self, kind: ParagraphKind) -> int:
        return sum(1 for p in self.paragraphs if p.kind == kind)

    def to_json(self) -> dict:
        """The `resqa parse --json` shape (INTERFACE.md), plus a few extra keys."""
        by_ref = {f.ref: f for f in self.footnotes}
        return {
            "symbol": self.symbol,
            "lang": self.lang,
            "title": self.title,
            "kind": str(self.kind),
            "session": self.session,
            "date": self.date,
            "year": self.year,
            "organ": self.organ,
            "agenda_item": self.agenda_item,
            "sponsors": list(self.sponsors),
            "source": self.source,
            "warnings": list(self.warnings),
            "paragraphs": [
                {
                    "ref": p.ref,
                    "kind": str(p.kind),
                    "text": p.text,
                    "footnotes": [
                        {"ref": fn, "text": by_ref[fn].text} for fn in p.footnotes if fn in by_ref
                    ],
                    "page": p.page,
                    "cites": [c.to_json() for c in p.cites],
                }
                for p in self.paragraphs
            ],
        }
