"""The acts of a resolution: the verbs its paragraphs open with ("Recalling", "Demands", "Prie",
"回顾"), from one table (`language/data/acts.tsv`), in Chinese, English and French.

A question that names an act ("What did resolution 598 demand …?", "Que souligne la résolution …",
"第52/2号决议审议了谁的报告") asks about the paragraphs that perform it. `question_acts` reads the acts
a question names anywhere; `lead_acts` reads the acts that open a paragraph (the verb within its
first words, after an adverb: "Also strongly condemns", "又满意地注意到"). The judge compares the two.

>>> sorted(question_acts("What did resolution 598 (1987) demand of Iran and Iraq?", "en"))
['demand']
>>> sorted(lead_acts("Demands that, as a first step towards a negotiated settlement", "en"))
['demand']
>>> sorted(lead_acts("又满意地注意到联合国同法语国家国际组织继续加强合作", "zh"))
['note']
>>> sorted(lead_acts("Recalling its resolution 598 (1987), in which it demanded", "en"))
['recall']
>>> sorted(lead_acts("決定將南蘇丹特派團的任務延長到2016年12月16日", "zh"))
['decide', 'extend']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

ACTS_PATH = Path(__file__).parent / "data" / "acts.tsv"
# A paragraph's act is the verb among its first words: the lead may open with up to two adverbs
# ("Also strongly condemns", "Once again calls upon"; "又", "再次强烈", "满意地").
LEAD_WORDS = 3
LEAD_CJK_CHARS = 5
_LATIN_WORD_START = re.compile(r"(?<![\w'’-])\w")
# A form ends a word; a French inverted question joins its verb to the subject ("décide-t-elle",
# "prie-t-il"), which still ends the verb; an elided word may precede it ("qu’exige", "l’invite").
_WORD_END = r"(?:(?![\w-])|(?=-(?:t-)?(?:il|elle|ils|elles|on)\b))"
DECIDE = "decide"
# The first clause of a paragraph: up to its first semicolon or colon (a comma too in Chinese, whose
# decisions are one clause: "决定将…延长到2016年12月16日，").
_DECISION_CLAUSE = re.compile(r"[^;；:：，。]{0,200}")


@dataclass(frozen=True)
class _ActPatterns:
    latin: tuple[tuple[str, re.Pattern], ...]  # (act, English or French forms), in table order
    cjk: tuple[tuple[str, re.Pattern], ...]


@lru_cache(maxsize=1)
def _patterns(path: Path = ACTS_PATH) -> _ActPatterns:
    latin, cjk = [], []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        for lang in ("en", "fr"):
            latin.append((row["act"], re.compile(rf"(?<![\w-])(?:{row[lang]}){_WORD_END}", re.IGNORECASE)))
        cjk.append((row["act"], re.compile(row["zh"])))
    return _ActPatterns(tuple(latin), tuple(cjk))


def _is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


def question_acts(text: str, lang: str) -> frozenset[str]:
    """The acts a question names anywhere in its text (none for most questions)."""
    patterns = _patterns()
    table = patterns.cjk if _is_chinese(lang) else patterns.latin
    return frozenset(act for act, pattern in table if pattern.search(text))


def lead_acts(text: str, lang: str) -> frozenset[str]:
    """The acts that open a paragraph: a form of the table starting within its first
    `LEAD_WORDS` words (`LEAD_CJK_CHARS` characters in Chinese)."""
    patterns = _patterns()
    text = text.lstrip()
    if _is_chinese(lang):
        table, head = patterns.cjk, text[:60]
        limit = LEAD_CJK_CHARS
    else:
        table, head = patterns.latin, text[:160]
        starts = [m.start() for m in _LATIN_WORD_START.finditer(head)]
        limit = starts[LEAD_WORDS] if len(starts) > LEAD_WORDS else len(head)
    acts = {act for act, pattern in table if (m := pattern.search(head)) is not None and m.start() < limit}
    if DECIDE in acts:
        # What is decided is an act too: "Decides, in accordance with …, to extend", "决定将…的任务延长到".
        clause = _DECISION_CLAUSE.match(text).group(0)
        acts |= {act for act, pattern in table if pattern.search(clause)}
    return frozenset(acts)
