"""An in-memory stand-in for `index.library.Library`, built from real sample paragraphs.

It ranks by character-bigram overlap (independent of language/terms.py), so tests of
the answerer don't depend on the real model.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from index.hits import Hit, SearchFilters
from language.scripts import CJK

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def francophonie_hits(symbol: str = "A/67/L.X") -> list[Hit]:
    """The founding document's preamble and operative paragraphs (a light parse for tests)."""
    text = (SAMPLES / "zh" / "A_67_L_francophonie_draft.txt").read_text(encoding="utf-8")
    body = text.split("大会，", 1)[1]
    # Footnote lines and page breaks interleave mid-paragraph; drop the footnote lines and rejoin.
    body = re.sub(r"\n\s*[¹²]\s[^\n]*", "", body)
    body = re.sub(r"预\n\n+防", "预防", body)
    body = re.sub(r"以\n\n+解决", "以解决", body)
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
    title = "联合国同法语国家国际组织的合作"
    hits, pp = [], 0
    for block in blocks:
        m = re.match(r"^(\d+)\.\s*(.*)$", block, re.S)
        sub = re.match(r"^\(([a-z])\)\s*(.*)$", block, re.S)
        if m:
            ref, kind, last_op, content = f"op{m.group(1)}", "operative", m.group(1), m.group(2)
        elif sub:
            ref, kind, content = f"op{last_op}.{sub.group(1)}", "subparagraph", sub.group(2)
        else:
            pp += 1
            ref, kind, content = f"pp{pp}", "preamble", block
        hits.append(Hit(id=f"{symbol}#{ref}", symbol=symbol, ref=ref, lang="zh", score=0.0,
                        text=content.strip(), kind=kind, title=title))
    return hits


def english_hits(filename: str, symbol: str, title: str) -> list[Hit]:
    """Paragraphs of an English Security Council text, cited as pN."""
    text = (SAMPLES / "en" / filename).read_text(encoding="utf-8")
    blocks = [" ".join(b.split()) for b in re.split(r"\n\s*\n", text) if b.strip()]
    return [Hit(id=f"{symbol}#p{i}", symbol=symbol, ref=f"p{i}", lang="en", score=0.0, text=b,
                kind="paragraph", title=title) for i, b in enumerate(blocks, start=1)]


def _grams(text: str) -> set[str]:
    text = text.lower()
    cjk = CJK.findall(text)
    words = re.findall(r"[a-z]{3,}", text)
    return {a + b for a, b in zip(cjk, cjk[1:])} | {w[:5] for w in words}


# Stands in for the multilingual dense model: a few English/French words carry their
# Chinese equivalents into the fake ranking (kept apart from the glossary on purpose).
_CROSSLINGUAL = {
    "wipo": "世界知识产权组织", "memorandum": "谅解备忘录", "francophonie": "法语国家国际组织",
    "women": "妇女", "femmes": "妇女", "peacekeeping": "维持和平行动", "sign": "签署",
}


def _translate(query: str) -> str:
    extra = [zh for word, zh in _CROSSLINGUAL.items() if word in query.lower()]
    return " ".join([query, *extra])


class FakeLibrary:
    def __init__(self, hits: list[Hit]):
        self.hits = hits
        self.searches: list[dict] = []

    def search(self, query, k=10, mode="hybrid", filters=SearchFilters(), named_symbols=None):
        self.searches.append({"query": query, "k": k, "filters": filters, "named": named_symbols})
        q = _grams(_translate(query))
        scored = []
        for hit in self.hits:
            if filters.symbols and hit.symbol not in filters.symbols:
                continue
            if filters.lang and hit.lang != filters.lang:
                continue
            overlap = len(q & _grams(hit.text)) / (len(q) or 1)
            scored.append(replace(hit, score=overlap))
        scored.sort(key=lambda h: -h.score)
        return scored[:k]

    def paragraphs(self, symbol, lang):
        return [h for h in self.hits if h.symbol == symbol and h.lang == lang]

    def versions(self, symbol, ref):
        return [h for h in self.hits if h.symbol == symbol and h.ref == ref]


def corpus() -> FakeLibrary:
    hits = francophonie_hits()
    hits += english_hits("S_RES_0368_1975.txt", "S/RES/368 (1975)", "The situation in the Middle East")
    hits += english_hits("S_RES_0004_1946.txt", "S/RES/4 (1946)", "The Spanish question")
    return FakeLibrary(hits)
