"""Footnotes: take their text out of the body, and find the markers that cite them.

Definitions are recognised after a `_____` separator (UN PDFs and their text
layers) or as lines opening with a superscript number ("¹ 第 66/288 号决议") or an
old-style "1/" marker. Markers are removed from paragraph text and recorded.
"""

from __future__ import annotations

import re

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPER = str.maketrans(SUPERSCRIPTS, "0123456789")
_SEPARATOR = re.compile(r"^\s*_{5,}\s*$")
_DEF_SUPER = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$")
_DEF_SLASH = re.compile(r"^\s*(\d{1,3})/(?![\d/])\s*(\S.*)$")
_DEF_PLAIN = re.compile(r"^\s*(\d{1,3})\s+(\S.*)$")
_NUMBERED = re.compile(r"^\s*(?:\d+\s*[.、．]|\(?[a-z]{1,4}\))\s")


def split_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Separate one page's body lines from its footnote definitions.

    Returns (body lines, [(number, text), ...]) with continuation lines joined.
    """
    body: list[str] = []
    notes: list[list] = []
    in_area = False  # below the separator every line belongs to a footnote
    in_note = False  # a definition line outside the area continues until a blank
    for line in lines:
        if _SEPARATOR.match(line):
            in_area = True
            continue
        match = _DEF_SUPER.match(line) or _DEF_SLASH.match(line)
        if in_area and not match:
            match = _DEF_PLAIN.match(line)
        if match:
            notes.append([int(match.group(1).translate(_FROM_SUPER)), match.group(2).strip()])
            in_note = True
            continue
        if in_area:
            if line.strip() and notes:
                notes[-1][1] = join_fragments(notes[-1][1], line.strip())
            continue
        if in_note and line.strip() and not _NUMBERED.match(line):
            notes[-1][1] = join_fragments(notes[-1][1], line.strip())
            continue
        in_note = False
        body.append(line)
    return body, [(n, t) for n, t in notes if t]


# the opening of a footnote printed at the end of the file ("43 See Official Records …",
# "9 Ibid., 635th meeting, annex.") and words that mark its text as a reference
_TRAILING_DEF = re.compile(r"^\s*(\d{1,3})\s+([A-Z“\"«][^\n]*)$")
# what may stand just above the first end-of-file footnote: a blank line or the adoption record
_BEFORE_NOTES = re.compile(r"^\s*$|meeting|séance|votes?|abstentions?|unanim|\)\.?\s*$", re.I)
_NOTE_WORDS = re.compile(
    r"\b(?:Ibid|See|Official Records|Supplement|[Dd]ocuments?|Documents officiels|Voir|Year|meeting|session|"
    r"[Rr][ée]solution|Adopted|Treaty Series|Letter|Report|annex|vol\.|Sales No|Plenary)\b|[ASE]/\d|[ASE]/[A-Z]")
_MONTHS = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)\b")
_MAX_CONTINUATION = 12  # lines of one footnote printed after its number line
_GAP = 5  # footnote numbers run on through a printed volume; a copy may skip a few


def split_trailing_footnotes(lines: list[str]) -> tuple[list[str], list[tuple[int, str]]]:
    """Footnotes printed together at the end of the file (the CR-UNSC copies:
    "…possible.\n\n43 See Official Records of the Security Council, Third Year, …").

    Read from the end: definitions numbered N, N+1, … in order, each followed by at
    most a few continuation lines, whose texts read like references. Returns the
    body lines and the [(number, text)] definitions.

    >>> split_trailing_footnotes(["Decides to act.", "", "43 See Official Records,", "Third Year.", "44 Ibid."])
    (['Decides to act.', ''], [(43, 'See Official Records, Third Year.'), (44, 'Ibid.')])
    """
    starts: list[int] = []
    expected: int | None = None
    continuation = 0
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line.strip():
            continue
        m = _TRAILING_DEF.match(line)
        if m and not _MONTHS.match(m.group(2)) and (expected is None or expected - _GAP < int(m.group(1)) <= expected):
            starts.append(index)
            expected, continuation = int(m.group(1)) - 1, 0
            if expected < 1:
                break
            continue
        continuation += 1
        if continuation > _MAX_CONTINUATION:
            break
    if not starts:
        return lines, []
    numbers = {index for index in starts}
    # the first footnote is the earliest one that follows a blank line or the adoption record
    starts = [i for i in starts if i > 0 and _BEFORE_NOTES.search(lines[i - 1])]
    if not starts:
        return lines, []
    first = starts[-1]
    if not any(l.strip() for l in lines[:first]):
        return lines, []
    notes: list[list] = []
    for index, line in enumerate(lines[first:], start=first):
        m = _TRAILING_DEF.match(line)
        if m and index in numbers:
            notes.append([int(m.group(1)), m.group(2).strip()])
        elif line.strip():
            notes[-1][1] = join_fragments(notes[-1][1], line.strip())
    if sum(1 for _, text in notes if _NOTE_WORDS.search(text)) * 2 < len(notes):
        return lines, []  # numbered lines that do not read like references are body text
    return lines[:first], [(n, t) for n, t in notes]


# Web copies glue a footnote's text into the sentence where its marker stood:
# "…et le développementRapport de la Conférence …, chap. I, résolution 1, annexe., le regroupement".
_INLINE_LATIN = re.compile(
    r"(?<=[a-zéèàù,])(?P<note>(?:Report|Rapport|See|Voir|Official Records|Documents officiels|Resolution|Résolution)\b"
    r"[^.]{0,400}?(?:\.[^.]{0,200}?){0,8}?)\.(?=[,;:]|\s+[a-zéèàù]|\s*$)"
)
_BIBLIOGRAPHIC = re.compile(
    r"publication|Sales No|num[ée]ro de vente|chap\.|annexe?\b|Supplement|Suppl[ée]ment|vol\.|No\.|[ASE]/\d|Official Records"
    r"|Documents officiels|^R[ée]solution \d")
_INLINE_ZH = re.compile(
    r"(?<=》)(?P<note>《[^《》]{4,200}》\s*[(（][^()（）]*(?:出版物|出售品编号|正式记录|补编)[^()（）]*[)）][^。；《]{0,80}。)\s?"
)


INLINE_MARK = "\ufdd0"  # a Unicode noncharacter: where an inline footnote stood; the caller puts its marker there


def split_inline_footnotes(text: str) -> tuple[str, tuple[str, ...]]:
    """Take footnote texts that a web copy glued into the paragraph out of it; each
    leaves INLINE_MARK where it stood.

    >>> split_inline_footnotes("Programme of Action of the Conference,Report of the Conference, Cairo "
    ...                        "(United Nations publication, Sales No. E.95.XIII.18), chap. I, annex. family reunification")
    ('Programme of Action of the Conference,\\ufdd0 family reunification', ('Report of the Conference, Cairo (United Nations publication, Sales No. E.95.XIII.18), chap. I, annex.',))
    """
    notes: list[str] = []
    if INLINE_MARK in text:
        return text, ()  # the input holds the mark itself: leave such text alone

    def take(match: re.Match) -> str:
        note = match.group("note").strip()
        if not note.endswith(("。", ".")):
            note += "."
        if not _BIBLIOGRAPHIC.search(note) and not re.search(r"出版物|出售品编号|正式记录|补编", note):
            return match.group(0)
        notes.append(note)
        return INLINE_MARK

    text = _INLINE_ZH.sub(take, text)
    text = _INLINE_LATIN.sub(take, text)
    return text, tuple(notes)


def strip_markers(text: str, known: set[int]) -> tuple[str, tuple[int, ...]]:
    """Remove footnote markers of known footnotes from `text`; return the clean
    text and the cited numbers in order of first citation.

    >>> strip_markers("审议了报告，²", {2})
    ('审议了报告，', (2,))
    >>> strip_markers("resolution 79/7;1", {1})
    ('resolution 79/7;', (1,))
    >>> strip_markers("尊重的义务,[1]", set())
    ('尊重的义务,', ())
    """
    cited: list[int] = []

    def take(match: re.Match) -> str:
        number = int(match.group("n").translate(_FROM_SUPER))
        if number not in known:
            return match.group(0)
        if number not in cited:
            cited.append(number)
        return match.group("keep") if "keep" in match.groupdict() and match.group("keep") else ""

    patterns = (
        rf"(?P<n>[{SUPERSCRIPTS}]+)",
        r"(?<=[^\s\d/.\-])(?P<n>\d{1,2})/(?![\d/])",  # old style 报告1/并
        r"(?<=[;,.:)\]”’\"»\u3002\uff0c\uff1b》」])(?P<n>\d{1,2})(?=[\s,.;:，。；]|$)",  # glued "Action,1"
        r"(?<=[a-z])(?P<n>\d{1,2})(?=[\s,.;:，。；]|$)",  # glued "technique1,"
        r"(?<=[,;.:，；。])\s(?P<n>\d{1,3})$",  # spaced at the end: "1949, 1"
        r"(?P<keep>[,;.:)]|\b\d{4})\s+(?P<n>\d{1,2})/(?=\s|$|[,;.])",  # spaced old style: "Cyprus, 1/", "1992 2/"
        # spaced inside the text, after a year, a name or a bracket: "of 27 October 1953 8 and",
        # "between Israel and Jordan 10\nand", "(S/8561) 27" (never "Article 51", "paragraph 9")
        rf"(?P<keep>(?:\b\d{{4}}|(?<![\w-])(?!{_NUMBERING_NOUNS}\b)[A-Z][\w’'\-]*[a-z]|[)\]”\"]),?)"
        r"[ \t]*\n?[ \t]*(?<=\s)(?P<n>\d{1,3})(?=[\s,;.:]|$)(?!\s*[(/\-–])(?!\s*(?:st|nd|rd|th)\b)",
    )
    for pattern in patterns:
        text = re.sub(pattern, take, text)
    # "义务,[1]": web transcriptions (wikisource) bracket their markers. A bracketed
    # number glued to the text is never body text, so it goes even when the copy
    # was cut before the footnote itself; it is cited only when the footnote exists.
    text = re.sub(r"(?<=\S)\[(?P<n>\d{1,3})\]", lambda m: take(m) if int(m.group("n")) in known else "", text)
    text = re.sub(r"[ \t]{2,}", " ", text).strip()
    if cited:
        # a removed marker leaves its space behind: no spaces between Chinese characters
        text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]+(?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    return text, tuple(cited)


_NUMBERING_NOUNS = (
    "(?:Articles?|Chapters?|Parts?|Annex(?:es)?|Sections?|Items?|Rules?|Resolutions?|Paragraphs?|Tables?|"
    "Protocols?|Principles?|Volumes?|Nos?|Supplements?|Years?|Sessions?|Committees?|Corr|Add|Rev|Pages?|"
    "Appendix|Points?|January|February|March|April|May|June|July|August|September|October|November|December)"
)


def join_fragments(left: str, right: str) -> str:
    """Join two pieces of one paragraph split by a line or page break: no space
    inside Chinese text, one space in Latin text, real hyphens kept."""
    left, right = left.rstrip(), right.lstrip()
    if not left or not right:
        return left + right
    if _is_cjk(left[-1]) or _is_cjk(right[0]):
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha() and right[0].isalpha():
        word = re.search(r"(\w+)-$", left)
        # A line-end hyphen between lower-case halves is a soft hyphen, unless the
        # first half is a prefix UN style always hyphenates ("non-", "self-").
        if right[0].islower() and word and word.group(1).lower() not in _PREFIXES:
            return left[:-1] + right
        return left + right
    return left + " " + right


_PREFIXES = {"non", "self", "co", "well", "long", "short", "cross", "multi", "inter", "anti", "post", "pre", "re", "vice"}


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3000 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0xFF00 <= code <= 0xFFEF
