"""A question's content terms, each with every surface form it may take in a paragraph of any
language (through the entity table and the glossary), and where they occur.

    terms = question_terms("Until when was the mandate of UNMISS extended?", analyzer)
    [t.label for t in terms]  # ['UNMISS', 'mandate', 'extend']
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass, replace

from language.glossary import is_generic
from language.scripts import CJK, CJK_RUN, fold
from language.tokenize import LATIN_STOPWORDS, QUESTION_WORDS, STOPWORDS, stem


@dataclass(frozen=True)
class QueryTerm:
    """One content term of a question with every surface form it may take in a paragraph."""

    label: str
    forms: tuple[str, ...]
    weight: float = 1.0
    entity: str | None = None  # the entity id when the term names an entity
    parts: tuple[str, ...] = ()  # forms of narrower glossary terms inside it ("维持和平" in "维持和平行动")
    absent: bool = False  # found in no indexed paragraph (set by weigh_by_rarity)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the term occurs in `text` (character offsets), in text order."""
        found: list[tuple[int, int]] = []
        for pattern in _patterns(self.forms):
            found.extend(m.span() for m in pattern.finditer(text))
        return sorted(set(found))

    def occurs_in(self, text: str) -> bool:
        return any(p.search(text) for p in _patterns(self.forms))

    def partly_occurs_in(self, text: str) -> bool:
        return self.occurs_in(text) or any(p.search(text) for p in _patterns(self.parts))

    @property
    def generic(self) -> bool:
        """A word so common in resolutions (联合国, General Assembly) that it proves nothing alone."""
        return is_generic(self.label) or any(is_generic(f) for f in self.forms)


def _form_kind(form: str) -> str:
    """How a form is matched: "literal" (Chinese), "acronym" (whole, case-sensitive) or "latin"
    (a word prefix, any case)."""
    if CJK.search(form):
        return "literal"
    return "acronym" if form.isupper() and len(form) <= 8 else "latin"


@functools.lru_cache(maxsize=8192)
def _pattern(form: str) -> re.Pattern:
    kind = _form_kind(form)
    if kind == "literal":
        return re.compile(re.escape(form))
    if kind == "acronym":
        return re.compile(r"(?<![A-Za-z0-9])" + re.escape(form) + r"(?![A-Za-z0-9])")
    # Latin forms match as word prefixes: "operation" matches "operations".
    escaped = re.escape(form).replace(r"\ ", r"[\s\-]+").replace("'", "['’]")
    return re.compile(r"(?<![\w])" + escaped + r"[\w\-]*", re.IGNORECASE)


@functools.lru_cache(maxsize=8192)
def _patterns(forms: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    return tuple(_pattern(form) for form in forms)


def _weight(label: str) -> float:
    return 0.3 if is_generic(label) else 1.0


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def question_terms(question: str, analyzer) -> tuple[QueryTerm, ...]:
    """The content terms of a question: entities first, then glossary phrases, then other words.

    `analyzer` is the `language.analyzer.LexicalAnalyzer` (its glossary, entity table, tokenizer).
    """
    text = question
    found: list[tuple[int, QueryTerm]] = []
    table = analyzer.entities
    for mention in table.mentions(question):
        entity = table.by_id[mention.entity]
        forms = tuple(dict.fromkeys((*entity.surface_forms(), *entity.acronyms)))
        # Latin mentions are found on folded text; look for the words again in the question, folded
        # character by character (so that positions stay the question's: "Opération" is "operation").
        words = re.findall(r"[^\W_]+", fold(mention.surface))
        folded = "".join(f if len(f := fold(c)) == 1 else c for c in text)
        m = re.search(r"[\W_]+".join(map(re.escape, words)), folded, re.IGNORECASE) if words else None
        start, label = 0, mention.surface
        if m is not None:
            start, label = m.start(), text[m.start():m.end()]  # as the question writes it
            text = _blank(text, *m.span())
        if not any(t.entity == entity.id for _p, t in found):
            found.append((start, QueryTerm(label, forms, _weight(forms[0]), entity.id)))
    for form, forms in _glossary_index(analyzer):
        pattern = _patterns((form,))[0]
        while True:
            m = pattern.search(text)
            if not m:
                break
            if not any(t.forms == forms for _pos, t in found):
                found.append((m.start(), QueryTerm(form, forms, _weight(forms[0]), parts=_parts(analyzer, forms))))
            text = _blank(text, *m.span())
    for start, word in _leftover_words(text, analyzer.tokenizer):
        if any(word.lower() == t.label.lower() for _p, t in found):
            continue
        label = word if CJK.search(word) else stem(word)
        found.append((start, QueryTerm(label, (label,), _weight(word))))
    found.sort(key=lambda pt: pt[0])
    unique: dict[tuple[str, ...], QueryTerm] = {}
    for _pos, term in found:
        unique.setdefault(term.forms, term)
    return tuple(unique.values())


_GLOSSARY_INDEX: dict[int, tuple] = {}


def _parts(analyzer, forms: tuple[str, ...]) -> tuple[str, ...]:
    """Forms of the other non-generic glossary terms contained in one of `forms`."""
    out = []
    for form, others in _glossary_index(analyzer):
        if others != forms and not is_generic(others[0]) and any(form != f and form in f for f in forms):
            out.extend(others)
    return tuple(dict.fromkeys(out))


def _glossary_index(analyzer) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(form, all forms of its entry), longest form first so phrases win over their parts."""
    key = id(analyzer.glossary)
    if key not in _GLOSSARY_INDEX:
        rows = [(form, term.all_forms()) for term in analyzer.glossary for form in term.all_forms()]
        _GLOSSARY_INDEX[key] = tuple(sorted(rows, key=lambda r: -len(r[0])))
    return _GLOSSARY_INDEX[key]


_INVERSION = re.compile(r"-t-|^est-ce$|-(?:il|elle|ils|elles|on)$", re.IGNORECASE)  # "a-t-il", "est-ce"


def _leftover_words(text: str, tokenizer) -> list[tuple[int, str]]:
    words: list[tuple[int, str]] = []
    for m in CJK_RUN.finditer(text):
        pos = m.start()
        for token in tokenizer.cut(m.group()):
            if len(token) >= 2 and token not in STOPWORDS["zh"] and token not in QUESTION_WORDS:
                words.append((pos, token))
            pos += len(token)
    for m in re.finditer(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ\-]*|\d{2,}", text):
        word = m.group()
        if fold(word) in LATIN_STOPWORDS or fold(word) in QUESTION_WORDS or (len(word) < 3 and not word.isdigit()) or _INVERSION.search(word):
            continue
        words.append((m.start(), word))
    return words


def coverage(terms: tuple[QueryTerm, ...], text: str) -> float:
    """Weighted share of the terms that occur in `text` (0 when there are no terms)."""
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    return sum(t.weight for t in terms if t.occurs_in(text)) / total


def partial_coverage(terms: tuple[QueryTerm, ...], text: str) -> float:
    """Like `coverage`, counting a term whose narrower part occurs ("维持和平部队" for "维持和平行动")."""
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    return sum(t.weight for t in terms if t.partly_occurs_in(text)) / total


def bilingual_coverage(terms: tuple[QueryTerm, ...], text: str, lexicon) -> float:
    """Like `partial_coverage`, counting also a term that occurs in `text` through the bilingual
    lexicon: one of its forms shares a pivot key word for word with the text (`language.bilingual`),
    so "extend" covers "延長" and "annexion" covers "annexation"."""
    total = sum(t.weight for t in terms)
    if not total:
        return 0.0
    keys = lexicon.keys(text)
    return sum(t.weight for t in terms
               if t.partly_occurs_in(text) or any(lexicon.covers(f, keys) for f in t.forms)) / total


def matched(terms: tuple[QueryTerm, ...], text: str) -> tuple[QueryTerm, ...]:
    return tuple(t for t in terms if t.occurs_in(text))


RARITY_SAMPLE = 5000  # paragraphs scanned to estimate a term's rarity
ABSENT_WEIGHT = 1.0  # a term found in no paragraph (the question's own wording, or a missing topic)


def weigh_by_rarity(terms: tuple[QueryTerm, ...], texts, n: int | None = None) -> tuple[QueryTerm, ...]:
    """Scale each term's weight by how rare it is among the indexed paragraphs: a normalized IDF
    in (0, 1]; a term found nowhere weighs ABSENT_WEIGHT. `texts` are the paragraphs, or the
    `rarity_sample` of `n` paragraphs (what a store keeps beside its BM25 index)."""
    texts = tuple(texts)
    if not texts:
        return terms
    n = max(n or 0, len(texts))
    scanned = rarity_sample(texts)
    scale = n / len(scanned)
    out = []
    for term in terms:
        df = _document_frequency(term.forms, scanned) * scale
        rarity = math.log((n + 1) / (df + 1)) / math.log((n + 1) / 2) if df else ABSENT_WEIGHT
        out.append(replace(term, weight=round(term.weight * rarity, 4), absent=not df))
    return tuple(out)


def rarity_sample(texts) -> tuple[str, ...]:
    """The paragraphs a term's rarity is counted in: all of them up to RARITY_SAMPLE, else a fixed
    pseudo-random sample of RARITY_SAMPLE (seeded, so answers are reproducible)."""
    texts = tuple(texts)
    return _sample(texts) if len(texts) > RARITY_SAMPLE else texts


@functools.lru_cache(maxsize=4)
def _sample(texts: tuple[str, ...]) -> tuple[str, ...]:
    import random

    picked = sorted(random.Random(0).sample(range(len(texts)), RARITY_SAMPLE))
    return tuple(texts[i] for i in picked)


_DF_MEMO: dict[tuple[int, tuple[str, ...]], int] = {}


def _document_frequency(forms: tuple[str, ...], texts: tuple[str, ...]) -> int:
    key = (hash(texts), forms)
    if key not in _DF_MEMO:
        if len(_DF_MEMO) > 20000:  # a long-running server asks many questions
            _DF_MEMO.clear()
        _DF_MEMO[key] = _Joined.of(texts).count(forms)
    return _DF_MEMO[key]


class _Joined:
    """Texts joined by NUL into one string, to count the texts a term occurs in by fast literal
    searches (`str.find`) instead of running its regex over every text: a regex that opens with a
    lookbehind is tried at every character. Each literal hit is checked with the term's own pattern
    at that place, so the count is the regex's. No term pattern matches a NUL, and a NUL is neither
    a word character nor a letter or digit, so each text's edges read to the lookarounds as a
    string's edges do. Texts holding a NUL, or whose lower case changes their length, are scanned
    one by one."""

    def __init__(self, texts: tuple[str, ...]):
        self.texts = texts
        self.whole = "\x00".join(texts)
        self.lower = self.whole.lower()
        self.starts, position = [], 0
        for text in texts:
            self.starts.append(position)
            position += len(text) + 1
        self.starts.append(position)  # the end sentinel
        self.exact = len(self.lower) == len(self.whole) and not any("\x00" in text for text in texts)

    @staticmethod
    @functools.lru_cache(maxsize=2)
    def of(texts: tuple[str, ...]) -> "_Joined":
        return _Joined(texts)

    def count(self, forms: tuple[str, ...]) -> int:
        """How many texts at least one of `forms` occurs in (as `QueryTerm.occurs_in` finds it)."""
        if not self.exact:
            patterns = _patterns(forms)
            return sum(1 for text in self.texts if any(p.search(text) for p in patterns))
        found: set[int] = set()
        for form in forms:
            kind = _form_kind(form)
            if kind == "latin":
                anchor = re.match(r"\w+", form)
                if anchor is None:  # no word to look for: the regex over everything
                    found.update(i for i, text in enumerate(self.texts) if _pattern(form).search(text))
                    continue
                haystack, needle, lead = self.lower, anchor.group().lower(), anchor.start()
            else:
                haystack, needle, lead = self.whole, form, 0
            pattern, position = _pattern(form), 0
            # A form that is one word needs only its lookbehind checked: the rest always matches.
            word = kind == "latin" and lead == 0 and len(needle) == len(form)
            whole = self.whole
            while (at := haystack.find(needle, position)) >= 0:
                index = bisect.bisect_right(self.starts, at) - 1
                if index in found or (
                    (at == 0 or not (whole[at - 1].isalnum() or whole[at - 1] == "_")) if word
                    else (at - lead >= self.starts[index] and pattern.match(whole, at - lead))
                ):
                    found.add(index)
                    position = self.starts[index + 1]  # on to the next text
                else:
                    position = at + 1
        return len(found)
