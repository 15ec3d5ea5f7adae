"""Header metadata of a resolution: symbol, session, agenda item, date, title,
sponsors and document kind, read from the blocks before the organ line."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest import lexicon
from ingest.footnotes import join_fragments
from ingest.symbols import normalize_symbol
from language.numerals import chinese_number, from_roman, to_roman
from language.scripts import CJK

_SYMBOL = re.compile(
    r"^(?:United Nations|Nations Unies|联合国|聯合國)?\s*"
    r"((?:A|S|E)/(?:RES/)?(?:ES[-–]\d+/)?(?:C\.\d/)?[\dA-Z][\w.\-–]*(?:/[\w.\-–]+)*"
    r"(?:\s*\((?:\d{4}|[IVXL]+)\))?(?:\s+[A-Z])?)\s*$"
)
# "80/4. Title", "ES-10/21. Title", "2758 (XXVI). Title", "87 (1950). Resolution of …"
_NUMBER_TITLE = re.compile(
    r"^((?:ES[-–]\d+|\d{1,3})/\d{1,4}|\d{1,4}\s*\((?:[IVXL]+|\d{1,4})\))\s*[.．]\s*(.*)$"
)
_SC_RESOLUTION = re.compile(r"(?:^Resolution\s+|^第)(\d{1,4})\s*\((\d{4})\)")


@dataclass(frozen=True)
class Header:
    symbol: str | None = None
    title: str | None = None
    session: str | None = None
    year: int | None = None
    date: str | None = None
    agenda_item: str | None = None
    sponsors: tuple[str, ...] = ()
    draft: str | None = None  # "resolution" / "decision" when the header announces a draft


def read_header(blocks: list[str], closing: list[str], organ: str | None) -> Header:
    """Metadata from the header blocks (before the organ line) and closing lines."""
    symbol = title = None
    sponsors: tuple[str, ...] = ()
    draft = None
    for index, text in enumerate(blocks):
        match = _SYMBOL.match(text)
        if match and symbol is None and len(text) < 70:
            symbol = normalize_symbol(match.group(1))
            continue
        match = _NUMBER_TITLE.match(text)
        if match and title is None:
            number, rest = match.groups()
            if symbol is None:
                symbol = _symbol_from_number(number, organ)
            if rest and not re.match(r"^(?:Resolution|决议|決議)\b", rest):
                title = _join_title_lines([rest.strip()] + blocks[index + 1:index + 2])
            continue
        match = _SC_RESOLUTION.match(text)
        if match and symbol is None:
            symbol = f"S/RES/{int(match.group(1))} ({match.group(2)})"
        found = _sponsors(text)
        if found is not None:
            sponsors, draft = found
    if symbol is None:
        # a masthead printed on one line: "United Nations S/RES/2326 (2016) Security Council Distr.: …"
        for text in blocks[:3]:
            if is_masthead(text) and (m := re.search(r"\b(?:S/RES/\d+\s*\(\d{4}\)|A/RES/(?:ES-\d+/)?\d+/\d+)", text)):
                symbol = normalize_symbol(m.group(0))
                break
    if draft is None:
        # the kind line ends with the words ("…: draft resolution", "Draft decision");
        # "the draft resolution recommended in the report" in a vote record is no kind line
        ends = [b for b in blocks if re.search(r"(?:draft|projet de)\s+\S+\s*$|草案\s*$", b, flags=re.I)]
        if any(_any(lexicon.DRAFT_RESOLUTION, b) for b in ends):
            draft = "resolution"
        elif any(_any(lexicon.DRAFT_DECISION, b) for b in ends):
            draft = "decision"
    if title is None:
        title = _title_candidate(blocks)
    header_text = "\n".join(blocks)
    session = read_session(header_text) or session_from_symbol(symbol)
    year = None
    date = _adoption_date(blocks, closing)
    if symbol and (m := re.search(r"\((\d{4})\)", symbol)):
        year = int(m.group(1))
    elif date:
        year = int(date[:4])
    if session is None and organ == "Security Council" and year:
        session = str(year)  # SC resolutions have no session: the year stands in
    return Header(symbol, title, session, year, date, read_agenda_item(header_text), sponsors, draft)


def _any(patterns: tuple[str, ...], text: str) -> bool:
    return any(re.search(p, text, flags=re.I) for p in patterns)


def _symbol_from_number(number: str, organ: str | None) -> str:
    number = number.replace("–", "-")
    if re.fullmatch(r"\d{1,4}\s*\(\d{4}\)", number):
        return normalize_symbol(f"S/RES/{number}")
    if m := re.fullmatch(r"(\d{1,4})\s*\((\d{1,3})\)", number):  # zh prints "2758(26)"
        return normalize_symbol(f"A/RES/{m.group(1)} ({to_roman(int(m.group(2)))})")
    prefix = "S/RES/" if organ == "Security Council" else "A/RES/"
    return normalize_symbol(prefix + number)




def _sponsors(text: str) -> tuple[tuple[str, ...], str] | None:
    words = "|".join(lexicon.DRAFT_RESOLUTION + lexicon.DRAFT_DECISION)
    match = re.match(rf"^(.+?)\s*[:：]\**\s*({words})\s*$", text, flags=re.I)
    if not match:
        return None
    kind = "decision" if _any(lexicon.DRAFT_DECISION, match.group(2)) else "resolution"
    names = re.split(r"\s*[、,，]\s*", match.group(1))
    # only the last two names are joined by a word; "和" inside "共和国" is not one
    names[-1:] = re.split(r"\s+(?:and|et|y)\s+|和(?![国國])", names[-1])
    return tuple(n.strip() for n in names if n.strip()), kind


_META = re.compile(
    r"session|agenda item|^议程|^議程|届会议|屆會議|^point \d|ordre du jour|^General Assembly$"
    r"|^Security Council$|^大会决议$|^大會決議$|adopted by|^\[|\d{4}\s*年|^Resolution of"
    r"|^(?:United Nations|Nations Unies)$|^\d{1,2} \w+ \d{4}$|^〔|draft resolution|决议草案",
    re.I,
)
# a symbol line with the masthead around it: "A/80/590 United Nations General Assembly"
_MASTHEAD = re.compile(r"^(?:A|S|E)/\S+\s+(?:United Nations|Nations Unies)\b|^Distr\.", re.I)


# the masthead printed above a resolution: "United Nations S/RES/2326 (2016) Security Council
# Distr.: General 15 December 2016", "联合国 S/RES/2326 (2016) 安全理事会 Distr.: General …"
_MASTHEAD_PARTS = re.compile(
    r"^(?:United Nations|Nations Unies|联合国|聯合國)\s*|(?:[ASE]/(?:RES/)?[\w.\-–/]+(?:\s*\(\d{4}\))?)\s*"
    r"|(?:Security Council|General Assembly|Conseil de sécurité|Assemblée générale|安全理事会|安全理事會|大\s?会)\s*"
    r"|Distr\.?\s*:?\s*(?:General|Générale|générale|Limited|Restricted)?\s*|(?:Original|Anglais|Français)\s*:\s*\w+\s*"
    r"|\d{1,2}\s+\w+\s+\d{4}\s*|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*",
    re.I,
)
_NUMBER_PHRASE = re.compile(
    r"^(?:(?:Resolution|RESOLUTION|R[ée]solution|RÉSOLUTION)\s+(\d{1,4})\s*\((\d{4})\)|第\s*(\d{1,4})\s*\((\d{4})\)\s*号决议)")


def is_masthead(title: str) -> bool:
    """Whether a title candidate is the page masthead, not the document's name."""
    return bool(re.search(r"Distr\.?\s*:", title)) or bool(
        re.match(r"^(?:United Nations|Nations Unies|联合国|聯合國)\s+[ASE]/", title))


def real_title(title: str, symbol: str, lang: str) -> str:
    """The document's name where a copy printed the masthead in its place: the
    subject after the masthead, else "Resolution N (YYYY)" in the document's language.

    >>> real_title("United Nations S/RES/2326 (2016) Security Council Distr.: General 15 December 2016 "
    ...            "Resolution 2326 (2016) Adopted by the Security Council at its 7837th meeting", "S/RES/2326 (2016)", "en")
    'Resolution 2326 (2016)'
    >>> real_title("联合国 S/RES/2326 (2016) 安全理事会 Distr.: General", "S/RES/2326 (2016)", "zh")
    '第2326(2016)号决议'
    """
    if not is_masthead(title):
        return title
    rest = title
    while (m := _MASTHEAD_PARTS.match(rest)) and m.end() > 0:
        rest = rest[m.end():]
    rest = re.split(r"\s*(?:Adopted by|Adoptée par|(?:安全理事会|大会)[^，,]{0,20}?(?:第\d+次会议)?通过)", rest)[0].strip()
    if (m := _NUMBER_PHRASE.match(rest)) and len(rest) - m.end() < 5:
        rest = ""
    if rest and len(rest) <= 250 and not is_masthead(rest):
        return rest
    return default_title(symbol, lang)


# a footnote marker glued to the year of a date: "February 1, 19511" (marker 1)
_DATE_MARKER = re.compile(
    r"((?:\b\d{1,2}\s+[A-Za-zéû]+\s+|\b[A-Z][a-z]+\s+\d{1,2},\s*)(?:1[89]|20)\d\d)\d{1,2}\b")


def tidy_title(title: str) -> str:
    """A title without a footnote marker glued to a date's year ("…, February 1, 19511",
    en A/RES/498 (V), a copy cut before its footnotes).

    >>> tidy_title("Resolution 498 (V), Adopted by the General Assembly, February 1, 19511")
    'Resolution 498 (V), Adopted by the General Assembly, February 1, 1951'
    >>> tidy_title("Resolution of 17 May 1946")
    'Resolution of 17 May 1946'
    """
    return _DATE_MARKER.sub(r"\1", title)


def default_title(symbol: str, lang: str) -> str:
    """"Resolution 2326 (2016)" / "第2326(2016)号决议" / "Résolution 2326 (2016)" from the symbol."""
    if m := re.match(r"^S/RES/(\d+) \((\d{4})\)", symbol):
        number = f"{m.group(1)} ({m.group(2)})"
        compact = f"{m.group(1)}({m.group(2)})"
    elif m := re.match(r"^A/RES/(.+)$", symbol):  # "A/RES/65/311", "A/RES/498 (V)"
        number, compact = m.group(1), m.group(1).replace(" ", "")
    else:
        return symbol
    return {"zh": f"第{compact}号决议", "fr": f"Résolution {number}"}.get(lang, f"Resolution {number}")


def title_of_other(first_page: list[str]) -> str | None:
    """The title of a document that is not a resolution (a report): the longest
    heading-like block of the first page, before its table of contents or first
    numbered paragraph. The masthead (symbol, date, session, agenda item) is skipped.

    >>> title_of_other(["A/80/590 United Nations General Assembly", "Eightieth session",
    ...                 "Financing of the Mission", "Budget performance of the Mission for 2024",
    ...                 "Report of the Secretary-General", "Contents"])
    'Budget performance of the Mission for 2024'
    """
    headings: list[str] = []
    for text in first_page[:15]:
        text = text.strip()
        if re.match(r"^(?:Contents|Table des matières|目录|目錄)\b|^(?:\d{1,3}|[IVX]{1,5})\s*[.、]", text):
            break
        if _META.search(text) or _SYMBOL.match(text) or _MASTHEAD.search(text) or find_date(text) == text:
            continue
        # a heading is one phrase: sentences and dumps (quotes, several commas) are not
        if len(text) <= 250 and not re.search(r"[.;:,。；：，]\s*$", text) \
                and len(re.findall(r"[,;，；。\"]", text)) <= 1:
            headings.append(text)
    return max(headings, key=len) if headings else None


# the adoption note printed between the agenda item's title and the resolution's own
# title: "[without reference to a Main Committee (A/65/L.85)]", "[未經發交主要委員會而通過(…)]"
_ADOPTION_NOTE = re.compile(
    r"\[\s*(?:without reference|on the report|sans renvoi|sur (?:la )?(?:base du )?rapport"
    r"|未[经經][发發]交|根[据據])", re.I)


_MASTHEAD_LINE = re.compile(
    r"session|agenda item|^议程|^議程|届会议|屆會議|^point \d|ordre du jour|^\[|^〔|Distr\."
    r"|^(?:United Nations|Nations Unies|联合国|聯合國|General Assembly|Security Council|大会|大會)$", re.I)


def _title_candidate(blocks: list[str]) -> str | None:
    """The last heading-like header block. A block standing before (or holding) the
    adoption note is the agenda item's title (zh A/RES/ES-11/6: "給安全理事會主席的信
    (S/2014/136) [未經發交…]"), and a copy whose header is only masthead lines
    (zh A/RES/65/311: "第六十五届会议") has no title: None."""
    notes = [i for i, b in enumerate(blocks) if _ADOPTION_NOTE.search(b)]
    candidates = [i for i, b in enumerate(blocks) if not _META.search(b) and not _SYMBOL.match(b)
                  and not (notes and i <= notes[-1])]
    if not candidates:
        # a title line that reads like metadata ("Resolution 498 (V), Adopted by …"), but
        # never a session, agenda item, masthead or the adoption note
        rest = [b for i, b in enumerate(blocks) if not (notes and i <= notes[-1])
                and not _MASTHEAD_LINE.search(b) and not _SYMBOL.match(b)]
        return rest[0] if rest else None
    # a title wrapped over two lines: take the line before the last candidate too
    # when it is a candidate right above it that the last one continues
    last = candidates[-1]
    if last - 1 in candidates:
        joined = _join_title_lines(blocks[last - 1:last + 1])
        if joined != blocks[last - 1]:
            return joined
    return blocks[last]


def _join_title_lines(lines: list[str]) -> str:
    """The first line, joined with the second when the second continues it
    ("… upholding legal and" / "humanitarian obligations"; "…东耶路撒冷和被占领" /
    "巴勒斯坦领土…"). Chinese lines continue when neither line holds punctuation."""
    title = lines[0]
    if len(lines) < 2 or not title or not lines[1]:
        return title
    first, second = title.strip(), lines[1].strip()
    if re.search(r"[.;:,。；：，、\])]\s*$", first) or len(first) + len(second) > 250:
        return title
    chinese = all(_mostly_chinese(t) for t in (first, second)) and not re.search(
        r"[.;:,。；：，、()（）\[\]]", first + second)
    latin = bool(re.search(r"\b(?:and|or|of|the|in|on|for|to|with|by|et|de|des|du|la|le|les|y|del)$", first)
                 or re.match(r"[a-z]", second))
    return join_fragments(first, second) if chinese or latin else title


def _mostly_chinese(text: str) -> bool:
    letters = [ch for ch in text if not ch.isspace()]
    return bool(letters) and sum(1 for ch in letters if CJK.match(ch)) > 0.8 * len(letters)


def read_session(text: str) -> str | None:
    """"67" from "第六十七届会议" / "Sixty-seventh session"; "ES-10" for emergency sessions."""
    if m := re.search(r"第([一二三四五六七八九十]+)[届屆](紧急特别|緊急特別)?会议|第([一二三四五六七八九十]+)[届屆](紧急特别|緊急特別)?會議", text):
        number = chinese_number(m.group(1) or m.group(3))
        return f"ES-{number}" if (m.group(2) or m.group(4)) else str(number)
    if m := re.search(r"\b([A-Z][a-z]+(?:-[a-z]+)?)\s+(emergency special\s+)?session\b", text):
        number = english_ordinal(m.group(1))
        if number:
            return f"ES-{number}" if m.group(2) else str(number)
    if m := re.search(r"\b([A-Z][a-zéè]+(?:-[a-zéè]+)*)\s+session\b", text):
        number = french_ordinal(m.group(1))
        if number:
            return str(number)
    return None


def session_from_symbol(symbol: str | None) -> str | None:
    if not symbol:
        return None
    if m := re.match(r"^A/(?:RES/)?(ES-\d+|\d+)/", symbol):
        return m.group(1)
    if m := re.search(r"\(([IVXL]+)\)", symbol):
        return str(from_roman(m.group(1)))
    return None


def english_ordinal(word: str) -> int | None:
    word = word.lower()
    if word in lexicon.EN_UNITS:
        return lexicon.EN_UNITS[word]
    tens, _, unit = word.partition("-")
    for stem, value in lexicon.EN_TENS.items():
        if tens.startswith(stem) and (tens.endswith("ieth") or tens.endswith("y")):
            return value + (lexicon.EN_UNITS.get(unit, 0) if unit else 0)
    return None


def french_ordinal(word: str) -> int | None:
    word = word.lower()
    for stem, value in lexicon.FR_UNITS.items():
        if word.startswith(stem):
            return value
    for stem, value in sorted(lexicon.FR_TENS.items(), key=lambda kv: -len(kv[0])):
        if word.startswith(stem):
            rest = word[len(stem):].lstrip("-").replace("et-", "")
            if rest in ("ième", "tième"):
                return value
            unit = next((v for s, v in lexicon.FR_UNITS.items() if rest.startswith(s)), 0)
            return value + unit if unit else None
    return None



def read_agenda_item(text: str) -> str | None:
    """The agenda item as printed, without spaces: "121(1)"."""
    patterns = (
        r"Agenda items?\s+(\d+(?:\s*\([a-z0-9]+\))?)",
        r"Item\s+(\d+(?:\s*\([a-z0-9]+\))?)\s+of the (?:provisional )?agenda",
        r"[议議]程项目\s*(\d+(?:\s*\([a-z0-9]+\))?)",
        r"[议議]程項目\s*(\d+(?:\s*\([a-z0-9]+\))?)",
        r"Point\s+(\d+(?:\s*\([a-z0-9]+\))?)\s+de l['’]ordre du jour",
    )
    for pattern in patterns:
        if m := re.search(pattern, text, flags=re.I):
            return re.sub(r"\s+", "", m.group(1))
    return None


def find_date(text: str) -> str | None:
    """The first date in `text` as ISO 8601, in English, French or Chinese."""
    months = "|".join(lexicon.ENGLISH_MONTHS + lexicon.FRENCH_MONTHS)
    if m := re.search(rf"\b(\d{{1,2}})(?:er)?\s+({months})\s+(\d{{4}})", text, flags=re.I):
        name = m.group(2).lower()
        month = (lexicon.ENGLISH_MONTHS.index(name) if name in lexicon.ENGLISH_MONTHS
                 else lexicon.FRENCH_MONTHS.index(name)) + 1
        return f"{int(m.group(3)):04d}-{month:02d}-{int(m.group(1)):02d}"
    zh = r"[\d〇零一二三四五六七八九十]"
    if m := re.search(rf"({zh}{{4}})\s*年\s*({zh}{{1,3}})\s*月\s*({zh}{{1,3}})\s*日", text):
        year, month, day = (chinese_number(g) for g in m.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _adoption_date(blocks: list[str], closing: list[str]) -> str | None:
    adopted = re.compile(r"adopt|通过|通過|of \d{1,2} \w+ \d{4}|决议案|決議案|^Resolution of", re.I)
    for text in blocks:
        if adopted.search(text) and (date := find_date(text)):
            return date
    for text in closing:
        if date := find_date(text):
            return date
    for text in blocks:
        if date := find_date(text):
            return date
    return None
