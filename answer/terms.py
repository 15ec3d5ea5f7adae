"""A question's content terms, expanded across zh/en/fr, and where they occur in a paragraph.

The evidence rule (answer/evidence.py) and the quotes both rest on this: a term
"matches" a paragraph when one of its surface forms occurs in it.
"""

from __future__ import annotations

import functools
import math
import re
from dataclasses import dataclass, replace

from answer.glossary import GENERIC, glossary

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_ZH_STOP = frozenset(
    "哪些 哪几 哪个 段落 涉及 何时 什么 时候 什么时候 的 了 是 在 与 和 及 同 有关 关于 内容 说 提到 呢 吗 那 这 "
    "第 段 规定 哪 个 些 中 为 对 由 被 所 请问 一下 怎么 如何 多少 几 谁 哪里 哪儿 哪一年 哪年 日期 "
    "该 其 把 将 向 从 以 于 并 或 也 还 都 又 有 没有 为何 为什么 列出 所有 全部 提及 谈到 讲 问题 方面 "
    "英文 中文 法文 版本 原文 那么 呢".split()
)
_LATIN_STOP = frozenset(
    """a an the of to in on at by for from with about as and or but not no is are was were be been being do does did
    what which who whom whose when where why how many much until till since into onto than then that this these those
    it its they them their there here paragraph paragraphs provision provisions say says said mention mentions
    mentioned concern concerns concerning regarding refer refers document documents text texts part parts
    operative preambular all any every list give tell me show please also other same version english french chinese
    le la les l un une des du de d et ou mais pas ne est sont été être qui que quoi quel quelle quels quelles quand où
    comment combien pourquoi dans sur pour par avec sans au aux ce cette ces il elle ils elles y en se sa son ses leur
    leurs paragraphe paragraphes disposition dispositions alinéa alinéas dit disent concerne concernent traite traitent
    jusqu quand texte version anglais français chinois and what""".split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


@dataclass(frozen=True)
class Term:
    """One content term of a question with every surface form it may take in a paragraph."""

    label: str
    forms: tuple[str, ...]
    weight: float = 1.0

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the term occurs in `text` (character offsets), in text order."""
        found: list[tuple[int, int]] = []
        for pattern in _patterns(self.forms):
            found.extend(m.span() for m in pattern.finditer(text))
        return sorted(set(found))

    def occurs_in(self, text: str) -> bool:
        return any(p.search(text) for p in _patterns(self.forms))

    @property
    def generic(self) -> bool:
        """A word so common in resolutions (联合国, General Assembly) that it proves nothing alone."""
        return _is_generic(self.label) or any(_is_generic(f) for f in self.forms)


@functools.lru_cache(maxsize=4096)
def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    out = []
    for form in forms:
        if _CJK.search(form):
            out.append(re.compile(re.escape(form)))
        else:
            # Latin forms match as word prefixes: "operation" matches "operations".
            escaped = re.escape(form).replace(r"\ ", r"[\s\-]+").replace("'", "['’]")
            out.append(re.compile(r"(?<![\w])" + escaped + r"[\w\-]*", re.IGNORECASE))
    return tuple(out)


def stem(word: str) -> str:
    """A crude, language-agnostic suffix strip, enough for prefix matching.

    >>> stem("extended"), stem("operations"), stem("women")
    ('extend', 'oper', 'women')
    """
    w = word.lower()
    for suffix in _SUFFIXES:
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)]
    return w


@functools.lru_cache(maxsize=1)
def _glossary_index() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(form, all forms of its entry), longest form first so phrases win over their parts."""
    rows = []
    for zh, en, fr in glossary():
        forms = tuple(dict.fromkeys(zh + en + fr))
        for form in forms:
            rows.append((form, forms))
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """Our own jieba tokenizer (never jieba's global one), knowing the glossary's Chinese terms."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tok = jieba.Tokenizer()
    for zh, _en, _fr in glossary():
        for form in zh:
            tok.add_word(form, freq=50000)
    return tok


def _is_generic(label: str) -> bool:
    return label.lower() in GENERIC


def _weight(label: str) -> float:
    return 0.3 if _is_generic(label) else 1.0


# Weight of a term that occurs in no indexed paragraph, relative to the rarest term that does
# occur (1.0). Such a term is either the question's own wording ("多久", "whose") or a topic the
# corpus lacks ("缅甸", "plastic pollution"); calibrated on dev (docs/quality.md).
ABSENT_WEIGHT = 1.0


RARITY_SAMPLE = 5000  # paragraphs scanned to estimate a term's rarity


def weigh_by_rarity(terms: tuple[Term, ...], texts, absent_weight: float | None = None) -> tuple[Term, ...]:
    """Scale each term's weight by how rare it is among `texts` (the indexed paragraphs).

    A paragraph that matches the question's rare words ("国籍", "waiver") is strong evidence;
    one that matches only words found in hundreds of paragraphs ("秘书长", "decides") is not.
    Rarity is a normalized IDF in (0, 1]; a term found nowhere weighs `absent_weight`.
    """
    texts = tuple(texts)
    if not texts:
        return terms
    n = len(texts)
    scanned = texts
    if n > RARITY_SAMPLE:
        # A fixed sample estimates each term's document frequency, scaled back to the whole
        # store, so a question at 100k paragraphs does not scan every text once per term
        # (2.9 s per ask before).
        scanned = _sample(texts)
    scale = n / len(scanned)
    absent = ABSENT_WEIGHT if absent_weight is None else absent_weight
    out = []
    for term in terms:
        df = _document_frequency(term.forms, scanned) * scale
        rarity = math.log((n + 1) / (df + 1)) / math.log((n + 1) / 2) if df else absent
        out.append(replace(term, weight=round(term.weight * rarity, 4)))
    return tuple(out)


@functools.lru_cache(maxsize=4)
def _sample(texts: tuple[str, ...]) -> tuple[str, ...]:
    """A fixed pseudo-random sample (seeded, so answers are reproducible; random rather than
    every k-th so that a periodic store, such as copies of one corpus, is not aliased)."""
    import random

    picked = sorted(random.Random(0).sample(range(len(texts)), RARITY_SAMPLE))
    return tuple(texts[i] for i in picked)


_DF_MEMO: dict[tuple[int, tuple[str, ...]], int] = {}


def _document_frequency(forms: tuple[str, ...], texts: tuple[str, ...]) -> int:
    key = (hash(texts), forms)
    if key not in _DF_MEMO:
        if len(_DF_MEMO) > 20000:  # a long-running server asks many questions
            _DF_MEMO.clear()
        patterns = _patterns(forms)
        _DF_MEMO[key] = sum(1 for text in texts if any(p.search(text) for p in patterns))
    return _DF_MEMO[key]


def question_terms(question: str) -> tuple[Term, ...]:
    """The content terms of a question, glossary phrases first.

    >>> [t.label for t in question_terms("哪些段落涉及维持和平行动？")]
    ['维持和平行动']
    >>> [t.label for t in question_terms("Until when was the mandate extended?")]
    ['mandate', 'extend']
    """
    text = question
    found: list[tuple[int, Term]] = []
    for form, forms in _glossary_index():
        pattern = _patterns((form,))[0]
        while True:
            m = pattern.search(text)
            if not m:
                break
            if not any(t.forms == forms for _pos, t in found):
                found.append((m.start(), Term(form, forms, _weight(forms[0]))))
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]
    for start, word in _leftover_words(text):
        if any(word.lower() == t.label.lower() for _p, t in found):
            continue
        if _CJK.search(word):
            found.append((start, Term(word, (word,), _weight(word))))
        else:
            found.append((start, Term(stem(word), (stem(word),), _weight(word))))
    found.sort(key=lambda pt: pt[0])
    unique: dict[tuple[str, ...], Term] = {}
    for _pos, term in found:
        unique.setdefault(term.forms, term)
    return tuple(unique.values())


def _leftover_words(text: str) -> list[tuple[int, str]]:
    words: list[tuple[int, str]] = []
    for m in re.finditer(r"[\u3400-\u9fff\uf900-\ufaff]+", text):
        pos = m.start()
        for token in _tokenizer().cut(m.group(), HMM=False):
            if len(token) >= 2 and token not in _ZH_STOP:
                words.append((pos, token))
            pos += len(token)
    for m in re.finditer(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\-]*|\d{2,}", text):
        word = m.group()
        if word.lower() in _LATIN_STOP or (len(word) < 3 and not word.isdigit()):
            continue
        words.append((m.start(), word))
    return words


def coverage(terms: tuple[Term, ...], text: str) -> float:
    """Weighted share of the terms that occur in `text` (0 when there are no terms)."""
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    return sum(t.weight for t in terms if t.occurs_in(text)) / total


def matched(terms: tuple[Term, ...], text: str) -> tuple[Term, ...]:
    return tuple(t for t in terms if t.occurs_in(text))
