"""The UN term glossary (zh / en / fr), `language/data/glossary/un_terms.tsv`: one concept a row.

It serves the lexical channel (Chinese terms go into the one jieba dictionary, queries expand into
the other languages) and the reader (a question's terms are looked for in paragraphs of any
language). A cell may list variants separated by " | " (the first is the display form); a Chinese
cell with a space lists parts that must all occur ("任务 延长").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from language.scripts import fold

GLOSSARY_PATH = Path(__file__).parent / "data" / "glossary" / "un_terms.tsv"
GLOSSARY_LANGS = ("zh", "en", "fr")
ALTERNATIVES = "|"

# Terms so common in resolutions that they identify nothing: never expanded on their own by the
# lexical channel, and weak evidence for the reader. Folded (lowercase, no accents).
GENERIC_TERMS = frozenset({
    "united nations", "general assembly", "security council", "resolution", "secretary-general",
    "member states", "report", "session", "decides", "requests", "organization", "international",
    "cooperation", "human rights", "mandate",
    "nations unies", "assemblee generale", "conseil de securite", "resolution", "cooperation",
    "联合国", "大会", "决议", "组织", "国际", "会员国", "各国", "合作", "秘书长", "安全理事会", "安理会",
})


def is_generic(form: str) -> bool:
    return fold(form.strip()) in GENERIC_TERMS


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    fr: str
    variants: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ())  # zh, en, fr

    def in_lang(self, lang: str) -> str:
        return getattr(self, lang)

    def forms(self, lang: str) -> tuple[str, ...]:
        """Every surface form in `lang`, the display form first."""
        return (self.in_lang(lang), *self.variants[GLOSSARY_LANGS.index(lang)])

    def all_forms(self) -> tuple[str, ...]:
        """Every surface form in every language, Chinese conjunctions ("任务 延长") left out."""
        zh = tuple(f for f in self.forms("zh") if " " not in f)
        return tuple(dict.fromkeys((*zh, *self.forms("en"), *self.forms("fr"))))

    @property
    def generic(self) -> bool:
        return is_generic(self.en)


def load_glossary(path: Path = GLOSSARY_PATH) -> tuple[Term, ...]:
    terms = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            cells = [[v.strip() for v in (row.get(k, "") or "").split(ALTERNATIVES) if v.strip()]
                     for k in GLOSSARY_LANGS]
            zh, en, fr = cells
            if zh and en:
                fr = fr or en
                terms.append(Term(zh[0], en[0], fr[0], (tuple(zh[1:]), tuple(en[1:]), tuple(fr[1:]))))
    return tuple(terms)
