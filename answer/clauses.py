"""Clauses of a paragraph and the quotes cut from them.

A clause ends at ，；。： in Chinese and at , ; . : in English and French; a window is a run of up to
three consecutive clauses, the unit a lookup answer quotes.
"""

from __future__ import annotations

import re

from language.facts import Wanted, has_fact
from language.scripts import has_cjk

_ZH_CLAUSE_END = re.compile(r"[，；。：！？,;]")
_LATIN_CLAUSE_END = re.compile(r"[;:!?]|,(?!\d)|\.(?=\s|$)")
# Operative and preambular openers are the resolution's voice, not the fact asked for.
_ZH_OPENER = re.compile(
    r"^(?:又|还|并|也)?(?:欣见|欢迎|鼓励|满意地注意到|注意到|表示注意到|赞赏|邀请|请|决定|感谢|回顾|铭记|申明|"
    r"深信|重申|强调|敦促|呼吁|吁请|促请)\s*"
)
_ZH_SENTENCE_END = re.compile(r"[。！？；;]")
_LATIN_SENTENCE_END = re.compile(r"[!?;]|\.(?=\s+[A-Z“\"]|$)")
_ITEM_MARK = re.compile(r"^\s*(?:\(?[a-z0-9ivx]{1,4}[.)]|\d+\.)\s+")
LIST_QUOTE_CHARS = {"zh": 60, "other": 160}
# A lookup quotes a sentence up to this long whole (the fact asked for is often a clause away from
# the words that matched: "30,425", "Hindi, Kiswahili and Portuguese"); a longer one, its best window.
# On dev, quoting whole every cited paragraph up to ~500 Latin characters recovered 13 of the 22
# facts that whole paragraphs would; a sentence, not the paragraph, so that text appended to a
# paragraph is not pulled into its quote.
WHOLE_QUOTE_CHARS = {"zh": 200, "other": 500}
MIN_QUOTE_CHARS = {"zh": 40, "other": 120}
MAX_WIDTH = 3


def clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of a paragraph."""
    splitter = _ZH_CLAUSE_END if lang == "zh" or has_cjk(text) else _LATIN_CLAUSE_END
    spans, start = [], 0
    for m in splitter.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def windows(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of every run of 1 to MAX_WIDTH consecutive clauses."""
    spans = clauses(text, lang)
    return [(spans[i][0], spans[i + w - 1][1]) for i in range(len(spans)) for w in range(1, MAX_WIDTH + 1)
            if i + w <= len(spans)]


def quoted_span(text: str, lang: str, window: tuple[int, int], wanted: Wanted = Wanted.ANY) -> tuple[int, int]:
    """What a lookup quotes of a paragraph: the whole sentence holding `window` (its best clauses)
    when that sentence is short, else the window; grown, within its sentence, to the nearest clause
    holding the kind of fact the question wants (a date, a number, a name) when it holds none."""
    chinese = lang == "zh" or has_cjk(text)
    start, end = 0, len(text)
    for m in (_ZH_SENTENCE_END if chinese else _LATIN_SENTENCE_END).finditer(text):
        if m.end() <= window[0]:
            start = m.end()
        elif m.start() >= window[1] - 1:
            end = m.start()
            break
    if not text[start:end].strip():
        return window
    key = "zh" if chinese else "other"
    if end - start <= WHOLE_QUOTE_CHARS[key]:
        return (start, end)
    # A long sentence: its best window, grown by neighbouring clauses while shorter than a useful
    # quote ("in 2028" alone does not say where the Games are held).
    spans = [c for c in clauses(text, lang) if start <= c[0] and c[1] <= end]
    first = next((i for i, c in enumerate(spans) if c[1] > window[0]), 0)
    last = max((i for i, c in enumerate(spans) if c[0] < window[1]), default=first)
    if not spans:
        return window
    while spans[last][1] - spans[first][0] < MIN_QUOTE_CHARS[key]:
        grown = [(spans[last + 1][1] - spans[first][0], first, last + 1)] if last + 1 < len(spans) else []
        grown += [(spans[last][1] - spans[first - 1][0], first - 1, last)] if first > 0 else []
        grown = [g for g in grown if g[0] <= WHOLE_QUOTE_CHARS[key]]
        if not grown:
            break
        _width, first, last = min(grown)  # the shorter neighbour first
    return _grown_to_fact(text, spans, first, last, wanted)


def _grown_to_fact(text: str, spans: list[tuple[int, int]], first: int, last: int, wanted: Wanted) -> tuple[int, int]:
    """Clauses first..last of `spans`, or, when they hold no fact of the `wanted` kind, grown to the
    nearest clause of the sentence that holds one ("… the four identified pillars" -> "…, namely
    space economy, space society, …"); the nearest after, then before, on a tie."""
    if wanted == Wanted.ANY or has_fact(text[spans[first][0]:spans[last][1]], wanted):
        return spans[first][0], spans[last][1]
    holding = [i for i, (a, b) in enumerate(spans) if has_fact(text[a:b], wanted)]
    if not holding:
        return spans[first][0], spans[last][1]
    nearest = min(holding, key=lambda i: (i - last if i > last else first - i, i < first))
    start, end = spans[min(first, nearest)][0], spans[max(last, nearest)][1]
    if end - start > 2 * WHOLE_QUOTE_CHARS["zh" if has_cjk(text) else "other"]:  # too far to quote as one
        return spans[first][0], spans[last][1]
    return start, end


def clean_quote(fragment: str, lang: str) -> str:
    fragment = _ITEM_MARK.sub("", fragment.strip())
    if lang == "zh":
        stripped = _ZH_OPENER.sub("", fragment)
        fragment = stripped if len(stripped) >= 6 else fragment
    return fragment.strip(" ，；。,;:：")


def short_quote(text: str, lang: str, terms) -> str:
    """A short verbatim quote around the first matching term, cut with … when long."""
    limit = LIST_QUOTE_CHARS["zh" if lang == "zh" else "other"]
    spans = sorted(s for t in terms for s in t.spans(text))
    anchor = spans[0] if spans else (0, 0)
    clause = next(((a, b) for a, b in clauses(text, lang) if a <= anchor[0] < b), (0, len(text)))
    start, end = clause
    if end - start > limit:
        start = max(start, anchor[0] - limit // 3)
        end = min(end, start + limit)
    piece = text[start:end].strip(" ，；。,;:：")
    prefix = "…" if start > clause[0] else ""
    suffix = "…" if end < clause[1] else ""
    return prefix + _ITEM_MARK.sub("", piece) + suffix
