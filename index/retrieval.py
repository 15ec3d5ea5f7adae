"""Hybrid retrieval: dense per language + BM25 with glossary expansion + BM25 over bilingual pivot
keys, fused by RRF.

A `Retriever` is built from its parts (a query encoder, one registry snapshot with its dense
and lexical indexes, the paragraphs' sidecars, the analyzer and a `RetrievalConfig`) and returns
typed `Hit`s; it knows nothing of the `Library`. Dense retrieval takes each language's own exact
top-k (index/dense.py) and fuses the per-language ranks, so the best Chinese paragraphs compete
with the best English ones whatever the question's language. The lexical channel expands the query through the
UN glossary into zh, en and fr; the cross-language channel compares the question's and the
paragraphs' pivot keys (language/bilingual.py: dictionary senses, shared stems, entity ids).
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from concurrent.futures import Executor, Future
from dataclasses import dataclass, replace

from index.config import RetrievalConfig
from index.dense import DenseIndex
from index.fusion import rrf
from index.hits import Hit, SearchFilters, SearchMode
from index.lexical import LexicalIndex, best_rows
from index.nodes import to_hit
from index.registry import RegistrySnapshot
from index.sidecars import SidecarCache
from resqa.errors import ResqaError

_UNSET = object()  # a `rows` argument not given (None is a mask: every row)

logger = logging.getLogger(__name__)

# A resolution named in the question: "resolution 242", "résolution 55/10", "第662号决议",
# "第87(1950)号决议", "第54/254号决议", "ES-11/3", and the lists after a plural or inside 第…号
# ("resolutions 242 (1967) and 338 (1973)", "第1996(2011)、2046(2012)和2304(2016)号决议").
# The numbers are matched against the registered symbols.
_NUMBER = r"(?:ES-\d+/)?\d+(?:/\d+)?"
_YEAR = r"\s*\(\s*\d{4}\s*\)"
_LIST = rf"{_NUMBER}(?:{_YEAR})?(?:\s*(?:,|、|;|\band\b|\bet\b|\bor\b|\bou\b|和|及|与|與)\s*{_NUMBER}(?:{_YEAR})?)*"
_NAMED = re.compile(
    rf"(?:resolutions|résolutions)\s*(?:n[o°º]s?\.?\s*)?(?P<list>{_LIST})"
    rf"|(?:resolution|résolution|決議|决议)\s*(?:n[o°º]\.?\s*)?(?P<a>{_NUMBER})"
    rf"|第\s*(?P<b>{_LIST})\s*[号號]"
    rf"|(?<![\w/])(?P<c>(?:ES-\d+/\d+|\d{{2}}/\d{{1,3}}))(?![\w/])",
    re.IGNORECASE,
)
_LISTED = re.compile(rf"{_YEAR}|(?P<number>{_NUMBER})", re.IGNORECASE)


def find_named_symbols(query: str, symbols) -> list[str]:
    """The registered symbols a question names by number (see `_NAMED`), in sorted order.

    >>> find_named_symbols("Whom did resolution 242 ask to designate?", ["S/RES/242 (1967)", "S/RES/2420 (2018)"])
    ['S/RES/242 (1967)']
    """
    numbers = named_numbers(query)
    if not numbers:
        return []
    by_tail = _symbols_by_tail(symbols if isinstance(symbols, frozenset) else frozenset(symbols))
    return sorted({s for number in numbers for s in by_tail.get(number.upper(), ())})


def named_numbers(query: str) -> set[str]:
    """The resolution numbers a question names (see `_NAMED`), registered or not.

    >>> sorted(named_numbers("第2216号决议和 resolution 1325 要求什么？"))
    ['1325', '2216']
    >>> sorted(named_numbers("What do resolutions 242 (1967), 338 (1973) and 1325 call for?"))
    ['1325', '242', '338']
    >>> sorted(named_numbers("第1996(2011)、2046(2012)和2304(2016)号决议"))
    ['1996', '2046', '2304']
    >>> sorted(named_numbers("Resolution 1325 and 2000 observers"))
    ['1325']
    """
    numbers = set()
    for m in _NAMED.finditer(query):
        listed = m.group("list") or m.group("b")
        if listed:
            numbers.update(n.group("number") for n in _LISTED.finditer(listed) if n.group("number"))
        else:
            numbers.add(m.group("a") or m.group("c"))
    return numbers


def unregistered_numbers(query: str, symbols) -> list[str]:
    """The resolution numbers a question names that no registered symbol carries, sorted.

    >>> unregistered_numbers("What did resolution 242 and resolution 1325 ask?", ["S/RES/242 (1967)"])
    ['1325']
    """
    by_tail = _symbols_by_tail(symbols if isinstance(symbols, frozenset) else frozenset(symbols))
    return sorted(n for n in named_numbers(query) if n.upper() not in by_tail)


@functools.lru_cache(maxsize=4)
def _symbols_by_tail(symbols: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """Resolution symbols by every tail a number can name: what follows one of its slashes, up to
    a space, a parenthesis or the end ("S/RES/242 (1967)" -> "RES/242", "242")."""
    index: dict[str, list[str]] = {}
    for symbol in symbols:
        upper = symbol.upper()
        if "/RES/" not in upper:
            continue
        for slash in (i for i, c in enumerate(upper) if c == "/"):
            tail = re.match(r"[^\s(]*", upper[slash + 1:]).group()
            if tail:
                index.setdefault(tail, []).append(symbol)
    return {tail: tuple(found) for tail, found in index.items()}


@dataclass(slots=True)
class Candidate:
    """One paragraph seen by a channel, with what each channel said about it. `row` is its entry
    in the snapshot's lexical index; its text and metadata are read (from its sidecar) only when
    it becomes a hit."""

    node_id: str
    row: int
    dense: float | None = None  # cosine
    margin: float | None = None  # cosine minus the margin_rank-th cosine of its language
    lexical: float | None = None  # BM25 score
    pivot: float | None = None  # BM25 score over bilingual pivot keys (the cross-language channel)


class QueryEncoder:
    """Query embeddings with a small memo (embedding a query costs ~20-100 ms of CPU with e5).

    The memo holds futures, so a query can be embedded on a worker thread while the caller reads
    the question (`future(query, executor)`), and a later `embed(query)` waits for that one
    embedding instead of computing a second. A failed embedding is not kept."""

    def __init__(self, embedder, size: int):
        self._embedder = embedder
        self._size = size
        self._memo: dict[str, Future] = {}
        self._lock = threading.Lock()  # the UI answers several questions at once

    def future(self, query: str, executor: Executor | None = None) -> Future:
        with self._lock:
            pending = self._memo.get(query)
            if pending is not None and not (pending.done() and pending.exception() is not None):
                return pending
            if executor is not None:
                pending = executor.submit(self._embedder.get_query_embedding, query)
            else:
                pending = Future()
            if len(self._memo) >= self._size:
                self._memo.pop(next(iter(self._memo)))
            self._memo[query] = pending
        if executor is None:  # computed here, outside the lock
            try:
                pending.set_result(self._embedder.get_query_embedding(query))
            except BaseException as exc:
                pending.set_exception(exc)
        return pending

    def embed(self, query: str) -> list[float]:
        return self.future(query).result()


def margin_reference(lang_rows: list[Candidate], config: RetrievalConfig) -> float:
    """The margin_rank-th cosine of one language's ranking (its last, when shorter)."""
    return lang_rows[min(config.margin_rank, len(lang_rows)) - 1].dense if lang_rows else 0.0


def language_weight(lang_rows: list[Candidate], config: RetrievalConfig) -> float:
    """The weight of one language's dense ranking in the fusion.

    Every language's best paragraph would otherwise take a top slot, even when that
    language has nothing relevant. A language whose best cosine stands out from its own
    margin_rank-th counts fully; a flat ranking counts less. The margin is measured within
    one language, so e5's preference for the question's language does not enter it.
    """
    if not lang_rows or config.language_margin_scale <= 0:
        return 1.0
    spread = lang_rows[0].dense - margin_reference(lang_rows, config)
    return min(1.0, max(config.language_weight_floor, spread / config.language_margin_scale))


class Retriever:
    """Search over one registry snapshot. Cheap to build: the Library makes one per generation."""

    def __init__(self, encoder: QueryEncoder, dense_index: DenseIndex, snapshot: RegistrySnapshot,
                 lexical: LexicalIndex, sidecars: SidecarCache, analyzer, config: RetrievalConfig,
                 executor: Executor | None = None):
        self.encoder = encoder
        self.dense_index = dense_index
        self.snapshot = snapshot
        self.lexical_index = lexical
        self.sidecars = sidecars
        self.analyzer = analyzer
        self.config = config
        self.executor = executor

    # -- channels -----------------------------------------------------------------------------------
    def _symbols(self, filters: SearchFilters) -> list[str]:
        """Filter symbols as stored (normalized); unknown ones match nothing."""
        wanted = sorted({d.symbol for s in filters.symbols for d in self.snapshot.matching(s)})
        if filters.symbols and not wanted:
            return ["\x00no such symbol"]
        return wanted

    def _langs(self, filters: SearchFilters) -> list[str]:
        # A language with no document has no collection; don't create one by reading.
        langs = self.snapshot.langs
        return [lang for lang in langs if lang == filters.lang] if filters.lang else langs

    def dense(self, embedding: list[float], n: int, filters: SearchFilters, symbols: list[str], rows=_UNSET
              ) -> dict[str, list[Candidate]]:
        """Per language: its top-n rows by exact cosine (inside the filters' `_mask`, when the caller
        has it), best first, each with its margin."""
        index = self.dense_index
        rows = self._mask(filters, symbols) if rows is _UNSET else rows
        scores = index.scores(embedding)  # one product for every language (~5 ms at 100k rows)
        out = {}
        for lang in self._langs(filters):
            allowed = index.rows_of(lang) if rows is None else index.rows_of(lang) & rows
            lang_rows = [Candidate(index.node_ids[row], row, dense=cosine)
                         for row, cosine in best_rows(scores, allowed, n, above=None)]
            reference = margin_reference(lang_rows, self.config)
            for row in lang_rows:
                row.margin = round(row.dense - reference, 5)
            out[lang] = lang_rows
        return out

    def _mask(self, filters: SearchFilters, symbols: list[str]):
        """The lexical-index rows a search may return (None: every row)."""
        if not (symbols or filters.lang or filters.kind or filters.organ or filters.session or filters.year):
            return None
        wanted = set(symbols)
        keys = [key for key, info in self.snapshot.documents.items() if not (
            (wanted and info.symbol not in wanted)
            or (filters.lang and info.lang != filters.lang)
            or (filters.organ and (info.organ or "") != filters.organ)
            or (filters.session and (info.session or "") != filters.session)
            or (filters.year and (info.year or 0) != int(filters.year))
        )]
        return self.lexical_index.mask(keys, filters.kind)

    def lexical(self, query: str, n: int, filters: SearchFilters, symbols: list[str], expand: bool = True,
                rows=_UNSET) -> list[Candidate]:
        """BM25 candidates best first (score > 0), with the glossary expansion unless `expand=False`;
        `rows`: the filters' `_mask` when the caller has it."""
        index = self.lexical_index
        rows = self._mask(filters, symbols) if rows is _UNSET else rows
        found = index.search(self.analyzer.query_tokens(query, expand=expand), rows=rows, limit=n)
        return [Candidate(index.node_ids[row], row, lexical=score) for row, score in found]

    def pivot_scores(self, query: str):
        """Every row's score in the cross-language channel (BM25 over bilingual pivot keys), or None."""
        return self.lexical_index.pivot_scores(self.analyzer.pivot_query_tokens(query))

    def pivot(self, scores, n: int, filters: SearchFilters, symbols: list[str], rows=_UNSET) -> list[Candidate]:
        """The cross-language channel's candidates best first, from `pivot_scores`."""
        index = self.lexical_index
        rows = self._mask(filters, symbols) if rows is _UNSET else rows
        return [Candidate(index.node_ids[row], row, pivot=score) for row, score in best_rows(scores, rows, n)]

    def record(self, row: int) -> dict:
        """The stored record (node_id, text, metadata) of a lexical-index row."""
        index = self.lexical_index
        return self.sidecars.records(self.snapshot.documents[index.doc_keys[row]])[index.positions[row]]

    def hit(self, candidate: Candidate, score: float) -> Hit:
        record = self.record(candidate.row)
        return to_hit(record["metadata"], record["text"], score, candidate.dense, candidate.lexical,
                      candidate.margin, candidate.pivot)

    def candidates(self, query: str, n: int, mode: SearchMode, filters: SearchFilters, symbols: list[str],
                   embedding: list[float] | None = None, pivot_scores=None) -> "Channels":
        """Every channel's candidates; the query embedding is computed while BM25 runs. The
        cross-language channel runs in hybrid mode (from `pivot_scores` when given)."""
        pending = None
        if mode != SearchMode.LEXICAL and embedding is None and self._langs(filters):
            pending = self.encoder.future(query, self.executor)
        rows = self._mask(filters, symbols)  # once for every channel
        lexical: list[Candidate] = []
        if mode != SearchMode.DENSE:
            lexical = self.lexical(query, n, filters, symbols, rows=rows)
        pivot: list[Candidate] = []
        if mode == SearchMode.HYBRID and self.config.pivot_weight > 0:
            if pivot_scores is None:
                pivot_scores = self.pivot_scores(query)
            pivot = self.pivot(pivot_scores, n, filters, symbols, rows=rows)
        if pending is not None:
            embedding = pending.result()
        dense = self.dense(embedding, n, filters, symbols, rows=rows) if embedding is not None else {}
        return Channels(dense, lexical, pivot, pivot_scores)

    # -- search ---------------------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, mode: SearchMode = SearchMode.HYBRID,
               filters: SearchFilters = SearchFilters(),
               named: tuple[str, ...] | list[str] | None = None) -> list[Hit]:
        """Ranked hits; `named`: the resolutions the question names (None: detect them in `query`)."""
        if not query or not query.strip():
            raise ResqaError("the query is empty")
        if k < 1:
            raise ResqaError(f"k must be at least 1, got {k}")
        mode = SearchMode(mode)
        symbols = self._symbols(filters)
        n = self.config.candidates(k)
        channels = self.candidates(query, n, mode, filters, symbols)
        rows = channels.merge()

        named = [] if filters.symbols else self._named(query, named)
        named_ranking: list[str] = []
        if named:
            # The question names a resolution: the best paragraphs inside it form one more ranking.
            scoped = replace(filters, symbols=tuple(named))
            embedding = self.encoder.embed(query) if mode != SearchMode.LEXICAL else None
            inside = self.candidates(query, n, mode, scoped, named, embedding, channels.pivot_scores)
            inside.merge(rows)
            fused = rrf(inside.rankings(), k=self.config.rrf_k)
            named_ranking = sorted(fused, key=lambda i: (-fused[i], i))
        scores = self._fused(channels, named_ranking, mode, rows)
        kinds = self.lexical_index.kinds
        for node_id, row in rows.items():
            if kinds[row.row] == "title" and node_id in scores:
                scores[node_id] *= self.config.title_factor  # a title names the topic; it answers nothing
        selected = sorted((i for i in rows if i in scores), key=lambda i: (-scores[i], i))[:k]
        channels.score_pivot([rows[i] for i in selected])
        return [self.hit(rows[i], scores[i]) for i in selected]

    def _named(self, query: str, named) -> list[str]:
        if named is None:
            return find_named_symbols(query, self.snapshot.symbols)
        return sorted({d.symbol for s in named for d in self.snapshot.matching(s)})

    def _fused(self, channels: "Channels", named_ranking: list[str], mode: SearchMode,
               rows: dict[str, Candidate]) -> dict[str, float]:
        if mode == SearchMode.LEXICAL:
            return {node_id: row.lexical for node_id, row in rows.items() if row.lexical is not None}
        rankings = channels.rankings()
        weights = [language_weight(lang_rows, self.config) for lang_rows in channels.dense.values()]
        weights += [w for channel, w in ((channels.lexical, self.config.lexical_weight),
                                         (channels.pivot, self.config.pivot_weight)) if channel]
        if named_ranking:
            rankings.append(named_ranking)
            weights.append(self.config.named_weight)
        return rrf(rankings, k=self.config.rrf_k, weights=weights)


@dataclass
class Channels:
    """What each channel found for one query: dense (per language), BM25, and the cross-language
    BM25 over pivot keys (with every row's score, so any hit can carry its own)."""

    dense: dict[str, list[Candidate]]
    lexical: list[Candidate]
    pivot: list[Candidate]
    pivot_scores: object = None  # np.ndarray of every row's pivot score, or None

    def rankings(self) -> list[list[str]]:
        rankings = [[r.node_id for r in lang_rows] for lang_rows in self.dense.values()]
        for channel in (self.lexical, self.pivot):
            if channel:
                rankings.append([r.node_id for r in channel])
        return rankings

    def merge(self, rows: dict[str, Candidate] | None = None) -> dict[str, Candidate]:
        """The candidates by node id; a paragraph several channels saw is one row. A row already in
        `rows` keeps its cosine and margin; the BM25 scores are always set."""
        rows = {} if rows is None else rows
        for lang_rows in self.dense.values():
            for row in lang_rows:
                rows.setdefault(row.node_id, row)
        for row in self.lexical:
            if row.node_id in rows:
                rows[row.node_id].lexical = row.lexical
            else:
                rows[row.node_id] = row
        for row in self.pivot:
            rows.setdefault(row.node_id, row)
        return rows

    def score_pivot(self, rows) -> None:
        """Give each candidate of `rows` its pivot score (hits the channel did not rank included)."""
        if self.pivot_scores is None:
            return
        for row in rows.values() if isinstance(rows, dict) else rows:
            row.pivot = float(self.pivot_scores[row.row])


def group_by_document(hits: list[Hit]) -> list[Hit]:
    """Documents in order of their best hit; each document's hits in document order."""
    best: dict[tuple[str, str], float] = {}
    for h in hits:
        key = (h.symbol, h.lang)
        best[key] = max(best.get(key, float("-inf")), h.score)
    return sorted(hits, key=lambda h: (-best[(h.symbol, h.lang)], h.symbol, h.lang,
                                       int(h.metadata.get("position", 0))))
