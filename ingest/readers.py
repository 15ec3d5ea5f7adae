"""Bytes to text, one string per page, for every supported format.

PDF text comes from PyMuPDF (chosen over pypdf after measuring both on the UN
PDFs, see docs/parser.md): its span flags let us turn footnote markers into
superscripts and drop running headers and footers by position. Page boundaries
are kept so paragraphs know their page.
"""

from __future__ import annotations

import errno
import logging
import re
import zipfile
from pathlib import Path

from ingest.limits import MAX_HTML_DEPTH, MAX_PDF_PAGES, MAX_UNZIPPED_BYTES
from resqa.errors import ParseError

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")
SUPERSCRIPT_DIGITS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")

# Fractions of the page height outside which lines are running headers/footers.
_HEADER_BAND = 0.085
_FOOTER_BAND = 0.915


def read_pages(path: Path, max_bytes: int | None = None) -> tuple[str, ...]:
    """The text of `path`, one string per page (text formats are one page unless
    they contain form feeds). Raises ParseError with a one-line reason."""
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ParseError(path, "cannot read file (symlink loop)") from None
        if suffix in SUPPORTED_SUFFIXES or exc.errno != errno.ENOENT:
            raise ParseError(path, f"cannot read file ({exc.strerror or exc})") from None
    if suffix not in SUPPORTED_SUFFIXES:
        raise ParseError(path, f"unsupported file type {suffix or '(none)'!r}; "
                         f"supported: {', '.join(SUPPORTED_SUFFIXES)}")
    if path.is_dir():
        raise ParseError(path, "is a directory, not a file")
    if max_bytes is not None and size > max_bytes:
        raise ParseError(path, f"file is {size} bytes, over the limit of {max_bytes} bytes")
    if size == 0:
        raise ParseError(path, "empty file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(path, f"cannot read file ({exc.strerror or exc})") from None
    if suffix == ".pdf":
        pages = _pdf_pages(path, data)
    elif suffix == ".docx":
        pages = (_docx_text(path, data),)
    elif suffix in (".html", ".htm"):
        pages = (_html_text(path, data),)
    else:
        pages = tuple(decode_text(path, data).split("\f"))
    if not any(p.strip() for p in pages):
        if suffix == ".pdf":
            raise ParseError(path, "no extractable text (scanned PDF without a text layer?)")
        raise ParseError(path, "no text (the file holds only whitespace)")
    return pages


def decode_text(path: Path | str, data: bytes) -> str:
    """Decode text bytes: BOMs first, then UTF-16 by its zero bytes, UTF-8, GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _decode(path, data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode(path, data, "utf-16")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise ParseError(path, "binary file, not text")
        return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        # GB18030 decodes almost any byte string, so UTF-16 (all-Chinese text has no
        # zero bytes) is tried first and accepted only when it reads as real text.
        text = _utf16_without_bom(data)
        if text is None:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError:
                raise ParseError(path, "undecodable bytes (not UTF-8, UTF-16 or GB18030)") from None
    if _looks_binary(text):
        raise ParseError(path, "binary file, not text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) % 2:
        return None
    best: tuple[float, str] | None = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = sum(1 for ch in text if _plausible(ch)) / max(1, len(text))
        if best is None or score > best[0]:
            best = (score, text)
    return best[1] if best and best[0] > 0.97 else None


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (ch in "\n\r\t\f" or 0x20 <= code < 0x7F or 0xA0 <= code < 0x250 or 0x370 <= code < 0x700
            or 0x2000 <= code < 0x2070 or 0x3000 <= code < 0x3040 or 0x4E00 <= code < 0xA000
            or 0xFF00 <= code < 0xFFF0)


def _decode(path: Path | str, data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ParseError(path, f"undecodable bytes (invalid {encoding})") from None
    if _looks_binary(text):
        raise ParseError(path, "binary file, not text")
    return text.lstrip("\ufeff")


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(text) // 100)


def _pdf_pages(path: Path, data: bytes) -> tuple[str, ...]:
    import pymupdf

    if not data.startswith(b"%PDF"):
        raise ParseError(path, "not a PDF (no %PDF header)")
    # PyMuPDF silently repairs a cut-off file and returns the pages it could
    # salvage; a PDF without its end-of-file marker is reported instead.
    if b"%%EOF" not in data[-4096:]:
        raise ParseError(path, "corrupt or truncated PDF (no end-of-file marker)")
    try:
        doc = pymupdf.open(stream=data, filetype="pdf")
    except Exception as exc:  # PyMuPDF raises its own untyped errors on bad files
        raise ParseError(path, f"corrupt or truncated PDF ({type(exc).__name__})") from None
    with doc:
        if doc.needs_pass:
            raise ParseError(path, "password-protected PDF")
        if doc.page_count > MAX_PDF_PAGES:
            raise ParseError(path, f"PDF of {doc.page_count} pages is over the limit of {MAX_PDF_PAGES} pages")
        _refuse_salvaged_pdf(path, data, doc)
        try:
            return tuple(_pdf_page_text(page, index) for index, page in enumerate(doc))
        except ParseError:
            raise
        except Exception as exc:
            raise ParseError(path, f"corrupt or truncated PDF ({type(exc).__name__})") from None


def _refuse_salvaged_pdf(path: Path, data: bytes, doc) -> None:
    """A linearized PDF prints "%%EOF" after its first-page section too, so a file
    cut there passes the end-of-file check; PyMuPDF then repairs it into fewer
    pages (often none) than the linearization dictionary announces."""
    if not doc.is_repaired:
        return
    claimed = re.search(rb"/Linearized\b.{0,300}?/N\s+(\d+)", data[:2048], flags=re.S)
    expected = int(claimed.group(1)) if claimed else 1
    if doc.page_count < expected:
        raise ParseError(path, f"corrupt or truncated PDF ({doc.page_count} of {expected} pages readable)")
    log.warning("%s: damaged PDF repaired by PyMuPDF; its text may be incomplete", path)


def _pdf_page_text(page, index: int) -> str:
    height = page.rect.height
    rows: list[tuple[float, float, float, float, str]] = []  # y0, y1, x0, size, text
    for block in page.get_text("dict")["blocks"]:
        for line in block.get("lines", ()):
            text = "".join(_span_text(span) for span in line["spans"])
            if not text.strip():
                continue
            x0, y0, _, y1 = line["bbox"]
            size = max(span["size"] for span in line["spans"])
            if y1 < _HEADER_BAND * height and index > 0:
                continue  # running header: symbol and title repeated on every page
            if y0 > _FOOTER_BAND * height:
                continue  # footer: job number, barcode, page number, "Please recycle"
            rows.append((y0, y1, x0, size, text))
    rows.sort(key=lambda r: (round((r[0] + r[1]) / 2 / 3), r[2]))
    out: list[str] = []
    prev: tuple[float, float, float, float, str] | None = None
    for row in rows:
        if prev is not None and abs((row[0] + row[1]) - (prev[0] + prev[1])) / 2 < 3:
            out[-1] = out[-1].rstrip() + " " + row[4].strip()  # same baseline: "1." and its text
            prev = row
            continue
        if prev is not None and row[0] - prev[1] > 0.45 * max(row[3], prev[3]):
            out.append("")  # vertical gap: paragraph boundary
        out.append(row[4].rstrip())
        prev = row
    return "\n".join(out)


def _span_text(span: dict) -> str:
    text = span["text"]
    # Footnote markers are superscript digit spans; mark them so the footnote
    # step can tell them from numbers in the text ("resolution 79/7;¹").
    if span["flags"] & 1 and text.strip().isdigit():
        return text.strip().translate(SUPERSCRIPT_DIGITS)
    return text


def _docx_text(path: Path, data: bytes) -> str:
    import io

    import docx

    _check_unzipped_size(path, data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises zipfile/lxml/KeyError on bad files
        raise ParseError(path, f"corrupt DOCX ({type(exc).__name__})") from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.append(paragraph.text)
        lines.append("")
    for table in document.tables:
        for row in table.rows:
            cells = [c.text.strip() for c in row.cells if c.text.strip()]
            if cells:
                lines.append(" ".join(dict.fromkeys(cells)))
                lines.append("")
    return "\n".join(lines)


def _check_unzipped_size(path: Path, data: bytes) -> None:
    """Refuse a zip bomb before python-docx inflates it: first by the sizes the zip
    declares, then by inflating each part in chunks (a zip may lie about its sizes)."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        declared = sum(info.file_size for info in archive.infolist())
        if declared > MAX_UNZIPPED_BYTES:
            raise ParseError(path, f"DOCX inflates to {declared} bytes, over the limit of {MAX_UNZIPPED_BYTES} bytes")
        inflated = 0
        for info in archive.infolist():
            with archive.open(info) as part:
                while chunk := part.read(1 << 16):
                    inflated += len(chunk)
                    if inflated > MAX_UNZIPPED_BYTES:
                        raise ParseError(path, f"DOCX inflates to over {MAX_UNZIPPED_BYTES} bytes (the limit), "
                                               "more than its zip declares")
    except ParseError:
        raise
    except Exception as exc:  # zipfile raises BadZipFile, zlib.error, EOFError, NotImplementedError …
        raise ParseError(path, f"corrupt DOCX ({type(exc).__name__})") from None


# block elements whose end is a paragraph break; elements whose text is never content
_HTML_BLOCKS = frozenset(("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "table", "section",
                          "article", "blockquote", "dd", "dt", "ul", "ol", "body"))
_HTML_SKIPPED = frozenset(("head", "title", "script", "style", "nav", "header", "footer", "noscript", "template"))
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)[^>]*?(/?)>")
_VOID = frozenset((b"br", b"hr", b"img", b"meta", b"link", b"input", b"area", b"base", b"col", b"embed",
                   b"source", b"track", b"wbr", b"param", b"p", b"li", b"td", b"tr", b"th", b"option"))


def html_depth(data: bytes) -> int:
    """The deepest element nesting of an HTML file, by one pass over its tags.

    Elements that HTML lets stand unclosed (`<p>`, `<li>`, `<br>`, …) do not count, so
    the estimate never exceeds what a parser builds from nested containers.
    """
    depth = deepest = 0
    for match in _TAG.finditer(data):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in _VOID or self_closing:
            continue
        if closing:
            depth = max(0, depth - 1)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def _html_text(path: Path, data: bytes) -> str:
    """Text of an HTML file: block elements become paragraph breaks; one iterative
    walk over the lxml tree (no recursion, no re-insertion), after a depth check."""
    import lxml.etree
    import lxml.html

    depth = html_depth(data)
    if depth > MAX_HTML_DEPTH:
        raise ParseError(path, f"HTML nested {depth} levels deep, over the limit of {MAX_HTML_DEPTH}")
    # decoded here (BOM, UTF-8, GB18030), as lxml reads undeclared bytes as Latin-1;
    # lxml refuses a str that still carries an XML encoding declaration
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", decode_text(path, data))
    try:
        parser = lxml.html.HTMLParser(recover=True, remove_comments=True, remove_pis=True)
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as exc:  # lxml raises ParserError/XMLSyntaxError/ValueError on junk
        raise ParseError(path, f"unreadable HTML ({type(exc).__name__})") from None
    out: list[str] = []
    skipping = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _HTML_SKIPPED:
                skipping += 1
            elif not skipping and element.text:
                out.append(element.text)
            continue
        if tag in _HTML_SKIPPED:
            skipping -= 1
        elif not skipping and tag in _HTML_BLOCKS:
            out.append("\n\n")
        if not skipping and element.tail:
            out.append(element.tail)
    return re.sub(r"\n{3,}", "\n\n", "".join(out))
