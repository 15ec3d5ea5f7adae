"""The default answerer: composes the answer from the retrieved paragraphs' own
sentences, offline, with no model. It can only quote text it was given, so a
document's contents (including any instructions in it) are data, never commands.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from dataclasses import dataclass

from answer import evidence, phrasing
from answer.evidence import LOOKUP_DEPTH, Support, supporting
from answer.question import Wanted
from answer.terms import Term
from index.hits import Hit

_MONTHS_EN = "January|February|March|April|May|June|July|August|September|October|November|December"
_MONTHS_FR = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_WANTED_PATTERNS = {
    Wanted.DATE: re.compile(
        rf"\d{{4}}\s*年(?:\s*\d{{1,2}}\s*月)?(?:\s*\d{{1,2}}\s*日)?|\d{{1,2}}\s+(?:{_MONTHS_EN})\s+\d{{4}}"
        rf"|(?:{_MONTHS_EN})\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}(?:er)?\s+(?:{_MONTHS_FR})\s+\d{{4}}"
        rf"|(?:{_MONTHS_EN}|{_MONTHS_FR})\s+\d{{4}}|\b(?:19|20)\d{{2}}\b",
        re.IGNORECASE,
    ),
    Wanted.NUMBER: re.compile(
        r"\d+|[一二三四五六七八九十百千万两]+|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
        r"fifteen|twenty|hundred|thousand)\b|\b(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\b",
        re.IGNORECASE,
    ),
    Wanted.NAME: re.compile(r"[\u3400-\u9fff]{2,}(?:组织|国|署|会|院|委员会)|\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+)+"),
}
_ZH_CLAUSE_END = re.compile(r"[，；。：！？,;]")
_LATIN_CLAUSE_END = re.compile(r"[;:!?]|,(?!\d)|\.(?=\s|$)")
# Operative and preambular openers are the resolution's voice, not the fact asked for.
_ZH_OPENER = re.compile(
    r"^(?:又|还|并|也)?(?:欣见|欢迎|鼓励|满意地注意到|注意到|表示注意到|赞赏|邀请|请|决定|感谢|回顾|铭记|申明|"
    r"深信|重申|强调|敦促|呼吁|吁请|促请)\s*"
)
_ITEM_MARK = re.compile(r"^\s*(?:\(?[a-z0-9ivx]{1,4}[.)]|\d+\.)\s+")
LIST_QUOTE_CHARS = {"zh": 60, "other": 160}


def clauses(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the clauses of a paragraph, splitting zh at ，；。 and en/fr at , ; ."""
    splitter = _ZH_CLAUSE_END if lang == "zh" or re.search(r"[\u3400-\u9fff]", text) else _LATIN_CLAUSE_END
    spans, start = [], 0
    for m in splitter.finditer(text):
        if text[start : m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _clean_quote(fragment: str, lang: str) -> str:
    fragment = _ITEM_MARK.sub("", fragment.strip())
    if lang == "zh":
        stripped = _ZH_OPENER.sub("", fragment)
        fragment = stripped if len(stripped) >= 6 else fragment
    return fragment.strip(" ，；。,;:：")


@dataclass(frozen=True)
class Extract:
    """What the extractive answerer produced: the text and the ids it cites."""

    text: str
    citations: tuple[str, ...]
    answered: bool


def _window_score(text: str, span: tuple[int, int], terms: tuple[Term, ...], wanted: Wanted) -> float:
    piece = text[span[0] : span[1]]
    total = sum(t.weight for t in terms) or 1.0
    score = sum(t.weight for t in terms if t.occurs_in(piece)) / total
    pattern = _WANTED_PATTERNS.get(wanted)
    if pattern and pattern.search(piece):
        score += 0.6
    return score


def best_clause(text: str, lang: str, terms: tuple[Term, ...], wanted: Wanted) -> str:
    """The verbatim clause (or run of up to three clauses) that best answers the question."""
    spans = clauses(text, lang)
    if not spans:
        return text.strip()
    best, best_score = spans[0], -1.0
    for i in range(len(spans)):
        for width in (1, 2, 3):
            if i + width > len(spans):
                break
            span = (spans[i][0], spans[i + width - 1][1])
            score = _window_score(text, span, terms, wanted) - 0.03 * width
            if score > best_score + 1e-9:
                best, best_score = span, score
    return _clean_quote(text[best[0] : best[1]], lang)


def short_quote(text: str, lang: str, terms: tuple[Term, ...]) -> str:
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


def _prefer(candidates: list[Support], lang: str) -> list[Support]:
    """One support per citation: the question's language version when it also supports."""
    by_id: OrderedDict[str, Support] = OrderedDict()
    for s in candidates:
        current = by_id.get(s.hit.id)
        if current is None or (s.hit.lang == lang and current.hit.lang != lang and s.coverage >= current.coverage):
            by_id[s.hit.id] = s
    return list(by_id.values())


def lookup(hits: list[Hit], terms: tuple[Term, ...], wanted: Wanted, lang: str) -> Extract:
    """Answer one fact with the best supporting clause, quoted, with its citation."""
    found = _prefer(supporting(hits, terms, depth=LOOKUP_DEPTH), lang)
    if not found:
        return no_answer(lang)
    pattern = _WANTED_PATTERNS.get(wanted)

    def rank(s: Support) -> tuple:
        has_wanted = bool(pattern and pattern.search(s.hit.text))
        return (round(s.coverage, 3) + (0.5 if has_wanted else 0.0), s.hit.lang == lang, -s.rank)

    top = max(found, key=rank)
    clause = best_clause(top.hit.text, top.hit.lang, terms, wanted)
    text = phrasing.message(
        "lookup", lang,
        symbol=top.hit.symbol,
        where=phrasing.ref_in_words(top.hit.ref, lang),
        quote=phrasing.quote(clause, top.hit.lang),
        cite=top.hit.id,
    )
    return Extract(text, (top.hit.id,), True)


def listing(hits: list[Hit], terms: tuple[Term, ...], lang: str) -> Extract:
    """Every supporting paragraph, grouped by document, in document order within a group."""
    found = _prefer(supporting(hits, terms, min_coverage=evidence.LIST_MIN_COVERAGE), lang)
    if not found:
        return no_answer(lang)
    groups: OrderedDict[str, list[Support]] = OrderedDict()
    for s in sorted(found, key=lambda s: (-s.coverage, s.rank)):
        groups.setdefault(s.hit.symbol, []).append(s)
    lines = [phrasing.message("list_heading", lang, n=len(found), d=len(groups))]
    citations: list[str] = []
    for symbol, members in groups.items():
        title = members[0].hit.title
        lines.append("")
        lines.append(f"{symbol}" + (f" — {title}" if title else ""))
        for s in sorted(members, key=lambda s: phrasing.ref_order(s.hit.ref)):
            lines.append(phrasing.message(
                "list_item", lang,
                where=phrasing.ref_in_words(s.hit.ref, lang),
                cite=s.hit.id,
                quote=phrasing.quote(short_quote(s.hit.text, s.hit.lang, s.terms), s.hit.lang),
            ))
            citations.append(s.hit.id)
    return Extract("\n".join(lines), tuple(citations), True)


def paragraph(hit: Hit, lang: str) -> Extract:
    """A paragraph named by reference, quoted whole."""
    text = phrasing.message(
        "paragraph", lang,
        symbol=hit.symbol,
        where=phrasing.ref_in_words(hit.ref, lang),
        quote=phrasing.quote(hit.text.strip(), hit.lang),
        cite=hit.id,
    )
    if lang != "zh" and text[:1].islower():
        text = text[0].upper() + text[1:]
    return Extract(text, (hit.id,), True)


def no_answer(lang: str) -> Extract:
    return Extract(phrasing.message("noanswer", lang), (), False)
