"""Citations in a paragraph's text: the resolutions, decisions, presidential statements and
documents it names, with normalized symbols.

    >>> [c.symbol for c in extract_cites("Recalling its resolutions 660 (1990) of 2 August 1990,"
    ...                                  " 661\\n(1990) of 6 August 1990 and 678 (1990),")]
    ['S/RES/660 (1990)', 'S/RES/661 (1990)', 'S/RES/678 (1990)']
    >>> [c.symbol for c in extract_cites("回顾以往第1996(2011)、2046(2012)和2304(2016)號決議")]
    ['S/RES/1996 (2011)', 'S/RES/2046 (2012)', 'S/RES/2304 (2016)']

Three passes, each a grammar of what the UN prints:
- full symbols (`A/RES/33/18`, `S/PRST/2014/28`, `A/67/280-S/2012/614` = two documents);
- a keyword and a list ("resolutions 660 (1990) of 2 August 1990, 661 (1990) …", "sa résolution
  ES-10/21", "decision 53/453"); the keyword is printed once for the whole list;
- Chinese `第…号决议` around one number or a whole list (`第1996(2011)、…和2304(2016)號決議`).

Only numbers in a citation's own grammar count, so dates ("of 4 March 1964"), sessions, paragraph
numbers ("paragraph 2 of resolution 678 (1990)") and counts are never cited. The organ of a bare number
comes from its form: `660 (1990)` (a year) is the Security Council's, `33/18` (session/number) and
`2758 (XXVI)` (a roman session) are the General Assembly's, unless an organ is named with it or the
citing document belongs to another organ that numbers that way (ECOSOC, the Human Rights Council).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ingest.model import Cite, Paragraph
from ingest.symbols import normalize_symbol, symbol_key
from language.refs import NUMBER_YEAR, SESSION_NUMBER

__all__ = ["cites_of_texts", "extract_cites", "symbols_named", "with_cites", "symbol_kind"]

# -- full symbols --------------------------------------------------------------------------------
_SEG = r"(?:ES-\d+|[A-Z]{1,8}(?:\.\d+)?|\d+(?:\.\d+)?|(?:Add|Rev|Corr|Amend)\.\d+)"
_FULL = re.compile(
    rf"(?<![A-Za-z0-9/.])(?P<sym>(?:A|S|E|ST)(?:\s?/\s?{_SEG}){{1,7}})"
    r"(?P<tail>\s*\(\s*(?:\d{4}|[IVXL]+)\s*\)(?:\s[A-Z](?![\w/]))?)?"
)

# -- keyword + list (en, fr) ----------------------------------------------------------------------------
_ORG_WORDS = {
    "GA": r"General Assembly|Assembly|Assemblée générale|Assemblée|大会|大會",
    "SC": r"Security Council|Conseil de sécurité|安全理事会|安全理事會|安理会|安理會",
    "ECOSOC": r"Economic and Social Council|Conseil économique et social|经济及社会理事会|經濟及社會理事會|经社理事会",
    "HRC": r"Human Rights Council|Conseil des droits de l['’]homme|人权理事会|人權理事會",
}
_ORG_BEFORE = re.compile(
    r"(?:(?P<GA>General Assembly|Assembly)|(?P<SC>Security Council)|(?P<ECOSOC>Economic and Social Council)"
    r"|(?P<HRC>Human Rights Council))\s+$"
)
_ORG_AFTER = re.compile(
    r"^\s*(?:of the |de l['’]|du |des )?(?:(?P<GA>General Assembly|Assemblée générale)|(?P<SC>Security Council|"
    r"Conseil de sécurité)|(?P<ECOSOC>Economic and Social Council|Conseil économique et social)"
    r"|(?P<HRC>Human Rights Council|Conseil des droits de l['’]homme))"
)
# the numbers of language/refs.py (SESSION_NUMBER, NUMBER_YEAR) with the part letters a list may carry
_PART = r"(?:\s?[A-Z](?:\s(?:and|et)\s[A-Z])?(?![A-Za-z/]))"  # "2480 B (XXIII)", "42/207 C", "72/90 A and B"
_ITEM = (rf"(?:{SESSION_NUMBER}{_PART}?"
         rf"|\d{{1,4}}{_PART}?\s*[(（]\s*(?:\d{{4}}|[IVXL]+|E?S-\d+)\s*[)）]{_PART}?"
         r"|\d{1,4}(?![\d/.,]*\d)(?!\s*[(（/]))")  # bare "resolution 687": only if the document printed 687 (1991)
_MONTH = r"[A-Za-zéû]+"
_DATE = (rf"(?:\s*,?\s*(?:of|dated|adopted on|du|en date du|adoptée le|adoptée)\s+\d{{1,2}}(?:er)?\s+{_MONTH}(?:\s+\d{{4}})?)"
         r"|(?:\s*,?\s*(?:of|du)\s+\d{4})")
_SEP = (r"(?:\s*(?:,\s*(?:and|et)\s+|,|;|\s(?:and|et|or|ou|as well as|ainsi que)\s)\s*"
        r"(?:(?:and\s+)?(?:in particular|notably|including|especially|also|notamment|en particulier|aussi)\s*,?\s*)?)")
_KEYWORD = re.compile(
    # a capital keyword glued to the previous word is an inlined footnote ("l'hommeRésolution 217 A (III).")
    rf"(?:(?<![\w])|(?<=[a-zà-ÿ])(?=[RD]))(?P<kw>[Rr]esolutions?|[Dd]ecisions?|[Rr]ésolutions?|[Dd]écisions?)"
    rf"(?:\s+(?:No\.|Nos\.|nos?|n°))?\s+(?=\d|ES-)(?P<list>{_ITEM}(?:{_DATE})?(?:{_SEP}{_ITEM}(?:{_DATE})?)*)"
)
_ITEM_IN_LIST = re.compile(rf"(?P<item>{_ITEM})(?P<date>{_DATE})?")

# -- Chinese 第…号决议 -----------------------------------------------------------------------------------------
_ZSEP = r"\s*(?:[、,，;；]|以及|和|及|与|與)\s*"
_ZNUM = r"[\d〇零一二三四五六七八九十]"
_ZDATE = rf"(?:(?:{_ZNUM}{{2,4}}\s*年\s*)?{_ZNUM}{{1,3}}\s*月\s*{_ZNUM}{{1,3}}\s*日\s*(?:的\s*)?)"
_ZITEM = _ITEM
_ZGROUP = rf"第\s*{_ZITEM}(?:{_ZSEP}{_ZDATE}?(?:第\s*)?{_ZITEM})*\s*[号號]"
_ZCHAIN = re.compile(rf"(?:{_ZDATE})?{_ZGROUP}(?:{_ZSEP}{_ZDATE}?{_ZGROUP})*\s*等?\s*(?P<kind>决议|決議|决定|決定)")
_ZGROUP_RE = re.compile(rf"第\s*(?P<items>{_ZITEM}(?:{_ZSEP}{_ZDATE}?(?:第\s*)?{_ZITEM})*)\s*[号號]")
_ZITEM_RE = re.compile(_ZITEM)
_ZORG = re.compile(rf"(?:(?P<GA>{_ORG_WORDS['GA']})|(?P<SC>{_ORG_WORDS['SC']})|(?P<ECOSOC>{_ORG_WORDS['ECOSOC']})"
                   rf"|(?P<HRC>{_ORG_WORDS['HRC']}))\s*(?:的\s*)?(?:以往\s*|关于\S{{0,6}}\s*)?$")

_ORGAN_OF_DOCUMENT = {"General Assembly": "GA", "Security Council": "SC",
                      "Economic and Social Council": "ECOSOC", "Human Rights Council": "HRC"}
_SLASH_ORGANS = ("GA", "ECOSOC", "HRC")  # organs that number session/number (or year/number)


def symbol_kind(symbol: str) -> str:
    """The `kind` of a cited symbol: resolution, decision, presidential_statement or document."""
    upper = symbol.upper()
    if "/RES/" in upper:
        return "resolution"
    if "/DEC/" in upper:
        return "decision"
    if "/PRST/" in upper:
        return "presidential_statement"
    return "document"


def _organ_code(organ: str | None, own_symbol: str | None) -> str | None:
    if organ in _ORGAN_OF_DOCUMENT:
        return _ORGAN_OF_DOCUMENT[organ]
    if own_symbol:
        head = normalize_symbol(own_symbol)
        if head.startswith("A/HRC/"):
            return "HRC"
        return {"A": "GA", "S": "SC", "E": "ECOSOC"}.get(head.split("/", 1)[0])
    return None


def _named(match: re.Match | None) -> str | None:
    if not match:
        return None
    return next((k for k in ("GA", "SC", "ECOSOC", "HRC") if match.group(k)), None)


def _number_symbols(item: str, decision: bool, named: str | None, document_organ: str | None,
                    known: dict[str, str] | None = None) -> list[str]:
    """`72/90 A and B` names two resolutions; every other item one (or none)."""
    if item.strip().isdigit():  # a bare number is the resolution the same document cites with its year
        symbol = (known or {}).get(item.strip()) if not decision else None
        return [symbol] if symbol else []
    both = re.fullmatch(r"(.*?)\s?([A-Z])\s(?:and|et)\s([A-Z])(\s*[(（].*)?", item)
    items = [f"{both.group(1)} {letter}{both.group(4) or ''}" for letter in both.group(2, 3)] if both else [item]
    found = (_number_symbol(i, decision, named, document_organ) for i in items)
    return [s for s in found if s]


def _number_symbol(item: str, decision: bool, named: str | None, document_organ: str | None) -> str | None:
    """`660 (1990)` → `S/RES/660 (1990)`, `33/18` → `A/RES/33/18`, `53/453` (decision) → `A/DEC/53/453`."""
    item = re.sub(r"\s+", " ", item.replace("（", "(").replace("）", ")")).strip()
    slash = re.fullmatch(r"(ES-\d+|\d+)\s*/\s*(\d+)\s*([A-Z])?", item)
    paren = re.fullmatch(r"(\d+)\s*([A-Z])?\s*\(\s*(\d{4}|[IVXL]+|E?S-\d+)\s*\)(?:\s*([A-Z]))?", item)
    if slash:
        organ = named or (document_organ if document_organ in _SLASH_ORGANS else "GA")
        if organ == "SC":  # the Council does not number session/number
            organ = "GA"
        body = f"{slash.group(1)}/{slash.group(2)}" + (f" {slash.group(3)}" if slash.group(3) else "")
    elif paren:
        number, part_before, period, part_after = paren.groups()
        if decision:
            return None  # decisions are numbered session/number
        if period.isdigit():  # only the Council numbers "N (YYYY)"
            organ = "SC"
        else:  # a roman session: the Assembly's (or ECOSOC's) older numbering
            organ = named if named in ("GA", "ECOSOC") else "GA"
        part = part_after or part_before
        body = f"{number} ({period})" + (f" {part}" if part else "")
    else:
        return None
    prefix = {("GA", False): "A/RES", ("GA", True): "A/DEC", ("SC", False): "S/RES", ("SC", True): "S/DEC",
              ("ECOSOC", False): "E/RES", ("ECOSOC", True): "E/DEC", ("HRC", False): "A/HRC/RES",
              ("HRC", True): "A/HRC/DEC"}[(organ, decision)]
    return normalize_symbol(f"{prefix}/{body}")


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip(" ,;")


def extract_cites(text: str, organ: str | None = None, own_symbol: str | None = None,
                  known: dict[str, str] | None = None) -> tuple[Cite, ...]:
    """The documents a paragraph names, in order of appearance, each once.

    `organ` is the citing document's organ ("General Assembly", "Security Council", …) and
    `own_symbol` its symbol: a document never cites itself (its title "Resolution 1454 (2002)").
    `known` maps bare numbers to the symbols the same document cites in full ("687" →
    "S/RES/687 (1991)"), so a later "resolution 687" is that resolution.
    """
    document_organ = _organ_code(organ, own_symbol)
    found: list[tuple[int, int, Cite]] = []  # (start, end, cite)

    def taken(start: int, end: int) -> bool:
        return any(s < end and start < e for s, e, _ in found)

    for m in _FULL.finditer(text):
        raw = m.group("sym")
        if not re.search(r"\d", raw) or "/" not in raw:
            continue
        tail = m.group("tail") or ""
        symbol = normalize_symbol(raw + tail)
        if "/RES/" not in symbol and tail:  # "A/67/280 (2012)" is not a printed form; keep the symbol
            symbol, tail = normalize_symbol(raw), ""
        if raw.upper().startswith("S/RES/") and not tail:
            continue  # "S/RES/660" without its year is not a normalized symbol; the list pass may see it
        found.append((m.start(), m.start() + len(raw) + len(tail), Cite(symbol, symbol_kind(symbol), _clean(raw + tail))))

    for m in _KEYWORD.finditer(text):
        decision = m.group("kw").lower().startswith(("dec", "déc"))
        before = _named(_ORG_BEFORE.search(text[max(0, m.start() - 40):m.start()]))
        after = _named(_ORG_AFTER.match(text[m.end():m.end() + 60]))
        named = before or after
        base = m.start("list")
        for item in _ITEM_IN_LIST.finditer(m.group("list")):
            start, end = base + item.start(), base + item.end()
            if taken(start, end):
                continue
            for symbol in _number_symbols(item.group("item"), decision, named, document_organ, known):
                found.append((start, end, Cite(symbol, symbol_kind(symbol), _clean(item.group(0)))))

    for m in _ZCHAIN.finditer(text):
        decision = m.group("kind") in ("决定", "決定")
        named = _named(_ZORG.search(text[max(0, m.start() - 16):m.start()]))
        for group in _ZGROUP_RE.finditer(m.group(0)):
            items = list(_ZITEM_RE.finditer(group.group("items")))
            for item in items:
                start = m.start() + group.start("items") + item.start()
                end = start + len(item.group(0))
                if taken(start, end):
                    continue
                for symbol in _number_symbols(item.group(0), decision, named, document_organ, known):
                    shown = group.group(0) if len(items) == 1 else item.group(0)
                    found.append((start, end, Cite(symbol, symbol_kind(symbol), _clean(shown))))

    own = symbol_key(own_symbol) if own_symbol else None
    seen: set[str] = set()
    cites: list[Cite] = []
    for _, _, cite in sorted(found, key=lambda f: f[0]):
        key = symbol_key(cite.symbol)
        if key == own or key in seen:
            continue
        seen.add(key)
        cites.append(cite)
    return tuple(cites)


_LOOSE_ITEM = re.compile(rf"(?<![A-Za-z0-9/.])(?:{SESSION_NUMBER}|{NUMBER_YEAR})")


def symbols_named(text: str) -> list[str]:
    """Every symbol a short text (a question) names, with or without the word "resolution".

    >>> symbols_named("What changed in resolution 482 (1980) compared with 472 (1980)?")
    ['S/RES/482 (1980)', 'S/RES/472 (1980)']
    """
    found: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _FULL.finditer(text):
        if re.search(r"\d", m.group("sym")):
            found.append((m.start(), normalize_symbol(m.group("sym") + (m.group("tail") or ""))))
            spans.append((m.start(), m.end()))
    for m in _LOOSE_ITEM.finditer(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        symbol = _number_symbol(m.group(0), text[m.end():m.end() + 3].lstrip().startswith(("号决定", "號決定")),
                                None, None)
        if symbol:
            found.append((m.start(), symbol))
    return list(dict.fromkeys(symbol for _, symbol in sorted(found)))


def cites_of_texts(texts, organ: str | None, own_symbol: str | None) -> list[tuple[Cite, ...]]:
    """The cites of each of a document's paragraph texts, in order.

    Two passes: a bare "resolution 687" is the resolution the same document cites in full
    ("687 (1991)") elsewhere, so the numbers printed in full are collected first.
    """
    texts = list(texts)
    first = [extract_cites(t, organ, own_symbol) for t in texts]
    known: dict[str, str] = {}
    for cites in first:
        for c in cites:
            number = re.match(r"S/RES/(\d+) \(\d{4}\)$", c.symbol)
            if number:
                known.setdefault(number.group(1), c.symbol)
    if not known:
        return first
    return [extract_cites(t, organ, own_symbol, known) for t in texts]


def with_cites(paragraphs, organ: str | None, own_symbol: str | None) -> list[Paragraph]:
    """The paragraphs with `cites` filled in (the parser's last step)."""
    paragraphs = list(paragraphs)
    found = cites_of_texts((p.text for p in paragraphs), organ, own_symbol)
    return [replace(p, cites=c) for p, c in zip(paragraphs, found)]
