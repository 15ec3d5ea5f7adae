"""Lineage in the side panel: the resolutions a paragraph cites as links, and a document's
"cites", "cited by" and draft/adopted pair.

`panel(library, value)` renders what `ui.handlers.open_nav` renders and adds, for a library with a
links index (`Library.links`): under each paragraph that cites documents, one link per cited symbol
(an indexed one opens in the panel, one that is not is marked "not indexed"), and below a whole
document its lineage. Everything from a document goes through `render.esc`.
"""

from __future__ import annotations

import html as html_lib
import json
import re

from ingest.symbols import symbol_key
from ui import handlers, render

_BLOCK = re.compile(r'(<div class="para[^"]*" data-ref="(?P<ref>[^"]+)"[^>]*>.*?<div class="para-text"[^>]*>[^<]*</div>)',
                    re.S)
_HEAD = re.compile(r'<div class="panel-cite">(?P<symbol>.*?) <span class="lang-badge">(?P<lang>[^<]*)</span>')


def languages(library) -> dict[str, list[str]]:
    """symbol key → the indexed language versions."""
    out: dict[str, list[str]] = {}
    for d in library.documents():
        out.setdefault(symbol_key(d.symbol), []).append(d.lang)
    return out


def symbol_link(symbol: str, langs: dict[str, list[str]], lang: str, label: str | None = None) -> str:
    """A link that opens `symbol` in the panel (in `lang` if indexed in it), or the symbol marked not indexed."""
    have = langs.get(symbol_key(symbol), [])
    if not have:
        return (f'<span class="lineage-cite not-indexed" data-symbol="{render.esc(symbol)}">{render.esc(label or symbol)}'
                f' <span class="muted">(not indexed)</span></span>')
    open_lang = lang if lang in have else sorted(have)[0]
    return (f'<button type="button" class="nav-link lineage-cite" data-doc="{render.esc(symbol)}" '
            f'data-lang="{render.esc(open_lang)}" title="Open {render.esc(symbol)}">{render.esc(label or symbol)}</button>')


def _cites_by_ref(links: dict) -> dict[str, list[dict]]:
    by_ref: dict[str, list[dict]] = {}
    for c in links.get("cites", ()):
        for ref in c["refs"]:
            by_ref.setdefault(ref, []).append(c)
    return by_ref


def with_paragraph_cites(html: str, links: dict, langs: dict[str, list[str]], lang: str) -> str:
    """Add a line of cited-document links under each paragraph block of the panel HTML."""
    by_ref = _cites_by_ref(links)

    def add(match: re.Match) -> str:
        cites = by_ref.get(match.group("ref"))
        if not cites:
            return match.group(0)
        items = " ".join(symbol_link(c["symbol"], langs, lang) for c in cites)
        return match.group(0) + f'<div class="para-cites"><span class="muted">cites</span> {items}</div>'

    return _BLOCK.sub(add, html)


def lineage_html(links: dict, langs: dict[str, list[str]], lang: str) -> str:
    """The "cites", "cited by" and draft/adopted sections of a document."""
    def items(entries, refs_key="refs") -> str:
        if not entries:
            return '<p class="muted">none</p>'
        rows = "".join(
            f'<li>{symbol_link(e["symbol"], langs, lang)} <span class="muted">{render.esc(", ".join(e[refs_key]))}</span></li>'
            for e in entries)
        return f"<ul>{rows}</ul>"

    related = "".join(
        f'<li>{render.esc({"draft": "draft", "adopted": "adopted text"}[r["relation"]])}: '
        f'{symbol_link(r["symbol"], langs, lang)}</li>' for r in links.get("related", ()))
    return (
        '<section class="lineage">'
        f'<h4>Cites ({len(links.get("cites", ()))})</h4>{items(links.get("cites", ()))}'
        f'<h4>Cited by ({len(links.get("cited_by", ()))} indexed)</h4>{items(links.get("cited_by", ()))}'
        + (f"<h4>Draft and adopted text</h4><ul>{related}</ul>" if related else "")
        + "</section>"
    )


def panel(library, value: str) -> str:
    """The side panel for a navigation request, with lineage where the library has a links index."""
    html = handlers.open_nav(library, value)
    if not hasattr(library, "links"):
        return html
    head = _HEAD.search(html)
    if head is None:
        return html
    symbol, lang = html_lib.unescape(head.group("symbol")), head.group("lang")
    symbol = symbol.rpartition("#")[0] or symbol  # a paragraph panel shows SYMBOL#REF
    links = library.links(symbol)
    langs = languages(library)
    html = with_paragraph_cites(html, links, langs, lang)
    whole = _is_document_request(value)
    if whole and html.endswith("</div>"):
        html = html[: -len("</div>")] + lineage_html(links, langs, lang) + "</div>"
    return html


def _is_document_request(value: str) -> bool:
    try:
        return bool(json.loads(value or "{}").get("doc"))
    except (ValueError, AttributeError):
        return False


def document_of(value: str) -> str | None:
    """The symbol a navigation request opens (for the Compare view's "open document")."""
    try:
        request = json.loads(value or "{}")
    except ValueError:
        return None
    if not isinstance(request, dict):
        return None
    if request.get("doc"):
        return str(request["doc"])
    cite = str(request.get("cite") or "")
    return cite.rpartition("#")[0] or None
