"""Lineage questions: "What does resolution 1454 (2002) recall?", "第2326(2016)号决议回顾了哪些决议？",
"Which resolutions cite resolution 660 (1990)?", "Quelles résolutions citent la résolution 52/2 ?".

Answered from the links index (`Library.links`): the cited (or citing) documents, whether each is
indexed, and the paragraph citation where each citation stands. Those paragraphs are the answer's
hits, so the usual rule holds: an Answer cites only paragraphs it shows.

    answer = lineage.answer(library, question, turns, lang)   # None: not a lineage question
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answer.model import Answer
from answer.tables import fill, showing
from ingest.citations import symbols_named
from ingest.symbols import symbols_equal
from language.refwords import ref_in_words

QTYPE = "lineage"
MAX_REFS = 4  # paragraph citations shown per cited or citing document

_VERB = (r"recall(?:s|ed)?|cit(?:e|es|ed|ing)|refer(?:s|red)?\s+to|mention(?:s|ed)?|reaffirm(?:s|ed)?|invoke(?:s|d)?"
         r"|rappell?e(?:nt)?|cit(?:e|ent)|mentionne(?:nt)?|vise(?:nt)?|se\s+r[ée]f[èe]re(?:nt)?|r[ée]affirme(?:nt)?"
         r"|回顾|回顧|引用|援引|提及|提到|重申")
_VERB_RE = re.compile(_VERB, re.I)
_WHICH_DOCS = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:resolutions?|documents?|decisions?|texts?)\b|\bwho\b"
    r"|quel(?:le)?s?\s+(?:\w+\s+)?(?:r[ée]solutions?|documents?|textes?|d[ée]cisions?)|哪些|哪几|什么决议|何种", re.I)
_PASSIVE = re.compile(r"\bcited\s+by\b|\bcit[ée]e?s?\s+par\b|被.{0,8}(?:引用|援引|提及|回顾)", re.I)


@dataclass(frozen=True)
class LineageQuestion:
    symbol: str
    direction: str  # "cites" (what X recalls) or "cited_by" (who cites X)


def detect(question: str) -> LineageQuestion | None:
    """A lineage question names one document and asks what it cites, or who cites it.

    >>> detect("Which resolutions cite resolution 660 (1990)?")
    LineageQuestion(symbol='S/RES/660 (1990)', direction='cited_by')
    >>> detect("第2326(2016)号决议回顾了哪些决议？").direction
    'cites'
    """
    verb = _VERB_RE.search(question)
    symbols = symbols_named(question)
    if verb is None or len(symbols) != 1:
        return None
    symbol_at = _first_symbol_position(question)
    which = _WHICH_DOCS.search(question)
    if _PASSIVE.search(question):
        return LineageQuestion(symbols[0], "cited_by")
    if which and which.start() < verb.start() and symbol_at > verb.start():
        return LineageQuestion(symbols[0], "cited_by")
    if which is None and not re.search(r"\b(?:what|which|que|qu['’]|quoi|quel(?:le)?s?)\b|什么|哪些", question, re.I):
        return None  # "does X recall Y?" is a lookup, not a listing
    return LineageQuestion(symbols[0], "cites")


def _first_symbol_position(question: str) -> int:
    """Where the document is named: its number with "(year)" or "/", or a full symbol (not a year)."""
    m = re.search(r"\b[AS]/|(?<![\d/])\d{1,4}\s*[(（/]", question)
    return m.start() if m else len(question)


_TEXT = {
    "cites_head": {
        "en": "{symbol} cites {n} document(s) ({k} indexed):",
        "zh": "{symbol} 引用了 {n} 份文件（其中 {k} 份已索引）：",
        "fr": "{symbol} cite {n} document(s) ({k} indexé(s)) :",
    },
    "cited_by_head": {
        "en": "{n} indexed document(s) cite {symbol}{state}:",
        "zh": "已索引的文件中有 {n} 份引用了 {symbol}{state}：",
        "fr": "{n} document(s) indexé(s) citent {symbol}{state} :",
    },
    "none_cited_by": {
        "en": "No indexed document cites {symbol}{state}.",
        "zh": "已索引的文件中没有引用 {symbol} 的文件{state}。",
        "fr": "Aucun document indexé ne cite {symbol}{state}.",
    },
    "none_cites": {
        "en": "{symbol} cites no other document.",
        "zh": "{symbol} 没有引用其他文件。",
        "fr": "{symbol} ne cite aucun autre document.",
    },
    "not_indexed": {
        "en": "{symbol} is not in the index, so what it cites is unknown.",
        "zh": "{symbol} 不在索引中，无法得知它引用了哪些文件。",
        "fr": "{symbol} n'est pas dans l'index : ce qu'elle cite est inconnu.",
    },
    "indexed": {"en": "indexed", "zh": "已索引", "fr": "indexé"},
    "not_indexed_word": {"en": "not indexed", "zh": "未索引", "fr": "non indexé"},
    "in": {"en": "in", "zh": "见", "fr": "dans"},
    "cited_state_in": {"en": " (itself indexed)", "zh": "（该文件本身已索引）", "fr": " (elle-même indexée)"},
    "cited_state_out": {"en": " (itself not indexed)", "zh": "（该文件本身未索引）", "fr": " (elle-même non indexée)"},
}


def _t(key: str, lang: str, **values) -> str:
    return fill(_TEXT, key, lang, **values)


def _version(langs, lang: str) -> str | None:
    """The language version to quote: the question's if indexed, else the first indexed one."""
    langs = list(langs)
    return lang if lang in langs else (langs[0] if langs else None)


def _refs_text(symbol: str, refs, lang: str) -> str:
    shown = list(refs)[:MAX_REFS]
    more = "" if len(refs) <= MAX_REFS else f" (+{len(refs) - MAX_REFS})"
    return ", ".join(f"{ref_in_words(r, lang)} [{symbol}#{r}]" for r in shown) + more


def answer(library, question: str, turns=(), lang: str = "en") -> Answer | None:
    """The lineage answer, or None when `question` is not a lineage question."""
    asked = detect(question)
    if asked is None or not hasattr(library, "links"):
        return None
    links = library.links(asked.symbol)
    if asked.direction == "cites":
        return _cites(library, links, lang)
    return _cited_by(library, links, lang)


def _hits_for(library, symbol: str, lang: str, refs) -> list:
    wanted = set(refs)
    return [h for h in library.paragraphs(symbol, lang) if h.ref in wanted]


def _cites(library, links: dict, lang: str) -> Answer:
    symbol = links["symbol"]
    if not links["indexed"]:
        return Answer(_t("not_indexed", lang, symbol=symbol), (), (), "noanswer", lang)
    cites = [c for c in links["cites"] if c["kind"] != "document"]
    if not cites:
        return Answer(_t("none_cites", lang, symbol=symbol), (), (), QTYPE, lang)
    indexed_langs = {lg for c in cites for lg in c.get("langs", ())}
    version = _version(sorted(indexed_langs), lang)
    hits, lines = [], [_t("cites_head", lang, symbol=symbol, n=len(cites), k=sum(c["indexed"] for c in cites))]
    for c in cites:
        refs = c["refs"] if version in c.get("langs", (version,)) else []
        found = _hits_for(library, symbol, version, refs)
        hits.extend(found[:MAX_REFS])
        state = _t("indexed" if c["indexed"] else "not_indexed_word", lang)
        where = _refs_text(symbol, [h.ref for h in found], lang)
        lines.append(f"- {c['symbol']} ({state}) — {_t('in', lang)} {where}" if where else f"- {c['symbol']} ({state})")
    return _finish(lines, hits, lang)


def _cited_by(library, links: dict, lang: str) -> Answer:
    symbol = links["symbol"]
    state = _t("cited_state_in" if links["indexed"] else "cited_state_out", lang)
    citing = links["cited_by"]
    if not citing:
        return Answer(_t("none_cited_by", lang, symbol=symbol, state=state), (), (), "noanswer", lang)
    hits, lines = [], [_t("cited_by_head", lang, n=len(citing), symbol=symbol, state=state)]
    for c in citing:
        version = _version(c.get("langs", ()), lang)
        found = _hits_for(library, c["symbol"], version, c["refs"])
        hits.extend(found[:MAX_REFS])
        title = f" ({c['title']})" if _informative(c.get("title"), c["symbol"]) else ""
        lines.append(f"- {c['symbol']}{title} — {_t('in', lang)} {_refs_text(c['symbol'], [h.ref for h in found], lang)}")
    return _finish(lines, hits, lang)


def _informative(title: str | None, symbol: str) -> bool:
    """A title worth printing: not the symbol again ("Resolution 661 (1990) of 6 August 1990")."""
    if not title or symbols_equal(title, symbol):
        return False
    number = re.search(r"\d+", symbol.split("/")[-1])
    return not (number and re.match(rf"^(?:Resolution\s+|Résolution\s+|第\s*)?{number.group(0)}\b", title, re.I))


def _finish(lines: list[str], hits: list, lang: str) -> Answer:
    return showing("\n".join(lines), hits, QTYPE, lang)
