"""Clauses of a paragraph and the quotes cut from them.

A clause ends at ，；。： in Chinese and at , ; . : in English and French; a window is a run of up to
three consecutive clauses, the unit a lookup answer quotes.
"""

from __future__ import annotations

import re

from language.scripts import has_cjk

_ZH_CLAUSE_END = re.compile(r"[，；。：！？,;]")
_LATIN_CLAUSE_END = re.compile(r"[;:!?]|,(?!\d)|\.(?=\s|$)")
# Operative and preambular openers are the resolution's voice, not the fact asked for.
_ZH_OPENER = re.compile(
    r"^(?:又|还|并|也)?(?:欣见|欢迎|鼓励|满意地注意到|注意到|表示注意到|赞赏|邀请|请|决定|感谢|回顾|铭记|申明|"
    r"深信|重申|强调|敦促|呼吁|吁请|促请)\s*"
)
_ITEM_MARK = re.compile(r"^\s*(?:\(?[a-z0-9ivx]{1,4}[.)]|\d+\.)\s+")
LIST_QUOTE_CHARS = {"zh": 60, "other": 160}
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
