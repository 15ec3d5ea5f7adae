"""Language detection by script and frequent words; works on short questions too."""

from __future__ import annotations

import re

from ingest.lexicon import STOPWORDS
from language.scripts import ARABIC, CJK, CYRILLIC

_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"[A-Za-z\u00c0-\u024f']+")


def detect_language(text: str, default: str = "en") -> str:
    """The ISO code of the text's language: "zh", "en", "fr", "es", "ru" or "ar".

    >>> detect_language("哪些段落涉及维持和平行动？")
    'zh'
    >>> detect_language("Quels paragraphes concernent la paix ?")
    'fr'
    """
    cjk = len(CJK.findall(text))
    cyrillic = len(CYRILLIC.findall(text))
    arabic = len(ARABIC.findall(text))
    latin = len(_LATIN.findall(text))
    # Chinese carries about as much meaning per character as a Latin word, so a
    # few han characters outweigh many Latin letters (symbols, quoted names).
    scores = {"zh": cjk * 4, "ru": cyrillic, "ar": arabic, "latin": latin}
    best = max(scores, key=scores.get)
    if scores[best] == 0:
        return default
    if best != "latin":
        return best
    return _latin_language(text, default)


def _latin_language(text: str, default: str) -> str:
    words = [w.lower().strip("'") for w in _WORD.findall(text)]
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in STOPWORDS.items()}
    scores["fr"] += 2 * len(re.findall(r"[éèêàçùœ]|\b[ldqs]'|\b[ldqs]’", text, flags=re.I))
    scores["es"] += 2 * len(re.findall(r"[ñ¿¡áíóú]|ción\b", text, flags=re.I))
    best = max(scores, key=scores.get)
    return best if scores[best] > 0 else default
