"""THE grammar of a paragraph reference, and of a citation `SYMBOL#REF`.

A resolution without parts cites `title`, `ppN`, `opN`, `opN.x` (a letter, or a roman
numeral printed directly under opN), `opN.x.ii`, `fnN`, `annex.…` and `pN` (unnumbered
paragraphs of documents that are not resolutions). A resolution printed in parts whose
numbering restarts (S/RES/101 (1953) A, B, C; General Assembly resolutions in parts I, II)
prefixes its preambular and operative refs with the part: `A.op1`, `II.pp3`, `B.op2.a`.

    >>> is_valid_ref("op14.a"), is_valid_ref("B.op2.a"), is_valid_ref("op4.bob")
    (True, True, False)
    >>> CITATION_RE.fullmatch("S/RES/101 (1953)#B.op1").group("symbol", "ref")
    ('S/RES/101 (1953)', 'B.op1')
    >>> split_section("II.pp3"), split_section("op1")
    (('II', 'pp3'), ('', 'op1'))
"""

from __future__ import annotations

import re

# A part heading as printed: a capital letter A–H or a roman numeral up to XX.
SECTION = r"(?:[A-H]|(?:X{0,2})(?:IX|IV|V?I{0,3}))"
_LOCAL = (
    r"(?:pp\d+|op\d+(?:\.(?:[a-z]{1,2}|[ivxlc]{1,6})(?:\.[ivxlc]+)?)?)"
)
_PLAIN = r"(?:title|fn\d+|p\d+|annex(?:\.[a-z0-9]+)+)"
REF = rf"(?:(?:(?!\.){SECTION}\.)?{_LOCAL}|{_PLAIN})"

REF_RE = re.compile(rf"^{REF}$")
# `SYMBOL#REF` as users, the gold sets and the answerer write it
CITATION_RE = re.compile(rf"(?P<symbol>[^#\s][^#]*?)#(?P<ref>{REF})(?![\w.])")
_SECTIONED = re.compile(rf"^({SECTION})\.(?=pp|op)")


def is_valid_ref(ref: str) -> bool:
    """Whether `ref` is a paragraph reference of the grammar above."""
    return bool(REF_RE.match(ref)) and not ref.startswith(".")


def split_section(ref: str) -> tuple[str, str]:
    """(section, local ref): ("B", "op1") for "B.op1", ("", "op1") for "op1"."""
    m = _SECTIONED.match(ref)
    if m and m.group(1):
        return m.group(1), ref[m.end():]
    return "", ref


def section_ref(section: str, local: str) -> str:
    """The ref of `local` in part `section` ("" for a resolution without parts)."""
    return f"{section}.{local}" if section else local
