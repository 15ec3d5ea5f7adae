"""Writing systems: the one CJK pattern, accent folding, and the language of a short question."""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (CJK Unified, Extension A, Compatibility): the one definition of "Chinese character".
CJK_CLASS = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK = re.compile(f"[{CJK_CLASS}]")
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
# East Asian text as printed: CJK punctuation, kana and ideographs, and full-width forms ("，" "（").
CJK_TEXT_CLASS = r"\u3000-\u9fff\uf900-\ufaff\uff00-\uffef"
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
ARABIC = re.compile(r"[\u0600-\u06ff]")
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


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def fold(text: str) -> str:
    """Lowercase and strip accents: "Secrétaire général" -> "secretaire general"."""
    if text.isascii():  # nothing to decompose: the same result, without the per-character walk
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def question_language(question: str) -> str:
    """The language of a (short) question: zh by Chinese characters, ru/ar by script, else fr or en
    by cue words and accents.

    >>> question_language("那英文版本呢？"), question_language("Until when?"), question_language("Et le paragraphe 3 ?")
    ('zh', 'en', 'fr')
    """
    cjk = len(CJK.findall(question))
    latin = _LATIN_WORD.findall(question)
    if cjk and cjk >= len(latin):
        return "zh"
    if len(CYRILLIC.findall(question)) > sum(map(len, latin)):
        return "ru"
    if len(ARABIC.findall(question)) > sum(map(len, latin)):
        return "ar"
    words = [w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ'’-]+", question)]
    words = [w.split("'")[-1].split("’")[-1] for w in words]
    fr = sum(w in _FRENCH_WORDS for w in words) + 2 * len(_FRENCH_ACCENTS.findall(question))
    en = sum(w in _ENGLISH_WORDS for w in words)
    if re.search(r"\b(?:qu|l|d|jusqu)['’]", question, re.IGNORECASE):
        fr += 2
    return "fr" if fr > en else "en"
