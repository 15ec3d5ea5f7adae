"""The gold-set loader: one JSON question per line, validated, with the bad line named.

    {"id": "q001", "question": "...", "lang": "zh", "type": "list",
     "relevant": ["A/67/L.X#op7"], "answer_contains": []}

The gold files themselves live in `eval/gold/` (a data folder, not a package).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ingest.model import LANGUAGES
from language.refs import split_citation
from resqa.errors import ParseError

QUESTION_TYPES = ("lookup", "list", "crosslingual", "noanswer", "lineage", "change")
REQUIRED_KEYS = ("id", "question", "lang", "type", "relevant", "answer_contains")


class GoldSetError(ParseError):
    """A gold file, or one of its lines, is malformed. The path names the line: `dev.jsonl:17`."""


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    lang: str
    type: str
    relevant: tuple[str, ...]
    answer_contains: tuple[str, ...] = ()
    notes: str = ""

    def __post_init__(self) -> None:
        if not self.id.strip():
            raise ValueError("id is empty")
        if not self.question.strip():
            raise ValueError(f"question {self.id} is empty")
        if self.lang not in LANGUAGES:
            raise ValueError(f"lang {self.lang!r} is not one of {', '.join(LANGUAGES)}")
        if self.type not in QUESTION_TYPES:
            raise ValueError(f"type {self.type!r} is not one of {', '.join(QUESTION_TYPES)}")
        for ref in self.relevant:
            if split_citation(ref) is None:
                raise ValueError(f"relevant ref {ref!r} is not SYMBOL#REF")
        if self.type == "noanswer" and self.relevant:
            raise ValueError("a noanswer question must have an empty relevant list")
        if self.type != "noanswer" and not self.relevant:
            raise ValueError(f"a {self.type} question needs at least one relevant ref")
        if any(not s.strip() for s in self.answer_contains):
            raise ValueError("answer_contains holds an empty string")


def _question(record: object) -> GoldQuestion:
    if not isinstance(record, dict):
        raise ValueError(f"expected a JSON object, got {type(record).__name__}")
    missing = [k for k in REQUIRED_KEYS if k not in record]
    if missing:
        raise ValueError(f"missing keys: {', '.join(missing)}")
    for key in ("id", "question", "lang", "type"):
        if not isinstance(record[key], str):
            raise ValueError(f"{key} must be a string, got {record[key]!r}")
    for key in ("relevant", "answer_contains"):
        value = record[key]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"{key} must be a list of strings, got {value!r}")
    return GoldQuestion(
        id=record["id"],
        question=record["question"],
        lang=record["lang"],
        type=record["type"],
        relevant=tuple(record["relevant"]),
        answer_contains=tuple(record["answer_contains"]),
        notes=str(record.get("note", record.get("notes", ""))),
    )


def load_gold(path: str | Path) -> tuple[GoldQuestion, ...]:
    """Read and validate a JSON Lines gold set. Blank lines are skipped.

    Raises `GoldSetError` naming the file and line of the first bad question.
    """
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldSetError(path, f"cannot read gold set ({exc})") from exc
    questions: list[GoldQuestion] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldSetError(where, f"invalid JSON ({exc.msg})") from exc
        try:
            question = _question(record)
        except ValueError as exc:
            raise GoldSetError(where, str(exc)) from exc
        if question.id in seen:
            raise GoldSetError(where, f"duplicate id {question.id!r} (first on line {seen[question.id]})")
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise GoldSetError(path, "gold set has no questions")
    return tuple(questions)
