"""Page furniture: running headers and footers, page numbers, job numbers,
barcodes, continuation marks and "Please recycle" lines of UN documents."""

from __future__ import annotations

import re

_FURNITURE = re.compile(
    r"""^(?:
        (?:\d{1,3}/\d{1,3}\s+)?\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?(?:\s+\*\d+\*)?(?:\s+\d{1,3}/\d{1,3})?  # job number 25-14304 (E), with the page counter
      | \*\d{6,}\*                                               # barcode text *2514304*
      | \d{1,3}\s*/\s*\d{1,3}                                    # page counter 2/12
      | [-–]?\s*\d{1,3}\s*[-–]?                                  # bare page number
      | /\s*\.\s*\.\s*\.|\.\.\.\s*/                              # continuation mark /...
      | .*Please\s+recycle.*
      | \[Page\s+\d+\]                                           # page marker of printed editions
      | Distr\.?\s*:.*|Distr\.\s+\w+
      | (?:Original|Anglais|Français)\s*:\s*\w+
    )\s*$""",
    re.X | re.I,
)
_SYMBOL_ONLY = re.compile(r"^(?:[ASE]/[\w./\-–() ]{3,40})$")


def split_pages_at_running_headers(pages: list[str]) -> list[str]:
    """Text layers saved without form feeds still repeat the symbol at the top of
    every page: cut pages there, so footnote areas and headers end where they should."""
    if len(pages) != 1:
        return pages
    lines = pages[0].split("\n")
    head = [line.strip() for line in lines[:12] if _SYMBOL_ONLY.match(line.strip())]
    if not head:
        return pages
    symbol = re.sub(r"\s+", "", head[0])
    out: list[list[str]] = [[]]
    for index, line in enumerate(lines):
        if index > 12 and re.sub(r"\s+", "", line) == symbol:
            out.append([])
        out[-1].append(line)
    return ["\n".join(page) for page in out]


def is_furniture(line: str) -> bool:
    """True for a line that is page furniture, never content."""
    return bool(_FURNITURE.match(line.strip()))


def clean_page(lines: list[str], page_index: int) -> list[str]:
    """Drop furniture lines; on pages after the first, also the running header
    (the symbol line and the short title lines printed with it)."""
    kept = [line for line in lines if not (line.strip() and is_furniture(line))]
    if page_index == 0:
        return kept
    return _drop_running_header(kept)


def _drop_running_header(lines: list[str]) -> list[str]:
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not _SYMBOL_ONLY.match(lines[first].strip()):
        return lines
    # The header is the symbol plus the running title, ended by the first blank line.
    end = first + 1
    while end < len(lines) and lines[end].strip() and end - first <= 4:
        end += 1
    return lines[:first] + lines[end:]
