"""Pure metric functions, each defined on plain strings and numbers.

Refs are compared as `SYMBOL#REF` ignoring the language: a hit in French on
the same paragraph as a gold ref in English counts. Symbols are compared
ignoring spaces and case (`S/RES/678 (1990)` == `s/res/678(1990)`).

Recall@k, reciprocal rank and nDCG are computed by ir-measures (eval/trec.py), not here.
Edge cases, decided once here and written down in docs/eval.md:
- recall@k, reciprocal rank and nDCG are `None` when there is nothing relevant
  (noanswer questions); averages skip `None`, so they are over answerable questions.
- A retrieved position may hold one ref (a paragraph) or several (a naive chunk
  that overlaps several paragraphs). A ref retrieved twice (two languages of one
  paragraph) counts once, at its first position.
- citation precision is `None` when nothing is cited (there is no claim to be
  wrong about); citing anything on a noanswer question gives 0.
- citation recall is `None` when nothing is relevant. For list questions it is
  the share of the whole list cited; otherwise one correct citation is enough.
- answer_contains_rate is `None` when the gold question lists no strings.
- citation MRR (reciprocal rank of the first relevant citation, in the answer's own citation order) is
  `None` when nothing is cited or nothing is relevant.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence

from ingest.symbols import normalize_symbol

_SPACE = re.compile(r"\s+")

# Phrases an answer uses to say the documents don't answer. Checked after NFKC
# and lower-casing; the assistant's own wording is one of these.
NOANSWER_MARKERS = (
    # en
    "no answer", "not found", "could not find", "cannot find", "can't find", "couldn't find",
    "did not find", "no relevant", "do not answer", "don't answer", "does not answer",
    "do not contain", "does not contain", "don't contain", "not contain", "no information",
    "not in the documents", "not covered", "don't cover", "do not cover", "doesn't cover",
    "does not cover",
    # fr
    "aucune réponse", "aucun paragraphe", "aucun document", "pas de réponse", "pas trouvé",
    "ne contient pas", "ne contiennent pas", "ne répond pas", "ne répondent pas", "introuvable",
    "aucune information", "ne traite pas", "ne traitent pas",
    # zh
    "没有找到", "未找到", "找不到", "无法回答", "无法找到", "未能找到", "没有相关", "无相关",
    "未提及", "没有提及", "不包含", "没有答案", "未涉及", "没有涉及", "文件中没有", "文件未",
)


def symbol_key(symbol: str) -> str:
    """The comparison key of a symbol: no spaces, upper case."""
    return _SPACE.sub("", normalize_symbol(symbol)).upper()


def ref_key(citation: str) -> str:
    """The comparison key of `SYMBOL#REF` (or a storage id `SYMBOL|LANG|REF`).

    >>> ref_key("S/RES/678 (1990)#op2")
    'S/RES/678(1990)#op2'
    >>> ref_key("S/RES/678 (1990)|fr|op2")
    'S/RES/678(1990)#op2'
    """
    parts = split_citation(citation)
    if parts is None:
        return symbol_key(citation)
    return f"{symbol_key(parts[0])}#{parts[1]}"


def split_citation(citation: str) -> tuple[str, str] | None:
    """`(symbol, ref)` of `SYMBOL#REF` or of a storage id `SYMBOL|LANG|REF`; None for neither."""
    if "#" in citation:
        symbol, _, ref = citation.rpartition("#")
    elif citation.count("|") >= 2:
        symbol, _lang, ref = citation.rsplit("|", 2)
    else:
        return None
    return symbol, ref.strip()


def _relevant(relevant: Iterable[str]) -> frozenset[str]:
    return frozenset(ref_key(r) for r in relevant)


def citation_precision(cited: Iterable[str], relevant: Iterable[str]) -> float | None:
    """Share of the distinct cited refs that are relevant; `None` when nothing is cited.

    >>> citation_precision(["A#op1", "A#op9"], ["A#op1"])
    0.5
    """
    cites = _relevant(cited)
    if not cites:
        return None
    return len(cites & _relevant(relevant)) / len(cites)


def citation_recall(cited: Iterable[str], relevant: Iterable[str], whole_list: bool = True) -> float | None:
    """Share of the relevant refs cited (`whole_list`), or 1/0 for "cited at least one".

    >>> citation_recall(["A#op1"], ["A#op1", "A#op2"])
    0.5
    >>> citation_recall(["A#op1"], ["A#op1", "A#op2"], whole_list=False)
    1.0
    """
    gold = _relevant(relevant)
    if not gold:
        return None
    hit = len(_relevant(cited) & gold)
    if whole_list:
        return hit / len(gold)
    return 1.0 if hit else 0.0


def citation_rr(cited: Sequence[str], relevant: Iterable[str]) -> float | None:
    """1 / the position of the first relevant citation in the answer's own order (0 when none is
    relevant): how far a reader reads before the answer cites what was asked. `None` when nothing is
    cited or nothing is relevant.

    >>> citation_rr(["A#op9", "A#op1"], ["A#op1"]), citation_rr(["A#op9"], ["A#op1"]), citation_rr([], ["A#op1"])
    (0.5, 0.0, None)
    """
    wanted = _relevant(relevant)
    if not cited or not wanted:
        return None
    return next((1.0 / (i + 1) for i, c in enumerate(cited) if ref_key(c) in wanted), 0.0)


def _fold(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


def answer_contains_rate(answer: str, expected: Iterable[str]) -> float | None:
    """Share of the expected strings found in the answer (NFKC, case and spacing folded).

    >>> answer_contains_rate("The Council  DEMANDS withdrawal", ["demands withdrawal", "Iraq"])
    0.5
    """
    wanted = [w for w in expected if w.strip()]
    if not wanted:
        return None
    folded = _fold(answer)
    return sum(1 for w in wanted if _fold(w) in folded) / len(wanted)


def says_no_answer(answer: str) -> bool:
    """Whether the answer text says the documents don't answer."""
    folded = _fold(answer)
    return any(marker in folded for marker in NOANSWER_MARKERS)


def noanswer_correct(answer: str, citations: Collection[str]) -> bool:
    """A correct refusal: no citations, and the answer says so.

    >>> noanswer_correct("The documents do not answer this question.", ())
    True
    >>> noanswer_correct("The documents do not answer this question.", ("A#op1",))
    False
    """
    return not citations and says_no_answer(answer)


def percentile(values: Sequence[float], p: float) -> float | None:
    """The p-th percentile with linear interpolation between closest ranks (numpy's default).

    >>> percentile([10, 20, 30, 40], 50)
    25.0
    """
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be within 0..100, got {p!r}")
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * p / 100
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (position - low))


def mean(values: Iterable[float | None]) -> float | None:
    """Mean of the values that are not `None`; `None` when there are none."""
    present = [v for v in values if v is not None]
    if not present:
        return None
    return sum(present) / len(present)
