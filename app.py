"""The chat UI: a Gradio app built from an `Assistant` passed in.

    demo = build_app(assistant, settings)      # gr.Blocks, not launched
    launch(assistant, settings, sample_corpus=Path("samples"))   # what `resqa serve` calls

API endpoints for `gradio_client` (headless use): `ask`, `search`, `docs`, `ingest`.
The handlers themselves live in `ui.handlers` and are tested without a server.
"""

from __future__ import annotations

import json
import logging
import uuid
from pathlib import Path

from index.hits import SearchMode
from ingest.model import LANGUAGES, ParagraphKind
from resqa.errors import ResqaError
from resqa.organs import ORGANS
from resqa.settings import Settings
from ui import compare_view, handlers, lineage, render
from ui.auth import load_users
from ui.activity import IndexingActivity
from ui.startup import SampleCorpusLoader
from ui.theme import CITED_JS, CSS, FOLLOW_JS, make_theme
from ui.uploads import supported_suffixes

log = logging.getLogger(__name__)

EXAMPLES = (
    "哪些段落涉及维持和平行动？",
    "Which paragraphs concern peacekeeping operations?",
    "Quels paragraphes concernent les opérations de maintien de la paix ?",
    "What does the General Assembly say about multilingualism?",
)
EMPTY_HINT = "Ask about United Nations resolutions in 中文, English or Français. Citations open the paragraph on the right."
ASK_CONCURRENCY = 4  # answering is CPU-bound on a small machine: more waits in the queue
QUEUE_SIZE = 256


def _gr():
    import gradio as gr

    return gr


def _as_ui_error(exc: Exception):
    """A domain error becomes a one-line message in the page, not a traceback."""
    gr = _gr()
    if isinstance(exc, ResqaError):
        return gr.Error(str(exc))
    log.exception("unexpected error in a UI handler")
    return gr.Error(f"Something went wrong ({type(exc).__name__}); the details are in the server log.")


STATUS_SECONDS = 1.0  # how often an open page polls the status line


def status_line(activity: IndexingActivity, loader: SampleCorpusLoader | None) -> str:
    """The line above the tabs: what is being indexed now, else how the first start ended."""
    for job in activity.jobs():
        if job.name == "the sample corpus" and loader is not None:
            return loader.status()
        if job.total:
            return f"Indexing {job.name}: {job.done}/{job.total} documents — {job.label}"
        return f"Indexing {job.name}…"
    return loader.status() if loader is not None else ""


def build_app(assistant, settings: Settings, loader: SampleCorpusLoader | None = None,
              activity: IndexingActivity | None = None):
    """Build (not launch) the Gradio Blocks for `assistant` and its library.

    `activity` records running ingestion (the loader's, uploads'); answers given
    meanwhile say the store is still being indexed.
    """
    gr = _gr()
    library = assistant.library
    activity = activity or (loader.activity if loader is not None else IndexingActivity())
    upload_root = Path(gr.utils.get_upload_folder())
    export_root = upload_root / "resqa-exports"  # Gradio's own temp folder: it may serve these
    suffixes = list(supported_suffixes())

    def filters_of(symbols, organ, session, year, lang, kind):
        return handlers.parse_filters(symbols, organ, session, year, lang, kind)

    def chat(question, turns, symbols, organ, session, year, lang, kind):
        try:
            filters = filters_of(symbols, organ, session, year, lang, kind)
            latest = list(turns or [])
            for latest in handlers.ask_turns(assistant, question, turns or [], filters, activity=activity):
                yield render.conversation_html(latest, EMPTY_HINT), latest, "", gr.skip(), gr.skip()
        except Exception as exc:
            raise _as_ui_error(exc) from exc
        # The downloads change with the finished answer, in the same update.
        yield gr.skip(), gr.skip(), gr.skip(), *downloads(latest)

    def open_panel(value):
        try:
            return lineage.panel(library, value)
        except Exception as exc:
            raise _as_ui_error(exc) from exc

    def clear():
        return render.conversation_html([], EMPTY_HINT), [], render.panel_message(
            "Click a citation to see the paragraph in its document."
        ), *no_downloads()

    def no_downloads():
        return gr.DownloadButton(value=None, interactive=False), gr.DownloadButton(value=None, interactive=False)

    def downloads(turns):
        if not handlers.exported_turns(turns or []):
            return no_downloads()
        folder = export_root / uuid.uuid4().hex
        md, docx = handlers.export_conversation(turns, folder)
        return gr.DownloadButton(value=str(md), interactive=True), gr.DownloadButton(value=str(docx), interactive=True)

    def ask_api(question: str, history: str = "[]", symbols: str = "", lang: str = "", kind: str = "",
                organ: str = "", session: str = "", year: str = "", mode: str = "hybrid") -> dict:
        """Answer a question with checked citations. `history` is a JSON list of {role, content}."""
        try:
            try:
                past = json.loads(history or "[]")
                search_mode = SearchMode((mode or "hybrid").lower())
            except ValueError as exc:
                raise ResqaError(f"bad history JSON or mode: {exc}") from exc
            filters = filters_of(symbols, organ, session, year, lang, kind)
            return handlers.ask_json(assistant, question, past, filters, search_mode, activity=activity)
        except Exception as exc:
            raise _as_ui_error(exc) from exc

    def search_api(query: str, k: int = 10, mode: str = "hybrid", symbols: str = "", lang: str = "",
                   kind: str = "", organ: str = "", session: str = "", year: str = "") -> dict:
        """Ranked paragraphs, as `resqa search --json`."""
        try:
            filters = filters_of(symbols, organ, session, year, lang, kind)
            return handlers.search_json(library, query, k, mode, filters)
        except Exception as exc:
            raise _as_ui_error(exc) from exc

    def docs_api() -> dict:
        """The indexed documents, as `resqa docs --json`."""
        return handlers.documents_json(library)

    def refresh_docs():
        return (
            handlers.documents_rows(library),
            gr.Dropdown(choices=handlers.document_choices(library), value=None),
            gr.Dropdown(choices=handlers.symbol_choices(library)),
        )

    def ingest(files, progress=gr.Progress()):
        try:
            with activity.job("an upload") as indexed:
                report = handlers.ingest_uploads(
                    library,
                    list(files or ()),
                    settings,
                    upload_root=upload_root,
                    progress=lambda done, total, label: progress((done, total), desc=label),
                    indexed=indexed,
                )
        except Exception as exc:
            raise _as_ui_error(exc) from exc
        if report["failed"]:
            gr.Warning(f"{len(report['failed'])} file(s) could not be read; see the report.")
        return (report, handlers.report_markdown(report), *refresh_docs())

    def delete(selection, confirmed):
        try:
            message = handlers.delete_document(library, selection, confirmed)
        except Exception as exc:
            raise _as_ui_error(exc) from exc
        return (message, False, *refresh_docs())

    with gr.Blocks(title="resqa — UN resolutions assistant", analytics_enabled=False) as demo:
        gr.HTML(
            '<div id="resqa-header"><h1>resqa</h1><span>Questions on United Nations resolutions, '
            "answered with paragraph citations you can check</span></div>"
        )
        first_line = status_line(activity, loader)
        status = gr.Markdown(first_line, elem_id="resqa-status", visible=bool(first_line))
        turns = gr.State([])
        nav = gr.Textbox(elem_id="resqa-nav", visible="hidden", label="navigation")
        with gr.Tabs():
            with gr.Tab("Ask", id="ask"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        conversation = gr.HTML(
                            render.conversation_html([], EMPTY_HINT), elem_id="conversation",
                            js_on_load=FOLLOW_JS, padding=False,
                        )
                        with gr.Row():
                            question = gr.Textbox(
                                placeholder="Ask a question — e.g. 哪些段落涉及维持和平行动？",
                                show_label=False, scale=6, elem_id="question", autofocus=True, lines=1, max_lines=4,
                            )
                            ask_btn = gr.Button("Ask", variant="primary", scale=0, min_width=90, elem_id="ask-btn")
                            clear_btn = gr.Button("New chat", scale=0, min_width=120, elem_id="clear-btn")
                        with gr.Row():
                            dl_md = gr.DownloadButton("Download conversation (.md)", size="sm", interactive=False,
                                                      elem_id="download-md")
                            dl_docx = gr.DownloadButton("Download conversation (.docx)", size="sm", interactive=False,
                                                        elem_id="download-docx")
                        examples = gr.Examples([[q] for q in EXAMPLES], inputs=[question], label="Examples")
                        with gr.Accordion("Filters", open=False, elem_id="filters"):
                            with gr.Row():
                                f_symbols = gr.Dropdown(
                                    choices=handlers.symbol_choices(library), multiselect=True,
                                    label="Document(s)", scale=3, allow_custom_value=True,
                                )
                                f_organ = gr.Radio(["Any", *ORGANS], value="Any", label="Organ", scale=1)
                            with gr.Row():
                                f_session = gr.Textbox(label="Session", placeholder="e.g. 67 or ES-10")
                                f_year = gr.Textbox(label="Year", placeholder="e.g. 2012")
                                f_lang = gr.Dropdown(["Any", *LANGUAGES], value="Any", label="Language")
                                f_kind = gr.Dropdown(
                                    ["Any", *(k.value for k in ParagraphKind)], value="Any", label="Paragraph kind"
                                )
                    with gr.Column(scale=2):
                        panel = gr.HTML(
                            render.panel_message("Click a citation to see the paragraph in its document."),
                            elem_id="panel", js_on_load=CITED_JS, padding=False,
                        )
            with gr.Tab("Documents", id="documents"):
                docs_table = gr.Dataframe(
                    value=handlers.documents_rows(library), headers=handlers.DOC_COLUMNS,
                    interactive=False, elem_id="docs-table", label="Indexed documents", wrap=True,
                    column_widths=["16%", "8%", "54%", "8%", "14%"],
                )
                refresh_btn = gr.Button("Refresh", size="sm")
                with gr.Row():
                    with gr.Column():
                        uploads = gr.File(
                            file_count="multiple", file_types=suffixes, type="filepath",
                            label=f"Upload ({', '.join(suffixes)}; up to {settings.max_file_mb:g} MB each)",
                            elem_id="upload",
                        )
                        ingest_btn = gr.Button("Ingest", variant="primary", elem_id="ingest-btn")
                        report_md = gr.Markdown(elem_id="ingest-report")
                        report_json = gr.JSON(label="Ingest report", visible=False)
                    with gr.Column():
                        delete_pick = gr.Dropdown(
                            choices=handlers.document_choices(library), label="Delete a document"
                        )
                        delete_ok = gr.Checkbox(label="I understand this removes the document from the index")
                        delete_btn = gr.Button("Delete", variant="stop")
                        delete_msg = gr.Markdown()
            with gr.Tab("Compare", id="compare"):
                compare_view.build_tab(library, nav)

        filter_inputs = [f_symbols, f_organ, f_session, f_year, f_lang, f_kind]
        chat_args = dict(
            fn=chat, inputs=[question, turns, *filter_inputs], outputs=[conversation, turns, question, dl_md, dl_docx],
            api_visibility="private", show_progress="hidden", concurrency_limit=ASK_CONCURRENCY,
            concurrency_id="answer",
        )
        question.submit(**chat_args)
        ask_btn.click(**chat_args)
        # A click on an example fills the box and asks it at once.
        examples.load_input_event.then(**chat_args)
        clear_btn.click(clear, outputs=[conversation, turns, panel, dl_md, dl_docx], api_visibility="private")
        nav.change(open_panel, inputs=[nav], outputs=[panel], api_visibility="private", show_progress="hidden")
        doc_outputs = [docs_table, delete_pick, f_symbols]
        refresh_btn.click(refresh_docs, outputs=doc_outputs, api_visibility="private")
        ingest_btn.click(
            ingest, inputs=[uploads], outputs=[report_json, report_md, *doc_outputs],
            api_name="ingest", concurrency_limit=1, concurrency_id="ingest",
        )
        delete_btn.click(
            delete, inputs=[delete_pick, delete_ok], outputs=[delete_msg, delete_ok, *doc_outputs],
            api_visibility="private", concurrency_limit=1, concurrency_id="ingest",
        )
        gr.api(ask_api, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="answer")
        gr.api(search_api, api_name="search", concurrency_limit=ASK_CONCURRENCY, concurrency_id="answer")
        gr.api(docs_api, api_name="docs")
        # The status line is live: every open page polls it, touched or not. The document
        # lists refresh once when indexing ends (refreshing while busy would reset a selection).
        was_busy = gr.State(activity.busy)
        timer = gr.Timer(STATUS_SECONDS)

        def poll(busy_before):
            busy = activity.busy
            line = status_line(activity, loader)
            shown = gr.Markdown(value=line, visible=bool(line))
            if busy_before and not busy:
                return (shown, busy, *refresh_docs())
            return (shown, busy, gr.skip(), gr.skip(), gr.skip())

        timer.tick(poll, inputs=[was_busy], outputs=[status, was_busy, *doc_outputs], api_visibility="private",
                   show_progress="hidden", queue=False)
        demo.load(refresh_docs, outputs=doc_outputs, api_visibility="private", show_progress="hidden")

    demo.queue(default_concurrency_limit=ASK_CONCURRENCY, max_size=QUEUE_SIZE)
    # Gradio 6 takes theme and CSS at launch(); keep them with the Blocks so any
    # launch of it (tests, scripts) looks the same. gradio is pinned in pyproject.
    demo._deprecated_theme = make_theme()
    demo._deprecated_css = CSS + compare_view.COMPARE_CSS
    return demo


def launch(assistant, settings: Settings, host: str = "127.0.0.1", port: int = 7860,
           sample_corpus: Path | None = None, **launch_kwargs):
    """Start the UI; ingest `sample_corpus` in the background when the store is empty.

    Returns the launched Blocks (pass `prevent_thread_lock=True` to get it back at once).
    """
    from resqa.settings import configure_offline_environment

    configure_offline_environment()
    if host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("binding the UI to %s: it is reachable from other machines%s", host,
                    "" if (settings.auth or settings.auth_file) else " WITHOUT a login (set RESQA_AUTH)")
    loader = None
    if sample_corpus is not None and not assistant.library.documents():
        loader = SampleCorpusLoader(assistant.library, Path(sample_corpus)).start()
    demo = build_app(assistant, settings, loader=loader)
    users = load_users(settings)
    if users:
        launch_kwargs.setdefault("auth", users)
    launch_kwargs.setdefault("max_file_size", settings.max_file_bytes)
    launch_kwargs.setdefault("footer_links", ["api"])
    demo.launch(server_name=host, server_port=port, show_error=True, **launch_kwargs)
    return demo
