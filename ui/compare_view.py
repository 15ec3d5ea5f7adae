"""The Compare view: two documents side by side, paragraphs aligned, changed words marked.

    compare_html(library, "S/RES/472 (1980)", "S/RES/482 (1980)")   # an HTML table
    previous_of(library, "S/RES/482 (1980)")                          # "S/RES/472 (1980)"

Removed words are `<del>` in the left column, added words `<ins>` in the right one.
"""

from __future__ import annotations

from compare.documents import compare_documents
from compare.previous import previous_version
from ingest.symbols import normalize_symbol
from resqa.errors import ResqaError
from ui import render

STATUS_LABELS = {"same": "unchanged", "changed": "changed", "added": "added", "removed": "removed",
                 "aligned": "aligned (other language)"}


def _side(diff, keep: str, tag: str) -> str:
    parts = []
    for op, text in diff:
        if op == "=":
            parts.append(render.esc(text))
        elif op == keep:
            parts.append(f"<{tag}>{render.esc(text)}</{tag}>")
    return "".join(parts)


def previous_of(library, symbol: str, lang: str | None = None) -> str:
    if not (symbol or "").strip():
        raise ResqaError("Choose the document first, then ask for its previous version.")
    found = previous_version(library, symbol, lang or None)
    if found is None:
        raise ResqaError(f"No earlier version of {normalize_symbol(symbol)} is in the index.")
    return found


def compare_html(library, a: str, b: str, lang: str | None = None) -> str:
    """The aligned side-by-side table of `a` (left, earlier) and `b` (right)."""
    if not (a or "").strip() or not (b or "").strip():
        raise ResqaError("Choose two documents to compare.")
    result = compare_documents(library, a, b, lang=lang or None)
    text_a = {h.ref: h.text for h in library.paragraphs(result.a, result.lang_a)}
    text_b = {h.ref: h.text for h in library.paragraphs(result.b, result.lang_b)}
    rows = []
    for p in result.pairs:
        if p.status == "changed":
            left, right = _side(p.diff, "-", "del"), _side(p.diff, "+", "ins")
        else:
            left = render.esc(text_a.get(p.a, "")) if p.a else ""
            right = render.esc(text_b.get(p.b, "")) if p.b else ""
            if p.status == "removed":
                left = f"<del>{left}</del>"
            elif p.status == "added":
                right = f"<ins>{right}</ins>"
        rows.append(
            f'<tr class="cmp-row cmp-{render.esc(p.status)}" data-a="{render.esc(p.a or "")}" data-b="{render.esc(p.b or "")}">'
            f'<td class="cmp-ref">{render.esc(p.a or "")}</td><td class="cmp-text" lang="{render.esc(result.lang_a)}">{left}</td>'
            f'<td class="cmp-ref">{render.esc(p.b or "")}</td><td class="cmp-text" lang="{render.esc(result.lang_b)}">{right}</td>'
            f'<td class="cmp-status">{render.esc(STATUS_LABELS.get(p.status, p.status))}</td></tr>')
    counts = ", ".join(f"{render.esc(STATUS_LABELS.get(k, k))} {v}" for k, v in sorted(result.counts().items()))
    warnings = "".join(f'<p class="cmp-warning">{render.esc(w)}</p>' for w in result.warnings)
    return (
        '<div class="compare">'
        f'<div class="cmp-head"><b>{render.esc(result.a)}</b> [{render.esc(result.lang_a)}] → '
        f'<b>{render.esc(result.b)}</b> [{render.esc(result.lang_b)}] <span class="muted">{counts}</span></div>{warnings}'
        '<table class="cmp-table"><thead><tr><th></th><th>' + render.esc(result.a) + '</th><th></th><th>'
        + render.esc(result.b) + "</th><th></th></tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
    )


COMPARE_CSS = """
.compare { font-size:.9rem; }
.cmp-table { width:100%; border-collapse:collapse; table-layout:fixed; }
.cmp-table td { vertical-align:top; padding:4px 6px; border-top:1px solid #e3e8ec; }
.cmp-table td.cmp-ref { width:5.5em; color:#6b7c88; font-size:.78rem; }
.cmp-table td.cmp-status { width:7em; color:#6b7c88; font-size:.78rem; }
.cmp-table ins { background:#d7f5dd; text-decoration:none; }
.cmp-table del { background:#fbdada; }
.cmp-added td.cmp-text, .cmp-removed td.cmp-text { background:#fafbfc; }
.cmp-warning { color:#9a6700; }
.para-cites { font-size:.78rem; margin:2px 0 6px; }
.para-cites .lineage-cite { margin-right:.5em; }
.lineage h4 { margin:.8em 0 .2em; }
"""


def symbols(library) -> list[str]:
    return sorted({str(d.symbol) for d in library.documents()})


def build_tab(library, nav) -> None:
    """The Compare tab's widgets and events (call inside `gr.Tab`). `nav` is the panel's navigation box:
    the document opened in the panel becomes the Compare view's document."""
    import gradio as gr

    from ingest.model import LANGUAGES
    from ui.lineage import document_of

    def guarded(fn):
        def run(*args):
            try:
                return fn(*args)
            except ResqaError as exc:
                raise gr.Error(str(exc)) from exc
        return run

    def language(value):
        return None if value in (None, "", "Any") else value

    def choices():
        options = symbols(library)
        return gr.Dropdown(choices=options), gr.Dropdown(choices=options)

    with gr.Row():
        newer = gr.Dropdown(symbols(library), label="Document", allow_custom_value=True, elem_id="cmp-b", scale=3)
        previous = gr.Button("Previous version", elem_id="cmp-prev", scale=1)
        older = gr.Dropdown(symbols(library), label="Compare with (earlier)", allow_custom_value=True,
                            elem_id="cmp-a", scale=3)
        lang = gr.Dropdown(["Any", *LANGUAGES], value="Any", label="Language", elem_id="cmp-lang", scale=1)
        go = gr.Button("Compare", variant="primary", elem_id="cmp-go", scale=1)
    gr.Markdown("The document open in the side panel is picked here; **Previous version** finds the earlier "
                "text on the same subject.", elem_classes=["muted"])
    out = gr.HTML(render.panel_message("Pick two documents, or a document and its previous version."),
                  elem_id="cmp-out")

    nav.change(lambda value: document_of(value) or gr.skip(), inputs=[nav], outputs=[newer],
               api_visibility="private", show_progress="hidden")
    newer.focus(choices, outputs=[newer, older], api_visibility="private", show_progress="hidden")
    previous.click(guarded(lambda b, lg: previous_of(library, b, language(lg))), inputs=[newer, lang],
                   outputs=[older], api_visibility="private")
    go.click(guarded(lambda a, b, lg: compare_html(library, a, b, language(lg))), inputs=[older, newer, lang],
             outputs=[out], api_visibility="private")
