"""Plain handler functions behind the UI and its API endpoints.

They take the assistant or library explicitly and raise `ResqaError`s; `app.py`
turns those into `gr.Error` messages. No Gradio import here, so they are tested
without a server.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from answer.export import ExportTurn, export_turn, to_docx, to_markdown
from index.hits import SearchFilters, SearchMode
from resqa.errors import ParseError, ResqaError
from resqa.organs import organ_filter
from resqa.settings import Settings
from ui import render
from ui.uploads import private_upload_dir, stage_upload

log = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]


def _none_if_blank(value) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_filters(symbols=(), organ=None, session=None, year=None, lang=None, kind=None) -> SearchFilters:
    """Build SearchFilters from the filter widgets ("Any"/blank means no constraint).

    >>> parse_filters(symbols=["A/67/L.X"], organ="GA", year="2012").year
    2012
    """
    if isinstance(symbols, str):
        symbols = [s for s in symbols.split(",")]
    symbols = tuple(s.strip() for s in (symbols or ()) if s and s.strip())
    organ = organ_filter(organ)
    year_text = _none_if_blank(year)
    year_value = None
    if year_text is not None:
        try:
            year_value = int(float(year_text))
        except ValueError as exc:
            raise ResqaError(f"Year must be a number such as 2012, not {year_text!r}") from exc
        if not 1945 <= year_value <= 2100:
            raise ResqaError(f"Year {year_value} is outside 1945–2100")
    lang = _none_if_blank(lang)
    kind = _none_if_blank(kind)
    return SearchFilters(
        symbols=symbols,
        lang=None if lang in (None, "Any") else lang,
        kind=None if kind in (None, "Any") else kind,
        organ=organ,
        session=_none_if_blank(session),
        year=year_value,
    )


def history_messages(turns: Sequence[dict]) -> tuple[dict, ...]:
    """The finished turns as Gradio-style messages, the history `Assistant.ask` accepts."""
    messages: list[dict] = []
    for turn in turns:
        if turn.get("pending"):
            continue
        messages.append({"role": "user", "content": turn["question"]})
        messages.append({"role": "assistant", "content": turn.get("answer", "")})
    return tuple(messages)


def _is_answer(part) -> bool:
    return not isinstance(part, str) and hasattr(part, "citations") and hasattr(part, "answer")


def _with_notice(warnings, notice: str | None) -> list[str]:
    warnings = list(warnings or ())
    return [notice, *warnings] if notice else warnings


def _finished_turn(question: str, answer, notice: str | None = None) -> dict:
    hits = tuple(getattr(answer, "hits", ()) or ())
    by_id: dict[str, object] = {}
    wanted = getattr(answer, "lang", "")
    for hit in hits:
        # A citation opens in the question's language when that version was retrieved.
        if hit.id not in by_id or (hit.lang == wanted and by_id[hit.id].lang != wanted):
            by_id[hit.id] = hit
    langs = {cite: hit.lang for cite, hit in by_id.items()}
    sources = [
        {"cite": c, "lang": langs.get(c, getattr(answer, "lang", "")), "title": getattr(by_id.get(c), "title", "")}
        for c in answer.citations
    ]
    warnings = _with_notice(getattr(answer, "warnings", ()), notice)
    return {
        "question": question,
        "answer": answer.answer,
        "export": export_turn(question, answer, warnings).to_json(),
        "citations": list(answer.citations),
        "langs": langs,
        "sources": sources,
        "warnings": warnings,
        "lang": getattr(answer, "lang", ""),
        "pending": False,
    }


def ask_turns(
    assistant,
    question: str,
    turns: Sequence[dict],
    filters: SearchFilters = SearchFilters(),
    mode: SearchMode = SearchMode.HYBRID,
    activity=None,
) -> Iterator[list[dict]]:
    """Stream one chat turn: yields the whole list of turns after each chunk.

    The previous turns are passed to the assistant as history, so follow-ups work.
    While `activity` (an `IndexingActivity`) has a job running, the answer says so.
    """
    question = (question or "").strip()
    if not question:
        raise ResqaError("Type a question first.")
    previous = [dict(t) for t in turns if not t.get("pending")]
    history = history_messages(previous)
    notice = activity.notice() if activity is not None else None
    current = {"question": question, "answer": "", "citations": [], "pending": True}
    yield [*previous, current]
    final = None
    text = ""
    for part in assistant.ask_stream(question, history=history, filters=filters, mode=mode):
        if _is_answer(part):
            final = part
            break
        text += str(part)
        current = {**current, "answer": text}
        yield [*previous, current]
    if final is None:
        raise ResqaError("The assistant stopped without an answer; please ask again.")
    yield [*previous, _finished_turn(question, final, notice)]


def exported_turns(turns: Sequence[dict]) -> list[ExportTurn]:
    """The finished turns of a chat, ready for `answer.export`."""
    return [ExportTurn.from_json(t["export"]) for t in turns if not t.get("pending") and t.get("export")]


def export_conversation(turns: Sequence[dict], folder: Path) -> tuple[Path, Path]:
    """Write the conversation as `resqa-conversation.md` and `.docx` into `folder`."""
    done = exported_turns(turns)
    if not done:
        raise ResqaError("Ask a question first: there is no answer to download yet.")
    folder.mkdir(parents=True, exist_ok=True)
    md, docx = folder / "resqa-conversation.md", folder / "resqa-conversation.docx"
    md.write_text(to_markdown(done), encoding="utf-8")
    docx.write_bytes(to_docx(done))
    return md, docx


def ask_json(assistant, question: str, history=(), filters: SearchFilters = SearchFilters(),
             mode: SearchMode = SearchMode.HYBRID, activity=None) -> dict:
    """The `ask` API endpoint: Answer.to_json() (answer, citations, hits, …)."""
    question = (question or "").strip()
    if not question:
        raise ResqaError("question is empty")
    notice = activity.notice() if activity is not None else None
    payload = assistant.ask(question, history=tuple(history or ()), filters=filters, mode=mode).to_json()
    payload["warnings"] = _with_notice(payload.get("warnings"), notice)
    return payload


def search_json(library, query: str, k: int = 10, mode: str = "hybrid",
                filters: SearchFilters = SearchFilters()) -> dict:
    """The `search` API endpoint: `{"hits": [...]}` as in `resqa search --json`."""
    query = (query or "").strip()
    if not query:
        raise ResqaError("query is empty")
    try:
        search_mode = SearchMode(str(mode).lower())
    except ValueError as exc:
        raise ResqaError(f"mode must be one of {', '.join(m.value for m in SearchMode)}, not {mode!r}") from exc
    k = int(k)
    if not 1 <= k <= 100:
        raise ResqaError(f"k must be between 1 and 100, not {k}")
    hits = library.search(query, k=k, mode=search_mode, filters=filters)
    return {"hits": [h.to_json() for h in hits]}


def _info_json(info) -> dict:
    if hasattr(info, "to_json"):
        return info.to_json()
    return {f.name: getattr(info, f.name) for f in dataclasses.fields(info)}


def documents_json(library) -> dict:
    """The `docs` API endpoint, as in `resqa docs --json`."""
    return {"documents": [_info_json(d) for d in library.documents()]}


DOC_COLUMNS = ["Symbol", "Language", "Title", "Paragraphs", "Ingested"]


def documents_rows(library) -> list[list]:
    """Rows for the Documents tab table."""
    rows = []
    for d in sorted(library.documents(), key=lambda d: (str(d.symbol), str(d.lang))):
        ingested = str(d.ingested_at or "")[:19].replace("T", " ")
        rows.append([d.symbol, d.lang, d.title, int(d.paragraphs), ingested])
    return rows


def document_choices(library) -> list[tuple[str, str]]:
    """(label, value) pairs for the delete picker; value is `SYMBOL|lang`."""
    return [
        (f"{d.symbol} ({d.lang}) — {str(d.title)[:60]}", f"{d.symbol}|{d.lang}")
        for d in sorted(library.documents(), key=lambda d: (str(d.symbol), str(d.lang)))
    ]


def symbol_choices(library) -> list[str]:
    return sorted({str(d.symbol) for d in library.documents()})


def delete_document(library, selection: str | None, confirmed: bool) -> str:
    """Delete one document (one language version) after the user confirmed."""
    if not selection:
        raise ResqaError("Choose a document to delete.")
    if not confirmed:
        raise ResqaError("Tick “I understand this removes the document from the index” to delete.")
    symbol, _, lang = str(selection).rpartition("|")
    if not symbol:
        symbol, lang = lang, ""
    removed = library.delete(symbol, lang=lang or None)
    if not removed:
        raise ResqaError(f"{symbol} ({lang or 'all languages'}) is not in the index.")
    return f"Deleted {symbol} ({lang or 'all languages'}): {removed} paragraphs removed."


def _default_parse(path: Path):
    from ingest.parser import parse_file

    return parse_file(path)


def _symbol_from_name(name: str) -> str | None:
    try:
        from ingest.symbols import symbol_from_filename
    except ImportError:
        return None
    return symbol_from_filename(name)


def _with_user_symbol(doc, upload):
    """A document that prints no symbol gets its id from the file name: the user's, not our random one."""
    generated = _symbol_from_name(upload.path.name)
    if generated and doc.symbol == generated:
        return dataclasses.replace(doc, symbol=_symbol_from_name(upload.name) or doc.symbol)
    return doc


def ingest_uploads(
    library,
    files: Sequence,
    settings: Settings,
    upload_root: Path | None = None,
    progress: Progress | None = None,
    parse: Callable[[Path], object] | None = None,
    work_dir: Path | None = None,
    indexed: Progress | None = None,
) -> dict:
    """Check, copy, parse and index uploaded files; returns the ingest report.

    Type, size and location are checked for every file before anything is
    indexed: one bad upload raises ParseError and the store is untouched.
    Files that are well-formed uploads but fail to parse are reported in
    `failed`; when none parses, ParseError is raised.
    `files` are paths, or `(path, original_name)` pairs. `indexed` hears
    `(documents indexed, documents to index, label)` while the store is written.
    """
    if not files:
        raise ResqaError("Choose one or more files to upload.")
    parse = parse or _default_parse
    progress = progress or (lambda done, total, label: None)
    indexed = indexed or (lambda done, total, label: None)
    staging = private_upload_dir(work_dir)
    try:
        staged = []
        for item in files:
            path, name = item if isinstance(item, (tuple, list)) else (item, None)
            staged.append(stage_upload(path, staging, settings.max_file_bytes, upload_root=upload_root, name=name))
        total = len(staged) * 2
        parsed, failed = [], []
        for i, upload in enumerate(staged):
            progress(i, total, f"reading {upload.name}")
            try:
                doc = parse(upload.path)
            except ResqaError as exc:
                reason = getattr(exc, "reason", None) or str(exc)
                failed.append({"path": upload.name, "error": reason})
                continue
            parsed.append((upload, dataclasses.replace(_with_user_symbol(doc, upload), source=upload.name)))
        if not parsed:
            detail = "; ".join(f"{f['path']}: {f['error']}" for f in failed)
            raise ParseError(failed[0]["path"] if len(failed) == 1 else "upload", f"nothing was indexed ({detail})")
        report: dict[str, list] = {"added": [], "updated": [], "unchanged": [], "failed": failed}
        for j, (upload, doc) in enumerate(parsed):
            progress(len(staged) + j, total, f"indexing {doc.symbol} ({doc.lang})")
            indexed(j, len(parsed), f"{doc.symbol} ({doc.lang})")
            status = library.ingest_document(doc)
            report.setdefault(status, []).append(f"{doc.symbol} ({doc.lang}) ← {upload.name}")
            log.info("upload %s: %s %s (%s)", upload.name, status, doc.symbol, doc.lang)
        progress(total, total, "done")
        indexed(len(parsed), len(parsed), "done")
        return report
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def report_markdown(report: dict) -> str:
    """A short human summary of an ingest report."""
    lines = []
    for key in ("added", "updated", "unchanged"):
        for item in report.get(key, ()):
            lines.append(f"- **{key}**: {render.esc(item)}")
    for item in report.get("failed", ()):
        lines.append(f"- **failed**: {render.esc(item['path'])} — {render.esc(item['error'])}")
    return "\n".join(lines) or "Nothing to report."


def open_nav(library, value: str) -> str:
    """Render the side panel for a navigation request from the page script.

    `value` is JSON: `{"cite": "SYMBOL#REF", "lang": "zh"}` for a paragraph, or
    `{"doc": "SYMBOL", "lang": "zh"}` for the whole document.
    """
    if not value:
        return render.panel_message("Click a citation to see the paragraph in its document.")
    try:
        request = json.loads(value)
    except json.JSONDecodeError:
        request = {"cite": value}
    lang = request.get("lang") or None
    if request.get("doc"):
        if not lang:
            raise ResqaError("Which language version? The request named none.")
        return render.document_html(library.paragraphs(request["doc"], lang))
    cite = str(request.get("cite", ""))
    symbol, sep, ref = cite.rpartition("#")
    if not sep or not symbol or not ref:
        raise ResqaError(f"{cite!r} is not a citation of the form SYMBOL#REF")
    versions = list(library.versions(symbol, ref))
    if not lang:
        lang = versions[0].lang if versions else None
    if not lang:
        return render.panel_message(f"{cite} is not in the index.")
    paragraphs = list(library.paragraphs(symbol, lang))
    cited = next((h for h in paragraphs if h.ref == ref), None)
    if cited is None:
        cited = next((v for v in versions if v.lang == lang), None)
    if cited is None:
        return render.panel_message(f"{cite} ({lang}) is not in the index.")
    return render.panel_html(cited, paragraphs, versions)
