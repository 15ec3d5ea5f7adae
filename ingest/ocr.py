"""OCR misreadings of operative paragraph numbers.

Scanned UN texts print "5. Appeals …" as "S. Appeals …": the number is lost and
the paragraph would be glued to the one before. A misread number is accepted
only where the numbering expects it (the next number N) and only before a
capitalised operative verb, so a letter heading ("B. Situation …") or an
initial ("S. Smith") is never taken for a number.

    >>> ocr_operative_number("S. Appeals urgently to all parties", 5)
    3
    >>> ocr_operative_number("S. Appeals urgently to all parties", 6) is None
    True

A comma for the period ("1, Reaffirms" in S/RES/281 (1970)) is the same slip: an
operative verb after the number is strong evidence whatever the punctuation.

    >>> ocr_operative_number("1, Reaffirms its resolutions", 1)
    3
"""

from __future__ import annotations

import re
from functools import lru_cache


# characters OCR reads in place of a digit, by the digit they stand for
_CONFUSED = {
    "S": "5", "s": "5", "l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0",
    "B": "8", "g": "9", "Z": "2", "z": "2",
}
# "?" stands for a digit OCR could not read at all; the expected number decides which
_UNREADABLE = "?"


def ocr_operative_number(text: str, expected: int) -> int | None:
    """End offset of a misread number `expected` ("S. " for 5, "l0. " for 10) that
    opens `text` before an operative verb, else None. Correctly printed numbers
    are not this function's business and give None."""
    m = _candidate_re().match(text)
    if m is None or (m.group(1).isdigit() and m.group(2) == "."):
        return None
    token, digits = m.group(1), str(expected)
    if len(token) != len(digits):
        return None
    for char, digit in zip(token, digits):
        if char != digit and char != _UNREADABLE and _CONFUSED.get(char) != digit:
            return None
    return m.end()


def opens_with_misread_number(text: str) -> bool:
    """Whether `text` opens like "S. Appeals …" (a misread number before an
    operative verb), whatever number is due: the line starts a paragraph."""
    m = _candidate_re().match(text)
    return m is not None and not (m.group(1).isdigit() and m.group(2) == ".")


@lru_cache(maxsize=1)
def _candidate_re() -> re.Pattern:
    from ingest.layout import operative_pattern

    confusable = re.escape("".join(_CONFUSED) + _UNREADABLE)
    # the verb is looked ahead at, not consumed: the paragraph text keeps it
    return re.compile(rf"^([0-9{confusable}]{{1,3}})\s?([.,])\s+(?={operative_pattern()})")
