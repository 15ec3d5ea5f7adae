"""Orchestration: a file (or decoded text) to a `Document`.

    >>> doc = parse_text("The General Assembly,\\n\\nRecalling its resolution 1/1,\\n\\n1. Decides to act.",
    ...                  symbol="A/RES/1/2")
    >>> [p.ref for p in doc.paragraphs]
    ['title', 'pp1', 'op1']
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path

from ingest.citations import with_cites
from ingest.footnotes import INLINE_MARK, split_footnotes, split_inline_footnotes, split_trailing_footnotes, strip_markers
from ingest.furniture import clean_page, split_pages_at_running_headers
from ingest.header import (read_agenda_item, read_header, real_title, session_from_symbol,
                           tidy_title, title_of_other)
from ingest.limits import MAX_TEXT_CHARS
from ingest.layout import blocks_from_pages
from ingest.linear import is_linearized, relineate
from ingest.model import LANGUAGES, Document, DocumentKind, Footnote, Paragraph, ParagraphKind
from ingest.readers import SUPPORTED_SUFFIXES, read_pages
from ingest.stringlist import is_string_list, paragraphs_of_string_list
from ingest.structure import classify
from ingest.symbols import normalize_symbol, symbol_from_filename
from ingest import lexicon
from language.scripts import detect_language
from resqa.errors import ParseError

__all__ = ["SUPPORTED_SUFFIXES", "parse_file", "parse_text"]

log = logging.getLogger(__name__)


def parse_file(path: str | Path, symbol: str | None = None, lang: str | None = None,
               max_bytes: int | None = None) -> Document:
    """Parse a .txt/.pdf/.docx/.html resolution into a Document.

    Raises ParseError(path, reason) with a one-line reason on every bad input.
    """
    path = Path(path)
    pages = read_pages(path, max_bytes=max_bytes)
    fallback = symbol_from_filename(path.name)
    return _parse_pages(list(pages), symbol=symbol, lang=lang, source=str(path), fallback=fallback)


def parse_text(text: str, *, symbol: str | None = None, lang: str | None = None, source: str = "") -> Document:
    """Parse already-decoded text (pages may be separated by form feeds)."""
    fallback = symbol_from_filename(source) if source else "TEXT/unnamed"
    return _parse_pages(str(text).split("\f"), symbol=symbol, lang=lang, source=source, fallback=fallback)


def _parse_pages(pages: list[str], *, symbol: str | None, lang: str | None, source: str,
                 fallback: str) -> Document:
    where = source or "<text>"
    if lang is not None and lang not in LANGUAGES:
        raise ParseError(where, f"unsupported language {lang!r} (one of {', '.join(LANGUAGES)})")
    if not any(p.strip() for p in pages):
        raise ParseError(where, "no text (the input holds only whitespace)")
    size = sum(len(p) for p in pages)
    if size > MAX_TEXT_CHARS:
        raise ParseError(where, f"text of {size} characters is over the limit of {MAX_TEXT_CHARS} for one document")
    # a JSON list of paragraph strings (a dataset field): one paragraph per string
    pages = [paragraphs_of_string_list(page) if is_string_list(page) else page for page in pages]
    linear = [is_linearized(page) for page in pages]
    if any(linear):
        # one long line (a web page or an e-mail): breaks are put back from the lead words
        pages = [relineate(page) if flat else page for page, flat in zip(pages, linear)]
    pages = split_pages_at_running_headers(pages)
    body_pages: list[list[str]] = []
    notes: dict[int, str] = {}
    note_pages: dict[int, int] = {}
    for index, page in enumerate(pages):
        lines = clean_page(page.replace("\r\n", "\n").replace("\r", "\n").split("\n"), index)
        lines, defs = split_footnotes(lines)
        for number, text in defs:
            notes.setdefault(number, text)
            note_pages.setdefault(number, index + 1)
        body_pages.append(lines)
    body_pages[-1], trailing = split_trailing_footnotes(body_pages[-1])
    for number, text in trailing:
        notes.setdefault(number, text)
        note_pages.setdefault(number, len(body_pages))
    blocks = blocks_from_pages(body_pages)
    if not blocks:
        raise ParseError(where, "no paragraphs found (only page furniture or footnotes)")
    language = lang or detect_language(" ".join(b.text for b in blocks[:40]))
    if language not in LANGUAGES:
        language = "en"
    body = classify(blocks, language)
    header = read_header(body.header, body.closing, body.organ)
    warnings: list[str] = []
    if any(linear):
        warnings.append("text without line breaks: paragraphs were recovered from their lead words and numbers")

    doc_symbol = normalize_symbol(symbol) if symbol and symbol.strip() else (header.symbol or fallback)
    kind = _document_kind(body, header, doc_symbol)
    if kind is DocumentKind.OTHER:
        warnings.append("not a resolution: no organ line found; paragraphs are numbered p1, p2, …")
    known = set(notes)
    paragraphs: list[Paragraph] = []
    title = (header.title or "").strip()
    agenda_item = header.agenda_item
    if kind is DocumentKind.OTHER and not title:
        first_page = [d.text for d in body.paragraphs if d.page == 1]
        # a report's first line is its masthead ("Eightieth session"), not its title
        title = title_of_other(first_page) or (
            body.paragraphs[0].text.split("\n")[0][:200] if body.paragraphs else "")
        agenda_item = agenda_item or read_agenda_item("\n".join(first_page[:15]))
    title = real_title(tidy_title(title), doc_symbol, language) if title else doc_symbol
    title_clean, title_notes = strip_markers(title, known)
    paragraphs.append(Paragraph("title", ParagraphKind.TITLE, title_clean or title, _fn(title_notes), page=1))
    for draft in body.paragraphs:
        text, inline = split_inline_footnotes(draft.text)
        for note in inline:
            number = max(notes, default=0) + 1
            notes[number], note_pages[number] = note, draft.page
            known.add(number)
            text = text.replace(INLINE_MARK, f"[{number}]", 1)  # strip_markers links it
        text, cited = strip_markers(text, known)
        if not text.strip():
            continue
        paragraphs.append(Paragraph(draft.ref, ParagraphKind(draft.kind), text, _fn(cited),
                                    page=draft.page, number=draft.number))
    footnotes = tuple(Footnote(n, notes[n]) for n in sorted(notes))
    for note in footnotes:
        paragraphs.append(Paragraph(note.ref, ParagraphKind.FOOTNOTE, note.text, page=note_pages.get(note.number)))
    if kind is not DocumentKind.OTHER and not any(
            p.kind in (ParagraphKind.PREAMBLE, ParagraphKind.OPERATIVE) for p in paragraphs):
        warnings.append("organ line found but no preambular or operative paragraph")
    for message in warnings:
        log.warning("%s: %s", where, message)
    paragraphs = with_cites(paragraphs, body.organ, doc_symbol)
    try:
        return Document(
            symbol=doc_symbol, lang=language, title=title_clean or title, kind=kind,
            paragraphs=tuple(paragraphs), footnotes=footnotes, organ=body.organ,
            session=header.session or session_from_symbol(doc_symbol), year=header.year, date=header.date,
            agenda_item=agenda_item, sponsors=header.sponsors, source=source,
            warnings=tuple(warnings),
        )
    except ValueError as exc:
        # a structure the rules cannot make sense of is no reason to lose the text
        message = f"structure not understood ({exc}); paragraphs are numbered p1, p2, …"
        log.warning("%s: %s", where, message)
        plain = [Paragraph(f"p{i}", ParagraphKind.PARAGRAPH, b.text, page=b.page)
                 for i, b in enumerate((b for b in blocks if b.text.strip()), start=1)]
        return Document(symbol=doc_symbol, lang=language, title=(title_clean or title)[:300] or doc_symbol,
                        kind=DocumentKind.OTHER,
                        paragraphs=tuple(with_cites([paragraphs[0], *plain], body.organ, doc_symbol)), source=source,
                        warnings=(*warnings, message))


def _fn(numbers: tuple[int, ...]) -> tuple[str, ...]:
    return tuple(f"fn{n}" for n in numbers)


def _document_kind(body, header, symbol: str) -> DocumentKind:
    if not body.is_resolution:
        return DocumentKind.OTHER
    if "/RES/" in symbol and header.draft:
        header = replace(header, draft=None)  # a RES symbol is an adopted text
    if header.draft == "decision":
        return DocumentKind.DRAFT_DECISION
    if header.draft == "resolution":
        return DocumentKind.DRAFT_RESOLUTION
    title = header.title or ""
    if (body.has_preamble_heading or body.has_articles) and any(
            re.search(p, title) for p in lexicon.DECLARATION):
        return DocumentKind.DECLARATION
    return DocumentKind.RESOLUTION
