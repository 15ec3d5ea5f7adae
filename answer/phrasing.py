"""The words of an extractive answer in the question's language: paragraph kinds and
numbers in words ("operative paragraph 7" / "执行部分第7段" / "paragraphe 7 du dispositif"),
quotation marks, and the fixed sentences (no answer, list heading).
"""

from __future__ import annotations

import re

from ingest.lexicon import OPERATIVE_STARTERS, ZH_OPERATIVE_STARTERS
from language.refwords import ref_in_words

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
