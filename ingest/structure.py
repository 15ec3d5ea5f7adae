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
from ingest.header import chinese_number
from ingest.ocr import ocr_operative_number
from ingest.layout import TERMINAL, Block, is_closing, join_blocks, organ_name, starts_recital_or_operative

_OPERATIVE_NUMBER = re.compile(r"^(\d{1,3}|[一二三四五六七八九十]{1,3})\s*[.、．]\s*(?=\S)")
_SUB = re.compile(r"^(?:\(([a-z]{1,4}|\d)\)|([a-z]{1,4})\)|（([a-z]{1,4})）)\s*(?=\S)")
_PART_HEADING = re.compile(r"[IVX]{1,5}|[A-D]|[一二三四五六七八九十]{1,3}")  # part headings "II", "B", "二"
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
    return None, None, False


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


def _plain(blocks: list[Block]) -> list[Draft]:
    return [Draft(f"p{i}", "paragraph", b.text, b.page) for i, b in enumerate(blocks, start=1)]


def _merge_broken(blocks: list[Block]) -> list[Block]:
    """Join a paragraph split by a page break or interleaved footnotes."""
    out: list[Block] = []
    for block in blocks:
        if out and not TERMINAL.search(out[-1].text) and not _opens_unit(block.text) \
                and not starts_recital_or_operative(block.text) \
                and not _opens_unit(out[-1].text, heading_only=True):
            out[-1] = join_blocks(out[-1], block)
        else:
            out.append(block)
    return out


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

    def _add(self, draft: Draft) -> bool:
        """Append a paragraph; a ref printed twice (OCR noise, quoted numbering)
        continues the previous paragraph instead of duplicating a citation."""
        paragraphs = self.body.paragraphs
        if any(p.ref == draft.ref for p in paragraphs):
            if paragraphs and draft.text:
                paragraphs[-1].text = (paragraphs[-1].text + "\n" + draft.text).strip()
            return False
        paragraphs.append(draft)
        return True

    def walk(self, blocks: list[Block]) -> None:
        # recitals printed before the organ line are preambular whatever they read like
        self.organ_ahead = any(organ_name(b.text) for b in blocks)
        for index, block in enumerate(blocks):
            following = blocks[index + 1].text if index + 1 < len(blocks) else ""
            self.step(block, following)

    def step(self, block: Block, following: str) -> None:
        text = block.text.strip()
        # full-width numbering ("１．", "（a）") is matched as ASCII; the text keeps its characters
        probe = text.translate(_FULLWIDTH)
        paragraphs = self.body.paragraphs
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
        if number is not None:
            if number == self.op + 1 or not self.op_numbered:
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
        if m := _SUB.match(probe):
            token = (m.group(1) or m.group(2) or m.group(3)).lower()
            if self._sub(token, text[m.end():], block.page, following):
                return
        self._unnumbered(text, block.page)

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
        if any(p.ref == ref for p in paragraphs):
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
        them was a recital that did not read like one (OCR "peace." for "peace,")."""
        for draft in self.body.paragraphs:
            if draft.kind == "operative" and draft.number is None and draft.ref.startswith("op"):
                self.pp += 1
                draft.ref, draft.kind = f"pp{self.pp}", "preamble"
        self.op = 0

    def _lead_in(self) -> Draft | None:
        """Take back an unnumbered "Resolves:" paragraph that numbered items follow."""
        paragraphs = self.body.paragraphs
        if self.op_numbered or self.op != 1 or not paragraphs:
            return None
        last = paragraphs[-1]
        if last.ref != "op1" or not re.search(r"[:：]\s*$", last.text):
            return None
        paragraphs.pop()
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
        if re.search(r"[,，、]\s*$", text):
            return True
        if self.lang in ("en", "fr", "es"):
            first = text.split(maxsplit=1)[0] if text.split() else ""
            if first in lexicon.OPERATIVE_STARTERS:
                return False
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
            if self._add(Draft(f"annex.{self.annex_n}", "annex", text[m.end():], page, m.group(1))):
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
