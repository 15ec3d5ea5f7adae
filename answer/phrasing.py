"""The words of an extractive answer in the question's language: paragraph kinds and
numbers in words ("operative paragraph 7" / "执行部分第7段" / "paragraphe 7 du dispositif"),
quotation marks, and the fixed sentences (no answer, list heading).
"""

from __future__ import annotations

import re

from ingest.lexicon import OPERATIVE_STARTERS, ZH_OPERATIVE_STARTERS

_MESSAGES = {
    "noanswer": {
        "en": "The indexed documents don't cover this question.",
        "zh": "已索引的文件没有涉及这个问题。",
        "fr": "Les documents indexés ne traitent pas de cette question.",
    },
    "lookup": {
        "en": "According to {symbol}, {where}: {quote} [{cite}]",
        "zh": "根据 {symbol} {where}：{quote} [{cite}]",
        "fr": "Selon {symbol}, {where} : {quote} [{cite}]",
    },
    "fact": {
        "en": "{fact}.",
        "zh": "{fact}。",
        "fr": "{fact}.",
    },
    "names": {
        "en": "({names})",
        "zh": "（{names}）",
        "fr": "({names})",
    },
    "operative_in_preamble": {
        "en": "an operative provision (numbered in the source as {where})",
        "zh": "执行性条款（原文编号为{where}）",
        "fr": "une disposition du dispositif (numérotée dans la source comme {where})",
    },
    "list_heading": {
        "en": "{n} paragraph(s) in {d} document(s):",
        "zh": "共 {d} 份文件中的 {n} 个段落：",
        "fr": "{n} paragraphe(s) dans {d} document(s) :",
    },
    "list_item": {
        "en": "- {where} [{cite}]: {quote}",
        "zh": "- {where} [{cite}]：{quote}",
        "fr": "- {where} [{cite}] : {quote}",
    },
    "paragraph": {
        "en": "{where} of {symbol} reads: {quote} [{cite}]",
        "zh": "{symbol} {where}内容如下：{quote} [{cite}]",
        "fr": "{where} de {symbol} se lit comme suit : {quote} [{cite}]",
    },
    "no_version": {
        "en": "There is no {language} version of {symbol} in the index.",
        "zh": "索引中没有 {symbol} 的{language}版本。",
        "fr": "Il n'y a pas de version {language} de {symbol} dans l'index.",
    },
    "no_paragraph": {
        "en": "{symbol} has no {where} in the index.",
        "zh": "索引中的 {symbol} 没有{where}。",
        "fr": "{symbol} n'a pas de {where} dans l'index.",
    },
}
_LANG_NAMES = {
    "en": {"en": "English", "zh": "Chinese", "fr": "French", "ru": "Russian", "es": "Spanish", "ar": "Arabic"},
    "zh": {"en": "英文", "zh": "中文", "fr": "法文", "ru": "俄文", "es": "西班牙文", "ar": "阿拉伯文"},
    "fr": {"en": "anglaise", "zh": "chinoise", "fr": "française", "ru": "russe", "es": "espagnole", "ar": "arabe"},
}


def ui_lang(lang: str) -> str:
    """The language answers are written in: zh, fr, or English for everything else."""
    return lang if lang in ("zh", "fr") else "en"


def message(key: str, in_lang: str, **values) -> str:
    """A fixed sentence in the question's language, filled with `values`."""
    return _MESSAGES[key][ui_lang(in_lang)].format(**values)


def language_name(code: str, lang: str) -> str:
    return _LANG_NAMES[ui_lang(lang)].get(code, code)


def quote(text: str, source_lang: str) -> str:
    """Quotation marks of the quoted text's own language."""
    if source_lang == "zh":
        return f"“{text}”"
    if source_lang == "fr":
        return f"« {text} »"
    return f'"{text}"'


def ref_in_words(ref: str, lang: str) -> str:
    """A paragraph reference in words.

    >>> ref_in_words("op7", "en"), ref_in_words("op7", "zh"), ref_in_words("pp3", "fr")
    ('operative paragraph 7', '执行部分第7段', 'alinéa 3 du préambule')
    >>> ref_in_words("op14.a", "en"), ref_in_words("op14.a", "zh")
    ('sub-paragraph (a) of operative paragraph 14', '执行部分第14段(a)分段')
    """
    lang = ui_lang(lang)
    m = re.fullmatch(r"op(\d+)(?:\.([a-z]{1,2})(?:\.([ivxlc]+))?)?", ref)
    if m:
        n, sub, subsub = m.groups()
        if lang == "zh":
            return f"执行部分第{n}段" + (f"({sub})分段" if sub else "") + (f"({subsub})目" if subsub else "")
        if lang == "fr":
            head = f"paragraphe {n} du dispositif"
            if sub:
                head = f"alinéa {sub}) du {head}"
            return f"point {subsub}) de l'{head}" if subsub else head
        head = f"operative paragraph {n}"
        if sub:
            head = f"sub-paragraph ({sub}) of {head}"
        return f"item ({subsub}) of {head}" if subsub else head
    simple = {
        "pp": {"en": "preambular paragraph {n}", "zh": "序言部分第{n}段", "fr": "alinéa {n} du préambule"},
        "fn": {"en": "footnote {n}", "zh": "脚注{n}", "fr": "note {n}"},
        "p": {"en": "paragraph {n}", "zh": "第{n}段", "fr": "paragraphe {n}"},
    }
    m = re.fullmatch(r"(pp|fn|p)(\d+)", ref)
    if m:
        return simple[m.group(1)][lang].format(n=m.group(2))
    if ref == "title":
        return {"en": "the title", "zh": "标题", "fr": "le titre"}[lang]
    if ref.startswith("annex."):
        rest = ref.split(".", 1)[1]
        m = re.fullmatch(r"(art|p)(\d+)", rest)
        if m:
            words = {
                "art": {"en": "article {n} of the annex", "zh": "附件第{n}条", "fr": "article {n} de l'annexe"},
                "p": {"en": "paragraph {n} of the annex", "zh": "附件第{n}段", "fr": "paragraphe {n} de l'annexe"},
            }
            return words[m.group(1)][lang].format(n=m.group(2))
        return {"en": f"annex ({rest})", "zh": f"附件({rest})", "fr": f"annexe ({rest})"}[lang]
    return ref


def ref_order(ref: str) -> tuple:
    """A sort key that puts refs in document order: title, preamble, operative, annex, footnotes."""
    section = {"title": 0, "pp": 1, "op": 2, "p": 2, "annex": 3, "fn": 4}
    head = re.match(r"[a-z]+", ref)
    kind = head.group() if head else ref
    numbers = [int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", ref[len(kind):])]
    return (section.get(kind, 5), [(0, x) if isinstance(x, int) else (1, x) for x in numbers])


_OPERATIVE_OPENING = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}[.)]\s*)?(?:" + "|".join(map(re.escape, OPERATIVE_STARTERS)) + r")\b"
    r"|^\s*(?:" + "|".join(map(re.escape, ZH_OPERATIVE_STARTERS)) + ")"
)


def reads_as_operative(text: str) -> bool:
    """A paragraph that opens with an operative verb ("Decides", "Décide", "决定") is a decision,
    whatever its number says."""
    return bool(_OPERATIVE_OPENING.match(text))


def where(hit, lang: str) -> str:
    """The paragraph in words, by what it is: a preambular-numbered paragraph that opens with an
    operative verb is never presented as preambular text (a parse that merged lines can number
    "Decides to extend ..." as pp2)."""
    words = ref_in_words(hit.ref, lang)
    if hit.kind == "preamble" and reads_as_operative(hit.text):
        return message("operative_in_preamble", lang, where=words)
    return words


def entity_names(question, quote: str, source_lang: str, entities) -> str:
    """The entities the quote names, in the question's language, when the quote is in another
    language ("南蘇丹特派團 = UNMISS"); "" otherwise."""
    lang = ui_lang(question.lang)
    if entities is None or lang == ui_lang(source_lang):
        return ""
    pairs, seen = [], set()
    for mention in entities.mentions(quote):
        entity = entities.by_id[mention.entity]
        own = entity.acronyms[0] if lang == "en" and entity.acronyms else entity.name(lang)
        if own and own != mention.surface and entity.id not in seen:
            seen.add(entity.id)
            pairs.append(f"{mention.surface} = {own}")
    return message("names", lang, names="; ".join(pairs)) if pairs else ""
