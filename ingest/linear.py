"""Linearized text: a resolution whose line breaks were lost (pasted from a web page or
an e-mail, the whole document on one or a few lines).

The paragraph breaks are put back where a resolution's own words announce a new
paragraph, before the normal layout pass runs: the organ line ("The Security
Council,", "安全理事会，"), preambular lead words after a paragraph's final comma
("…, Recalling", "…，回顾", "…, Rappelant"), numbered operative paragraphs
("…; 2. Requests", "…；2.请"), lettered items after a colon or semicolon, article
headings of an annexed declaration and the adoption record.

Only text that really is linearized is touched (`is_linearized`): copies with a
paragraph per line keep their own breaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ingest import lexicon

LINEAR_MIN_CHARS = 400  # shorter texts are left alone
LINEAR_LINE_CHARS = 700  # a page whose lines average more than this lost its breaks


def is_linearized(page: str) -> bool:
    """Whether a page's text lost its line breaks: long, and long on average per line."""
    if len(page) < LINEAR_MIN_CHARS:
        return False
    lines = sum(1 for line in page.split("\n") if line.strip())
    return lines == 1 or len(page) / max(1, lines) > LINEAR_LINE_CHARS


def relineate(page: str) -> str:
    """Put paragraph breaks back into a linearized page (see the module doc).

    >>> relineate("The Security Council, Recalling its resolution 1 (1946), Noting the report, "
    ...           "1. Decides to act; 2. Requests a report. Adopted at the 5th meeting.")
    'The Security Council,\\n\\nRecalling its resolution 1 (1946),\\n\\nNoting the report,\\n\\n1. Decides to act;\\n\\n2. Requests a report.\\n\\nAdopted at the 5th meeting.'
    """
    from ingest.layout import is_mostly_cjk, split_run_on

    text = re.sub(r"[ \t]*\n[ \t]*", " ", page).strip()
    if is_mostly_cjk(text):
        # a space between Chinese characters is a lost line break (layout's run-on rule)
        text = "\n\n".join(split_run_on(text))
    text = _latin_re().sub("\n\n", text)
    text = _heading_re().sub(lambda m: f"\n\n{m.group(1)}\n\n", text)
    text = _cjk_re().sub("\n\n", text)
    text = _cjk_organ_re().sub(lambda m: f"\n\n{m.group(0)}\n\n", text, count=1)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


# a paragraph's final comma or semicolon, perhaps followed by a spaced footnote marker ("…, 11 Having heard")
_END = r"(?<=[,;])|(?<=[,;] \d)|(?<=[,;] \d\d)|(?<=[,;] \d\d\d)"


@lru_cache(maxsize=1)
def _latin_re() -> re.Pattern:
    from ingest.layout import operative_pattern

    recital = "|".join(map(re.escape, sorted(lexicon.PREAMBLE_STARTERS, key=len, reverse=True)))
    organs = "|".join(p for patterns in lexicon.ORGANS.values() for p in patterns if p.isascii() or "é" in p)
    return re.compile(
        # the organ line, and the paragraph after it
        rf"\s+(?=(?:{organs})(?:,\s|\s+\d{{1,3}}\.\s))|(?:(?<=Council,)|(?<=Assembly,)|(?<=générale,)|(?<=sécurité,))\s+(?=[A-Z])"
        r"|(?:(?<=Council)|(?<=Assembly))\s+(?=\d{1,3}\.\s+[A-Z])"
        # a recital or an unnumbered operative paragraph after a paragraph's final comma or semicolon
        rf"|(?:{_END})\s+(?=(?:{recital})\b|[A-Z][a-z]+ing\b|{operative_pattern()})"
        # a numbered operative paragraph, a lettered or roman item
        rf"|(?:{_END}|(?<=[:.]))\s+(?=\d{{1,3}}\s?[.,]\s+[A-Z])|(?<=[:;])\s+(?=\((?:[a-z]{{1,2}}|[ivx]{{1,5}}|\d)\)\s)"
        r"|\s+(?=\((?:[a-z]|[ivx]{1,4})\)\s+[A-Z])"
        # the adoption record
        r"|(?<=[.;])\s+(?=\d{1,4}(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b|Ad[oa]pted (?:at|by|unanimously|without)\b)"
    )


@lru_cache(maxsize=1)
def _heading_re() -> re.Pattern:
    return re.compile(r"\s+(Article\s+(?:\d{1,3}|premier)|Annexe?|Preamble|Préambule)\s+(?=[A-Z«“\"])")


@lru_cache(maxsize=1)
def _cjk_re() -> re.Pattern:
    recital = _zh_recitals()
    verbs = "|".join(map(re.escape, lexicon.ZH_OPERATIVE_STARTERS))
    return re.compile(
        rf"(?<=[，,；;])\s*(?=(?:{recital}))"
        rf"|(?<=[，,；;。：:])\s*(?=\d{{1,3}}\s*[.．、]\s*[\u4e00-\u9fff])"
        rf"|(?<=[：:；;])\s*(?=[(（][a-z]{{1,2}}[)）])"
        rf"|(?<=[。；;])\s*(?=(?:{verbs})|第[\d一二三四五六七八九十百千〇零]+次(?:全体)?(?:会议|會議))"
        r"|(?<=[\u4e00-\u9fff])\s*(?=第[一二三四五六七八九十]+条)"
    )


def _zh_recitals() -> str:
    # "鉴于" also opens clauses inside a sentence ("…已经同意,鉴于岛上的现况,…"): not a break on its own
    words = [w for w in lexicon.ZH_PREAMBLE_STARTERS if w not in ("鉴于", "鑒於")] + ["还注意到", "又注意到", "深为", "深感", "确认", "强调", "表示"]
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _cjk_organ_re() -> re.Pattern:
    # the first "安全理事会，" / "大会" that opens the body: before a recital or a numbered paragraph
    return re.compile(rf"(?:安全理事[会會]|大[会會])[，,]?(?=\s*(?:{_zh_recitals()}|鉴于|鑒於|\d{{1,3}}\s*[.．、]))")
