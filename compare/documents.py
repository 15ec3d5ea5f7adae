"""`resqa compare A B`: two indexed documents, aligned paragraph by paragraph.

    result = compare_documents(library, "A/RES/73/8", "A/RES/80/4")
    result.to_json()   # {"a", "b", "lang", "pairs": [{"a": "op2", "b": "op3", "status", "similarity", "diff"}]}
"""

from __future__ import annotations

from dataclasses import dataclass, field

from compare.align import Pair, Para, align, align_across_languages
from ingest.symbols import normalize_symbol, symbols_equal
from resqa.errors import ResqaError

PREFERRED = ("en", "fr", "zh", "es", "ru", "ar")
CROSS_LANGUAGE = "only different language versions are indexed ({a} {la}, {b} {lb}): paragraphs are aligned " \
                 "by number and by the numbers they print; the wording cannot be compared across languages"


@dataclass(frozen=True)
class Comparison:
    a: str
    b: str
    lang: str  # the language compared, or "en/zh" when the two sides are in different languages
    pairs: tuple[Pair, ...]
    lang_a: str = ""
    lang_b: str = ""
    warnings: tuple[str, ...] = field(default=())

    @property
    def comparable(self) -> bool:
        return self.lang_a == self.lang_b

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.pairs:
            out[p.status] = out.get(p.status, 0) + 1
        return out

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, "lang": self.lang, "lang_a": self.lang_a, "lang_b": self.lang_b,
                "comparable": self.comparable, "counts": self.counts(), "warnings": list(self.warnings),
                "pairs": [p.to_json() for p in self.pairs]}


def languages_of(library, symbol: str) -> list[str]:
    langs = {d.lang for d in library.documents() if symbols_equal(d.symbol, symbol)}
    return sorted(langs, key=lambda lang: PREFERRED.index(lang) if lang in PREFERRED else len(PREFERRED))


def _paragraphs(library, symbol: str, lang: str) -> list[Para]:
    return [Para(h.ref, h.text, str(h.kind)) for h in library.paragraphs(symbol, lang)]


def pick_languages(library, a: str, b: str, lang: str | None = None) -> tuple[str, str]:
    """The language of each side: `lang` if both have it, else one they share, else each its own."""
    langs_a, langs_b = languages_of(library, a), languages_of(library, b)
    for symbol, langs in ((a, langs_a), (b, langs_b)):
        if not langs:
            raise ResqaError(f"{normalize_symbol(symbol)} is not in the index (see `resqa docs`)")
    if lang:
        if lang in langs_a and lang in langs_b:
            return lang, lang
        # the asked language where it exists, the other side's best otherwise
        return (lang if lang in langs_a else langs_a[0]), (lang if lang in langs_b else langs_b[0])
    shared = [x for x in langs_a if x in langs_b]
    if shared:
        return shared[0], shared[0]
    return langs_a[0], langs_b[0]


def compare_documents(library, a: str, b: str, lang: str | None = None) -> Comparison:
    """Align the paragraphs of `a` and `b` (indexed documents) by content."""
    a, b = normalize_symbol(a), normalize_symbol(b)
    la, lb = pick_languages(library, a, b, lang)
    pa, pb = _paragraphs(library, a, la), _paragraphs(library, b, lb)
    if la == lb:
        return Comparison(a, b, la, tuple(align(pa, pb, la)), la, lb)
    warning = CROSS_LANGUAGE.format(a=a, la=la, b=b, lb=lb)
    return Comparison(a, b, f"{la}/{lb}", tuple(align_across_languages(pa, pb)), la, lb, (warning,))


def format_comparison(result: Comparison) -> str:
    """The text form: one line per pair, changed words as [-old-]{+new+}."""
    counts = ", ".join(f"{k} {v}" for k, v in sorted(result.counts().items()))
    lines = [f"{result.a} → {result.b} [{result.lang}]: {counts}", *(f"warning: {w}" for w in result.warnings)]
    for p in result.pairs:
        where = f"{p.a or '-':>8} → {p.b or '-':<8}"
        if p.status == "changed":
            marked = "".join(t if op == "=" else f"[-{t}-]" if op == "-" else f"{{+{t}+}}" for op, t in p.diff)
            lines.append(f"{where} changed ({p.similarity:.2f}): {marked}")
        elif p.status in ("added", "removed"):
            lines.append(f"{where} {p.status}: {p.diff[0][1][:160]}")
        else:
            lines.append(f"{where} {p.status}")
    return "\n".join(lines)
