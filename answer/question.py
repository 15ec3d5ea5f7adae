"""Understand a question once: `parse_question` reads a question and the conversation so far into
one frozen `Question` (language, type, what to do, named documents and paragraphs, the kind of
fact wanted, content terms, entities, inherited context), which retrieval, the judge and the
renderer receive instead of re-reading the text.

Rules, not a model: they are short, testable and work in zh, en and fr.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from answer.conversation import Context, Turn, context_of
from answer.model import QuestionType
from language.acts import question_acts
from language.entities import concept_types, is_class_term
from language.facts import Wanted, wanted_of
from language.refs import TYPED_SYMBOL
from language.refwords import ref_named_in
from language.scripts import detect_language
from language.terms import QueryTerm, question_terms, weigh_by_rarity

__all__ = ["Question", "parse_question", "classify", "Wanted"]


_LIST_CUES = (
    # As in English and French, "which paragraphs / articles / resolutions" asks for a list, "which
    # challenges / forms / years" (哪些挑战, 哪几年) for the facts of one answer.
    re.compile(r"哪(?:些|几|幾)\s*[^\s，。？]{0,3}?(?:段落|段|条款|條款|条|條|规定|規定|决议|決議|文件)"
               r"|(?:段落|条款|條款|决议|決議|文件)有哪(?:些|几|幾)|列出|所有.*段|全部.*段|什么段落|有关.*的段落"),
    re.compile(
        r"\b(?:which|what)\s+(?:\w+\s+)?(?:paragraphs|provisions|clauses|parts|sections|resolutions)\b"
        r"|\blist\b|\ball\s+(?:the\s+)?(?:paragraphs|provisions)\b|\bwhere\s+(?:does|do)\b.*\b(?:mention|refer)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:quels|quelles)\s+(?:\w+\s+)?(?:paragraphes|dispositions|alinéas|résolutions)\b|\blist(?:e|er)\b"
        r"|\btous\s+les\s+(?:paragraphes|alinéas)\b",
        re.IGNORECASE,
    ),
)


def classify(question: str) -> QuestionType:
    """Lookup (one fact) or list (every paragraph about something).

    >>> classify("哪些段落涉及维持和平行动？"), classify("Until when was the mandate extended?")
    (<QuestionType.LIST: 'list'>, <QuestionType.LOOKUP: 'lookup'>)
    """
    if any(p.search(question) for p in _LIST_CUES):
        return QuestionType.LIST
    return QuestionType.LOOKUP


_VERSION_REQUEST = (
    ("en", re.compile(r"英文|英语|\bin english\b|\benglish (?:version|text)\b|\ben anglais\b|\bversion anglaise\b", re.I)),
    ("zh", re.compile(r"中文|汉语|\bin chinese\b|\bchinese (?:version|text)\b|\ben chinois\b|\bversion chinoise\b", re.I)),
    ("fr", re.compile(r"法文|法语版|\bin french\b|\bfrench (?:version|text)\b|\ben français\b|\bversion française\b", re.I)),
)
_FOLLOW_UP_CUE = re.compile(
    r"^\s*(?:(?:and\s+)?(?:what|how)\s+about|and\b|also\b|et\s+(?:pour|concernant|sur)?|et\b|qu['’]en\s+est-il|"
    r"那么?|还有|另外|至于|那.*呢)",
    re.I,
)
_CUE_WORDS = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+|^\s*and\s+|^\s*et\s+(?:pour|concernant|sur)?\s*|^\s*qu['’]en\s+est-il\s+(?:de|des|du)?\s*"
    r"|^\s*(?:那么?|还有|另外|至于)\s*|[呢?？!！。.\s]+$",
    re.I,
)


@dataclass(frozen=True)
class Question:
    """A question as understood once, at the entrance."""

    text: str
    lang: str
    qtype: QuestionType  # LOOKUP, LIST or PARAGRAPH
    action: str = "search"  # "search", "version" (same paragraphs, other language), "paragraph" (named)
    query: str = ""  # what to search: the question, or a follow-up's new topic
    wanted: Wanted = Wanted.ANY
    named_symbols: tuple[str, ...] = ()  # registered documents the question names
    unregistered: tuple[str, ...] = ()  # resolution numbers it names that no registered document carries
    ref: str | None = None  # the paragraph it names ("op8")
    terms: tuple[QueryTerm, ...] = ()
    entities: frozenset[str] = frozenset()
    concepts: frozenset[str] = frozenset()  # entity types named by class ("peacekeeping" -> mission)
    class_terms: frozenset[str] = frozenset()  # labels of the terms that name such a class ("维持和平行动")
    acts: frozenset[str] = frozenset()  # the acts it asks about ("demand", "recall": language/acts.py)
    context: Context = field(default_factory=Context)
    scope: tuple[str, ...] = ()  # documents to search first (a follow-up's context)
    target_lang: str | None = None  # of a version request
    forced: bool = False  # the type was given by the caller

    @property
    def is_list(self) -> bool:
        return self.qtype == QuestionType.LIST


def _named_symbols(text: str, known_symbols) -> tuple[str, ...]:
    from index.retrieval import find_named_symbols
    from ingest.symbols import symbol_key, symbols_by_key

    known_symbols = frozenset(known_symbols)
    found = list(find_named_symbols(text, known_symbols)) if known_symbols else []
    by_key = symbols_by_key(known_symbols)
    for m in TYPED_SYMBOL.finditer(text):
        found += by_key.get(symbol_key(m.group(0).strip()), ())
    return tuple(dict.fromkeys(found))


def _unregistered(text: str, known_symbols) -> tuple[str, ...]:
    from index.retrieval import unregistered_numbers

    return tuple(unregistered_numbers(text, frozenset(known_symbols))) if known_symbols else ()


def parse_question(text: str, turns: tuple[Turn, ...] = (), analyzer=None, known_symbols=(),
                   corpus_texts=(), forced: QuestionType | None = None, corpus_size: int | None = None) -> Question:
    """Read `text` (and the conversation `turns`) into a `Question`.

    `analyzer` is the library's `LexicalAnalyzer` (terms and entities are read with it);
    `known_symbols` are the registered documents, so "resolution 2326" becomes "S/RES/2326 (2016)";
    `corpus_texts` weigh the terms by rarity (all the indexed paragraphs' texts, or the store's
    rarity sample of its `corpus_size` paragraphs).

    >>> parse_question("哪些段落涉及维持和平行动？").qtype
    <QuestionType.LIST: 'list'>
    """
    if analyzer is None:
        from language.analyzer import LexicalAnalyzer

        analyzer = LexicalAnalyzer()
    lang = detect_language(text)
    ctx = context_of(turns)
    short = len(text.strip()) <= 40
    ref = ref_named_in(text)
    mentioned = TYPED_SYMBOL.search(text)
    named = _named_symbols(text, known_symbols)
    unregistered = _unregistered(text, known_symbols)
    action, query, qtype, scope, target = "search", text, classify(text), (), None
    for version_lang, pattern in _VERSION_REQUEST:
        if forced is None and pattern.search(text) and ctx.citations and short and ref is None:
            action, scope, target = "version", ctx.symbols, version_lang
            break
    else:
        if ref and (mentioned or ctx.symbols) and forced in (None, QuestionType.PARAGRAPH):
            action, qtype = "paragraph", QuestionType.PARAGRAPH
            scope = (mentioned.group(0).strip(),) if mentioned else ctx.symbols
        elif ctx.last_question and short and _FOLLOW_UP_CUE.search(text):
            query = _CUE_WORDS.sub("", text).strip() or text
            qtype, scope = classify(ctx.last_question), ctx.symbols
    if forced is not None and action == "search":
        qtype = QuestionType.LOOKUP if forced == QuestionType.PARAGRAPH else forced
    terms = weigh_by_rarity(question_terms(query, analyzer), corpus_texts, corpus_size)
    return Question(
        text=text, lang=lang, qtype=qtype, action=action, query=query, wanted=wanted_of(query),
        named_symbols=named, unregistered=unregistered, ref=ref, terms=terms,
        entities=frozenset(t.entity for t in terms if t.entity), concepts=concept_types(query),
        class_terms=frozenset(t.label for t in terms if is_class_term(t.label)),
        acts=question_acts(query, lang), context=ctx, scope=scope,
        target_lang=target, forced=forced is not None,
    )
