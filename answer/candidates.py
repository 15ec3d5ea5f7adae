"""What the judge reads for a question: the candidates.

A lookup reads the top of the fused ranking. A list must find every relevant paragraph in the
store, not the top ten, so it reads a wide fused ranking (every language's dense ranking and BM25
expanded through the glossary and the entity table), every paragraph of the documents the question
names, and every paragraph that names an entity the question names, or an entity of the kind it
asks about ("peacekeeping operations" -> the paragraphs naming a mission).
"""

from __future__ import annotations

from answer.question import Question
from index.hits import Hit, SearchFilters, SearchMode

LOOKUP_K = 10
LIST_K = 80
DOCUMENT_LIMIT = 400  # paragraphs per named document
ENTITY_LIMIT = 300  # paragraphs added through the entity table


def unique(hits) -> list[Hit]:
    seen, out = set(), []
    for h in hits:
        if (h.id, h.lang) not in seen:
            seen.add((h.id, h.lang))
            out.append(h)
    return out


def in_question_language(hits, lang: str) -> list[Hit]:
    """One version of each paragraph: where the store returned a paragraph in several languages and
    one of them is the question's, that one, at the place of the paragraph's best-ranked version (its
    terms are matched literally, its cosine is same-language: evidence the judge reads more surely
    than a dictionary's or a cross-language cosine, and the quote is in the reader's language)."""
    own = {h.id: h for h in hits if h.lang == lang}
    out, seen = [], set()
    for h in hits:
        if h.id in own:
            if h.id not in seen:
                seen.add(h.id)
                out.append(own[h.id])
        else:
            out.append(h)
    return out


class Candidates:
    """Built from the library and its entity table; `for_question` returns the judge's input."""

    def __init__(self, library, entities=None):
        self.library = library
        self.entities = entities

    def _search(self, q: Question, k: int, filters: SearchFilters, mode: SearchMode) -> list[Hit]:
        return self.library.search(q.query, k=k, mode=mode, filters=filters, named_symbols=q.named_symbols)

    def _by_entity(self, q: Question, filters: SearchFilters) -> list[Hit]:
        """The paragraphs naming an entity the question names, or one of the type it names by
        class, most named entities first (the entity ids each paragraph names are kept in the BM25
        index of the store, so no paragraph is read to find them)."""
        from index.nodes import to_hit

        wanted_types = q.concepts
        retriever = getattr(self.library, "retriever", None)  # test doubles of the library may lack it
        if not (q.entities or wanted_types) or retriever is None or self.entities is None:
            return []
        retriever = retriever()
        index = retriever.lexical_index
        wanted = set(q.entities) | (self.entities.ids_of_type(*wanted_types) if wanted_types else set())
        scored = []
        for row in index.rows_naming(wanted):
            symbol, _, lang = index.doc_keys[row].rpartition("|")
            if (filters.symbols and symbol not in filters.symbols) or (filters.lang and lang != filters.lang):
                continue
            ids = frozenset(index.entities[row])
            named = len(q.entities & ids)
            typed = len(self.entities.of_type(ids, *wanted_types)) if wanted_types else 0
            if named or typed:
                scored.append((-named, -typed, index.node_ids[row], row))
        scored.sort(key=lambda r: r[:3])
        records = [retriever.record(row) for *_k, row in scored[:ENTITY_LIMIT]]
        return [to_hit(r["metadata"], r["text"], 0.0) for r in records]

    def for_question(self, q: Question, filters: SearchFilters, mode: SearchMode) -> list[Hit]:
        if not q.is_list:
            return in_question_language(self._search(q, LOOKUP_K, filters, mode), q.lang)
        hits = self._search(q, LIST_K, filters, mode)
        for symbol in q.named_symbols:
            if filters.symbols and symbol not in filters.symbols:
                continue
            for lang in sorted({h.lang for h in hits} | {q.lang}):
                if not filters.lang or lang == filters.lang:
                    hits.extend(self.library.paragraphs(symbol, lang)[:DOCUMENT_LIMIT])
        hits.extend(self._by_entity(q, filters))
        return unique(hits)
