"""Answers to take away: Markdown, Word (.docx) and JSON of an answer or a conversation.

Every citation travels with what a reader needs to check it without resqa: its
`SYMBOL#REF`, the paragraph in words ("operative paragraph 7"), the language of the
quoted version, the document title and the quoted paragraph itself.

    turn = export_turn(question, answer)          # from an `Answer`
    to_markdown([turn]); to_docx([turn]) -> bytes; turn.to_json()

The CLI (`resqa ask --format md`), the chat (copy as Markdown, download .md/.docx)
and the MCP server all render through this module.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass

from answer.phrasing import language_name, ui_lang
from language.refwords import ref_in_words

_WORDS = {
    "en": {"question": "Question", "answer": "Answer", "sources": "Sources", "note": "Note",
           "title": "resqa conversation"},
    "zh": {"question": "问题", "answer": "回答", "sources": "出处", "note": "注意", "title": "resqa 对话"},
    "fr": {"question": "Question", "answer": "Réponse", "sources": "Sources", "note": "Remarque",
           "title": "Conversation resqa"},
}


@dataclass(frozen=True)
class Source:
    """One cited paragraph, as quoted in an export."""

    n: int
    cite: str  # SYMBOL#REF
    symbol: str
    ref: str
    where: str  # the ref in words, in the answer's language
    lang: str  # language of the quoted version
    language: str  # that language's name, in the answer's language
    title: str
    text: str

    def to_json(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ExportTurn:
    question: str
    answer: str
    lang: str
    sources: tuple[Source, ...] = ()
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict:
        return {"question": self.question, "answer": self.answer, "lang": self.lang,
                "sources": [s.to_json() for s in self.sources], "warnings": list(self.warnings)}

    @classmethod
    def from_json(cls, data: Mapping) -> "ExportTurn":
        return cls(str(data.get("question", "")), str(data.get("answer", "")), str(data.get("lang", "en")),
                   tuple(Source(**s) for s in data.get("sources", ())), tuple(data.get("warnings", ())))


def sources_of(answer) -> tuple[Source, ...]:
    """The cited paragraphs of an `Answer`, numbered in citation order.

    The quoted version is the one in the answer's language when it was retrieved,
    else the first retrieved version.
    """
    lang = ui_lang(answer.lang)
    by_id: dict[str, list] = {}
    for hit in answer.hits:
        by_id.setdefault(hit.id, []).append(hit)
    out = []
    for n, cite in enumerate(answer.citations, start=1):
        hits = by_id.get(cite, [])
        hit = next((h for h in hits if h.lang == answer.lang), hits[0] if hits else None)
        symbol, _, ref = cite.rpartition("#")
        if hit is None:
            out.append(Source(n, cite, symbol, ref, ref_in_words(ref, lang), "", "", "", ""))
            continue
        out.append(Source(n, cite, hit.symbol, hit.ref, ref_in_words(hit.ref, lang), hit.lang,
                          language_name(hit.lang, lang), hit.title or "", " ".join(hit.text.split())))
    return tuple(out)


def export_turn(question: str, answer, warnings: Sequence[str] | None = None) -> ExportTurn:
    """An `Answer` (and the question it answers) ready to export."""
    shown = tuple(answer.warnings if warnings is None else warnings)
    return ExportTurn(question, answer.answer, answer.lang, sources_of(answer), shown)


def _words(lang: str) -> dict[str, str]:
    return _WORDS[ui_lang(lang)]


def _md_quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.splitlines() or [""])


def source_line(source: Source) -> str:
    """`S/RES/2326 (2016)#op1 — operative paragraph 1, English — <title>` (no markup)."""
    parts = [source.cite, ", ".join(p for p in (source.where, source.language) if p)]
    if source.title:
        parts.append(source.title)
    return " — ".join(p for p in parts if p)


def turn_markdown(turn: ExportTurn, heading_level: int = 2) -> str:
    """One question and answer in Markdown, each citation with its quoted paragraph."""
    words = _words(turn.lang)
    hashes = "#" * heading_level
    lines = [f"{hashes} {words['question']}: {turn.question.strip()}", "", turn.answer.strip(), ""]
    for warning in turn.warnings:
        lines += [f"*{words['note']}: {warning}*", ""]
    if turn.sources:
        lines += [f"**{words['sources']}**", ""]
        for s in turn.sources:
            cite, _, rest = source_line(s).partition(" — ")
            lines.append(f"{s.n}. `{cite}` — {rest}" if rest else f"{s.n}. `{cite}`")
            if s.text:
                lines += ["", "   " + _md_quote(s.text).replace("\n", "\n   "), ""]
    return "\n".join(lines).rstrip() + "\n"


def to_markdown(turns: Sequence[ExportTurn]) -> str:
    """A conversation (or one answer) as a Markdown document."""
    if len(turns) == 1:
        return turn_markdown(turns[0], heading_level=2)
    title = _words(turns[0].lang if turns else "en")["title"]
    return f"# {title}\n\n" + "\n".join(turn_markdown(t, heading_level=2) for t in turns)


def to_docx(turns: Sequence[ExportTurn]) -> bytes:
    """A conversation as a Word document: questions as headings, sources as a numbered
    list, each quoted paragraph in the Quote style."""
    from docx import Document as WordDocument

    word = WordDocument()
    word.add_heading(_words(turns[0].lang if turns else "en")["title"], level=1)
    for turn in turns:
        words = _words(turn.lang)
        word.add_heading(f"{words['question']}: {turn.question.strip()}", level=2)
        for block in turn.answer.strip().split("\n"):
            if block.strip():
                word.add_paragraph(block.strip())
        for warning in turn.warnings:
            word.add_paragraph(f"{words['note']}: {warning}").runs[0].italic = True
        if turn.sources:
            word.add_heading(words["sources"], level=3)
            for s in turn.sources:
                cite, _, rest = source_line(s).partition(" — ")
                item = word.add_paragraph(style="List Number")
                item.add_run(cite).bold = True
                if rest:
                    item.add_run(" — " + rest)
                if s.text:
                    word.add_paragraph(s.text, style="Quote")
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
