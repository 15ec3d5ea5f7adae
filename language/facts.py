"""The kind of fact a question wants (a date, a number, a name) and facts in text: finding them in a
clause and writing them in another language without a translation model.

    wanted_of("Until when was the mandate of UNMISS extended?")  # Wanted.DATE
    render_date(find_dates("延长到2016年12月16日")[0], "en")     # '16 December 2016'
"""

from __future__ import annotations

import re
from enum import StrEnum

from language.numerals import CHINESE_DIGITS, chinese_number
from language.refs import NUMBER_YEAR, SESSION_NUMBER, SYMBOL
from language.scripts import CJK_CLASS


class Wanted(StrEnum):
    DATE = "date"
    NUMBER = "number"
    NAME = "name"
    ANY = "any"


_WANTED = (
    (Wanted.DATE, re.compile(
        r"何时|什么时候|哪一?年|哪一?天|哪个月|几月|日期|截至|到什么|直到何|何日"
        r"|\bwhen\b|\bwhat\s+(?:date|year|day|month)\b|\buntil\s+when\b|\bwhich\s+(?:date|year|day|month)\b|\bby\s+when\b"
        r"|\bwhat\s+(?:is|was|will\s+be)\s+the\s+(?:date|year|day|deadline)\b"
        r"|\bquand\b|\bquelle\s+date\b|\bquelle\s+année\b|\bjusqu['’]\s*à\s+quand\b|\bà\s+quelle\s+date\b"
        r"|\ben\s+quelle\s+année\b|\bquel\s+jour\b|\bquelle\s+(?:est|était|sera)\s+la\s+date\b",
        re.IGNORECASE)),
    (Wanted.NUMBER, re.compile(
        r"多少|几个|几名|几次|几项|多久|多长时间|\bhow\s+(?:many|much|long)\b|\bwhat\s+number\b|\bcombien\b|\bquel\s+nombre\b"
        r"|\b(?:what|which)\s+(?:budget|amount|sum)\b|\bquel\s+(?:budget|montant)\b|\bquelle\s+somme\b",
        re.IGNORECASE)),
    (Wanted.NAME, re.compile(
        r"谁|哪(?:[一二三四五六七八九十两几]?[个位名]?|些)(?:组织|国家|国|机构|机关|政府)"
        r"|\bwho\b|\bwhom\b|\bwhose\b|\bwhich\s+(?:organi[sz]ations?|country|countries|body|bodies|states?|governments?)\b"
        r"|\bqui\b|\bquelle\s+organisation\b|\bquels?\s+pays\b|\bquel\s+organe\b",
        re.IGNORECASE)),
)


def wanted_of(question: str) -> Wanted:
    """The kind of fact a question wants.

    >>> wanted_of("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？")
    <Wanted.DATE: 'date'>
    """
    for wanted, pattern in _WANTED:
        if pattern.search(question):
            return wanted
    return Wanted.ANY


MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
}
_EN = "|".join(MONTHS["en"])
_FR = "|".join(MONTHS["fr"])
_MONTH_NUMBER = {m.lower(): i + 1 for names in MONTHS.values() for i, m in enumerate(names)}
# A date in Chinese numerals, as the Council's older Chinese texts print them: "一九七七年十一月三十日".
_CN_DIGIT = "".join(d for d in CHINESE_DIGITS if d not in "两兩")
_CN_MONTH = "十[一二]?|[一二三四五六七八九]"
_CN_DAY = "[二三]?十[一二三四五六七八九]?|[一二三四五六七八九]"
_DATE = re.compile(
    rf"(?P<zy>\d{{4}})\s*年(?:\s*(?P<zm>\d{{1,2}})\s*月)?(?:\s*(?P<zd>\d{{1,2}})\s*日)?"
    rf"|(?P<cy>[{_CN_DIGIT}]{{4}})\s*年(?:\s*(?P<cm>{_CN_MONTH})\s*月)?(?:\s*(?P<cd>{_CN_DAY})\s*日)?"
    rf"|(?P<d1>\d{{1,2}})(?:er)?\s+(?P<m1>{_EN}|{_FR})\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_EN})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    rf"|(?P<m3>{_EN}|{_FR})\s+(?P<y3>\d{{4}})",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d{2}(?!\d)")
# Counts written in words, and their values.
_WORD_VALUES = {w: v for words, values in (
    ("one two three four five six seven eight nine ten eleven twelve", range(1, 13)),
    ("un deux trois quatre cinq six sept huit neuf dix", range(1, 11)),
) for w, v in zip(words.split(), values)} | {
    "fifteen": 15, "twenty": 20, "thirty": 30, "hundred": 100, "thousand": 1000,
    "douze": 12, "quinze": 15, "vingt": 20, "cent": 100, "mille": 1000}
_CN_NUMERAL = "[一二三四五六七八九十百千万两兩]+"
# A count in Chinese numerals keeps its classifier (simplified and traditional): "六个", "六個", "三十天".
_NUMBER = re.compile(
    r"(?<![\d/])\d[\d,. ]*\d(?![\d/])|(?<![\d/])\d(?![\d/])"
    rf"|(?P<zh>{_CN_NUMERAL})(?P<classifier>名|个|個|次|项|項|国|國|人|年|月|天|周|週|小时|小時|倍)"
    rf"|\b(?:{'|'.join(_WORD_VALUES)})\b",
    re.IGNORECASE,
)
# Numbers that name a document or a place in one, not a quantity: "resolution 2326 (2016)", "65/119",
# "S/RES/625", "paragraph 3", "第2326(2016)号", "第六十九届". "How many troops" is not answered by them.
_REFERENCE_NUMBER = re.compile(
    rf"\b(?-i:{SYMBOL})|(?<![\d/]){NUMBER_YEAR}|(?<![\d/]){SESSION_NUMBER}(?![\d/])"
    r"|\b(?:resolutions?|r[ée]solutions?|decisions?|d[ée]cisions?|paragraphs?|paragraphes?|articles?|alin[ée]as?"
    r"|sub-paragraphs?|chapters?|chapitres?|annex|annexe|rules?|r[èe]gles?)\s+(?:ES-)?\d+(?:\s*/\s*\d+)?"
    r"(?:\s*[(（]\s*(?:\d{4}|[IVXL]+)\s*[)）])?(?:\s*(?:,|and|et|to|à)\s*\d+(?:\s*[(（]\s*\d{4}\s*[)）])?)*"
    r"|第\s*[\d一二三四五六七八九十百]+(?:\s*[(（]\s*\d{4}\s*[)）])?\s*(?:号|號|段|条|條|届|屆|次会议|次會議|章)",
    re.IGNORECASE,
)
_NAME = re.compile(
    rf"[{CJK_CLASS}]{{2,}}(?:组织|国|署|会|院|委员会|理事会|特派团|部队)"
    r"|\b[A-Z][a-z]+(?:\s+(?:of|the|for|and|de|du|des|la|le)?\s*[A-Z][a-z]+)+|\b[A-Z]{3,}\b"
)


def find_dates(text: str) -> list[tuple[int, int | None, int | None]]:
    """(year, month, day) of every date in `text`, in text order (month/day None when absent).

    >>> find_dates("延长到2016年12月16日"), find_dates("至一九七七年十一月三十日为止")
    ([(2016, 12, 16)], [(1977, 11, 30)])
    >>> find_dates("until 30 November 1977; en juillet 1975")
    [(1977, 11, 30), (1975, 7, None)]
    """
    out = []
    for m in _DATE.finditer(text):
        g = m.groupdict()
        if g["zy"]:
            date = (int(g["zy"]), int(g["zm"]) if g["zm"] else None, int(g["zd"]) if g["zd"] else None)
        elif g["cy"]:
            date = (chinese_number(g["cy"]), chinese_number(g["cm"]) if g["cm"] else None,
                    chinese_number(g["cd"]) if g["cd"] else None)
        elif g["y1"]:
            date = (int(g["y1"]), _MONTH_NUMBER[g["m1"].lower()], int(g["d1"]))
        elif g["y2"]:
            date = (int(g["y2"]), _MONTH_NUMBER[g["m2"].lower()], int(g["d2"]))
        else:
            date = (int(g["y3"]), _MONTH_NUMBER[g["m3"].lower()], None)
        _year, month, day = date
        # "2016年13月" or "32 May" (a misprint, an OCR slip) is no date: it is not read, nor rendered.
        if (month is None or 1 <= month <= 12) and (day is None or 1 <= day <= 31):
            out.append(date)
    return out


def render_date(date: tuple[int, int | None, int | None], lang: str) -> str:
    """A date in a language's own form.

    >>> render_date((2012, 5, 31), "zh"), render_date((2012, 5, 31), "en"), render_date((2012, 5, 31), "fr")
    ('2012年5月31日', '31 May 2012', '31 mai 2012')
    """
    year, month, day = date
    if lang == "zh":
        month = month if month and 1 <= month <= 12 else None
        return f"{year}年" + (f"{month}月" if month else "") + (f"{day}日" if month and day else "")
    if not month or not 1 <= month <= 12:
        return str(year)
    names = MONTHS["fr" if lang == "fr" else "en"]
    day_text = ("1er" if lang == "fr" and day == 1 else str(day)) if day else ""
    return " ".join(p for p in (day_text, names[month - 1], str(year)) if p)


def _without_references(text: str) -> str:
    """`text` less the numbers that are no count: references, dates, and years ("in 2021 and 2022")."""
    return _YEAR.sub(" ", _DATE.sub(" ", _REFERENCE_NUMBER.sub(" ", text)))


# "twenty-four", "vingt-quatre": the units word after a tens word
_UNITS_AFTER_TENS = re.compile(rf"-(?P<units>{'|'.join(w for w, v in _WORD_VALUES.items() if v < 10)})\b",
                               re.IGNORECASE)
# Units of time a count may carry: the forms read after a number or as a Chinese classifier (Latin, then
# Chinese), and the forms written: en and fr (singular, plural), zh.
_TIME_UNITS = {
    "month": (r"months?|mois", "个月|個月", ("month", "months"), ("mois", "mois"), "个月"),
    "day": (r"days?|jours?", "天", ("day", "days"), ("jour", "jours"), "天"),
    "year": (r"years?|ans|années?", "年", ("year", "years"), ("an", "ans"), "年"),
    "week": (r"weeks?|semaines?", "周|週|星期", ("week", "weeks"), ("semaine", "semaines"), "周"),
    "hour": (r"hours?|heures?", "小时|小時", ("hour", "hours"), ("heure", "heures"), "小时"),
}
_UNIT_AFTER = re.compile(
    r"\s*(?:" + "|".join(rf"(?P<{unit}>(?:{latin})\b|{zh})" for unit, (latin, zh, *_w) in _TIME_UNITS.items()) + ")",
    re.IGNORECASE)


def _unit_of(classifier: str) -> str | None:
    """The unit of time a Chinese classifier is ("天" → "day"), or None ("名", "个")."""
    return next((unit for unit, (_l, zh, *_w) in _TIME_UNITS.items() if re.fullmatch(zh, classifier)), None)


def _value(number: str) -> int | None:
    number = number.strip()
    if number.lower() in _WORD_VALUES:
        return _WORD_VALUES[number.lower()]
    if re.fullmatch(r"\d{1,3}(?:[,. ]\d{3})+|\d+", number):
        return int(re.sub(r"[,. ]", "", number))
    if re.fullmatch(_CN_NUMERAL, number):
        return chinese_number(number)
    return None  # "2.5", "12 15": not read


def quantities(text: str) -> list[tuple[int, str | None]]:
    """The counts in `text` (not its references, dates or years), each with its unit of time when it
    has one ("month", "day", "year", "week", "hour"), in text order.

    >>> quantities("将任务再延长六个月,至一九七七年十一月三十日为止"), quantities("within 30 days of resolution 872 (1993)")
    ([(6, 'month')], [(30, 'day')])
    """
    stripped = _without_references(text)
    out, read_to = [], 0
    for m in _NUMBER.finditer(stripped):
        if m.start() < read_to:
            continue  # the "four" of "twenty-four", already read
        number, unit, end, classifier = m.group(), None, m.end(), m.group("classifier") or ""
        if number[0] in "百千万":
            continue  # "千年" is the millennium, "百年" a centenary: a count starts with its digit
        if classifier:
            number = m.group("zh")
            if classifier == "月":
                continue  # "六月" is June
            unit = _unit_of(classifier)
            if classifier in "个個" and stripped.startswith("月", m.end()):
                unit = "month"
            elif classifier in "周週" and stripped.startswith("年", m.end()):
                unit = None  # "五十周年": the fiftieth anniversary
        value = _value(number)
        if value in (20, 30) and number.isascii() and (units := _UNITS_AFTER_TENS.match(stripped, end)):
            value, end = value + _WORD_VALUES[units.group("units").lower()], units.end()
        read_to = end
        if not classifier and (after := _UNIT_AFTER.match(stripped, end)):
            unit = after.lastgroup
        # "un", "one", "一个" without a unit is an article ("dans un délai"), not a count
        if value is not None and not (value == 1 and unit is None and not number.isdigit()):
            out.append((value, unit))
    return out


def render_quantity(quantity: tuple[int, str | None], lang: str) -> str:
    """A count in a language's own form.

    >>> render_quantity((6, "month"), "en"), render_quantity((4000, None), "fr"), render_quantity((6, "month"), "zh")
    ('6 months', '4 000', '6个月')
    """
    value, unit = quantity
    number = f"{value:,}".replace(",", " ") if lang == "fr" else (str(value) if lang == "zh" else f"{value:,}")
    if unit is None:
        return number
    *_read, en, fr, zh = _TIME_UNITS[unit]
    if lang == "zh":
        return f"{number}{zh}"
    singular, plural = fr if lang == "fr" else en
    return f"{number} {singular if value == 1 else plural}"


def has_fact(text: str, wanted: Wanted) -> bool:
    """Whether `text` holds a fact of the wanted kind (a full or partial date, a number, a name)."""
    if wanted == Wanted.DATE:
        return bool(_DATE.search(text) or _YEAR.search(text))
    if wanted == Wanted.NUMBER:
        return bool(_NUMBER.search(_without_references(text)))
    if wanted == Wanted.NAME:
        return bool(_NAME.search(text))
    return False


def has_full_date(text: str) -> bool:
    """A date with at least a month ("16 December 2016", "2016年12月"), not a bare year."""
    return any(month for _y, month, _d in find_dates(text))
