"""Small stand-ins for Library and Assistant, built from real sample paragraphs.

They follow the public API in docs/DESIGN.md closely enough for the UI: search
scores by shared words / character bigrams, documents come from a line-based
reading of real files (samples/zh/A_67_L_francophonie_draft.txt as `A/67/L.X`,
A/RES/55/100 in en/zh/fr, line-aligned, for the side-by-side view).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path

from index.hits import Hit, SearchFilters, SearchMode
from ingest.model import Document, DocumentKind, Footnote, Paragraph, ParagraphKind, citation
from language.scripts import CJK_CLASS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"
ORGAN_LINES = ("大会，", "The General Assembly,", "L'Assemblée générale,")
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹"
_OP = re.compile(r"^(\d+)\s*[.．]\s*")
_SUB = re.compile(r"^\(([a-z])\)\s*")


def read_document(path: Path, symbol: str, lang: str, source: str | None = None) -> Document:
    """A simple reading of a sample text into a Document (the real parser is ingest.parser)."""
    text = path.read_text(encoding="utf-8")
    blocks = [b.strip() for b in re.split(r"\n\s*\n" if "\n\n" in text else r"\n", text) if b.strip()]
    organ = next(i for i, b in enumerate(blocks) if b in ORGAN_LINES)
    title = re.sub(r"^\d+/\d+\.\s*", "", blocks[organ - 1])
    paragraphs = [Paragraph("title", ParagraphKind.TITLE, title)]
    footnotes, pp, last_op = [], 0, None
    for block in blocks[organ + 1 :]:
        if block[0] in _SUPERSCRIPTS:
            number = _SUPERSCRIPTS.index(block[0]) + 1
            footnotes.append(Footnote(number, block[1:].strip()))
            continue
        cites = tuple(sorted({f"fn{_SUPERSCRIPTS.index(c) + 1}" for c in block if c in _SUPERSCRIPTS}))
        if m := _OP.match(block):
            last_op = m.group(1)
            paragraphs.append(Paragraph(f"op{last_op}", ParagraphKind.OPERATIVE, block, cites, number=last_op))
        elif (m := _SUB.match(block)) and last_op:
            paragraphs.append(
                Paragraph(f"op{last_op}.{m.group(1)}", ParagraphKind.SUBPARAGRAPH, block, cites, number=m.group(1))
            )
        elif last_op is None:
            pp += 1
            paragraphs.append(Paragraph(f"pp{pp}", ParagraphKind.PREAMBLE, block, cites, number=str(pp)))
        else:  # text after a page break continues the previous paragraph
            prev = paragraphs[-1]
            paragraphs[-1] = dataclasses.replace(prev, text=prev.text + block)
    known = {f.ref for f in footnotes}
    paragraphs = [dataclasses.replace(p, footnotes=tuple(f for f in p.footnotes if f in known)) for p in paragraphs]
    paragraphs += [Paragraph(f.ref, ParagraphKind.FOOTNOTE, f.text) for f in footnotes]
    return Document(
        symbol=symbol, lang=lang, title=title, kind=DocumentKind.DRAFT_RESOLUTION, paragraphs=tuple(paragraphs),
        footnotes=tuple(footnotes), organ="General Assembly", session=symbol.split("/")[-2] if "/" in symbol else None,
        source=source or path.name,
    )


def fake_parse(path: Path) -> Document:
    """Stand-in for ingest.parser.parse_file: the symbol comes from the first line `SYMBOL: ...`."""
    text = Path(path).read_text(encoding="utf-8")
    first = text.splitlines()[0] if text.strip() else ""
    if not first.startswith("SYMBOL:"):
        from resqa.errors import ParseError

        raise ParseError(path, "no UN document structure found")
    symbol, lang = first.removeprefix("SYMBOL:").split()
    body = Path(path).with_suffix(".body.txt")
    body.write_text(text.split("\n", 1)[1], encoding="utf-8")
    return read_document(body, symbol, lang)


def _terms(text: str) -> set[str]:
    words = {w for w in re.findall(r"[a-zà-ÿ]{4,}", text.lower())}
    han = re.sub(f"[^{CJK_CLASS}]", "", text)
    return words | {han[i : i + 2] for i in range(len(han) - 1)}


@dataclass(frozen=True)
class FakeDocumentInfo:
    symbol: str
    lang: str
    title: str
    paragraphs: int
    source: str
    ingested_at: str
    kind: str = "draft_resolution"
    organ: str | None = "General Assembly"
    session: str | None = None
    year: int | None = None


class FakeLibrary:
    def __init__(self):
        self._docs: dict[tuple[str, str], Document] = {}
        self._hashes: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    @classmethod
    def with_samples(cls) -> "FakeLibrary":
        lib = cls()
        lib.ingest_document(read_document(SAMPLES / "zh" / "A_67_L_francophonie_draft.txt", "A/67/L.X", "zh"))
        for lang in ("en", "zh", "fr"):
            lib.ingest_document(read_document(SAMPLES / lang / "A_RES_55_100.partial.txt", "A/RES/55/100", lang))
        return lib

    def ingest_document(self, doc: Document) -> str:
        key = (doc.symbol, doc.lang)
        digest = hashlib.sha256(repr(doc.paragraphs).encode()).hexdigest()
        with self._lock:
            old = self._hashes.get(key)
            self._docs[key], self._hashes[key] = doc, digest
        return "added" if old is None else ("unchanged" if old == digest else "updated")

    def ingest_paths(self, paths, symbol=None, lang=None, progress=None):
        files = sorted(p for path in paths for p in Path(path).rglob("A_RES_55_100*.txt"))
        for i, f in enumerate(files):
            if progress:
                progress(i, len(files), f.name)
            self.ingest_document(read_document(f, "A/RES/55/100", f.parent.name))
        if progress:
            progress(len(files), len(files), "done")
        return type("Report", (), {"added": [str(f) for f in files], "failed": []})()

    def _hits(self, doc: Document) -> list[Hit]:
        notes = {f.ref: f.text for f in doc.footnotes}
        return [
            Hit(citation(doc.symbol, p.ref), doc.symbol, p.ref, doc.lang, 0.0, p.text, str(p.kind), doc.title,
                tuple((f, notes[f]) for f in p.footnotes))
            for p in doc.paragraphs
        ]

    def search(self, query, k=10, mode=SearchMode.HYBRID, filters=SearchFilters()):
        wanted = _terms(query)
        scored = []
        for (symbol, lang), doc in list(self._docs.items()):
            if filters.symbols and symbol not in filters.symbols or filters.lang and lang != filters.lang:
                continue
            for hit in self._hits(doc):
                if filters.kind and hit.kind != filters.kind or hit.ref == "title":
                    continue
                score = len(wanted & _terms(hit.text)) / (len(wanted) or 1)
                if score > 0.2:
                    scored.append(dataclasses.replace(hit, score=score))
        return sorted(scored, key=lambda h: (-h.score, h.id))[:k]

    def documents(self):
        return [
            FakeDocumentInfo(d.symbol, d.lang, d.title, len(d.paragraphs), d.source, "2026-01-01T00:00:00+00:00",
                             session=d.session)
            for d in self._docs.values()
        ]

    def paragraphs(self, symbol, lang):
        doc = self._docs.get((symbol, lang))
        return self._hits(doc) if doc else []

    def versions(self, symbol, ref):
        return [h for (s, _), d in self._docs.items() if s == symbol for h in self._hits(d) if h.ref == ref]

    def delete(self, symbol, lang=None):
        with self._lock:
            keys = [key for key in self._docs if key[0] == symbol and (lang is None or key[1] == lang)]
            removed = sum(len(self._docs.pop(key).paragraphs) for key in keys)
            for key in keys:
                self._hashes.pop(key, None)
        return removed


@dataclass(frozen=True)
class FakeAnswer:
    answer: str
    citations: tuple[str, ...]
    hits: tuple[Hit, ...]
    qtype: str = "list"
    lang: str = "zh"
    warnings: tuple[str, ...] = ()
    backend: str = "extractive"

    def to_json(self) -> dict:
        return {"answer": self.answer, "citations": list(self.citations), "hits": [h.to_json() for h in self.hits],
                "qtype": self.qtype, "lang": self.lang, "warnings": list(self.warnings), "backend": self.backend}


@dataclass
class FakeAssistant:
    """Lists the matching paragraphs with their citations; remembers the history it was given."""

    library: FakeLibrary
    histories: list = field(default_factory=list)

    def ask_stream(self, question, history=(), filters=SearchFilters(), mode=SearchMode.HYBRID, qtype=None):
        self.histories.append(tuple(history))
        hits = tuple(self.library.search(question, k=3, filters=filters))
        if not hits:
            text = "The indexed documents do not cover this."
            yield text
            yield FakeAnswer(text, (), (), qtype="noanswer")
            return
        lines = [f"{h.text[:40]}… [{h.id}]" for h in hits]
        text = "\n".join(lines)
        for i in range(0, len(text), 16):
            yield text[i : i + 16]
        yield FakeAnswer(text, tuple(h.id for h in hits), hits)

    def ask(self, question, history=(), filters=SearchFilters(), mode=SearchMode.HYBRID, qtype=None):
        *_, final = self.ask_stream(question, history, filters, mode, qtype)
        return final
