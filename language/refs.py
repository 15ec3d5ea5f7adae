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

from language.numerals import from_roman

# A part heading as printed: a capital letter A–H or a roman numeral up to XX.
SECTION = r"(?:[A-H]|(?:X{0,2})(?:IX|IV|V?I{0,3}))"
_LOCAL = (
    r"(?:pp\d+|op\d+(?:\.(?:[a-z]{1,2}|[ivxlc]{1,6})(?:\.[ivxlc]+)?)?)"
)
_PLAIN = r"(?:title|fn\d+|p\d+|annex(?:\.[a-z0-9]+)+)"
REF = rf"(?:(?:(?!\.){SECTION}\.)?{_LOCAL}|{_PLAIN})"

REF_RE = re.compile(rf"^{REF}$")
# `SYMBOL#REF` as users, the gold sets and the answerer write it, read whole
CITATION_RE = re.compile(rf"(?P<symbol>[^#\s][^#]*?)#(?P<ref>{REF})(?![\w.])")

# A symbol in the UN's printed form (ingest/symbols.normalize_symbol): A/RES/79/331, A/67/L.X,
# S/RES/2446 (2018), A/RES/217 (III) A, S/PRST/2014/28; and one as a person types it in a question
# ("s/res/2326(2016)", "A/RES/79/331"), case and spacing free, with no part letter (French "a" is a verb).
SYMBOL = r"[A-Z][A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+)+(?: \([A-Za-z0-9\-]+\))?(?: [A-Z](?![A-Za-z]))?"
TYPED_SYMBOL = re.compile(r"\b[AS]/(?:RES/)?[A-Z0-9.\-]+(?:/[A-Z0-9.\-]+)*(?:\s*\([A-Z0-9\-]+\))?", re.IGNORECASE)
# A resolution's number as printed without its symbol: session/number ("33/18", "ES-10/21") and number
# (year) or number (roman session) ("660 (1990)", "2758 (XXVI)"). ingest/citations cites by them (with the
# part letters some carry); language/facts knows them for no quantity ("how many" is not "2326 (2016)").
SESSION_NUMBER = r"(?:ES-\d+\s*/\s*\d+|\d{1,4}\s*/\s*\d{1,4})"
NUMBER_YEAR = r"(?:\d{1,4}\s*[(（]\s*(?:\d{4}|[IVXL]+)\s*[)）])"

# A citation in running text (an answer, a chat turn): a printed symbol, "#", a ref; a full stop may follow.
# It may be glued to Chinese text ("根据A/67/L.X#op7的规定"), not to a Latin word or another symbol.
_SYMBOL_START = r"(?<![A-Za-z0-9/#.\-])"
CITATION_IN_TEXT = re.compile(rf"{_SYMBOL_START}(?P<symbol>{SYMBOL})#(?P<ref>{REF})(?![A-Za-z0-9])")
# Anything shaped like one, whether or not its ref is of the grammar ("A/67/L.X#op99", "A/67/L.X#18"):
# what the citation check must see to keep, rewrite or remove it.
CITATION_SHAPED = re.compile(rf"{_SYMBOL_START}{SYMBOL}#[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*")
_SECTIONED = re.compile(rf"^({SECTION})\.(?=pp|op)")


def is_valid_ref(ref: str) -> bool:
    """Whether `ref` is a paragraph reference of the grammar above."""
    return bool(REF_RE.match(ref)) and not ref.startswith(".")


def split_citation(text: str) -> tuple[str, str] | None:
    """(symbol, ref) of a whole `SYMBOL#REF`, None when `text` is not one.

    >>> split_citation("S/RES/2326 (2016)#op1"), split_citation("S/RES/2326 (2016)#first")
    (('S/RES/2326 (2016)', 'op1'), None)
    """
    m = CITATION_RE.fullmatch(text.strip())
    return (m["symbol"].strip(), m["ref"]) if m else None


def split_section(ref: str) -> tuple[str, str]:
    """(section, local ref): ("B", "op1") for "B.op1", ("", "op1") for "op1"."""
    m = _SECTIONED.match(ref)
    if m and m.group(1):
        return m.group(1), ref[m.end():]
    return "", ref


def section_ref(section: str, local: str) -> str:
    """The ref of `local` in part `section` ("" for a resolution without parts)."""
    return f"{section}.{local}" if section else local


def part_number(section: str) -> int:
    """A part's place in its document: "" = 0, A = 1, B = 2 … (letters A–H), or a roman numeral's value."""
    if not section:
        return 0
    if len(section) == 1 and section in "ABCDEFGH":
        return "ABCDEFGH".index(section) + 1
    return from_roman(section)


def ref_order(ref: str) -> tuple:
    """A sort key that puts refs in document order: title, preamble, operative (part by part in a
    resolution printed in parts: A.pp1, A.op1, B.pp1 …), annex, footnotes."""
    group = {"title": 0, "pp": 1, "op": 1, "p": 1, "annex": 3, "fn": 4}
    within = {"pp": 1, "op": 2, "p": 2}
    section, local = split_section(ref)
    head = re.match(r"[a-z]+", local)
    kind = head.group() if head else local
    numbers = [int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", local[len(kind):])]
    return (group.get(kind, 5), part_number(section), within.get(kind, 0),
            [(0, x) if isinstance(x, int) else (1, x) for x in numbers])
