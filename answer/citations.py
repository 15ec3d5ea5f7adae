"""The citation check shared by both answerers: every `[SYMBOL#REF]` in an answer
must be one of the retrieved paragraphs.

Anything citation-shaped that is not (an invented ref, another document, a wrong
format that can't be resolved) is removed from the text and logged. A ref written
in a recoverable wrong format (`[A/67/L.X, op18]`, `[A/67/L.X#18]`) is rewritten
to its canonical form when that paragraph was retrieved.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from answer.model import CheckedCitations
from language.refs import CITATION_SHAPED
from language.refwords import read_ref
from language.scripts import CJK_CLASS

log = logging.getLogger(__name__)

_BRACKET = re.compile(r"\s?\[([^\[\]\n]{1,200})\]")
# Text that is an answer sentence (not just a heading or a blank) needs at least one citation.
_CLAIM = re.compile(rf"[\w{CJK_CLASS}]{{2,}}")


def _squash(symbol: str) -> str:
    return re.sub(r"\s+", "", symbol).lower()


class _Resolver:
    """Maps what a model wrote to a retrieved id, or None."""

    def __init__(self, retrieved_ids: Iterable[str]):
        self.ids = tuple(dict.fromkeys(retrieved_ids))
        self.by_squashed = {_squash(i): i for i in self.ids}
        self.symbols: dict[str, str] = {}
        for i in self.ids:
            symbol, _, _ref = i.rpartition("#")
            self.symbols.setdefault(_squash(symbol), symbol)

    def resolve(self, item: str) -> str | None:
        item = item.strip().strip("'\"“”«» ")
        exact = self.by_squashed.get(_squash(item))
        if exact:
            return exact
        # Wrong but recoverable formats: "SYMBOL, op18", "SYMBOL op 18", "SYMBOL#18", "SYMBOL paragraph 18".
        for squashed, symbol in sorted(self.symbols.items(), key=lambda kv: -len(kv[0])):
            head = _squash(item)[: len(squashed)]
            if head != squashed:
                continue
            rest = self._after_symbol(item, symbol)
            if rest is None:
                continue
            ref = read_ref(rest)
            if ref and f"{symbol}#{ref}" in self.ids:
                return f"{symbol}#{ref}"
        return None

    @staticmethod
    def _after_symbol(item: str, symbol: str) -> str | None:
        # Walk the item, skipping whitespace, until the symbol's characters are consumed.
        target = _squash(symbol)
        i = j = 0
        while i < len(item) and j < len(target):
            if item[i].isspace():
                i += 1
                continue
            if item[i].lower() != target[j]:
                return None
            i += 1
            j += 1
        return item[i:].lstrip(" #,:;-")

def _looks_like_citation(item: str) -> bool:
    return bool(re.search(r"#|\bop\s*\d|\bpp\s*\d|\d|source|para", item, re.IGNORECASE)) and len(item) < 80


def validate(text: str, retrieved_ids: Iterable[str], require_citation: bool = True) -> CheckedCitations:
    """Check the citations in `text` against the retrieved paragraph ids.

    >>> c = validate("Signed on 31 May 2012 [A/67/L.X#op18] [A/67/L.X#op99].", ["A/67/L.X#op18"])
    >>> c.text, c.kept, c.removed
    ('Signed on 31 May 2012 [A/67/L.X#op18].', ('A/67/L.X#op18',), ('A/67/L.X#op99',))
    """
    resolver = _Resolver(retrieved_ids)
    kept: list[str] = []
    removed: list[str] = []
    out = text
    # Removing an inner "[…]" can expose an outer one ("[x [A#op99]]"), so repeat until stable.
    for _ in range(5):
        before = len(removed)
        out = _one_pass(out, resolver, kept, removed)
        if len(removed) == before:
            break
    out = re.sub(r"(?<=\S)[ \t]+([.。,，;；:：!?！？])", r"\1", out)
    out = re.sub(r"(?<=\S)[ \t]{2,}(?=\S)", " ", out)
    for item in removed:
        log.warning("removed citation %r: not among the retrieved paragraphs", item)
    uncited = require_citation and not kept and bool(_CLAIM.search(out))
    return CheckedCitations(text=out, kept=tuple(kept), removed=tuple(removed), uncited=uncited)


def _one_pass(text: str, resolver: _Resolver, kept: list[str], removed: list[str]) -> str:
    def on_bracket(m: re.Match) -> str:
        items = [s for s in re.split(r"[,;，；]\s*(?=[^\s\d])|\]\s*\[", m.group(1)) if s.strip()]
        # "[A/67/L.X, op18]" is one wrongly written ref, not two items.
        if resolver.resolve(m.group(1)):
            items = [m.group(1)]
        if not any(_looks_like_citation(i) or resolver.resolve(i) for i in items):
            return m.group(0)  # ordinary bracketed prose, e.g. "[sic]"
        good = []
        for item in items:
            ref = resolver.resolve(item)
            if ref:
                good.append(ref)
            else:
                removed.append(item.strip())
        for ref in good:
            if ref not in kept:
                kept.append(ref)
        if not good:
            return ""
        lead = m.group(0)[0] if m.group(0)[0].isspace() else ""
        return lead + "[" + ", ".join(dict.fromkeys(good)) + "]"

    out = _BRACKET.sub(on_bracket, text)

    def on_bare(m: re.Match) -> str:
        ref = resolver.resolve(m.group(0))
        if ref:
            if ref not in kept:
                kept.append(ref)
            return ref
        removed.append(m.group(0))
        return ""

    return CITATION_SHAPED.sub(on_bare, out)


class StreamingValidator:
    """Validates citations in a stream of text chunks without ever emitting an unchecked one.

    Text is held back while a `[` is open or a bare `SYMBOL#…` may still be growing,
    so a citation is checked whole before any of it is shown.
    """

    def __init__(self, retrieved_ids: Iterable[str], max_hold: int = 300):
        self.ids = tuple(retrieved_ids)
        self.buffer = ""
        self.max_hold = max_hold
        self.parts: list[str] = []
        self.kept: list[str] = []
        self.removed: list[str] = []

    def _emit(self, segment: str) -> str:
        checked = validate(segment, self.ids, require_citation=False)
        self.kept.extend(k for k in checked.kept if k not in self.kept)
        self.removed.extend(checked.removed)
        self.parts.append(checked.text)
        return checked.text

    def feed(self, chunk: str) -> str:
        self.buffer += chunk
        cut = self._safe_cut(self.buffer)
        if cut <= 0:
            return ""
        segment, self.buffer = self.buffer[:cut], self.buffer[cut:]
        return self._emit(segment)

    def _safe_cut(self, text: str) -> int:
        """Where the buffer can be cut: at whitespace outside any bracket, before an open one."""
        depth, opened, cut = 0, -1, 0
        for i, ch in enumerate(text):
            if ch == "[":
                if depth == 0:
                    opened = i
                depth += 1
            elif ch == "]" and depth:
                depth -= 1
            elif ch.isspace() and depth == 0 and i > 0:
                # The space travels with what follows: a removed citation takes its space with it.
                cut = i
        if depth and len(text) - opened > self.max_hold:
            return len(text)  # not a citation after all: don't hold text back forever
        if not depth and not cut and len(text) > self.max_hold:
            return len(text)
        return cut

    def flush(self) -> str:
        segment, self.buffer = self.buffer, ""
        return self._emit(segment) if segment else ""

    def result(self) -> CheckedCitations:
        text = "".join(self.parts)
        uncited = not self.kept and bool(_CLAIM.search(text))
        return CheckedCitations(text=text, kept=tuple(self.kept), removed=tuple(self.removed), uncited=uncited)


def iter_checked(chunks: Iterable[str], retrieved_ids: Iterable[str]) -> Iterator[str | CheckedCitations]:
    """Yield checked text pieces of a stream, then the `CheckedCitations` of the whole."""
    validator = StreamingValidator(retrieved_ids)
    for chunk in chunks:
        piece = validator.feed(chunk)
        if piece:
            yield piece
    tail = validator.flush()
    if tail:
        yield tail
    yield validator.result()
