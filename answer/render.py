"""A readable rendering of an `Answer` for the terminal (`resqa ask` without --json)."""

from __future__ import annotations

from answer.model import Answer
from answer.phrasing import ui_lang
from language.refwords import ref_in_words

_HEADINGS = {"en": "Sources", "zh": "出处", "fr": "Sources"}
_WARNINGS = {"en": "Note", "zh": "注意", "fr": "Remarque"}


def render_text(answer: Answer, width: int = 100) -> str:
    """The answer with `[n]` markers, then the numbered citations with their sources.

    Each source line gives the citation, the paragraph in words, its language and the
    document title, so the answer can be pasted into a note as is.
    """
    lang = ui_lang(answer.lang)
    text = answer.answer
    numbers = {cite: i for i, cite in enumerate(answer.citations, start=1)}
    for cite, n in numbers.items():
        text = text.replace(f"[{cite}]", f"[{n}] [{cite}]")
    lines = [text.rstrip()]
    if answer.citations:
        lines += ["", _HEADINGS[lang] + ":"]
        by_id: dict[str, list] = {}
        for hit in answer.hits:
            by_id.setdefault(hit.id, []).append(hit)
        for cite, n in numbers.items():
            hits = by_id.get(cite, [])
            hit = next((h for h in hits if h.lang == answer.lang), hits[0] if hits else None)
            if hit is None:
                lines.append(f"  [{n}] {cite}")
                continue
            title = f" — {hit.title}" if hit.title else ""
            excerpt = " ".join(hit.text.split())
            if len(excerpt) > width:
                excerpt = excerpt[: width - 1] + "…"
            lines.append(f"  [{n}] {cite} ({ref_in_words(hit.ref, lang)}, {hit.lang}){title}")
            lines.append(f"      {excerpt}")
    for warning in answer.warnings:
        lines.append(f"{_WARNINGS[lang]}: {warning}")
    return "\n".join(lines)
