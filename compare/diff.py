"""Word (or, for Chinese, character) diffs and similarities of two paragraph texts.

The diff is the standard library's `difflib.SequenceMatcher` (Ratcliff/Obershelp): maintained with
CPython, no new dependency, and its matching-blocks output reads like a reviser's marks. `autojunk` is
off: on long paragraphs it would treat "the" and "of" as junk and scatter the diff.

    >>> word_diff("Decides to extend the mandate until 15 June 1980;", "Decides to extend the mandate until 19 December 1980;", "en")
    [['=', 'Decides to extend the mandate until '], ['-', '15 June'], ['+', '19 December'], ['=', ' 1980;']]
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# a word keeps its inner "/", "." and "-": "79/7", "A/80/83", "eighty-first" are one token each
_WORDS = re.compile(r"\s+|\w+(?:[/.\-]\w+)*|[^\w\s]", re.UNICODE)
# Footnote markers that survive in some texts ("[1]", superscripts) are not part of the wording.
_MARKERS = re.compile(r"\[\d{1,3}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+")
# Typographic variants of one character (a non-breaking hyphen in one year's PDF) are not a change of wording.
_VARIANTS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u2019": "'"})


def normalized(text: str) -> str:
    """The text up to whitespace and footnote markers: what `same` compares."""
    text = _MARKERS.sub("", text).translate(_VARIANTS)
    if _CJK.search(text):
        return re.sub(r"\s+", "", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str, lang: str | None = None) -> list[str]:
    """Characters for Chinese, words and punctuation (whitespace kept as tokens) otherwise."""
    text = _MARKERS.sub("", text).translate(_VARIANTS)
    if lang == "zh" or (lang is None and _CJK.search(text)):
        return list(re.sub(r"\s+", "", text))
    return _WORDS.findall(re.sub(r"\s+", " ", text).strip())


def _content(toks: list[str]) -> list[str]:
    return [t for t in toks if not t.isspace()]


def similarity(a: str, b: str, lang: str | None = None) -> float:
    """0..1, the share of words (characters for Chinese) the two texts have in common, in order."""
    ta, tb = _content(tokens(a, lang)), _content(tokens(b, lang))
    if not ta and not tb:
        return 1.0
    matcher = SequenceMatcher(None, ta, tb, autojunk=False)
    if matcher.real_quick_ratio() < 0.2 or matcher.quick_ratio() < 0.2:
        return matcher.quick_ratio()
    return matcher.ratio()


def word_diff(a: str, b: str, lang: str | None = None) -> list[list[str]]:
    """`[["=" | "-" | "+", text], …]`: what stayed, what went, what came, in order."""
    ta, tb = tokens(a, lang), tokens(b, lang)
    segments: list[list[str]] = []

    def push(op: str, toks: list[str]) -> None:
        text = "".join(toks)
        if not text:
            return
        if segments and segments[-1][0] == op:
            segments[-1][1] += text
        else:
            segments.append([op, text])

    for op, i1, i2, j1, j2 in SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if op == "equal":
            push("=", ta[i1:i2])
        else:
            push("-", ta[i1:i2])
            push("+", tb[j1:j2])
    return _tidy(segments)


def _tidy(segments: list[list[str]]) -> list[list[str]]:
    """A lone space between two changes belongs to the change ("15 June" not "15", " ", "June")."""
    out: list[list[str]] = []
    i = 0
    while i < len(segments):
        op, text = segments[i]
        if (op == "=" and text.isspace() and out and out[-1][0] != "=" and i + 1 < len(segments)
                and segments[i + 1][0] != "="):
            # fold the space into both sides of the surrounding change
            minus = [s for s in out[-2:] if s[0] == "-"]
            plus = [s for s in out[-2:] if s[0] == "+"]
            for seg in minus + plus:
                seg[1] += text
            i += 1
            continue
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif op == "-" and len(out) >= 2 and out[-1][0] == "+" and out[-2][0] == "-":
            out[-2][1] += text
        elif op == "+" and len(out) >= 2 and out[-1][0] == "-" and out[-2][0] == "+":
            out[-2][1] += text
        else:
            out.append([op, text])
        i += 1
    return out
