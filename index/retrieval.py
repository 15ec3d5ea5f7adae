"""Hybrid retrieval: dense per language + BM25 with glossary expansion, fused by RRF.

Dense retrieval queries each language's collection for its own top-k and fuses
the per-language ranks, so the best Chinese paragraphs compete with the best
English ones whatever the question's language. The lexical channel expands the
query through the UN glossary into zh, en and fr.
"""

from __future__ import annotations

import logging
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from typing import TYPE_CHECKING

from index.fusion import rrf
from index.hits import Hit, SearchFilters, SearchMode
from index.nodes import to_hit
from resqa.errors import ResqaError

if TYPE_CHECKING:
    from index.library import Library

logger = logging.getLogger(__name__)

# Relevance thresholds of `all_above_threshold` (list questions), calibrated on the dev gold set
# by `python -m index.calibrate` (docs/index.md). e5 cosines are compressed (most passages of a
# document on the topic score 0.8-0.9), so the dense test is relative to the best cosine of the
# query: a paragraph is listed when its cosine is within DENSE_MARGIN of the best one and at
# least DENSE_FLOOR, or when its BM25 score reaches LEXICAL_RATIO of the best BM25 score and
# its cosine is at least DENSE_FLOOR.
# Calibrated on the 20 list questions of eval/gold/dev.jsonl over the whole samples/ store
# (mean F1 0.639; 0.385 with the first guess 0.03 / 0.80 / 0.5). LEXICAL_RATIO above 1 means that
# on dev, BM25 evidence added to the dense rule only lowered F1, so hybrid lists are dense-only.
DENSE_MARGIN = 0.02
DENSE_FLOOR = 0.82
LEXICAL_RATIO = 1.01
LEXICAL_MODE_RATIO = 0.5  # `--mode lexical --all`: not calibrated (no cosine to lean on)
ALL_CANDIDATES = 200  # per language; list questions need recall over the whole store


# A resolution named in the question: "resolution 242", "résolution 55/10", "第662号决议",
# "第87(1950)号决议", "第54/254号决议", "ES-11/3". The number is matched against the registered symbols.
_NAMED = re.compile(
    r"(?:resolutions?|résolutions?|決議|决议)\s*(?:n[o°º]\.?\s*)?(?P<a>(?:ES-\d+/)?\d+(?:/\d+)?)"
    r"|第\s*(?P<b>(?:ES-\d+/)?\d+(?:/\d+)?)\s*(?:\(\s*\d{4}\s*\))?\s*[号號]"
    r"|(?<![\w/])(?P<c>(?:ES-\d+/\d+|\d{2}/\d{1,3}))(?![\w/])",
    re.IGNORECASE,
)


def find_named_symbols(query: str, symbols) -> list[str]:
    """The registered symbols a question names by number (see `_NAMED`), in sorted order.

    >>> find_named_symbols("Whom did resolution 242 ask to designate?", ["S/RES/242 (1967)", "S/RES/2420 (2018)"])
    ['S/RES/242 (1967)']
    """
    numbers = {m.group("a") or m.group("b") or m.group("c") for m in _NAMED.finditer(query)}
    found = set()
    for number in numbers:
        tail = re.compile(r"/" + re.escape(number.upper()) + r"(?:\s*\(|\s|$)")
        found.update(s for s in symbols if "/RES/" in s.upper() and tail.search(s.upper()))
    return sorted(found)


def _chroma_where(filters: SearchFilters, symbols: list[str]) -> dict | None:
    clauses = []
    if symbols:
        clauses.append({"symbol": symbols[0]} if len(symbols) == 1 else {"symbol": {"$in": symbols}})
    if filters.kind:
        clauses.append({"kind": filters.kind})
    if filters.organ:
        clauses.append({"organ": filters.organ})
    if filters.session:
        clauses.append({"session": filters.session})
    if filters.year:
        clauses.append({"year": int(filters.year)})
    if not clauses:
        return None
    return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def _keep(filters: SearchFilters, symbols: list[str]):
    def keep(metadata: dict) -> bool:
        return not (
            (symbols and metadata.get("symbol") not in symbols)
            or (filters.lang and metadata.get("lang") != filters.lang)
            or (filters.kind and metadata.get("kind") != filters.kind)
            or (filters.organ and metadata.get("organ") != filters.organ)
            or (filters.session and metadata.get("session") != filters.session)
            or (filters.year and metadata.get("year") != int(filters.year))
        )

    return keep


# RRF constant and ranking weights, chosen on eval/gold/dev.jsonl (docs/quality.md): each
# language's dense ranking weighs 1, BM25 0.7 (at 1.0 and above, keyword-heavy boilerplate
# outranks the paragraph the dense channel found; at 0.5 lookups lose).
RRF_K = 20
LEXICAL_WEIGHT = 0.7
# Dense ranking of the query's glossary translation into each language. Off: on dev it lifted
# cross-lingual recall@5 only 0.32 -> 0.36 while lookup and list recall fell (0.3: MRR 0.60 -> 0.51).
NAMED_WEIGHT = 1.0  # ranking of the paragraphs inside a resolution the question names by number
TITLE_FACTOR = 0.5  # fused score multiplier of title paragraphs
LANGUAGE_MARGIN_SCALE = 0.05  # a margin of 0.05 over the 10th cosine counts fully (dev grid, docs/quality.md)
LANGUAGE_WEIGHT_FLOOR = 0.6
MARGIN_RANK = 10  # the dense margin of a hit is its cosine minus the 10th cosine in its language
QUERY_MEMO = 64  # query embeddings kept: a list question searches the same query twice


def margin_reference(lang_rows: list) -> float:
    """The MARGIN_RANK-th cosine of one language's ranking (its last, when shorter).

    e5 cosines sit in a narrow band whose level depends on the language pair, so a
    paragraph is judged by its margin over this reference, not by its raw cosine.
    """
    return lang_rows[min(MARGIN_RANK, len(lang_rows)) - 1][3] if lang_rows else 0.0


def merge_rows(rows: dict[str, dict], dense: dict[str, list], lexical: list) -> None:
    """Add dense (per language) and lexical results to `rows`, keyed by node id.

    A row already present keeps its dense score and margin; the lexical score is always set.
    """
    for lang_rows in dense.values():
        reference = margin_reference(lang_rows)
        for node_id, meta, text, cosine in lang_rows:
            if node_id not in rows:
                meta = {**meta, "dense_margin": round(cosine - reference, 5)}
                rows[node_id] = {"meta": meta, "text": text, "dense": cosine, "lexical": None}
    for node_id, meta, text, score in lexical:
        rows.setdefault(node_id, {"meta": meta, "text": text, "dense": None, "lexical": None})
        rows[node_id]["lexical"] = score


def language_weight(lang_rows: list) -> float:
    """The weight of one language's dense ranking in the fusion.

    Every language's best paragraph would otherwise take a top slot, even when that
    language has nothing relevant (an English question about mine clearance put a French
    UDHR article first). A language whose best cosine stands out from its own
    MARGIN_RANK-th counts fully; a flat ranking counts less. The margin is measured within
    one language, so e5's preference for the question's language does not enter it.
    """
    if not lang_rows or LANGUAGE_MARGIN_SCALE <= 0:
        return 1.0
    return min(1.0, max(LANGUAGE_WEIGHT_FLOOR, (lang_rows[0][3] - margin_reference(lang_rows)) / LANGUAGE_MARGIN_SCALE))


class Retriever:
    def __init__(self, library: "Library"):
        self.library = library
        self._memo: dict[str, list[float]] = {}
        self._memo_lock = threading.Lock()  # the UI answers several questions at once
        self._pool: ThreadPoolExecutor | None = None

    def query_embedding(self, query: str) -> list[float]:
        """The query's embedding, memoized (embedding a query costs ~100 ms of CPU with e5)."""
        with self._memo_lock:
            cached = self._memo.get(query)
        if cached is not None:
            return cached
        embedding = self.library.embedder.get_query_embedding(query)
        with self._memo_lock:
            if len(self._memo) >= QUERY_MEMO:
                self._memo.pop(next(iter(self._memo)))
            self._memo[query] = embedding
        return embedding

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None

    def _query_languages(self, langs: list[str], embedding: list[float], n: int, where: dict | None):
        """One top-n query per language collection, run concurrently: Chroma's native code
        releases the GIL, so three collections cost little more than one (measured ~25 % less
        wall time than in sequence on the sample store)."""
        if len(langs) == 1:
            return [self.library.vectors.query(langs[0], embedding, n, where)]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="resqa-dense")
        return list(self._pool.map(lambda lang: self.library.vectors.query(lang, embedding, n, where), langs))

    def _symbols(self, filters: SearchFilters) -> list[str]:
        """Filter symbols as stored (normalized); unknown ones match nothing."""
        from ingest.symbols import symbols_equal

        wanted = []
        for symbol in filters.symbols:
            wanted += [d.symbol for d in self.library.registry.documents.values() if symbols_equal(d.symbol, symbol)]
        if filters.symbols and not wanted:
            return ["\x00no such symbol"]
        return sorted(set(wanted))

    def dense(self, query: str, n: int, filters: SearchFilters, symbols: list[str]
              ) -> dict[str, list[tuple[str, dict, str, float]]]:
        """Per language: [(node_id, metadata, text, cosine)], best first, registered versions only."""
        registry = self.library.registry
        registered = {d.lang for d in registry.documents.values()}
        # A language with no document has no collection; don't create one by reading.
        langs = sorted(registered & {filters.lang}) if filters.lang else sorted(registered)
        if not langs:
            return {}
        embedding = self.query_embedding(query)
        where = _chroma_where(filters, symbols)
        out = {}
        for lang, results in zip(langs, self._query_languages(langs, embedding, n, where)):
            rows = []
            for node, cosine in results:
                meta = node.metadata
                # During a replace both versions are in Chroma; only the registered one counts.
                if registry.version_of(meta.get("symbol", ""), lang) == meta.get("version"):
                    rows.append((node.node_id, meta, node.get_content(), cosine))
            out[lang] = rows
        return out

    def scoped_ranking(self, query: str, n: int, mode: SearchMode, filters: SearchFilters,
                       symbols: list[str], rows: dict[str, dict]) -> list[str]:
        """Node ids of the named documents' paragraphs, dense and BM25 fused; adds their rows."""
        dense = self.dense(query, n, filters, symbols) if mode != SearchMode.LEXICAL else {}
        lexical = self.lexical(query, n, filters, symbols) if mode != SearchMode.DENSE else []
        merge_rows(rows, dense, lexical)
        rankings = [[r[0] for r in lang_rows] for lang_rows in dense.values()]
        if lexical:
            rankings.append([r[0] for r in lexical])
        fused = rrf(rankings, k=RRF_K)
        return sorted(fused, key=lambda i: (-fused[i], i))

    def lexical(self, query: str, n: int, filters: SearchFilters, symbols: list[str]
                ) -> list[tuple[str, dict, str, float]]:
        index = self.library.lexical_index()
        keep = _keep(filters, symbols)
        tokens = self.library.analyzer.query_tokens(query)
        return [(e.node_id, e.metadata, e.text, s)
                for e, s in index.search(tokens, keep=lambda e: keep(e.metadata), limit=n)]

    def search(self, query: str, k: int, mode: SearchMode, filters: SearchFilters,
               all_above_threshold: bool, named_symbols: tuple[str, ...] | None = None) -> list[Hit]:
        if not query or not query.strip():
            raise ResqaError("the query is empty")
        if k < 1:
            raise ResqaError(f"k must be at least 1, got {k}")
        self.library.registry.reload()
        symbols = self._symbols(filters)
        n = ALL_CANDIDATES if all_above_threshold else max(3 * k, 30)
        dense = self.dense(query, n, filters, symbols) if mode != SearchMode.LEXICAL else {}
        lexical = self.lexical(query, n, filters, symbols) if mode != SearchMode.DENSE else []

        rows: dict[str, dict] = {}
        merge_rows(rows, dense, lexical)

        rankings = [[r[0] for r in lang_rows] for lang_rows in dense.values()]
        weights = [language_weight(lang_rows) for lang_rows in dense.values()]
        if all_above_threshold or filters.symbols:
            named = []
        elif named_symbols is not None:
            named = list(named_symbols)
        else:
            named = find_named_symbols(query, {d.symbol for d in self.library.registry.documents.values()})
        if named:
            # The question names a resolution: the best paragraphs inside it form one more ranking.
            scoped = replace(filters, symbols=tuple(named))
            inside = self.scoped_ranking(query, n, mode, scoped, named, rows)
            rankings.append(inside)
            weights.append(NAMED_WEIGHT)
        if lexical:
            rankings.append([r[0] for r in lexical])
            weights.append(LEXICAL_WEIGHT)
        if mode == SearchMode.LEXICAL:
            scores = {node_id: row["lexical"] for node_id, row in rows.items()}
        else:
            scores = rrf(rankings, k=RRF_K, weights=weights)

        if all_above_threshold:
            selected = self._above_threshold(rows, lexical, mode)
        else:
            for node_id, row in rows.items():
                if row["meta"].get("kind") == "title" and node_id in scores:
                    scores[node_id] *= TITLE_FACTOR  # a title names the topic; it answers nothing
            selected = sorted((i for i in rows if i in scores), key=lambda i: (-scores[i], i))[:k]
        hits = [to_hit(rows[i]["meta"], rows[i]["text"], scores[i], rows[i]["dense"], rows[i]["lexical"])
                for i in selected]
        if all_above_threshold:
            hits = group_by_document(hits)
        return hits

    def _above_threshold(self, rows: dict[str, dict], lexical: list, mode: SearchMode) -> list[str]:
        best_lexical = lexical[0][3] if lexical else 0.0
        cosines = [r["dense"] for r in rows.values() if r["dense"] is not None]
        best_dense = max(cosines) if cosines else 1.0
        chosen = []
        for node_id, row in rows.items():
            if is_listed(row["dense"], row["lexical"] / best_lexical if row["lexical"] else None, best_dense,
                         mode):
                chosen.append(node_id)
        return chosen


def is_listed(cosine: float | None, lexical_ratio: float | None, best_cosine: float,
              mode: SearchMode = SearchMode.HYBRID, margin: float = DENSE_MARGIN, floor: float = DENSE_FLOOR,
              ratio: float = LEXICAL_RATIO) -> bool:
    """The list-question rule (see the constants above); `lexical_ratio` is BM25 / best BM25."""
    strong_dense = cosine is not None and cosine >= floor and cosine >= best_cosine - margin
    strong_lexical = lexical_ratio is not None and lexical_ratio >= ratio
    if mode == SearchMode.LEXICAL:
        return lexical_ratio is not None and lexical_ratio >= LEXICAL_MODE_RATIO
    if mode == SearchMode.DENSE:
        return strong_dense
    return strong_dense or (strong_lexical and (cosine is None or cosine >= floor))


def group_by_document(hits: list[Hit]) -> list[Hit]:
    """Documents in order of their best hit; each document's hits in document order."""
    best: dict[tuple[str, str], float] = {}
    for h in hits:
        key = (h.symbol, h.lang)
        best[key] = max(best.get(key, float("-inf")), h.score)
    return sorted(hits, key=lambda h: (-best[(h.symbol, h.lang)], h.symbol, h.lang,
                                       int(h.metadata.get("position", 0))))
