"""Tokenization: the one jieba tokenizer (UN glossary and entity names loaded), the Latin word
tokenizer, the stop words (one list per language) and a crude suffix stemmer.

BM25 (index/), question terms (language/terms.py) and the judge all cut text here, so a term that
is one token for the index is one token for the reader.
"""

from __future__ import annotations

import logging
import re
from functools import cached_property

from language.scripts import CJK_RUN, fold

# Hyphens join (UN-Women, Secretary-General); apostrophes split French elisions (l'Assemblée).
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

STOPWORDS = {
    "en": frozenset(
        """a an the of to in on at by for from with about as and or but not no is are was were be been being
        do does did has have it its they them their there here this that these those which what who whom whose
        when where why how many much until till since into onto than then paragraph paragraphs provision
        provisions resolution say says said mention mentions mentioned concern concerns concerning regarding
        refer refers document documents text texts part parts operative preambular all any every list give
        tell me show please also other same version english french chinese""".split()),
    "fr": frozenset(fold(w) for w in
        """le la les l un une des du de d et ou mais pas ne est sont été être qui que quoi quel quelle quels
        quelles quand où comment combien pourquoi dans sur pour par avec sans au aux à ce cette ces il elle
        ils elles y en se sa son ses leur leurs qu s paragraphe paragraphes disposition dispositions alinéa
        alinéas dit disent concerne concernent traite traitent jusqu texte version anglais français
        chinois""".split()),
    "zh": frozenset(
        """的 了 和 与 及 在 是 何时 什么 时候 什么时候 哪些 哪几 哪个 段落 涉及 关于 有关 如何 怎样 吗 呢 ？ ， 。 、 ； ：
        决议 其 之 对 为 中 同 内容 说 提到 那 这 第 段 哪 个 些 由 被 所 请问 一下 怎么 多少 几 谁 哪里 哪儿
        哪一年 哪年 日期 该 把 将 向 从 以 于 并 或 也 还 都 又 有 没有 为何 为什么 列出 所有 全部 提及 谈到 讲
        问题 方面 英文 中文 法文 版本 原文 那么""".split()),
}
LATIN_STOPWORDS = STOPWORDS["en"] | STOPWORDS["fr"]
# Words that ask rather than name what is asked about ("which day", "should", "selon", "citent"):
# left out of a question's terms, kept in BM25 (a paragraph's "should" is its own business). Folded.
QUESTION_WORDS = frozenset(
    """哪项 哪一项 哪一天 哪天 哪一 哪位 何种 何处 多长 多久 多长时间 什么样 几个 几项
    should will would shall could might must under between cite cites cited ask asks asked
    selon sujet citent cite citant mentionnent mentionne evoquent evoque entre quelles""".split())
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


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


def is_stopword(word: str) -> bool:
    return word in STOPWORDS["zh"] or fold(word) in LATIN_STOPWORDS


class Tokenizer:
    """Owns one `jieba.Tokenizer` (never jieba's global one) that knows the glossary's and the
    entity table's Chinese names; loaded lazily on first use."""

    def __init__(self, words: tuple[str, ...] = ()):
        self.words = tuple(dict.fromkeys(w for w in words if w and CJK_RUN.fullmatch(w)))

    @cached_property
    def jieba(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for word in self.words:
            tokenizer.add_word(word, freq=50000)
        return tokenizer

    def cut(self, chinese: str) -> list[str]:
        """Chinese words, the longest dictionary words kept whole (for question terms)."""
        return list(self.jieba.cut(chinese, HMM=False))

    def cut_for_search(self, chinese: str) -> list[str]:
        """Chinese words and their parts ("维持和平行动" and "和平"): BM25 tokens."""
        return list(self.jieba.cut_for_search(chinese))

    def index_tokens(self, text: str) -> list[str]:
        """BM25 tokens: jieba for Chinese runs, folded words for the rest; stop words dropped."""
        out: list[str] = []
        for chunk in re.split(f"({CJK_RUN.pattern})", text):
            if not chunk:
                continue
            if CJK_RUN.fullmatch(chunk):
                out.extend(t for t in self.cut_for_search(chunk) if t.strip() and t not in STOPWORDS["zh"])
            else:
                out.extend(w for w in WORD.findall(fold(chunk)) if w not in LATIN_STOPWORDS)
        return out
