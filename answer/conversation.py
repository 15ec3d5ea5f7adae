"""Follow-up questions resolved against the previous turns.

"那英文版本呢？" asks for the same paragraphs in another language, "what does
paragraph 8 say?" names a paragraph of the document in context, and "and what
about women?" keeps the previous question's type and documents with a new topic.
The context is read from the assistant turns, whose citations are `SYMBOL#REF`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from answer.citations import _BARE
from answer.model import QuestionType
from answer.question import classify, named_ref

Turn = tuple[str, str]

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


def normalize_history(history: Iterable) -> tuple[Turn, ...]:
    """Accept `(role, content)` pairs or Gradio "messages" dicts; keep text turns only."""
    turns: list[Turn] = []
    for item in history or ():
        if isinstance(item, Mapping):
            role, content = item.get("role"), item.get("content")
        else:
            role, content = item[0], item[1]
        if isinstance(content, list):  # Gradio may send content parts
            content = " ".join(p.get("text", "") if isinstance(p, Mapping) else str(p) for p in content)
        if role in ("user", "assistant") and isinstance(content, str) and content.strip():
            turns.append((role, content))
    return tuple(turns)


@dataclass(frozen=True)
class Context:
    """What the conversation so far points at."""

    citations: tuple[str, ...] = ()  # SYMBOL#REF of the last assistant turn that cited anything
    last_question: str | None = None

    @property
    def symbols(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.rpartition("#")[0] for c in self.citations))


def context_of(turns: tuple[Turn, ...]) -> Context:
    citations: tuple[str, ...] = ()
    for role, content in reversed(turns):
        if role == "assistant":
            found = tuple(dict.fromkeys(m.group(0) for m in _BARE.finditer(content)))
            if found:
                citations = found
                break
    last_question = next((c for r, c in reversed(turns) if r == "user"), None)
    return Context(citations, last_question)


@dataclass(frozen=True)
class Plan:
    """How to answer: a version of earlier paragraphs, a named paragraph, or a search."""

    kind: str  # "version", "paragraph", "search"
    query: str
    qtype: QuestionType | None = None
    symbols: tuple[str, ...] = ()  # documents the context points at
    refs: tuple[str, ...] = ()  # citations (version) or the named ref (paragraph)
    target_lang: str | None = None


def _mentioned_symbol(question: str) -> str | None:
    m = re.search(r"\b[AS]/(?:RES/)?[A-Z0-9.\-]+(?:/[A-Z0-9.\-]+)*(?:\s*\([A-Z0-9\-]+\))?", question, re.I)
    return m.group(0).strip() if m else None


def plan(question: str, turns: tuple[Turn, ...]) -> Plan:
    """Decide how to answer `question` given the previous turns.

    >>> plan("那英文版本呢？", (("user", "q"), ("assistant", "… [A/67/L.X#op7] [A/67/L.X#op8]"))).kind
    'version'
    """
    ctx = context_of(turns)
    short = len(question.strip()) <= 40
    for lang, pattern in _VERSION_REQUEST:
        if pattern.search(question) and ctx.citations and short and named_ref(question) is None:
            return Plan("version", question, symbols=ctx.symbols, refs=ctx.citations, target_lang=lang)
    ref = named_ref(question)
    if ref:
        symbol = _mentioned_symbol(question)
        symbols = (symbol,) if symbol else ctx.symbols
        if symbols:
            return Plan("paragraph", question, QuestionType.PARAGRAPH, symbols=symbols, refs=(ref,))
    if ctx.last_question and short and _FOLLOW_UP_CUE.search(question):
        topic = _CUE_WORDS.sub("", question).strip() or question
        return Plan("search", topic, classify(ctx.last_question), symbols=ctx.symbols)
    return Plan("search", question)
