"""A tiny private splitter for index tests, used until `ingest.parser` exists.

Blank-line separated blocks; "N. text" is operative paragraph N; other blocks
after the organ line are preambular; the last short line before it is the title.
"""

from __future__ import annotations

import re
from pathlib import Path

from ingest.model import Document, DocumentKind, Paragraph, ParagraphKind
from resqa.errors import ParseError

ORGAN_LINES = ("大会，", "The General Assembly,", "The Security Council,", "安全理事会，", "L'Assemblée générale,")


def split_text(text: str, symbol: str, lang: str, source: str = "") -> Document:
    blocks = [re.sub(r"\s+", " ", b).strip() for b in re.split(r"\n\s*\n", text)]
    blocks = [b for b in blocks if b and not re.match(r"^[¹²³⁴⁵⁶⁷⁸⁹\d]\s", b)]
    if not blocks:
        raise ParseError(source or symbol, "no text")
    organ = next((i for i, b in enumerate(blocks) if b in ORGAN_LINES), None)
    title = blocks[organ - 1] if organ else blocks[0]
    paragraphs = [Paragraph("title", ParagraphKind.TITLE, title)]
    pp = 0
    for block in blocks[(organ + 1) if organ is not None else 1:]:
        m = re.match(r"^(\d+)\.\s*(.+)$", block)
        if m and not any(p.ref == f"op{m.group(1)}" for p in paragraphs):
            paragraphs.append(Paragraph(f"op{m.group(1)}", ParagraphKind.OPERATIVE, m.group(2), number=m.group(1)))
        elif paragraphs[-1].kind == ParagraphKind.OPERATIVE or not m and pp and block[0].islower():
            last = paragraphs.pop()  # a page break split the paragraph
            paragraphs.append(Paragraph(last.ref, last.kind, last.text + block, number=last.number))
        else:
            pp += 1
            paragraphs.append(Paragraph(f"pp{pp}", ParagraphKind.PREAMBLE, block))
    return Document(symbol=symbol, lang=lang, title=title, kind=DocumentKind.RESOLUTION,
                    paragraphs=tuple(paragraphs), organ="General Assembly", source=source)


def parse_with_splitter(source, max_bytes=None) -> Document:
    path = Path(source.path)
    if path.suffix != ".txt":
        raise ParseError(path, f"unsupported file type {path.suffix!r}")
    raw = path.read_bytes()
    if max_bytes is not None and len(raw) > max_bytes:
        raise ParseError(path, "file too large")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(path, f"not UTF-8 text: {exc}") from exc
    symbol = source.symbol or path.stem.replace("_", "/")
    return split_text(text, symbol, source.lang or "en", str(path))
