"""Paragraph references in words, both ways, in one grammar: `op14.a` is written "sub-paragraph (a) of
operative paragraph 14" / "执行部分第14段(a)分段" / "alinéa a) du paragraphe 14 du dispositif", and each of
those (and the shorter forms people type: "paragraph 14 (a)", "第14段", "op 14", "§ 14") reads back as
`op14.a`. Answers write refs with `ref_in_words`; questions (`ref_named_in`) and citations a model wrote
in words (`read_ref`) are read with the same table, so what the answerer prints, the reader understands.

    >>> ref_in_words("op14.a", "en"), ref_named_in("What does sub-paragraph (a) of operative paragraph 14 say?")
    ('sub-paragraph (a) of operative paragraph 14', 'op14.a')
    >>> ref_in_words("B.op1", "zh"), ref_named_in("乙部分执行部分第1段"), read_ref("18")
    ('乙部分执行部分第1段', 'B.op1', 'op18')
"""

from __future__ import annotations

import re

from language.numerals import chinese_number, chinese_numeral, to_roman
from language.refs import SECTION, is_valid_ref, part_number, section_ref, split_section

__all__ = ["read_ref", "ref_in_words", "ref_named_in"]

_PART_LETTERS_ZH = dict(zip("ABCDEFGH", "甲乙丙丁戊己庚辛"))
_LETTER_OF_ZH_PART = {zh: letter for letter, zh in _PART_LETTERS_ZH.items()}
_LANGS = ("en", "zh", "fr")

# -- writing ---------------------------------------------------------------------------------------------
_OPERATIVE = {
    "en": ("operative paragraph {n}", "sub-paragraph ({sub}) of {head}", "item ({item}) of {head}"),
    "zh": ("执行部分第{n}段", "{head}({sub})分段", "{head}({item})目"),
    "fr": ("paragraphe {n} du dispositif", "alinéa {sub}) du {head}", "point {item}) de l'{head}"),
}
_SIMPLE = {
    "pp": {"en": "preambular paragraph {n}", "zh": "序言部分第{n}段", "fr": "alinéa {n} du préambule"},
    "fn": {"en": "footnote {n}", "zh": "脚注{n}", "fr": "note {n}"},
    "p": {"en": "paragraph {n}", "zh": "第{n}段", "fr": "paragraphe {n}"},
}
_TITLE = {"en": "the title", "zh": "标题", "fr": "le titre"}
_ANNEX = {
    "art": {"en": "article {n} of the annex", "zh": "附件第{n}条", "fr": "article {n} de l'annexe"},
    "p": {"en": "paragraph {n} of the annex", "zh": "附件第{n}段", "fr": "paragraphe {n} de l'annexe"},
    "": {"en": "annex ({n})", "zh": "附件({n})", "fr": "annexe ({n})"},
}
_PART = {"en": "{words} of part {part}", "zh": "{part}部分{words}", "fr": "{words} de la partie {part}"}


def ref_in_words(ref: str, lang: str) -> str:
    """A paragraph reference (the grammar of language/refs.py) in words, in zh, fr or (otherwise) en.

    >>> ref_in_words("op7", "en"), ref_in_words("op7", "zh"), ref_in_words("pp3", "fr")
    ('operative paragraph 7', '执行部分第7段', 'alinéa 3 du préambule')
    >>> ref_in_words("op14.a", "en"), ref_in_words("op14.a", "zh")
    ('sub-paragraph (a) of operative paragraph 14', '执行部分第14段(a)分段')
    >>> ref_in_words("B.op1", "en"), ref_in_words("B.op1", "zh"), ref_in_words("B.op1", "fr")
    ('operative paragraph 1 of part B', '乙部分执行部分第1段', 'paragraphe 1 du dispositif de la partie B')
    """
    lang = lang if lang in _LANGS else "en"
    section, local = split_section(ref)
    words = _local_in_words(local, lang)
    if words == local:
        return ref
    if not section:
        return words
    part = (_PART_LETTERS_ZH.get(section) or f"第{chinese_numeral(part_number(section))}") if lang == "zh" else section
    return _PART[lang].format(words=words, part=part)


def _local_in_words(ref: str, lang: str) -> str:
    """A ref without its part prefix in words; the ref itself when it is not one we can read."""
    head, *subs = ref.split(".")
    m = re.fullmatch(r"(title|pp|op|fn|p|annex)(\d*)", head)
    if not m or (m.group(1) != "annex" and not is_valid_ref(ref)):
        return ref
    kind, n = m.groups()
    if kind == "op":
        sub, item = (subs + [None, None])[:2]
        paragraph, in_sub, in_item = _OPERATIVE[lang]
        words = paragraph.format(n=n)
        if sub:
            words = in_sub.format(sub=sub, head=words)
        return in_item.format(item=item, head=words) if item else words
    if kind in _SIMPLE:
        return _SIMPLE[kind][lang].format(n=n)
    if kind == "title":
        return _TITLE[lang]
    rest = ref.split(".", 1)[1]
    m = re.fullmatch(r"(art|p)(\d+)", rest)
    if m:
        return _ANNEX[m.group(1)][lang].format(n=m.group(2))
    return _ANNEX[""][lang].format(n=rest)


# -- reading ---------------------------------------------------------------------------------------------
# A sub-paragraph is a letter or a roman numeral ("(a)", "(iii)"); an item under it is a roman numeral.
_SUB = r"(?P<sub>[a-z]{1,2}|[ivxlc]{1,6})"
_ITEM = r"(?P<item>[ivxlc]{1,6})"
_N = r"(?P<n>\d{1,3})"
_ZH_N = r"(?P<n>\d{1,3}|[一二三四五六七八九十百]{1,5})"  # "第15段", "第十五段"
_EN_PART = rf"(?:\s+of\s+part\s+(?P<part>(?-i:{SECTION}))(?![\w]))?"
_FR_PART = rf"(?:\s+de\s+la\s+partie\s+(?P<part>(?-i:{SECTION}))(?![\w]))?"
_ZH_PART = r"(?:(?P<zpart>[甲乙丙丁戊己庚辛]|第[一二三四五六七八九十]{1,3})部分)?"
_OP_EN = r"(?:operative\s+)?paragraph"
_OP_FR = r"paragraphe"
_PAREN_SUB = rf"(?:\s*\({_SUB}\)(?:\s*\({_ITEM}\))?)?"
# after a number written short ("op14.a", "op 14(a)", "18 (a)", "op2.b.ii")
_SUB_TAIL = rf"(?:(?:\.|\s*\(){_SUB}\)?(?:(?:\.|\s*\(){_ITEM}\)?)?)?"

# (kind, pattern): each pattern names a number `n` and optionally `sub`, `item` and the part.
_FORMS = tuple((kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in (
    # English, as ref_in_words writes it and shorter
    ("op", rf"\bitem\s+\({_ITEM}\)\s+of\s+sub-?paragraph\s+\({_SUB}\)\s+of\s+{_OP_EN}\s+{_N}\b{_EN_PART}"),
    ("op", rf"\bsub-?paragraph\s+\({_SUB}\)\s+of\s+{_OP_EN}\s+{_N}\b{_EN_PART}"),
    ("pp", rf"\bpreambular\s+paragraph\s+{_N}\b{_EN_PART}"),
    ("pp", rf"\b{_N}(?:st|nd|rd|th)\s+preambular(?:\s+paragraph)?\b{_EN_PART}"),
    ("op", rf"\b{_OP_EN}\s+{_N}\b{_PAREN_SUB}{_EN_PART}"),
    # French
    ("op", rf"\bpoint\s+{_ITEM}\)\s+de\s+l['’]alinéa\s+{_SUB}\)\s+du\s+{_OP_FR}\s+{_N}\b(?:\s+du\s+dispositif)?{_FR_PART}"),
    ("op", rf"\balinéa\s+{_SUB}\)\s+du\s+{_OP_FR}\s+{_N}\b(?:\s+du\s+dispositif)?{_FR_PART}"),
    ("pp", rf"\balinéa\s+{_N}\s+du\s+préambule{_FR_PART}"),
    ("pp", rf"\b{_N}(?:e|er|ème)\s+alinéa\s+du\s+préambule{_FR_PART}"),
    ("op", rf"\b{_OP_FR}\s+{_N}\b{_PAREN_SUB}(?:\s+du\s+dispositif)?{_FR_PART}"),
    # Chinese (simplified and traditional)
    ("pp", rf"{_ZH_PART}序言部分第\s*{_ZH_N}\s*段"),
    ("op", rf"{_ZH_PART}(?:执行部分|執行部分)?第\s*{_ZH_N}\s*段(?:\s*[(（]{_SUB}[)）](?:\s*分段)?)?(?:\s*[(（]{_ITEM}[)）]\s*目)?"),
    # the short forms of any language
    ("pp", rf"\bpp\.?\s*{_N}\b"),
    ("op", rf"\bop\.?\s*{_N}{_SUB_TAIL}(?!\w)"),
    ("op", rf"(?:\bpara\.?|§)\s*{_N}\b{_PAREN_SUB}"),
))
# a bare number, read only as a whole (`read_ref`): what follows a symbol in "A/67/L.X#18"
_BARE_NUMBER = (("op", re.compile(rf"^{_N}{_SUB_TAIL}$", re.IGNORECASE)),)


def _refs_in(text: str, forms=_FORMS) -> list[tuple[int, int, str]]:
    """(start, end, ref) of every paragraph reference in words in `text`."""
    found = []
    for kind, pattern in forms:
        for m in pattern.finditer(text):
            g = m.groupdict()
            local = f"{kind}{chinese_number(g['n'])}"
            if kind == "op" and g.get("sub"):
                local += f".{g['sub'].lower()}" + (f".{g['item'].lower()}" if g.get("item") else "")
            ref = section_ref(_section(g), local)
            if is_valid_ref(ref):
                found.append((m.start(), m.end(), ref))
    return found


def _section(groups: dict) -> str:
    if groups.get("part"):
        return groups["part"]
    zh = groups.get("zpart")
    if not zh:
        return ""
    return _LETTER_OF_ZH_PART.get(zh) or to_roman(chinese_number(zh.removeprefix("第")))


def ref_named_in(text: str) -> str | None:
    """The first paragraph reference a text names in words, if any ("op8", "pp3", "op14.a", "B.op1").
    Where two forms start at one place, the longer is read ("sub-paragraph (a) of operative paragraph 14"
    is `op14.a`, not `op14`).

    >>> ref_named_in("what does paragraph 8 say?"), ref_named_in("序言部分第3段是什么？")
    ('op8', 'pp3')
    """
    found = _refs_in(text)
    if not found:
        return None
    return min(found, key=lambda f: (f[0], -f[1]))[2]


def read_ref(text: str) -> str | None:
    """`text` read whole as a paragraph reference: a ref of the grammar ("op18"), a ref in words
    ("operative paragraph 18", "执行部分第18段"), or a bare number, which is an operative paragraph ("18",
    "18 (a)"), as models write after a symbol ("A/67/L.X#18", "[A/67/L.X, paragraph 18]")."""
    text = text.strip().rstrip(".。")
    if is_valid_ref(text):
        return text
    whole = [ref for start, end, ref in _refs_in(text, _FORMS + _BARE_NUMBER) if start == 0 and end == len(text)]
    return whole[0] if whole else None

