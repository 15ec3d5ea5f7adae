"""The default answerer: composes the answer from the retrieved paragraphs' own sentences,
offline, with no model. It quotes only text it was given, so a document's contents (including
any instructions in it) are data, never commands. Which paragraphs answer is the judge's call
(answer/judge.py); this module only writes.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass

from answer import phrasing
from answer.clauses import clean_quote, quoted_span, short_quote
from answer.judge import Judge, Judgement
from answer.question import Question
from index.hits import Hit
from language.facts import Wanted, find_dates, quantities, render_date, render_quantity
from language.refs import ref_order


@dataclass(frozen=True)
class Extract:
    """What the extractive answerer produced: the text and the ids it cites."""

    text: str
    citations: tuple[str, ...]
    answered: bool


def one_per_citation(judged: list[Judgement], lang: str) -> list[Judgement]:
    """One judgement per `SYMBOL#REF` (the most probable; at a tie, the question's language)."""
    by_id: OrderedDict[str, Judgement] = OrderedDict()
    for j in judged:
        current = by_id.get(j.hit.id)
        if current is None or (j.hit.lang == lang and current.hit.lang != lang and j.p >= current.p - 0.05):
            by_id[j.hit.id] = j
    return list(by_id.values())


def _fact(question: Question, quote: str, source_lang: str) -> str:
    """The fact asked for, written in the question's language, when the quote is in another one: the
    quote's last date for a date question ("until 30 November 1977"), its first count for a number
    question ("六个月" → "6 months")."""
    lang = phrasing.ui_lang(question.lang)
    if lang == phrasing.ui_lang(source_lang):
        return ""
    if question.wanted == Wanted.DATE:
        dates = find_dates(quote)
        return render_date(dates[-1], lang) if dates else ""
    if question.wanted == Wanted.NUMBER:
        counts = quantities(quote)
        return render_quantity(counts[0], lang) if counts else ""
    return ""


def lookup(question: Question, accepted: list[Judgement], judge: Judge) -> Extract:
    """Answer one fact with the best-supported clause of the most probable paragraph."""
    found = one_per_citation(accepted, question.lang)
    if not found:
        return no_answer(question.lang)
    top = found[0]
    hit = top.hit
    start, end = quoted_span(hit.text, hit.lang, judge.best_window(question, top), question.wanted)
    clause = clean_quote(hit.text[start:end], hit.lang) or hit.text.strip()
    text = phrasing.message(
        "lookup", question.lang,
        symbol=hit.symbol, where=phrasing.where(hit, question.lang),
        quote=phrasing.quote(clause, hit.lang), cite=hit.id,
    )
    fact = _fact(question, clause, hit.lang)
    if fact:
        text = phrasing.message("fact", question.lang, fact=fact) + " " + text
    names = phrasing.entity_names(question, clause, hit.lang, judge.entities)
    if names:
        text += " " + names
    return Extract(text, (hit.id,), True)


def listing(question: Question, accepted: list[Judgement]) -> Extract:
    """Every accepted paragraph, grouped by document (documents by their best paragraph),
    in document order within a group."""
    found = one_per_citation(accepted, question.lang)
    if not found:
        return no_answer(question.lang)
    groups: OrderedDict[str, list[Judgement]] = OrderedDict()
    for j in found:
        groups.setdefault(j.hit.symbol, []).append(j)
    lines = [phrasing.message("list_heading", question.lang, n=len(found), d=len(groups))]
    citations: list[str] = []
    for symbol, members in groups.items():
        title = members[0].hit.title
        lines.append("")
        lines.append(f"{symbol}" + (f" — {title}" if title else ""))
        for j in sorted(members, key=lambda j: ref_order(j.hit.ref)):
            lines.append(phrasing.message(
                "list_item", question.lang,
                where=phrasing.where(j.hit, question.lang), cite=j.hit.id,
                quote=phrasing.quote(short_quote(j.hit.text, j.hit.lang, question.terms), j.hit.lang),
            ))
            citations.append(j.hit.id)
    return Extract("\n".join(lines), tuple(citations), True)


def paragraph(hit: Hit, lang: str) -> Extract:
    """A paragraph named by reference, quoted whole."""
    text = phrasing.message(
        "paragraph", lang,
        symbol=hit.symbol, where=phrasing.where(hit, lang),
        quote=phrasing.quote(hit.text.strip(), hit.lang), cite=hit.id,
    )
    if lang != "zh" and text[:1].islower():
        text = text[0].upper() + text[1:]
    return Extract(text, (hit.id,), True)


def no_answer(lang: str) -> Extract:
    return Extract(phrasing.message("noanswer", lang), (), False)
