"""HTML for the chat, the citation chips and the side panel.

Every string that comes from a document or a user goes through `esc` before it
is placed in markup: a resolution quoting `<script>` or markdown tricks shows as
text. Chips carry their citation in `data-cite`; the page script turns a click
into a navigation request (see `app.NAV_JS`).
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping, Sequence

from answer.export import ExportTurn, turn_markdown
from language.refs import CITATION_IN_TEXT

LANG_NAMES = {"zh": "中文", "en": "English", "fr": "Français", "ru": "Русский", "es": "Español", "ar": "العربية"}
_KIND_LABELS = {
    "title": "title",
    "preamble": "preambular",
    "operative": "operative",
    "subparagraph": "sub-paragraph",
    "footnote": "footnote",
    "annex": "annex",
    "paragraph": "paragraph",
}
_BRACKETED_CHIP = re.compile(r"\[\s*(<button type=\"button\" class=\"cite-chip\"[^>]*>[^<]*</button>)\s*\]")
NEIGHBOURS = 2  # paragraphs shown on each side of the cited one


def esc(text: object) -> str:
    """Escape text for HTML content and attribute values.

    >>> esc('<script>alert("x")</script>')
    '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'
    """
    return html.escape("" if text is None else str(text), quote=True)


def chip(cite: str, lang: str | None = None) -> str:
    """One clickable citation chip."""
    lang_attr = f' data-lang="{esc(lang)}"' if lang else ""
    return (
        f'<button type="button" class="cite-chip" data-cite="{esc(cite)}"{lang_attr} '
        f'title="Open {esc(cite)}">{esc(cite)}</button>'
    )


def nav_link(label: str, **data: str) -> str:
    """A link-styled button that asks the panel to show something (a document, a paragraph)."""
    attrs = " ".join(f'data-{esc(k)}="{esc(v)}"' for k, v in data.items())
    return f'<button type="button" class="nav-link" {attrs}>{esc(label)}</button>'


def text_with_chips(text: str, citations: Iterable[str] = (), langs: Mapping[str, str] | None = None) -> str:
    """Escape `text` and turn every `SYMBOL#REF` in it into a chip.

    Known citations are matched literally first, so symbols outside the generic
    pattern still become chips; the pattern catches the rest.
    """
    langs = langs or {}
    escaped = esc(text)
    known = sorted({esc(c) for c in citations if c}, key=len, reverse=True)
    parts = [re.escape(c) for c in known] + [CITATION_IN_TEXT.pattern]
    pattern = re.compile("|".join(f"(?:{p})" for p in parts))

    def replace(match: re.Match) -> str:
        cite = html.unescape(match.group(0))
        return chip(cite, langs.get(cite))

    body = pattern.sub(replace, escaped)
    # "[A/67/L.X#op7]" reads better as the bare chip.
    body = _BRACKETED_CHIP.sub(r"\1", body)
    # Paragraph breaks survive escaping as newlines; show them as breaks.
    return body.replace("\n", "<br>")


def turn_html(turn: Mapping) -> str:
    """One question and its (possibly still streaming) answer."""
    langs = turn.get("langs") or {}
    answer = text_with_chips(turn.get("answer", ""), turn.get("citations", ()), langs)
    if turn.get("pending"):
        answer += '<span class="typing" aria-label="answering">▍</span>'
    parts = [
        '<div class="turn">',
        f'<div class="msg user"><div class="bubble">{esc(turn.get("question", ""))}</div></div>',
        f'<div class="msg bot"><div class="bubble answer">{answer}</div>',
    ]
    warnings = turn.get("warnings") or ()
    if warnings:
        items = "".join(f"<li>{esc(w)}</li>" for w in warnings)
        parts.append(f'<ul class="warnings">{items}</ul>')
    exported = turn.get("export")
    if exported and not turn.get("pending"):
        markdown = turn_markdown(ExportTurn.from_json(exported))
        parts.append(
            '<div class="turn-actions"><button type="button" class="copy-md" '
            f'data-markdown="{esc(markdown)}" title="Copy this answer with its sources as Markdown">'
            "Copy as Markdown</button></div>"
        )
    sources = turn.get("sources") or ()
    if sources:
        rows = "".join(
            f'<li>{chip(s["cite"], s.get("lang"))}<span class="src-lang">{esc(s.get("lang", ""))}</span>'
            f'<span class="src-title">{esc(s.get("title", ""))}</span></li>'
            for s in sources
        )
        parts.append(f'<details class="sources" open><summary>Sources ({len(sources)})</summary><ul>{rows}</ul></details>')
    parts.append("</div></div>")
    return "".join(parts)


def conversation_html(turns: Sequence[Mapping], empty_hint: str = "") -> str:
    if not turns:
        return f'<div class="conversation empty"><p class="hint">{esc(empty_hint)}</p></div>'
    return '<div class="conversation">' + "".join(turn_html(t) for t in turns) + "</div>"


def _kind_label(kind: str, ref: str) -> str:
    return f"{_KIND_LABELS.get(kind, kind)} · {ref}"


def _paragraph_block(hit, cited: bool) -> str:
    cls = "para cited" if cited else "para"
    marker = ' aria-current="true"' if cited else ""
    return (
        f'<div class="{cls}" data-ref="{esc(hit.ref)}"{marker}>'
        f'<div class="para-ref">{nav_link(_kind_label(str(hit.kind), hit.ref), cite=hit.id, lang=hit.lang)}</div>'
        f'<div class="para-text" lang="{esc(hit.lang)}">{esc(hit.text)}</div></div>'
    )


def panel_html(cited, neighbours: Sequence, versions: Sequence = ()) -> str:
    """The side panel for one cited paragraph.

    `cited` is the Hit; `neighbours` the document's paragraphs in order (the
    cited one among them); `versions` the same paragraph in other languages.
    """
    if cited is None:
        return panel_message("Paragraph not found in the index.")
    ordered = list(neighbours)
    index = next((i for i, h in enumerate(ordered) if h.ref == cited.ref), None)
    if index is None:
        window = [cited]
    else:
        window = ordered[max(0, index - NEIGHBOURS) : index + NEIGHBOURS + 1]
    context = "".join(_paragraph_block(h, h.ref == cited.ref) for h in window)
    header = (
        '<div class="panel-head">'
        f'<div class="panel-cite">{esc(cited.id)} <span class="lang-badge">{esc(cited.lang)}</span></div>'
        f'<div class="panel-title" lang="{esc(cited.lang)}">{esc(cited.title or cited.symbol)}</div>'
        f'<div class="panel-actions">{nav_link("Open the whole document", doc=cited.symbol, lang=cited.lang)}</div>'
        "</div>"
    )
    parts = ['<div class="panel">', header, f'<section class="context">{context}</section>']
    if cited.footnotes:
        notes = "".join(
            f'<li><span class="fn-ref">{esc(ref)}</span> <span lang="{esc(cited.lang)}">{esc(text)}</span></li>'
            for ref, text in cited.footnotes
        )
        parts.append(f'<section class="footnotes"><h4>Footnotes cited</h4><ul>{notes}</ul></section>')
    others = [v for v in versions if v.lang != cited.lang]
    if others:
        columns = [cited, *others]
        cells = "".join(
            f'<div class="version"><div class="version-lang">{esc(LANG_NAMES.get(v.lang, v.lang))}</div>'
            f'<div class="para-text" lang="{esc(v.lang)}">{esc(v.text)}</div>'
            f'<div class="version-open">{nav_link("open", cite=v.id, lang=v.lang)}</div></div>'
            for v in columns
        )
        parts.append(
            f'<section class="versions"><h4>Other languages</h4>'
            f'<div class="version-grid" style="--cols:{len(columns)}">{cells}</div></section>'
        )
    else:
        parts.append('<section class="versions"><p class="muted">No other language version is indexed.</p></section>')
    parts.append("</div>")
    return "".join(parts)


def document_html(paragraphs: Sequence, highlight: str | None = None) -> str:
    """The whole document in the panel, paragraph by paragraph."""
    if not paragraphs:
        return panel_message("Document not found in the index.")
    first = paragraphs[0]
    body = "".join(_paragraph_block(h, h.ref == highlight) for h in paragraphs)
    return (
        '<div class="panel">'
        '<div class="panel-head">'
        f'<div class="panel-cite">{esc(first.symbol)} <span class="lang-badge">{esc(first.lang)}</span></div>'
        f'<div class="panel-title" lang="{esc(first.lang)}">{esc(first.title or first.symbol)}</div>'
        f'<div class="muted">{len(paragraphs)} paragraphs</div></div>'
        f'<section class="context whole">{body}</section></div>'
    )


def panel_message(text: str) -> str:
    return f'<div class="panel empty"><p class="hint">{esc(text)}</p></div>'


def nav_value(**data: str) -> str:
    """The hidden navigation box's value, as the page script writes it (for tests)."""
    return json.dumps(data, ensure_ascii=False)
