"""Roman and Chinese numerals as resolutions print them: sessions ("2758 (XXVI)", "第六十七届"), parts of a
resolution ("II", "第二部分") and paragraph numbers in words ("第十五段"). Read and written in one place.

    >>> to_roman(26), from_roman("XXVI"), chinese_number("六十七"), chinese_numeral(67)
    ('XXVI', 26, 67, '六十七')
"""

from __future__ import annotations

__all__ = ["CHINESE_DIGITS", "chinese_number", "chinese_numeral", "from_roman", "to_roman"]

_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50),
          ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))

CHINESE_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
}
_WRITTEN_DIGITS = "零一二三四五六七八九"


def to_roman(n: int) -> str:
    """26 → "XXVI"."""
    out = ""
    for letters, value in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def from_roman(s: str) -> int:
    """"XXVI" → 26 (case-insensitive; a character that is no numeral counts 0)."""
    values = dict(_ROMAN)
    s = s.upper()
    total, i = 0, 0
    while i < len(s):
        if s[i:i + 2] in values:
            total, i = total + values[s[i:i + 2]], i + 2
        else:
            total, i = total + values.get(s[i], 0), i + 1
    return total


_UNITS = {"十": 10, "百": 100, "千": 1000}


def chinese_number(text: str) -> int:
    """"六十七" → 67, "一九七五" → 1975 (digit by digit when there is no 十/百/千/万), "12" → 12,
    "四千" → 4000, "一万二千" → 12000."""
    if text.isdigit():
        return int(text)
    if not any(ch in text for ch in "十百千万"):
        return int("".join(str(CHINESE_DIGITS.get(ch, 0)) for ch in text))
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in CHINESE_DIGITS:
            current = CHINESE_DIGITS[ch]
        elif ch in _UNITS:
            section += (current or 1) * _UNITS[ch]
            current = 0
        elif ch == "万":
            total += ((section + current) or 1) * 10000
            section, current = 0, 0
    return total + section + current


def chinese_numeral(n: int) -> str:
    """67 → "六十七", 10 → "十", 2 → "二" (1 to 99, as parts and sessions are numbered)."""
    tens, ones = divmod(n, 10)
    return ((_WRITTEN_DIGITS[tens] if tens > 1 else "") + "十" if tens else "") + (_WRITTEN_DIGITS[ones] if ones else "")
