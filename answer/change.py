"""'What changed?' questions: "What changed in resolution 482 (1980) compared with 472 (1980)?",
"与上一份决议相比有什么变化？" (after a turn about a document), "what is new in this year's resolution on X?".

The two documents are compared paragraph by paragraph (compare/); the answer lists the changed, added
and removed paragraphs, each changed one cited on both sides. When one document is named (or in the
conversation, or found by searching the topic), the other is its previous version (compare/previous.py).

    answer = change.answer(library, question, turns, lang)   # None: not a change question
"""

from __future__ import annotations

import re

from answer import phrasing
from answer.conversation import context_of
from answer.model import Answer
from answer.tables import fill, showing
from compare.documents import compare_documents
from compare.previous import chronology, previous_version
from index.links import title_key
from ingest.citations import symbols_named
from ingest.symbols import symbols_equal
from language.refs import TYPED_SYMBOL
from language.refwords import ref_in_words
from language.scripts import has_cjk

QTYPE = "change"
MAX_ITEMS = 40
QUOTE = 220  # characters of a paragraph or a changed passage quoted

_CHANGE = re.compile(
    r"\bwhat(?:'s|\s+is|\s+has|\s+have)?\s+(?:changed|new|different)\b|\bwhat\s+are\s+the\s+(?:changes|differences)\b"
    r"|\bhow\s+(?:does|did|has)\b.*\b(?:differ|change)|\bdifferences?\s+between\b|\bchanges?\s+(?:in|from|since)\b"
    r"|qu['’]est-ce\s+qui\s+a\s+chang[ée]|quoi\s+de\s+neuf|qu['’]y\s+a-t-il\s+de\s+nouveau"
    r"|quel(?:le)?s\s+(?:sont\s+les\s+)?(?:modifications|changements|diff[ée]rences|nouveaut[ée]s)"
    r"|什么变化|何变化|哪些变化|什么變化|哪些變化|什么不同|何不同|哪些不同|新增了什么|有什么新|改动|修改了什么",
    re.I,
)
# With two documents named, a comparison is a change question too ("Par rapport à 73/8, … 80/4 …").
_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b|\bpar\s+rapport\s+(?:à|aux?)\b|相比|相较|相對|\bversus\b|\bvs\.?\s",
                       re.I)
CONTEXT_WORDS = 2  # unchanged words shown on each side of a changed passage
_PREVIOUS = re.compile(r"上一份|上一个|上份|前一份|上一年|去年|previous|last\s+(?:year|one|time)|précédent|l['’]an\s+dernier",
                       re.I)
_THIS_YEAR = re.compile(r"this\s+year['’]?s?|latest|newest|most\s+recent|今年|最新|cette\s+année|derni[èe]re", re.I)

_TEXT = {
    "head": {
        "en": "Compared with {a}, {b} changes {c} paragraph(s), adds {n} and removes {r} ({s} unchanged):",
        "zh": "与 {a} 相比，{b} 修改了 {c} 个段落，新增 {n} 个，删除 {r} 个（{s} 个未变）：",
        "fr": "Par rapport à {a}, {b} modifie {c} paragraphe(s), en ajoute {n} et en supprime {r} ({s} inchangé(s)) :",
    },
    "cross": {
        "en": "Only different language versions of {a} ({la}) and {b} ({lb}) are indexed: the paragraphs are aligned "
              "by number, but the wording cannot be compared across languages.",
        "zh": "索引中 {a}（{la}）和 {b}（{lb}）只有不同语文的版本：段落按编号对齐，但措辞无法跨语文比较。",
        "fr": "Seules des versions en langues différentes de {a} ({la}) et de {b} ({lb}) sont indexées : les "
              "paragraphes sont alignés par numéro, mais le libellé ne peut pas être comparé d'une langue à l'autre.",
    },
    "changed": {"en": "- {wb} [{cb}] (was {wa} [{ca}]): {what}", "zh": "- {wb} [{cb}]（原{wa} [{ca}]）：{what}",
                "fr": "- {wb} [{cb}] (auparavant {wa} [{ca}]) : {what}"},
    "added": {"en": "- new {wb} [{cb}]: {quote}", "zh": "- 新增{wb} [{cb}]：{quote}", "fr": "- nouveau : {wb} [{cb}] : {quote}"},
    "removed": {"en": "- removed {wa} [{ca}]: {quote}", "zh": "- 删除{wa} [{ca}]：{quote}",
                "fr": "- supprimé : {wa} [{ca}] : {quote}"},
    "same_all": {"en": "{b} repeats {a} paragraph for paragraph: no wording changed.",
                 "zh": "{b} 与 {a} 逐段相同，措辞没有变化。",
                 "fr": "{b} reprend {a} paragraphe par paragraphe : aucun libellé n'a changé."},
    "no_previous": {"en": "No earlier version of {b} is in the index to compare it with.",
                    "zh": "索引中没有 {b} 的较早版本可供比较。",
                    "fr": "Aucune version antérieure de {b} n'est dans l'index pour la comparer."},
    "more": {"en": "… and {n} more.", "zh": "……另有 {n} 项。", "fr": "… et {n} de plus."},
    "also": {"en": "Other changes:", "zh": "其他变化：", "fr": "Autres modifications :"},
    "arrow": {"en": "“{old}” → “{new}”", "zh": "“{old}” → “{new}”", "fr": "« {old} » → « {new} »"},
    "adds": {"en": "adds “{new}”", "zh": "新增“{new}”", "fr": "ajoute « {new} »"},
    "drops": {"en": "drops “{old}”", "zh": "删去“{old}”", "fr": "supprime « {old} »"},
}


def _t(key: str, lang: str, **values) -> str:
    return fill(_TEXT, key, lang, **values)


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return text if len(text) <= QUOTE else text[: QUOTE - 1].rstrip() + "…"


def is_change_question(question: str) -> bool:
    return bool(_CHANGE.search(question)) or (bool(_COMPARED.search(question)) and len(symbols_named(question)) >= 2)


def documents_to_compare(library, question: str, turns=(), lang: str = "en") -> tuple[str | None, str | None]:
    """(older, newer) symbols for a change question; older is None when no previous version is indexed."""
    documents = library.documents()

    def indexed(symbols):
        return [s for s in symbols if any(symbols_equal(d.symbol, s) for d in documents)]

    named = indexed(symbols_named(question))
    if len(named) >= 2:
        base = next(iter(indexed(_compared_with(question))), None)
        other = next((s for s in named if base and not symbols_equal(s, base)), None)
        pair = [base, other] if base and other else named[:2]
        infos = {s: next(d for d in documents if symbols_equal(d.symbol, s)) for s in pair}
        older, newer = sorted(pair, key=lambda s: chronology(infos[s]))
        return older, newer
    newer = named[0] if named else None
    if newer is None and (_PREVIOUS.search(question) or not _THIS_YEAR.search(question)):
        symbols = context_of(tuple(turns)).symbols
        newer = symbols[0] if symbols else None
    if newer is None:
        newer = _newest_on_topic(library, question)
    if newer is None:
        return None, None
    return previous_version(library, newer, lang), newer


_BASE_AFTER = re.compile(r"\b(?:compared\s+(?:with|to)|par\s+rapport\s+(?:à|aux?))\s+(?P<rest>.*)", re.I)
_BASE_BEFORE = re.compile(r"(?:与|同|和|跟)(?P<base>[^与同和跟]{1,40}?)(?:相比|相较|比较)")


def _compared_with(question: str) -> list[str]:
    """The resolutions named as the base of a comparison: after "compared with" / "par rapport à",
    inside "与 … 相比" ("第396(1976)号决议中要求执行第338(1973)号决议的措辞与第368(1975)号相比" -> 368)."""
    if m := _BASE_BEFORE.search(question):
        return symbols_named(m.group("base"))
    if m := _BASE_AFTER.search(question):
        return symbols_named(m.group("rest"))[:1]
    return []


def _newest_on_topic(library, question: str) -> str | None:
    """"this year's resolution on X": the newest indexed document with the title that best matches X
    (shared words), else with the title of the best search hit."""
    docs = library.documents()
    asked = _title_words(question)
    best = max(docs, key=lambda d: (len(asked & _title_words(d.title)), chronology(d)), default=None)
    if best is None or len(asked & _title_words(best.title)) < 2:
        hits = library.search(question, k=10)
        best = next((d for d in docs if hits and symbols_equal(d.symbol, hits[0].symbol)), None)
    if best is None:
        return None
    same = [d for d in docs if title_key(d.title) == title_key(best.title)] or [best]
    return max(same, key=chronology).symbol


def _title_words(text: str) -> set[str]:
    from compare.diff import tokens

    return {t.casefold() for t in tokens(text or "") if len(t) > 3 and t.isalpha()} - _QUESTION_WORDS


_QUESTION_WORDS = {"what", "which", "this", "year", "years", "resolution", "resolutions", "changed", "change",
                   "with", "about", "that", "quoi", "neuf", "dans", "cette", "année", "résolution", "quelles"}


def topic_of(question: str) -> str:
    """What a change question asks about beyond the change: the question without its change and
    comparison cues and the symbols it names ("What did resolution 80/4 change in the agenda item decision
    compared with 73/8?" -> "What did resolution 80/4 the agenda item decision 73/8?"; its numbers, the
    words of the compared documents' titles and the entities both name ("on UNDOF") name the documents,
    and the judge's caller drops them)."""
    for pattern in (_CHANGE, _COMPARED, _PREVIOUS, _THIS_YEAR, TYPED_SYMBOL):
        question = pattern.sub(" ", question)
    return re.sub(r"\s+", " ", question).strip()


def answer(library, question: str, turns=(), lang: str = "en", concerns=None) -> Answer | None:
    """The change answer, or None when `question` does not ask what changed.

    `concerns(topic, documents, hits) -> ids` is the judge's verdict on which changed paragraphs concern
    the question's `topic_of` (`documents`: the two documents' paragraphs, whose subject is no topic): when it
    keeps some of them and not all ("which report does 80/4 take note of, compared with 73/8?"), those
    come first and the other changes follow under "Other changes:"; without it, or when the question has
    no topic of its own ("what changed in 80/4 compared with 73/8?") or the judge keeps none or all, the
    changes are in document order. Every change is listed either way: a question scoped to the
    documents ("what changed in the UNDOF renewal?") reads to the judge like one about a part of them."""
    if not is_change_question(question) or not hasattr(library, "paragraphs"):
        return None
    older, newer = documents_to_compare(library, question, turns, lang)
    if newer is None:
        return None
    if older is None:
        return Answer(_t("no_previous", lang, b=newer), (), (), "noanswer", lang)
    both = [d.lang for d in library.documents() if symbols_equal(d.symbol, older)]
    result = compare_documents(library, older, newer, lang=lang if lang in both else None)
    topic = topic_of(question)
    focus = None if concerns is None else (lambda documents, hits: concerns(topic, documents, hits))
    return render(library, result, lang, focus)


def passages(diff) -> tuple[str, str]:
    """The old and the new wording of each changed passage, with a few unchanged words around it
    ("its seventy-fourth session" → "its eighty-first session"), passages joined by " … "."""
    diff = _coalesce(list(diff))
    old_parts, new_parts = [], []
    i = 0
    while i < len(diff):
        if diff[i][0] == "=":
            i += 1
            continue
        j = i
        while j < len(diff) and diff[j][0] != "=":
            j += 1
        before = _edge(diff[i - 1][1], last=True) if i > 0 else ""
        after = _edge(diff[j][1], last=False) if j < len(diff) else ""
        minus = "".join(t for op, t in diff[i:j] if op == "-")
        plus = "".join(t for op, t in diff[i:j] if op == "+")
        old_parts.append((before + minus + after).strip() if minus else "")
        new_parts.append((before + plus + after).strip() if plus else "")
        i = j
    return " … ".join(p for p in old_parts if p), " … ".join(p for p in new_parts if p)


def _coalesce(diff: list) -> list:
    """Two changes a few words (or Chinese characters) apart read as one: "三个月,至一九七五" → "一年,即到一九七七"."""
    out: list = []
    for k, (op, text) in enumerate(diff):
        between = 0 < k < len(diff) - 1 and diff[k - 1][0] != "=" and diff[k + 1][0] != "="
        short = len(text.strip()) <= 8 if has_cjk(text) else len(text.split()) <= 2 * CONTEXT_WORDS
        if op == "=" and between and short:
            out += [("-", text), ("+", text)]
        else:
            out.append((op, text))
    return out


def _edge(text: str, last: bool) -> str:
    """The last (or first) CONTEXT_WORDS words of an unchanged segment, with the spacing that joins them."""
    if has_cjk(text):  # Chinese: a few characters
        return text[-4:] if last else text[:4]
    words = re.findall(r"\s*\S+", text) if not last else re.findall(r"\S+\s*", text)
    if last:
        return "".join(words[-CONTEXT_WORDS:]) if words else text
    return "".join(words[:CONTEXT_WORDS]) if words else text


def _focus(items, hits_a, hits_b, concerns) -> list:
    """The changes whose paragraph (either side) the judge finds the question is about; [] for all.
    `concerns(documents, hits)`: the two documents' paragraphs, and the changed ones to judge."""
    if concerns is None or not items:
        return []
    sides = [[h for h in (hits_a.get(p.a), hits_b.get(p.b)) if h is not None] for p in items]
    kept = set(concerns([list(hits_a.values()), list(hits_b.values())], [h for pair in sides for h in pair]))
    focus = [p for p, pair in zip(items, sides) if any(h.id in kept for h in pair)]
    return focus if len(focus) < len(items) else []


def render(library, result, lang: str, concerns=None) -> Answer:
    """The answer text for a Comparison: changed, added and removed paragraphs, cited on both sides
    (the ones the question is about first, when `concerns` tells them apart; see `answer`)."""
    a, b = result.a, result.b
    hits_a = {h.ref: h for h in library.paragraphs(a, result.lang_a)}
    hits_b = {h.ref: h for h in library.paragraphs(b, result.lang_b)}
    counts = result.counts()
    lines: list[str] = []
    if not result.comparable:
        lines.append(_t("cross", lang, a=a, b=b, la=result.lang_a, lb=result.lang_b))
    else:
        lines.append(_t("head", lang, a=a, b=b, c=counts.get("changed", 0), n=counts.get("added", 0),
                        r=counts.get("removed", 0), s=counts.get("same", 0)))
    shown: list = []
    items = [p for p in result.pairs if p.status in ("changed", "added", "removed") and "title" not in (p.a, p.b)]
    focus = _focus(items, hits_a, hits_b, concerns)
    ordered = focus + [p for p in items if p not in focus]
    for k, pair in enumerate(ordered[:MAX_ITEMS]):
        if focus and k == len(focus):
            lines.append(_t("also", lang))
        wa = ref_in_words(pair.a, lang) if pair.a else ""
        wb = ref_in_words(pair.b, lang) if pair.b else ""
        ca, cb = f"{a}#{pair.a}", f"{b}#{pair.b}"
        if pair.status == "changed":
            old, new = passages(pair.diff)
            what = (_t("arrow", lang, old=_short(old), new=_short(new)) if old and new
                    else _t("adds", lang, new=_short(new)) if new else _t("drops", lang, old=_short(old)))
            lines.append(_t("changed", lang, wb=wb, cb=cb, wa=wa, ca=ca, what=what))
            shown += [hits_b[pair.b], hits_a[pair.a]]
        elif pair.status == "added":
            lines.append(_t("added", lang, wb=wb, cb=cb, quote=phrasing.quote(_short(hits_b[pair.b].text), result.lang_b)))
            shown.append(hits_b[pair.b])
        else:
            lines.append(_t("removed", lang, wa=wa, ca=ca, quote=phrasing.quote(_short(hits_a[pair.a].text), result.lang_a)))
            shown.append(hits_a[pair.a])
    if len(items) > MAX_ITEMS:
        lines.append(_t("more", lang, n=len(items) - MAX_ITEMS))
    if result.comparable and not items:
        lines.append(_t("same_all", lang, a=a, b=b))
    return showing("\n".join(lines), shown, QTYPE, lang)
