"""From cleaned page lines to paragraph blocks: split on blank lines, numbering
and run-on OCR lines; unwrap hard line breaks; join paragraphs broken by a page
break or by interleaved footnotes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import lexicon
from ingest.footnotes import join_fragments
from ingest.ocr import opens_with_misread_number
from language.scripts import CJK, CJK_CLASS, CJK_TEXT_CLASS

# "1." / "1、" / "１．" / "(a)" / "a)" / "(ii)" at the start of a line
NUMBERED = re.compile(r"^\s*(?:\d{1,3}\s*[.、．]\s*|\(?[a-z]{1,4}\)\s*|（[a-z]{1,4}）)(?=\S)")
# paragraph-final punctuation, possibly followed by a footnote marker ("报告，²", "79/7;1",
# the web transcriptions' "义务,[1]")
TERMINAL = re.compile(r"[,;:.，；：。!?！？]\s*(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3}/?|\[\d{1,3}\])?\s*$")


_CJK_RUNON = re.compile(
    rf"(?<=[{CJK_TEXT_CLASS},;:)\]])\s+(?=[{CJK_CLASS}]|\d{{1,3}}[.、．](?!\d)|\d+/\d+[.．]|\d{{4}}年)"
)


# "54/254. Title" / "ES-10/21. Title": the resolution number opens the title line
_RESOLUTION_NUMBER = re.compile(r"^(?:ES-\d+/)?\d{1,3}/\d{1,4}[.．]\s*\S")


# a meeting named inside a sentence, not an adoption record: "1448th meeting of the Council,"
_MEETING_READS_ON = re.compile(r"^\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b(?:\s*[,;]|\s+(?:of|as|in|on|and)\b)")


_KIND_LINE = re.compile(
    r"[:：]\**\s*(?:draft resolution|draft decision|projet de r[ée]solution|projet de d[ée]cision|决议草案|决定草案|決議草案)\s*$",
    re.I,
)


@dataclass(frozen=True)
class Block:
    """One paragraph candidate: unwrapped text and the page it starts on."""

    text: str
    page: int
    ends_page: bool = False  # the block is the last one before a page break


def blocks_from_pages(pages: list[list[str]]) -> list[Block]:
    """Paragraph candidates in reading order; `pages` holds each page's lines."""
    blocks: list[Block] = []
    for number, lines in enumerate(pages, start=1):
        current: list[str] = []
        page_blocks: list[Block] = []
        for line in lines + [""]:
            if line.strip():
                current.append(line.strip())
                continue
            for text in _split_block(current):
                page_blocks.append(Block(text, number))
            current = []
        if page_blocks:
            last = page_blocks[-1]
            page_blocks[-1] = Block(last.text, last.page, ends_page=True)
        blocks.extend(page_blocks)
    return blocks


def _split_block(lines: list[str]) -> list[str]:
    """Split a blank-line-delimited run of lines into paragraphs, unwrapping lines."""
    pieces: list[list[str]] = []
    lines = _attach_lone_numbers(lines)
    for line in lines:
        for part in split_run_on(line):
            if not pieces or (starts_paragraph(pieces[-1][-1], part) and not inside_quotation(pieces[-1], part)):
                pieces.append([part])
            else:
                pieces[-1].append(part)
    out = []
    for piece in pieces:
        text = piece[0]
        for part in piece[1:]:
            text = join_fragments(text, part)
        out.append(text)
    return out


def _attach_lone_numbers(lines: list[str]) -> list[str]:
    """PDF text layers print an operative number on its own line ("1." / "Takes note …")."""
    out: list[str] = []
    for line in lines:
        if out and re.fullmatch(r"\d{1,3}\s*[.、．]|\(?[a-z]{1,4}\)", out[-1].strip()):
            out[-1] = out[-1].strip() + " " + line
        else:
            out.append(line)
    return out


# quotation marks that open and close differently (a straight " cannot tell which it is)
_QUOTES = (("“", "”"), ("«", "»"))


def inside_quotation(piece: list[str], line: str) -> bool:
    """Whether `line` continues a quotation left open in `piece`: a capitalised line of a
    quoted title ("…, entitled “Declaration … of All States, / Taking into Particular
    Account the Needs of Developing Countries”") opens no paragraph. A numbered line
    or an organ line still does (quoted numbered paragraphs keep their own blocks)."""
    if NUMBERED.match(line) or organ_name(line):
        return False
    text = " ".join(piece)
    return any(text.count(left) > text.count(right) for left, right in _QUOTES)


def continues_sentence(previous: str, line: str) -> bool:
    """Whether `line` reads on from `previous` although a blank line or a page break
    stands between them: `previous` stops at a comma and `line` opens lowercase
    ("… despite its calls for a cease-fire, / the conflict … continues unabated"). A
    lowercase participle is a recital whose capital OCR lost ("faving noted", S/RES/368),
    "i. Condemns" an operative number OCR misread (S/RES/277)."""
    if not re.search(r",\s*$", previous) or not re.match(r"[a-zà-ÿ]{2,}\b(?![.)])", line.strip()):
        return False
    return not re.match(r"[a-zà-ÿ]+(?:ing|ed|ant)\b", line.strip())


def organ_line(previous: str, line: str) -> bool:
    """Whether `line` is an organ line after `previous`: "the Security Council," in
    lowercase after a line that stops mid-sentence ("… to convene a meeting of") is the
    sentence's object, not the organ line."""
    if not organ_name(line):
        return False
    return not (line.strip()[:1].islower() and previous and not TERMINAL.search(previous))


def starts_paragraph(previous: str, line: str) -> bool:
    """Whether `line` opens a new paragraph after `previous` inside one block."""
    if previous.endswith(lexicon.ZH_HEADER_ENDINGS) and len(previous) < 60:
        return True  # "十九(一九四七).一九四七年二月二十七日决议案" is a header line of its own
    if any(re.fullmatch(p, previous.strip(), flags=re.I) for p in lexicon.AGENDA_ITEM_LINES):
        return True  # "议程项目5" stands alone: the agenda item's title follows
    if _KIND_LINE.search(previous):
        return True  # "South Africa:* draft resolution" ends its block
    if _KIND_LINE.search(line) and not re.search(r"(?:[,、，]|\b(?:and|of|et|de|the))\s*$", previous):
        return True  # … and starts one, unless it ends a wrapped list of sponsors
    if NUMBERED.match(line) or _RESOLUTION_NUMBER.match(line) or organ_line(previous, line) or (
            organ_name(previous) and not previous.strip()[:1].islower()):
        return True
    if is_closing(line) and (TERMINAL.search(previous) or not _MEETING_READS_ON.match(line)):
        return True  # but "… as made at the" / "1448th meeting of the Council," reads on
    if _is_cjk(previous[-1:] or "a") and len(previous) < 40 and not re.search(r"[,;:.，；：。、]", previous):
        return True  # a short Chinese header line (title, adoption line) stands alone
    if not TERMINAL.search(previous):
        # a lone capitalised recital verb may continue a sentence ("the … Working
        # Group"); "Recalling also" after a line that lost its comma never does
        return bool(_repeated_recital_re().match(line))
    first = line[:1]
    if first and _is_cjk(first):
        return True  # Chinese lines are wrapped mid-sentence, never after punctuation
    return bool(_starter_re().match(line) or opens_with_misread_number(line))


def starts_recital_or_operative(text: str) -> bool:
    """Whether `text` opens with a recital or operative verb ("Taking into account", "Decides")."""
    return bool(_starter_re().match(text)) or text.startswith(lexicon.ZH_PREAMBLE_STARTERS)


def starts_operative(text: str, lang: str) -> bool:
    """Whether `text` opens with an operative verb: "Calls upon", "Also requests",
    "Strongly condemns", "决定"."""
    if lang == "zh":
        return text.startswith(lexicon.ZH_OPERATIVE_STARTERS)
    return bool(_operative_re().match(text))


@lru_cache(maxsize=1)
def _operative_re() -> re.Pattern:
    verbs = "|".join(map(re.escape, sorted(set(lexicon.OPERATIVE_STARTERS), key=len, reverse=True)))
    adverbs = "|".join(map(re.escape, lexicon.OPERATIVE_ADVERBS))
    return re.compile(rf"^(?:(?:{verbs})\b|(?:{adverbs}|[A-Z][a-z]+ly)\s+[a-z]+[^s\W]s\b)")


def operative_pattern() -> str:
    """The regex source of an operative opening, for patterns built around it."""
    return _operative_re().pattern[1:]


def split_run_on(line: str) -> list[str]:
    """Split a long OCR line that runs several paragraphs together
    ("… United Nations The General Assembly, Recalling …")."""
    if len(line) < 250:
        return [line]
    if is_mostly_cjk(line):
        # Chinese puts no spaces between words: in a long run-on line a space
        # between Chinese characters, or before a paragraph number, is a lost line break
        parts = _CJK_RUNON.split(line)
        return [part.strip() for part in parts if part.strip()]
    organ = _organ_inline_re()
    line = organ.sub(lambda m: "\n" + m.group(0).strip() + "\n", line)
    line = _runon_re().sub("\n", line)
    return [part.strip() for part in line.split("\n") if part.strip()]




def is_mostly_cjk(text: str) -> bool:
    return len(CJK.findall(text)) > 0.5 * (len(text) - text.count(" "))


def organ_name(line: str) -> str | None:
    """The organ named by an organ line ("The General Assembly," / "大会，"), else None."""
    text = line.strip()
    for organ, patterns in lexicon.ORGANS.items():
        for pattern in patterns:
            if re.fullmatch(rf"{pattern}\s*[,，:：.]?", text, flags=re.I):  # OCR "Council." for "Council,"
                return organ
    return None


def is_closing(text: str) -> bool:
    """An adoption or meeting line that closes the body ("22nd plenary meeting")."""
    text = text.strip()
    # case matters: "adopted at the …" inside a sentence is no adoption line
    if re.match(r"^Ad[oa]pt(?:ed|ée)\b.{0,80}\b(?:meeting|séance|votes?|voix|unanimously|à l'unanimité)", text):
        return True  # "Adopted at the 396th meeting by 8 votes to none, with 3 abstentions (…)" runs long
    return len(text) < 160 and any(re.search(p, text) for p in lexicon.CLOSING)


def join_blocks(a: Block, b: Block) -> Block:
    return Block(join_fragments(a.text, b.text), a.page, b.ends_page)


@lru_cache(maxsize=1)
def _starter_re() -> re.Pattern:
    words = sorted(set(lexicon.PREAMBLE_STARTERS + lexicon.OPERATIVE_STARTERS), key=len, reverse=True)
    # "-ed" is no sign of a recital on its own ("United Nations"): those are listed
    return re.compile(r"^(?:" + "|".join(map(re.escape, words)) + r")\b|^[A-Z][a-z]+ing\b")


@lru_cache(maxsize=1)
def _repeated_recital_re() -> re.Pattern:
    words = "|".join(map(re.escape, sorted(lexicon.PREAMBLE_STARTERS, key=len, reverse=True)))
    repeats = "|".join(map(re.escape, lexicon.PREAMBLE_REPEATS))
    return re.compile(rf"^(?:{words})\s+(?:{repeats})\b")


@lru_cache(maxsize=1)
def _runon_re() -> re.Pattern:
    words = sorted(set(lexicon.PREAMBLE_STARTERS + lexicon.OPERATIVE_STARTERS), key=len, reverse=True)
    alternatives = "|".join(map(re.escape, words))
    # not after a paragraph number: "2. Reaffirms" is one paragraph
    return re.compile(rf"(?:(?<=[,;:])|(?<=\D\.))\s+(?=(?:{alternatives})\b)|(?<=[.;])\s+(?=\d{{3,4}}(?:st|nd|rd|th) plenary)")


@lru_cache(maxsize=1)
def _organ_inline_re() -> re.Pattern:
    names = [p for patterns in lexicon.ORGANS.values() for p in patterns if p.isascii()]
    return re.compile(r"\s(?:" + "|".join(n.replace(r"(?:", r"(?:") for n in names) + r"),\s")


def _is_cjk(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF
