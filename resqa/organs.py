"""The principal organs a filter can name, and their short names (GA, SC).

The store keeps the organ as the document prints it in English ("General Assembly");
users type "GA" or "sc". This is the one place that maps one to the other: the CLI,
the UI and the MCP server all call `organ_filter`.
"""

from __future__ import annotations

ORGANS = {"GA": "General Assembly", "SC": "Security Council"}
_BY_KEY = {**{short.casefold(): name for short, name in ORGANS.items()},
           **{name.casefold(): name for name in ORGANS.values()}}
ANY = ("", "any")


def organ_filter(value: str | None) -> str | None:
    """The organ name to filter on, or None for "any organ".

    >>> organ_filter("GA"), organ_filter("security council"), organ_filter("Any")
    ('General Assembly', 'Security Council', None)
    >>> organ_filter("Human Rights Council")  # other organs pass through as typed
    'Human Rights Council'
    """
    if value is None or str(value).strip().casefold() in ANY:
        return None
    text = " ".join(str(value).split())
    return _BY_KEY.get(text.casefold(), text)
