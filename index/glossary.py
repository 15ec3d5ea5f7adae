"""The UN term glossary (zh / en / fr) and the tokenizers of the lexical channel.

The glossary serves twice: its Chinese terms go into an owned jieba dictionary,
so "维持和平行动" stays one token as well as its parts, and it expands queries
into the other languages, so BM25 can match a Chinese paragraph for an English
question.
"""

from __future__ import annotations

import csv
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

logger = logging.getLogger(__name__)

GLOSSARY_PATH = Path(__file__).parent / "data" / "un_terms.tsv"
GLOSSARY_LANGS = ("zh", "en", "fr")

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# Hyphens join (UN-Women, Secretary-General); apostrophes split French elisions (l'Assemblée).
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)
# Function words that would otherwise let every English/French paragraph match.
STOPWORDS = frozenset(
    """a an and are as at be by for from has have in is it its of on or that the their this to was were
    which with what does do did about how who whom whose when where why which paragraph paragraphs
    resolution say says concern concerns le la les de des du un une et en au aux à a pour par sur dans
    que qui quoi est sont ce cette ses son leur leurs il elle l d qu s""".split()
)
# Chinese question words and particles that carry no topic.
ZH_STOPWORDS = frozenset(
    "的 了 和 与 及 在 是 何时 什么 哪些 哪个 段落 涉及 关于 有关 如何 怎样 吗 呢 ？ ， 。 、 ； ： 决议 其 之 对 为 中".split()
)


# Terms so common in resolutions that they identify nothing: never translated on their own.
GENERIC_TERMS = frozenset({
    "united nations", "general assembly", "security council", "resolution", "secretary-general",
    "member states", "report", "session", "decides", "requests", "organization", "international",
    "cooperation", "human rights", "mandate",
})


ALTERNATIVES = " | "  # a cell may list variants: "维持和平行动 | 维和行动"; the first is the display form


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    fr: str
    variants: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())  # zh, en, fr

    def in_lang(self, lang: str) -> str:
        return getattr(self, lang)

    def forms(self, lang: str) -> tuple[str, ...]:
        """Every surface form in `lang`, the display form first."""
        return (self.in_lang(lang), *self.variants[GLOSSARY_LANGS.index(lang)])


def fold(text: str) -> str:
    """Lowercase and strip accents: "Secrétaire général" -> "secretaire general"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def load_glossary(path: Path = GLOSSARY_PATH) -> tuple[Term, ...]:
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            cells = [[v.strip() for v in (row.get(k, "") or "").split(ALTERNATIVES.strip()) if v.strip()]
                     for k in GLOSSARY_LANGS]
            zh, en, fr = cells
            if zh and en:
                fr = fr or en
                terms.append(Term(zh[0], en[0], fr[0], (tuple(zh[1:]), tuple(en[1:]), tuple(fr[1:]))))
    return tuple(terms)


ANALYZER_VERSION = 1  # bump when the tokenizer's rules change


class LexicalAnalyzer:
    """Turns text into BM25 tokens: jieba `cut_for_search` for Chinese (with an owned
    `jieba.Tokenizer` that knows the glossary), a lowercasing, accent-folding word
    tokenizer for Latin script. Loads lazily; one per Library."""

    def __init__(self, glossary: tuple[Term, ...] | None = None):
        self._glossary = glossary

    @cached_property
    def glossary(self) -> tuple[Term, ...]:
        return self._glossary if self._glossary is not None else load_glossary()

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the tokenization: stored tokens made under another glossary are stale."""
        import hashlib

        rows = "\n".join("\t".join(str(v) for v in vars(t).values()) for t in self.glossary)
        return hashlib.sha256(f"{ANALYZER_VERSION}\n{rows}".encode("utf-8")).hexdigest()[:16]

    @cached_property
    def _jieba(self):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tokenizer = jieba.Tokenizer()
        for term in self.glossary:
            for form in term.forms("zh"):
                for word in form.split():
                    tokenizer.add_word(word, freq=2000)
        return tokenizer

    @cached_property
    def _latin_index(self) -> tuple[tuple[tuple[str, ...], Term], ...]:
        """(folded word sequence, term) for en and fr forms, longest first."""
        entries = []
        for term in self.glossary:
            for form in {*term.forms("en"), *term.forms("fr")}:
                words = tuple(w for w in _WORD.findall(fold(form)))
                if words:
                    entries.append((words, term))
        return tuple(sorted(entries, key=lambda e: -len(e[0])))

    def tokens(self, text: str) -> list[str]:
        out: list[str] = []
        for chunk in re.split(r"([\u3400-\u9fff\uf900-\ufaff]+)", text):
            if not chunk:
                continue
            if _CJK.match(chunk):
                out.extend(
                    t for t in self._jieba.cut_for_search(chunk) if t.strip() and t not in ZH_STOPWORDS
                )
            else:
                out.extend(w for w in _WORD.findall(fold(chunk)) if w not in STOPWORDS)
        return out

    def matched_terms(self, text: str) -> list[Term]:
        """Glossary terms that occur in `text` (Chinese by substring, Latin by word sequence)."""
        found: list[Term] = []
        folded_words = _WORD.findall(fold(text))
        for term in self.glossary:
            # A Chinese form with a space lists parts that must all occur ("任务 延长").
            if any(form.split() and all(part in text for part in form.split()) for form in term.forms("zh")):
                found.append(term)
        for words, term in self._latin_index:
            n = len(words)
            if term not in found and any(
                tuple(folded_words[i : i + n]) == words for i in range(len(folded_words) - n + 1)
            ):
                found.append(term)
        return found

    def translate(self, query: str, lang: str) -> str:
        """The query's glossary terms in `lang`, joined: a keyword query for that language's
        paragraphs ("Until when was the mandate of UNMISS extended?" -> "南苏丹特派团 任务 延长").
        Terms already written in `lang` in the query are left out; "" when nothing translates.
        """
        if lang not in GLOSSARY_LANGS:
            return ""
        folded = fold(query)
        words: list[str] = []
        for term in self.matched_terms(query):
            if fold(term.en) in GENERIC_TERMS:
                continue
            target = term.in_lang(lang)
            if lang == "zh":
                if all(part in query for part in target.split()):
                    continue
            elif fold(target) in folded:
                continue
            for word in target.split() if lang == "zh" else [target]:
                if word not in words:
                    words.append(word)
        return " ".join(words)

    def query_tokens(self, query: str, expand: bool = True) -> list[str]:
        """Tokens of the query plus, when `expand`, of its glossary terms in zh, en and fr."""
        tokens = self.tokens(query)
        if expand:
            for term in self.matched_terms(query):
                if fold(term.en) in GENERIC_TERMS:
                    continue  # "决议" -> "resolution" would match every paragraph
                for lang in GLOSSARY_LANGS:
                    tokens.extend(self.tokens(term.in_lang(lang)))
        return list(dict.fromkeys(tokens))  # a repeated token would count twice in BM25
