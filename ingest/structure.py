"""The body of a resolution: preambular, operative, sub-paragraphs and annex.

Rules (documented in docs/parser.md):
- the body starts at the organ line or a "Preamble" heading; long recitals
  printed before the organ line (old SC texts) are preambular too;
- `ppN` counts unnumbered paragraphs in order; `opN` is the printed number;
- a preambular paragraph ending with ":" followed by lettered items and no
  numbered paragraph ("Decides: (a) … (b) …") is `op1`, its items `op1.a`, …;
- unnumbered operative paragraphs (old SC resolutions) are numbered `op1`, `op2`
  in order, from the first paragraph that does not read as a recital;
- annex paragraphs are `annex.pN` (printed or counted), articles `annex.artN`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest import lexicon
from language.numerals import chinese_number, to_roman
from language.refs import section_ref
from ingest.ocr import ocr_operative_number
from ingest.layout import (TERMINAL, Block, continues_sentence, is_closing, join_blocks, organ_name, starts_operative,
                           starts_recital_or_operative)

_OPERATIVE_NUMBER = re.compile(r"^(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.、．]\s*(?=\S)")
_SUB = re.compile(r"^(?:\(([a-z]{1,4}|\d)\)|([a-z]{1,4})\)|（([a-z]{1,4})）)\s*(?=\S)")
# a part heading and its title on one line: "II Role of the Department of Global Communications"
_TITLED_HEADING = re.compile(r"(?:[IVX]{1,5}|[A-H])\s+[A-Z][a-z]+\b[^\n]*")
_PART_HEADING = re.compile(r"[IVX]{1,5}|[A-H]|[一二三四五六七八九十]{1,3}|[甲乙丙丁戊己庚辛]")  # part headings "II", "B", "二", "乙"
# Chinese part headings by the section name the other languages print: 乙 is B, 二 is II
_ZH_LETTERS = dict(zip("甲乙丙丁戊己庚辛", "ABCDEFGH"))
# a sub-paragraph token: one letter, a doubled letter ("aa") or a roman numeral;
# OCR "(bob)" for "(b)" is repaired only where that letter is due
_SUB_TOKEN = re.compile(r"[a-z]|([a-z])\1|[ivxlc]{1,6}")
_ROMANS = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv")
_FULLWIDTH = str.maketrans("０１２３４５６７８９（）", "0123456789()")


@dataclass
class Draft:
    """A paragraph before footnote markers are resolved."""

    ref: str
    kind: str
    text: str
    page: int
    number: str | None = None
    section: str = ""  # the part ("A", "II") of a resolution printed in parts


@dataclass
class Body:
    organ: str | None
    header: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    paragraphs: list[Draft] = field(default_factory=list)
    is_resolution: bool = False
    has_preamble_heading: bool = False
    has_articles: bool = False


def _fullmatch_any(patterns: tuple[str, ...], text: str) -> re.Match | None:
    for pattern in patterns:
        if m := re.fullmatch(rf"{pattern}\s*[.:：]?", text.strip(), flags=re.I):
            return m
    return None


def _body_start(blocks: list[Block]) -> tuple[int | None, str | None, bool]:
    """Index of the first body block, the organ, and whether a Preamble heading opens it."""
    organ = None
    for i, block in enumerate(blocks):
        if _fullmatch_any(lexicon.PREAMBLE_HEADINGS, block.text):
            later = next((organ_name(b.text) for b in blocks[i:] if organ_name(b.text)), None)
            return i + 1, later or _organ_in_text(blocks[i:]), True
        if organ := organ_name(block.text):
            start = i
            # Old SC texts print a long recital before "Therefore the Security Council,"
            while start > 0 and _is_recital(blocks[start - 1].text):
                start -= 1
            return start, organ, False
    return _headless_start(blocks)


# the number line of a resolution printed without its organ line ("Resolution 462 (1980)",
# "17 (1947). Resolution of 10 February 1947") and the header lines that follow it
_RESOLUTION_LINE = re.compile(
    r"^(?:Resolution|RESOLUTION|R[ée]solution|RÉSOLUTION)\s+\d{1,4}\s*\(\d{4}\)|^\d{1,4}\s*\(\d{4}\)\.?\s+Resolution\b"
    r"|^第\s*\d{1,4}\s*\(\d{4}\)\s*号决议")
_HEADER_LINE = re.compile(
    r"^[\[(〔]\s*[SA]/[^\s\])〕]*\s*[\])〕]$|^of \d{1,2} \w+ \d{4}$"
    r"|^(?:Adopted|Adoptée) (?:by|par) the Security Council|^(?:Adopted|Adoptée) (?:by|par)\b.{0,80}\d{4}$", re.I)


def _headless_start(blocks: list[Block]) -> tuple[int | None, str | None, bool]:
    """A Security Council resolution whose copy lost its organ line ("The Security
    Council,") starts after its number line and the header lines that follow it."""
    found = None
    for i, block in enumerate(blocks[:8]):
        text = block.text.strip()
        if _RESOLUTION_LINE.match(text) or (found is not None and _HEADER_LINE.match(text)):
            found = i
        elif found is not None:
            break
    if found is None or found + 1 >= len(blocks):
        return None, None, False
    return found + 1, "Security Council", False


def _organ_in_text(blocks: list[Block]) -> str | None:
    for block in blocks:
        for organ, patterns in lexicon.ORGANS.items():
            if any(re.search(p, block.text[:40]) for p in patterns):
                return organ
    return None


def _is_recital(text: str) -> bool:
    return len(text) >= 25 and bool(re.search(r"[;；,，]\s*$", text)) and not re.search(
        r"draft resolution|决议草案|projet de résolution", text, flags=re.I)


def classify(blocks: list[Block], lang: str) -> Body:
    """Split blocks into header, body paragraphs and closing lines."""
    start, organ, preamble_heading = _body_start(blocks)
    if start is None:
        return Body(organ=None, paragraphs=_plain(blocks))
    header_end = start - 1 if preamble_heading else start
    body = Body(organ=organ, header=[b.text for b in blocks[:header_end]],
                is_resolution=True, has_preamble_heading=preamble_heading)
    rest = _merge_broken(blocks[start:])
    _Walker(body, lang).walk(rest)
    return body


def _name_sections(paragraphs: list[Draft]) -> None:
    """Prefix the refs of a resolution in parts with their part ("B.op1") when the
    numbering restarts in a part; parts that continue the numbering keep plain refs."""
    seen: set[str] = set()
    restarts = {"pp": False, "op": False}
    for draft in paragraphs:
        if draft.kind == "annex":
            continue
        if draft.ref in seen:
            restarts["pp" if draft.kind == "preamble" else "op"] = True
        seen.add(draft.ref)
    # a part with its own preamble but continued operative numbers (S/RES/820 (1993)
    # A: op1-9, B: "Acting under Chapter VII", op10-…) keeps the printed opN
    kinds = {"preamble"} if restarts["pp"] else set()
    if restarts["op"]:
        kinds |= {"preamble", "operative", "subparagraph"}
    first = _first_part(paragraphs)
    for draft in paragraphs:
        if not draft.section and first and draft.kind in kinds:
            draft.section = first
        if draft.section and draft.kind in kinds:
            draft.ref = section_ref(draft.section, draft.ref)


def _first_part(paragraphs: list[Draft]) -> str:
    """The part that paragraphs before the first part heading belong to, when that heading is
    the second part's ("B", "II"): the copy printed the first heading above the organ line, where
    the walker does not see it (S/RES/161 (1961): "A" above "The Security Council,"). Otherwise ""
    (a preamble shared by all parts, as in S/RES/101 (1953), keeps plain refs)."""
    named = next((d.section for d in paragraphs if d.section), "")
    return {"B": "A", "II": "I"}.get(named, "")


def _plain(blocks: list[Block]) -> list[Draft]:
    return [Draft(f"p{i}", "paragraph", b.text, b.page) for i, b in enumerate(blocks, start=1)]


def _merge_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph split by a page break or interleaved footnotes."""
    out: list[Block] = []
    for block in blocks:
        if out and (not TERMINAL.search(out[-1].text) or _reads_on(out[-1], block)) \
                and not _opens_unit(block.text) \
                and not starts_recital_or_operative(block.text) \
                and not _opens_unit(out[-1].text, heading_only=True):
            out[-1] = join_blocks(out[-1], block)
        else:
            out.append(block)
    return out


def _reads_on(previous: Block, block: Block) -> bool:
    """A paragraph stopped at a comma goes on in the next block when that opens lowercase
    (S/RES/598 (1987) pp2, cut at a blank line), or, across a page break, with a number
    that is no paragraph number ("…76/237 of 24 December 2021, / 76/268 of 10 June
    2022, …", A/RES/78/330 pp17)."""
    if continues_sentence(previous.text, block.text):
        return True
    return previous.ends_page and previous.text.rstrip().endswith(",") and bool(
        re.match(r"\d", block.text.strip()))


def _opens_unit(text: str, heading_only: bool = False) -> bool:
    heading = bool(
        _PART_HEADING.fullmatch(text.strip()) or _fullmatch_any(lexicon.ANNEX_HEADINGS + lexicon.ARTICLE_HEADINGS + lexicon.PREAMBLE_HEADINGS, text)
        or is_closing(text) or organ_name(text)
    )
    if heading_only:
        return heading
    return heading or bool(_OPERATIVE_NUMBER.match(text) or _SUB.match(text))


class _Walker:
    """Walks the body blocks in order and assigns refs."""

    def __init__(self, body: Body, lang: str):
        self.body, self.lang = body, lang
        self.mode = "preamble"
        self.pp = self.op = self.annex_p = self.annex_n = 0
        self.op_numbered = False
        self.letter: str | None = None
        self.roman: str | None = None
        self.article: Draft | None = None
        self.seen_organ = False
        self.section = ""  # the current part; "" before the first part heading
        self.part_start = 0  # index of the current part's first paragraph
        self.refs: set[str] = set()  # refs of the current part

    def _part(self) -> list[Draft]:
        return self.body.paragraphs[self.part_start:]

    def _reindex(self) -> None:
        self.refs = {p.ref for p in self._part()}

    def _add(self, draft: Draft) -> bool:
        """Append a paragraph; a ref printed twice (OCR noise, quoted numbering)
        continues the previous paragraph instead of duplicating a citation."""
        paragraphs = self.body.paragraphs
        if draft.ref in self.refs:
            if paragraphs and draft.text:
                paragraphs[-1].text = (paragraphs[-1].text + "\n" + draft.text).strip()
            return False
        draft.section = self.section
        paragraphs.append(draft)
        self.refs.add(draft.ref)
        return True

    def walk(self, blocks: list[Block]) -> None:
        # recitals printed before the organ line are preambular whatever they read like
        self.organ_ahead = any(organ_name(b.text) for b in blocks)
        skip = -1
        for index, block in enumerate(blocks):
            if index <= skip:
                continue
            following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            if self.mode in ("preamble", "operative") and _PART_HEADING.fullmatch(block.text.strip()):
                self._open_part(block.text.strip())
                # a part's own title stands between its heading and its organ line
                ahead = [i for i in range(index + 1, min(index + 4, len(blocks))) if organ_name(blocks[i].text)]
                skip = ahead[0] - 1 if ahead else -1
                continue
            if self._titled_heading(block.text, following):
                self._open_part(block.text.split()[0])
                continue
            self.step(block, following)
        _name_sections(self.body.paragraphs)

    def _titled_heading(self, text: str, following: str) -> bool:
        """A part heading printed with its title on one line ("I Multilingualism in general
        and the role of the Secretariat", A/RES/78/330) between numbered operative
        paragraphs: the next block carries the number that is due."""
        if self.mode != "operative" or not self.op_numbered:
            return False
        m = _TITLED_HEADING.fullmatch(text.strip())
        if m is None or TERMINAL.search(text) or len(text) > 200:
            return False
        ahead = _OPERATIVE_NUMBER.match(following.translate(_FULLWIDTH))
        return ahead is not None and chinese_number(ahead.group(1)) == self.op + 1

    def _open_part(self, heading: str) -> None:
        """A part heading ("A", "II", "乙"): numbering may restart in the part."""
        if heading in _ZH_LETTERS:
            section = _ZH_LETTERS[heading]
        elif re.fullmatch(r"[一二三四五六七八九十]{1,3}", heading):
            section = to_roman(chinese_number(heading))
        else:
            section = heading
        self.section, self.part_start, self.refs = section, len(self.body.paragraphs), set()
        self.mode = "preamble"
        self.pp = 0
        if self.op_numbered:
            self.op, self.op_numbered = 0, False
        # else: unnumbered operative paragraphs are counted on across parts (S/RES/82 (1950) I, II, III)
        self.letter = self.roman = None

    def step(self, block: Block, following: str) -> None:
        text = block.text.strip()
        # full-width numbering ("１．", "（a）") is matched as ASCII; the text keeps its characters
        probe = text.translate(_FULLWIDTH)
        if organ_name(text):
            self.seen_organ = True
            return
        if _fullmatch_any(lexicon.PREAMBLE_HEADINGS, text) or re.fullmatch(lexicon.CONNECTIVES, text) \
                or _PART_HEADING.fullmatch(text):
            return
        if _fullmatch_any(lexicon.ANNEX_HEADINGS, text):
            self.mode, self.article = "annex", None
            return
        if m := _fullmatch_any(lexicon.ARTICLE_HEADINGS, text):
            self.mode = "annex"
            self.body.has_articles = True
            number = 1 if m.group(1).lower() in ("premier", "first") else chinese_number(m.group(1))
            self.article = Draft(f"annex.art{number}", "annex", "", block.page, str(number))
            if not self._add(self.article):
                self.article = None
            return
        if self.mode in ("preamble", "operative") and is_closing(text):
            self.mode = "closing"
        if self.mode == "closing":
            self.body.closing.append(text)
            return
        if self.mode == "annex":
            self._annex(text, block.page)
            return
        if self._introduces_annexed_text(text):
            # "Adopts the following declaration:" then the declaration's own
            # headings and numbered paragraphs: they are annexed text, not operative
            self.mode = "annex"
            self._annex(text, block.page)
            return
        printed = _OPERATIVE_NUMBER.match(probe)
        number, end = (chinese_number(printed.group(1)), printed.end()) if printed else (None, 0)
        expected = self.op + 1 if self.op_numbered else 1
        if number is None and (ocr_end := ocr_operative_number(probe, expected)):
            # "S. Appeals …" where 5 is due: OCR misread the number, repair it
            number, end = expected, ocr_end
        if number is not None and self.op_numbered and number != self.op + 1:
            number = self._misprinted(number, text[end:], following)
        if number is not None:
            if number == self.op + 1 or not self.op_numbered or self.op + 1 < number <= self.op + 3:
                lead = self._lead_in() if number == 1 else None
                if number == 1 and lead is None:
                    self._demote_unnumbered_operatives()
                self.mode, self.op, self.op_numbered = "operative", number, True
                self.letter = self.roman = None
                if lead is not None:
                    # "Resolves: 1. That … 2. That …": the lead-in opens op1
                    self._add(Draft("op1", "operative", lead.text + " " + text[end:], lead.page, "1"))
                    return
                self._add(Draft(f"op{number}", "operative", text[end:], block.page, str(number)))
                return
        if (m := _SUB.match(probe)) and (token := self._sub_token((m.group(1) or m.group(2) or m.group(3)).lower())):
            if self._sub(token, text[m.end():], block.page, following):
                return
        if self._lost_number(text, following):
            # "Calls upon …" between op1 and "3. Declares": the printed "2." was lost
            self.op += 1
            self.letter = self.roman = None
            self._add(Draft(f"op{self.op}", "operative", text, block.page, str(self.op)))
            return
        self._unnumbered(text, block.page)

    def _misprinted(self, number: int, rest: str, following: str) -> int | None:
        """A printed number out of sequence before an operative verb: OCR misread it
        ("8. Requests" between 4. and 6.) when the next paragraph carries the number
        after the due one; otherwise a number was lost in the copy and the printed one
        stands (S/RES/346: 4., then 6.). Anything else is quoted or broken text."""
        paragraphs = self.body.paragraphs
        if not starts_operative(rest, self.lang) or not paragraphs or not TERMINAL.search(paragraphs[-1].text):
            return None
        ahead = _OPERATIVE_NUMBER.match(following.translate(_FULLWIDTH))
        if ahead is not None and chinese_number(ahead.group(1)) == self.op + 2:
            return self.op + 1
        return number if self.op + 1 < number <= self.op + 3 else None

    def _sub_token(self, token: str) -> str | None:
        """The sub-paragraph letter a printed token stands for, or None when it is no
        sub-paragraph mark ("(plem)", an abbreviation in brackets)."""
        if token.isdigit() or _SUB_TOKEN.fullmatch(token):
            return token
        due = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 and self.letter < "z" else "a"
        return due if token.startswith(due) else None

    def _lost_number(self, text: str, following: str) -> bool:
        """An unnumbered paragraph opening with an operative verb, inside numbered
        operative paragraphs, just before the paragraph numbered two ahead."""
        if self.mode != "operative" or not self.op_numbered or not self.body.paragraphs:
            return False
        if not TERMINAL.search(self.body.paragraphs[-1].text) or not starts_operative(text, self.lang):
            return False
        ahead = _OPERATIVE_NUMBER.match(following.translate(_FULLWIDTH))
        return ahead is not None and chinese_number(ahead.group(1)) == self.op + 2

    def _sub(self, token: str, text: str, page: int, following: str) -> bool:
        paragraphs = self.body.paragraphs
        if token.isdigit() or token in ("l",):
            after = chr(ord(self.letter) + 1) if self.letter and len(self.letter) == 1 else None
            if re.match(r"^\(?ii\)", following.strip()):
                token = "i"  # OCR reads "(i)" as "(1)" or "(l)"
            elif after and after < "z" and re.match(rf"^\(?{chr(ord(after) + 1)}\)", following.strip()):
                token = after  # OCR reads "(b)" as "(5)" or "(6)" between (a) and (c)
            else:
                return False
        if self.mode == "preamble":
            last = paragraphs[-1] if paragraphs else None
            if last is None or last.kind != "preamble" or not re.search(r"[:：]\s*$", last.text):
                return False
            if self._reads_as_recital(last.text) and self.lang in ("en", "fr", "es"):
                # "Recalling further …: (a) Expresses … (b) Endorses …" (A/80/L.1):
                # the recital stays ppN, its items are the operative part op1.a, op1.b
                self.mode, self.op = "operative", 1
            else:
                # "Decides: (a) … (b) …": the colon paragraph is op1
                self.pp -= 1
                last.ref, last.kind, last.number = "op1", "operative", None
                self._reindex()
                self.mode, self.op = "operative", 1
        if self.op == 0:
            return False
        is_roman = token in _ROMANS and self.letter is not None and (
            self.roman is not None or token == "i") and not (token == "i" and self.letter == "h")
        if is_roman:
            self.roman = token
            ref = f"op{self.op}.{self.letter}.{token}"
        else:
            self.letter, self.roman = token, None
            ref = f"op{self.op}.{token}"
        if ref in self.refs:
            return False
        self._add(Draft(ref, "subparagraph", text, page, token))
        return True

    def _unnumbered(self, text: str, page: int) -> None:
        paragraphs = self.body.paragraphs
        if self.mode == "preamble" and (self.seen_organ or not self.organ_ahead) \
                and not self._reads_as_recital(text):
            self.mode = "operative"
        if self.mode == "preamble":
            self.pp += 1
            self._add(Draft(f"pp{self.pp}", "preamble", text, page))
        elif self.op_numbered and paragraphs:
            # quoted or broken text inside a numbered operative part: keep it with its paragraph
            paragraphs[-1].text = paragraphs[-1].text + "\n" + text
        else:
            self.op += 1
            self.letter = self.roman = None
            self._add(Draft(f"op{self.op}", "operative", text, page))

    def _demote_unnumbered_operatives(self) -> None:
        """Numbered operative paragraphs follow: any unnumbered "operative" before
        them was a recital that did not read like one (OCR "peace." for "peace,"),
        and lettered items under a colon recital belong to that recital (S/RES/91:
        "Observing … were: (a) … (b) …", then "1. Accepts")."""
        kept: list[Draft] = []
        for draft in self._part():
            if draft.kind == "operative" and draft.number is None and draft.ref.startswith("op"):
                self.pp += 1
                draft.ref, draft.kind = f"pp{self.pp}", "preamble"
            elif draft.kind == "subparagraph" and kept and kept[-1].kind == "preamble":
                kept[-1].text = f"{kept[-1].text}\n({draft.number}) {draft.text}"
                continue
            kept.append(draft)
        self.body.paragraphs[self.part_start:] = kept
        self._reindex()
        self.op = 0

    def _lead_in(self) -> Draft | None:
        """Take back an unnumbered "Resolves:" paragraph that numbered items follow."""
        paragraphs = self._part()
        if self.op_numbered or self.op != 1 or not paragraphs:
            return None
        last = paragraphs[-1]
        if last.ref != "op1" or not re.search(r"[:：]\s*$", last.text):
            return None
        self.body.paragraphs.pop()
        self.refs.discard("op1")
        return last

    def _introduces_annexed_text(self, text: str) -> bool:
        paragraphs = self.body.paragraphs
        if self.mode != "operative" or self.op_numbered or not paragraphs:
            return False
        last = paragraphs[-1]
        if last.kind != "operative" or not re.search(r"[:：]\s*$", last.text):
            return False
        if not re.search(r"following|suivante?s?|下列|如下", last.text, flags=re.I):
            return False
        return not _SUB.match(text.translate(_FULLWIDTH))

    def _reads_as_recital(self, text: str) -> bool:
        if self.lang == "zh" and text.startswith(lexicon.ZH_OPERATIVE_STARTERS):
            return False
        words = text.split(maxsplit=2)
        if self.lang in ("en", "fr", "es") and words:
            # "Recommends …," (S/RES/299) ends like a recital but opens like an operative
            # paragraph; "Deeply deplores", "Strongly urges": an adverb before a verb
            if starts_operative(text, self.lang):
                return False
        if re.search(r"[,，、]\s*$", text):
            return True
        if self.lang in ("en", "fr", "es"):
            first = words[0] if words else ""
            return first in lexicon.PREAMBLE_STARTERS or bool(re.fullmatch(r"[A-Z][a-zé]+(?:ing|ed|ant|ée|és)", first))
        return not re.search(r"[。；;.:：]\s*$", text)

    def _annex(self, text: str, page: int) -> None:
        """Annex refs: `annex.artN` for articles, `annex.N` for a paragraph numbered N
        as printed (`annex.N.a` for its items), `annex.pK` for the K-th unnumbered one."""
        if self.article is not None:
            self.article.text = (self.article.text + "\n" + text).strip()
            return
        probe = text.translate(_FULLWIDTH)
        if m := _OPERATIVE_NUMBER.match(probe):
            self.annex_n = int(m.group(1))
            # a number printed twice continues its paragraph (`_add`): nothing is left to add
            self._add(Draft(f"annex.{self.annex_n}", "annex", text[m.end():], page, m.group(1)))
            return
        if self.annex_n and (m := _SUB.match(probe)) and (token := (m.group(1) or m.group(2) or m.group(3) or "")).isalpha():
            if self._add(Draft(f"annex.{self.annex_n}.{token.lower()}", "annex", text[m.end():], page, token)):
                return
        if self.annex_n and TERMINAL.search(text) and self.body.paragraphs:
            # text after a numbered annex paragraph continues it (quotes, broken lines)
            self.body.paragraphs[-1].text += "\n" + text
            return
        self.annex_p += 1
        self._add(Draft(f"annex.p{self.annex_p}", "annex", text, page))
