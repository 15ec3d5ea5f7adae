"""Small helpers the lineage and change answerers share: their sentence tables and the Answer they
build from the paragraphs they show."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from answer import phrasing
from answer.model import Answer


def fill(table: Mapping[str, Mapping[str, str]], key: str, lang: str, **values) -> str:
    """`table[key]` in the answer language (zh, fr, else en), filled with `values`."""
    return table[key][phrasing.ui_lang(lang)].format(**values)


def showing(text: str, hits: Sequence, qtype: str, lang: str) -> Answer:
    """An Answer whose hits are the paragraphs shown (once each) and whose citations are theirs, in order."""
    unique = tuple({(h.id, h.lang): h for h in hits}.values())
    return Answer(text, tuple(dict.fromkeys(h.id for h in unique)), unique, qtype, lang)
