"""Writing systems: the one CJK pattern, accent folding, and the one language detector (documents and questions)."""

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

# Frequent words that tell the Latin-script languages apart, in documents and in questions alike.
LANGUAGE_CUES = {
    "en": frozenset(
        "the of and to in on is are was were that for which what when who how many much does do did with by "
        "about paragraph paragraphs resolution say says concern concerns until".split()),
    "fr": frozenset(
        "le la les des du de et est que qui quoi quel quelle quels quelles quand où combien comment pourquoi "
        "est-ce une au aux dans sur pour par paragraphe paragraphes résolution dispositif préambule jusqu "
        "concernent concerne traite traitent dit".split()),
    "es": frozenset("el los las del y que en por para una con qué cuál resolución".split()),
}
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CUE_WORD = re.compile(r"[A-Za-z\u00c0-\u024f'’-]+")
_FRENCH_MARKS = re.compile(r"[éèêàçùœ]|\b(?:qu|l|d|s|jusqu)['’]", re.IGNORECASE)
_SPANISH_MARKS = re.compile(r"[ñ¿¡áíóú]|ción\b", re.IGNORECASE)


def has_cjk(text: str) -> bool:
    return CJK.search(text) is not None


def fold(text: str) -> str:
    """Lowercase and strip accents: "Secrétaire général" -> "secretaire general"."""
    if text.isascii():  # nothing to decompose: the same result, without the per-character walk
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def detect_language(text: str, default: str = "en") -> str:
    """The ISO code of a text's language, a document's or a short question's: "zh", "en", "fr", "es", "ru"
    or "ar", by script first (a Chinese character counts as much as a Latin word: a few outweigh the
    symbols and names a Chinese text quotes), then by cue words and accents.

    >>> detect_language("哪些段落涉及维持和平行动？"), detect_language("Quels paragraphes concernent la paix ?")
    ('zh', 'fr')
    >>> detect_language("那英文版本呢？"), detect_language("Until when?"), detect_language("Et le paragraphe 3 ?")
    ('zh', 'en', 'fr')
    """
    scores = {"zh": len(CJK.findall(text)) * 4, "ru": len(CYRILLIC.findall(text)), "ar": len(ARABIC.findall(text)),
              "latin": len(_LATIN_LETTER.findall(text))}
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        return default
    if best != "latin":
        return best
    words = [w.lower().split("'")[-1].split("’")[-1] for w in _CUE_WORD.findall(text)]
    cues = {lang: sum(w in words_of for w in words) for lang, words_of in LANGUAGE_CUES.items()}
    cues["fr"] += 2 * len(_FRENCH_MARKS.findall(text))
    cues["es"] += 2 * len(_SPANISH_MARKS.findall(text))
    found = max(cues, key=cues.get)
    return found if cues[found] > 0 else default
