"""What the assistant returns: an `Answer` with validated `SYMBOL#REF` citations."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.hits import Hit


class QuestionType(StrEnum):
    LOOKUP = "lookup"  # one fact: a sentence or clause answers it
    LIST = "list"  # every paragraph that concerns something
    PARAGRAPH = "paragraph"  # "what does paragraph 8 say?": a paragraph named by reference
    NOANSWER = "noanswer"  # the result type when the documents don't cover the question


class Backend(StrEnum):
    EXTRACTIVE = "extractive"
    LLM = "llm"


@dataclass(frozen=True)
class CheckedCitations:
    """The outcome of checking an answer's citations against the retrieved paragraphs.

    `kept` are the valid citations in order of first appearance (no duplicates);
    `removed` are the citation-like strings that were dropped; `text` is the answer
    with the removed ones taken out.
    """

    text: str
    kept: tuple[str, ...]
    removed: tuple[str, ...]
    uncited: bool = False  # the text made claims but carried no valid citation

    @property
    def ok(self) -> bool:
        return not self.removed and not self.uncited


@dataclass(frozen=True)
class Answer:
    answer: str
    citations: tuple[str, ...]
    hits: tuple[Hit, ...]
    qtype: str
    lang: str
    warnings: tuple[str, ...] = ()
    backend: str = Backend.EXTRACTIVE.value

    def __post_init__(self) -> None:
        if not isinstance(self.citations, tuple) or not isinstance(self.hits, tuple):
            raise ValueError("Answer.citations and Answer.hits must be tuples")
        retrieved = {h.id for h in self.hits}
        stray = [c for c in self.citations if c not in retrieved]
        if stray:
            # The one invariant the issue asks for: nothing is cited that was not retrieved.
            raise ValueError(f"answer cites paragraphs that were not retrieved: {stray}")

    def to_json(self) -> dict:
        return {
            "answer": self.answer,
            "citations": list(self.citations),
            "hits": [h.to_json() for h in self.hits],
            "qtype": self.qtype,
            "lang": self.lang,
            "warnings": list(self.warnings),
            "backend": self.backend,
        }
