"""The conversation so far: history normalized to turns, and the context a follow-up inherits
(the citations of the last assistant turn that cited something, the previous question).
How a follow-up uses it is decided once, in answer/question.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from language.refs import CITATION_IN_TEXT

Turn = tuple[str, str]


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
            found = tuple(dict.fromkeys(m.group(0) for m in CITATION_IN_TEXT.finditer(content)))
            if found:
                citations = found
                break
    last_question = next((c for r, c in reversed(turns) if r == "user"), None)
    return Context(citations, last_question)
