"""A resolution kept as a JSON list of its paragraphs (a dataset field copied from a web
viewer: `[ "2011年12月2日大会决议", "…", "66/54. 联合国…", "大会,", "回顾…", … ]`).

Detected by content, not by file name: the text opens with `[` and a quoted string and
is made of quoted strings separated by commas. A copy cut in the middle of a string
(no closing quote or bracket) keeps what it has. Each string becomes a paragraph of
its own (strings separated by blank lines), so the normal layout pass numbers them.
"""

from __future__ import annotations

import json
import re

# one JSON string: quotes, then characters other than quote and backslash, or an escape
_STRING = r'"(?:[^"\\\n]|\\.)*"'
_LIST_START = re.compile(r'^\s*\[\s*"')
# the whole text: strings separated by commas, an optional unterminated last string
_LIST = re.compile(rf'^\s*\[\s*(?:{_STRING}\s*,\s*)*(?:{_STRING}\s*\]?|"(?:[^"\\\n]|\\.)*)\s*$', re.S)
_ITEMS = re.compile(r'"((?:[^"\\\n]|\\.)*)(?:"|$)', re.S)
MIN_ITEMS = 3  # a list of one or two strings is no resolution's paragraphs


def is_string_list(text: str) -> bool:
    """Whether `text` is a (possibly cut) JSON list of strings with several items.

    >>> is_string_list('[ "大会,", "回顾其决议,", "1. 决定…" ]')
    True
    >>> is_string_list('[1] See resolution 1/1.')
    False
    """
    if not _LIST_START.match(text) or not _LIST.match(text):
        return False
    return len(_ITEMS.findall(_body(text))) >= MIN_ITEMS


def paragraphs_of_string_list(text: str) -> str:
    """The strings of the list, one paragraph each (separated by blank lines).

    >>> paragraphs_of_string_list('[ "大会,", "回顾\\\\"A\\\\",", "决定' )
    '大会,\\n\\n回顾"A",\\n\\n决定'
    """
    items = []
    for raw in _ITEMS.findall(_body(text)):
        try:
            item = json.loads(f'"{raw}"')
        except json.JSONDecodeError:
            item = raw  # a cut escape at the very end: keep the characters as they are
        if item.strip():
            items.append(item.strip())
    return "\n\n".join(items)


def _body(text: str) -> str:
    return text.strip()[1:].rstrip().removesuffix("]")
