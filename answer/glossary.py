"""The answerer's view of the one UN glossary (index/glossary.py, index/data/un_terms.tsv), so a
question's terms can be looked for in paragraphs of another language ("peacekeeping" ↔ "维持和平"
↔ "maintien de la paix").

Each entry lists the surface forms in the three languages; the first form of a language is the
one shown. English and French forms are matched as word prefixes (so "operation" matches
"operations"), Chinese forms as substrings. Chinese cells that list parts ("任务 延长") are
conjunctions for the lexical channel and have no single surface form here, so they are left out.
"""

from __future__ import annotations

import functools

from index.glossary import load_glossary

Entry = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]


@functools.lru_cache(maxsize=1)
def glossary() -> tuple[Entry, ...]:
    """(zh forms, en forms, fr forms) of every glossary row with a plain Chinese form."""
    entries = []
    for term in load_glossary():
        zh = tuple(f for f in term.forms("zh") if " " not in f)
        if zh:
            entries.append((zh, term.forms("en"), term.forms("fr")))
    return tuple(entries)


# Words so common in resolutions that matching them is weak evidence.
GENERIC = frozenset({
    "联合国", "大会", "决议", "组织", "国际", "会员国", "各国", "合作", "秘书长",
    "united nations", "general assembly", "resolution", "organization", "international", "member states",
    "cooperation", "secretary-general", "nations unies", "assemblée générale", "résolution", "coopération",
})
