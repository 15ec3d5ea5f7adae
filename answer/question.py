"""What a question asks: its language, its type (lookup or list), the kind of
fact it wants (a date, a number, a name), and any paragraph it names.

Rules, not a model: they are short, testable and work in zh, en and fr.
"""

from __future__ import annotations

import re
from enum import StrEnum

from answer.model import QuestionType

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]+")
_FRENCH_ACCENTS = re.compile(r"[àâçéèêëîïôûùüÿœ]", re.IGNORECASE)
_FRENCH_WORDS = frozenset(
    "quel quelle quels quelles quand qui que quoi où combien comment pourquoi est-ce les des du la le "
    "une au aux et dans sur pour par paragraphe paragraphes résolution dispositif préambule "
    "jusqu concernent concerne traite traitent dit".split()
)
_ENGLISH_WORDS = frozenset(
    "the what which when who how many much does do did is are was were of to and in on about "
    "paragraph paragraphs resolution say says concern concerns until".split()
)


def _own_language(question: str) -> str:
    """Language of a question: zh if it has Chinese characters, else fr or en by cue words."""
    cjk = len(_CJK.findall(question))
    latin = _LATIN_WORD.findall(question)
    if cjk and cjk >= len(latin):
        return "zh"
    words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ'’-]+", question)]
    words = [w.split("'")[-1].split("’")[-1] for w in words]
    fr = sum(w in _FRENCH_WORDS for w in words) + 2 * len(_FRENCH_ACCENTS.findall(question))
    en = sum(w in _ENGLISH_WORDS for w in words)
    if re.search(r"\b(?:qu|l|d|jusqu)['’]", question, re.IGNORECASE):
        fr += 2
    return "fr" if fr > en else "en"


def question_language(question: str) -> str:
    """The language of the question ("zh", "en", "fr", …).

    Uses `ingest.language.detect_language` when that module exists, for consistency
    with how documents are labelled, but keeps zh/en/fr from our own rules because
    questions are too short for a general detector.

    >>> question_language("那英文版本呢？"), question_language("Until when?"), question_language("Et le paragraphe 3 ?")
    ('zh', 'en', 'fr')
    """
    own = _own_language(question)
    if own in ("zh", "fr"):
        return own
    try:
        from ingest.language import detect_language  # written by another engineer
    except ImportError:
        return own
    try:
        other = detect_language(question)
    except Exception:  # a detector failing on a short question must not fail the answer
        return own
    return other if other in ("ru", "es", "ar") else own


_LIST_CUES = (
    re.compile(r"哪(?:些|几)|列出|所有.*段|全部.*段|什么段落|有关.*的段落"),
    re.compile(
        r"\b(?:which|what)\s+(?:\w+\s+)?(?:paragraphs|provisions|clauses|parts|sections)\b"
        r"|\blist\b|\ball\s+(?:the\s+)?(?:paragraphs|provisions)\b|\bwhere\s+(?:does|do)\b.*\b(?:mention|refer)",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:quels|quelles)\s+(?:\w+\s+)?(?:paragraphes|dispositions|alinéas)\b|\blist(?:e|er)\b"
        r"|\btous\s+les\s+(?:paragraphes|alinéas)\b",
        re.IGNORECASE,
    ),
)


def classify(question: str) -> QuestionType:
    """Lookup (one fact) or list (every paragraph about something).

    >>> classify("哪些段落涉及维持和平行动？"), classify("Until when was the mandate extended?")
    (<QuestionType.LIST: 'list'>, <QuestionType.LOOKUP: 'lookup'>)
    """
    if any(p.search(question) for p in _LIST_CUES):
        return QuestionType.LIST
    return QuestionType.LOOKUP


class Wanted(StrEnum):
    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    ANY = "any"


_WANTED = (
    (Wanted.DATE, re.compile(
        r"何时|什么时候|哪一?年|哪一?天|哪个月|几月|日期|截至|到什么|直到何"
        r"|\bwhen\b|\bwhat\s+(?:date|year|day|month)\b|\buntil\s+when\b|\bwhich\s+(?:date|year)\b|\bby\s+when\b"
        r"|\bquand\b|\bquelle\s+date\b|\bquelle\s+année\b|\bjusqu['’]\s*à\s+quand\b|\bà\s+quelle\s+date\b",
        re.IGNORECASE)),
    (Wanted.NUMBER, re.compile(
        r"多少|几个|几名|几次|\bhow\s+(?:many|much)\b|\bwhat\s+number\b|\bcombien\b|\bquel\s+nombre\b",
        re.IGNORECASE)),
    (Wanted.NAME, re.compile(
        r"谁|哪(?:个|些)(?:组织|国家|机构)|\bwho\b|\bwhich\s+(?:organi[sz]ation|country|countries|body|state)\b"
        r"|\bqui\b|\bquelle\s+organisation\b|\bquel\s+pays\b",
        re.IGNORECASE)),
)


def wanted_answer(question: str) -> Wanted:
    """The kind of fact a lookup question wants.

    >>> wanted_answer("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？")
    <Wanted.DATE: 'date'>
    """
    for wanted, pattern in _WANTED:
        if pattern.search(question):
            return wanted
    return Wanted.ANY


# "paragraph 8", "operative paragraph 8", "op8", "第8段", "执行部分第8段", "paragraphe 3",
# "preambular paragraph 3", "序言部分第3段", "alinéa 3 du préambule"
_PREAMBLE_REF = re.compile(
    r"preambular\s+paragraph\s+(\d+)|\bpp\s*(\d+)\b|序言部分第\s*(\d+)\s*段|alinéa\s+(\d+)\s+du\s+préambule"
    r"|(\d+)(?:st|nd|rd|th)\s+preambular",
    re.IGNORECASE,
)
_OPERATIVE_REF = re.compile(
    r"(?:operative\s+)?paragraph\s+(\d+)(?:\s*\(([a-z]{1,2})\))?|\bop\s*(\d+)\b|(?:执行部分)?第\s*(\d+)\s*段"
    r"(?:\s*[（(]([a-z])[)）])?|paragraphe\s+(\d+)(?:\s*\(([a-z]{1,2})\))?|\b(?:para\.?|§)\s*(\d+)\b",
    re.IGNORECASE,
)


def named_ref(question: str) -> str | None:
    """The paragraph reference a question names, if any ("op8", "pp3", "op14.a").

    >>> named_ref("what does paragraph 8 say?"), named_ref("序言部分第3段是什么？")
    ('op8', 'pp3')
    """
    m = _PREAMBLE_REF.search(question)
    if m:
        return "pp" + next(g for g in m.groups() if g)
    m = _OPERATIVE_REF.search(question)
    if not m:
        return None
    g = m.groups()
    number = next(x for x in (g[0], g[2], g[3], g[5], g[7]) if x)
    letter = next((x for x in (g[1], g[4], g[6]) if x), None)
    return f"op{number}" + (f".{letter.lower()}" if letter else "")
