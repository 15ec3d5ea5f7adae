"""`resqa mcp`: the library as a Model Context Protocol server over stdio.

    resqa mcp --store data/store          # a desktop assistant starts this; see docs/mcp.md

Tools: `search`, `ask`, `get_paragraph` (with the other language versions and the
footnotes it cites), `list_documents`, `links` and `compare`. Every paragraph in a result carries its
`SYMBOL#REF` citation. A domain error (unknown citation, bad filter, store problem)
comes back as an MCP tool error whose text is the one-line reason.

Built on the official SDK's `MCPServer` (mcp 2.x; in 1.x it was `FastMCP`).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from resqa.errors import ResqaError

log = logging.getLogger(__name__)

Mode = Literal["hybrid", "dense", "lexical"]
INSTRUCTIONS = (
    "resqa answers questions on United Nations resolutions (Chinese, English, French) from an indexed "
    "store, citing paragraphs as SYMBOL#REF (e.g. S/RES/2326 (2016)#op1). Use `ask` for an answer with "
    "checked citations, `search` for ranked paragraphs, `get_paragraph` to read a cited paragraph with "
    "its other language versions and footnotes, `list_documents` to see what is indexed. Quote the "
    "citations as given."
)


class Filters(BaseModel):
    """Optional restrictions; leave a field out for no constraint."""

    symbols: list[str] = Field(default_factory=list, description="document symbols, e.g. ['S/RES/2326 (2016)']")
    lang: str | None = Field(None, description="language code: zh, en, fr, ru, es, ar")
    kind: str | None = Field(None, description="paragraph kind: preamble, operative, subparagraph, footnote, …")
    organ: str | None = Field(None, description="GA, SC, or the organ's name")
    session: str | None = Field(None, description="session, e.g. 67 or ES-10")
    year: int | None = Field(None, ge=1945, le=2100)


class Paragraph(BaseModel):
    citation: str = Field(description="SYMBOL#REF")
    lang: str
    kind: str
    title: str
    text: str
    score: float | None = None


class SearchResult(BaseModel):
    hits: list[Paragraph]


class Source(BaseModel):
    n: int
    citation: str
    where: str = Field(description="the paragraph in words, e.g. 'operative paragraph 7'")
    lang: str
    language: str
    title: str
    text: str


class AskResult(BaseModel):
    answer: str
    citations: list[str]
    sources: list[Source]
    markdown: str = Field(description="the answer with its quoted sources, ready to paste")
    qtype: str
    lang: str
    backend: str
    warnings: list[str]


class Footnote(BaseModel):
    ref: str
    text: str


class Version(BaseModel):
    lang: str
    text: str


class ParagraphResult(BaseModel):
    citation: str
    symbol: str
    ref: str
    where: str
    lang: str
    kind: str
    title: str
    text: str
    footnotes: list[Footnote]
    versions: list[Version] = Field(description="the same paragraph in the other indexed languages")


class DocumentEntry(BaseModel):
    symbol: str
    lang: str
    title: str
    paragraphs: int
    organ: str | None = None
    session: str | None = None
    year: int | None = None


class DocumentList(BaseModel):
    documents: list[DocumentEntry]


def _search_filters(filters: Filters | None):
    from index.hits import SearchFilters
    from resqa.organs import organ_filter

    f = filters or Filters()
    return SearchFilters(symbols=tuple(s.strip() for s in f.symbols if s.strip()), lang=f.lang or None,
                         kind=f.kind or None, organ=organ_filter(f.organ), session=f.session or None, year=f.year)


def _paragraph(hit) -> Paragraph:
    return Paragraph(citation=hit.id, lang=hit.lang, kind=str(hit.kind), title=hit.title, text=hit.text,
                     score=round(hit.score, 6))


def _tool_errors(fn: Callable) -> Callable:
    """A domain error becomes an MCP tool error carrying its one-line reason."""
    from mcp.server.mcpserver.exceptions import ToolError

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ResqaError as exc:
            raise ToolError(" ".join(str(exc).split())) from exc

    return wrapper


def build_server(assistant):
    """The MCPServer over `assistant` and its library (not started)."""
    from mcp.server.mcpserver import MCPServer

    from answer.export import export_turn, turn_markdown
    from language.refwords import ref_in_words
    from index.hits import SearchMode
    from resqa import __version__

    library = assistant.library
    server = MCPServer("resqa", instructions=INSTRUCTIONS, version=__version__, log_level="WARNING")

    @server.tool(description="Ranked paragraphs of the indexed UN documents for a query (any language).")
    @_tool_errors
    def search(
        query: Annotated[str, Field(min_length=1, description="what to look for")],
        k: Annotated[int, Field(ge=1, le=100)] = 10,
        mode: Mode = "hybrid",
        filters: Filters | None = None,
    ) -> SearchResult:
        hits = library.search(query, k=k, mode=SearchMode(mode), filters=_search_filters(filters))
        return SearchResult(hits=[_paragraph(h) for h in hits])

    @server.tool(description="Answer a question from the indexed documents, with checked SYMBOL#REF citations "
                             "and the quoted paragraphs. Pass earlier turns as history for follow-ups.")
    @_tool_errors
    def ask(
        question: Annotated[str, Field(min_length=1)],
        history: Annotated[list[dict[str, str]] | None, Field(description="earlier turns: [{role, content}]")] = None,
        mode: Mode = "hybrid",
        filters: Filters | None = None,
    ) -> AskResult:
        answer = assistant.ask(question, history=tuple(history or ()), filters=_search_filters(filters),
                               mode=SearchMode(mode))
        turn = export_turn(question, answer)
        sources = [Source(n=s.n, citation=s.cite, where=s.where, lang=s.lang, language=s.language, title=s.title,
                          text=s.text) for s in turn.sources]
        return AskResult(answer=answer.answer, citations=list(answer.citations), sources=sources,
                         markdown=turn_markdown(turn), qtype=answer.qtype, lang=answer.lang,
                         backend=answer.backend, warnings=list(answer.warnings))

    @server.tool(description="One paragraph by its citation SYMBOL#REF, with the footnotes it cites and the same "
                             "paragraph in the other indexed languages.")
    @_tool_errors
    def get_paragraph(
        citation: Annotated[str, Field(description="SYMBOL#REF, e.g. 'A/RES/55/100#op3'")],
        lang: Annotated[str | None, Field(description="which language version (default: the first indexed)")] = None,
    ) -> ParagraphResult:
        symbol, sep, ref = citation.strip().rpartition("#")
        if not sep or not symbol or not ref:
            raise ResqaError(f"{citation!r} is not a citation of the form SYMBOL#REF")
        versions = list(library.versions(symbol, ref))
        if not versions:
            raise ResqaError(f"{citation} is not in the index")
        hit = next((v for v in versions if v.lang == lang), None) if lang else versions[0]
        if hit is None:
            have = ", ".join(sorted({v.lang for v in versions}))
            raise ResqaError(f"{citation} has no {lang} version in the index (indexed: {have})")
        return ParagraphResult(
            citation=hit.id, symbol=hit.symbol, ref=hit.ref, where=ref_in_words(hit.ref, hit.lang), lang=hit.lang,
            kind=str(hit.kind), title=hit.title, text=hit.text,
            footnotes=[Footnote(ref=r, text=t) for r, t in hit.footnotes],
            versions=[Version(lang=v.lang, text=v.text) for v in versions if v.lang != hit.lang],
        )

    @server.tool(description="The indexed documents: symbol, language, title, paragraph count.")
    @_tool_errors
    def list_documents() -> DocumentList:
        docs = sorted(library.documents(), key=lambda d: (str(d.symbol), str(d.lang)))
        return DocumentList(documents=[
            DocumentEntry(symbol=d.symbol, lang=d.lang, title=d.title, paragraphs=int(d.paragraphs),
                          organ=getattr(d, "organ", None), session=getattr(d, "session", None),
                          year=getattr(d, "year", None))
            for d in docs
        ])

    @server.tool(description="What a document cites (resolutions, decisions, documents, with the paragraphs that "
                             "cite them) and which indexed documents cite it, as `resqa links --json`.")
    @_tool_errors
    def links(
        symbol: Annotated[str, Field(min_length=1, description="full symbol, e.g. 'S/RES/660 (1990)'")],
    ) -> dict[str, Any]:
        return library.links(symbol.strip())

    @server.tool(description="What changed between two indexed documents (e.g. a draft and the adopted "
                             "resolution): paragraphs same/changed/added/removed with word diffs, "
                             "as `resqa compare --json`.")
    @_tool_errors
    def compare(
        a: Annotated[str, Field(min_length=1, description="the earlier document's symbol")],
        b: Annotated[str, Field(min_length=1, description="the later document's symbol")],
        lang: Annotated[str | None, Field(description="compare this language version")] = None,
    ) -> dict[str, Any]:
        from compare.documents import compare_documents

        return compare_documents(library, a.strip(), b.strip(), lang=lang or None).to_json()

    return server


def serve(settings) -> None:
    """Open the store, then serve MCP on stdin/stdout until the client hangs up."""
    from answer.assistant import Assistant
    from index.library import Library

    library = Library.open(settings)
    try:
        assistant = Assistant(library, settings)
        assistant.warm()  # the first tool call should not pay for loading the models
        build_server(assistant).run("stdio")
    finally:
        library.close()
