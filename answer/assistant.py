"""The assistant: question (+ history) → retrieval → a grounded answer with checked citations.

    assistant = Assistant(library, settings)
    answer = assistant.ask("哪些段落涉及维持和平行动？")
    for part in assistant.ask_stream(question, history):
        ...  # str chunks, then the final Answer

The extractive answerer is the default and the fallback; the LLM is used only when
one is configured (or passed in) and the retrieved paragraphs support an answer.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import replace

from answer import change, extractive, lineage, llm as llm_backend, phrasing
from answer.citations import iter_checked
from answer.conversation import Plan, normalize_history, plan
from answer.model import Answer, Backend, CheckedCitations, QuestionType
from answer.question import classify, question_language, wanted_answer
from answer.terms import question_terms, weigh_by_rarity
from index.hits import Hit, SearchFilters, SearchMode
from resqa.errors import AnswerError
from resqa.settings import Settings

log = logging.getLogger(__name__)

LOOKUP_K = 10
LIST_K = 50  # a floor for list questions; all_above_threshold lets retrieval return more


def _unique(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    seen, out = set(), []
    for h in hits:
        if (h.id, h.lang) not in seen:
            seen.add((h.id, h.lang))
            out.append(h)
    return tuple(out)


class Assistant:
    def __init__(self, library, settings: Settings, llm=None):
        self.library = library
        self.settings = settings
        # Built only when an endpoint is configured; constructing it opens no connection.
        self.llm = llm if llm is not None else llm_backend.build_llm(settings)

    def ask(self, question: str, history=(), filters: SearchFilters = SearchFilters(),
            mode: SearchMode = SearchMode.HYBRID, qtype: str | QuestionType | None = None) -> Answer:
        final = None
        for part in self.ask_stream(question, history, filters, mode, qtype):
            if isinstance(part, Answer):
                final = part
        assert final is not None
        return final

    def ask_stream(self, question: str, history=(), filters: SearchFilters = SearchFilters(),
                   mode: SearchMode = SearchMode.HYBRID,
                   qtype: str | QuestionType | None = None) -> Iterator[str | Answer]:
        """Yield the answer text in chunks as it is produced, then the final `Answer`."""
        if not question or not question.strip():
            raise AnswerError("the question is empty")
        forced = self._forced_type(qtype)
        turns = normalize_history(history)
        lang = question_language(question)
        special = None if forced else (lineage.answer(self.library, question, turns, lang)
                                        or change.answer(self.library, question, turns, lang))
        if special is not None:
            yield from self._stream_extractive(special)
            return
        how = plan(question, turns)
        if forced is None and how.kind == "version":
            yield from self._stream_extractive(self._version(how, lang))
            return
        if how.kind == "paragraph" and forced in (None, QuestionType.PARAGRAPH):
            yield from self._stream_extractive(self._named_paragraph(how, lang, filters))
            return
        qt = forced or how.qtype or classify(question)
        if qt == QuestionType.PARAGRAPH:
            qt = QuestionType.LOOKUP
        warnings = (f"question type forced to {qt.value}",) if forced else ()
        hits, extract, terms_query = self._search_and_extract(how, qt, lang, filters, mode)
        base = self._answer(extract, hits, qt, lang, warnings)
        if self.llm is None or not extract.answered:
            yield from self._stream_extractive(base)
            return
        yield from self._stream_llm(terms_query, hits, lang, turns, base)

    # -- planning helpers -------------------------------------------------------------

    @staticmethod
    def _forced_type(qtype) -> QuestionType | None:
        if qtype is None or qtype == "":
            return None
        try:
            forced = QuestionType(str(qtype).lower())
        except ValueError:
            raise AnswerError(f"unknown question type {qtype!r}: use lookup or list") from None
        if forced == QuestionType.NOANSWER:
            raise AnswerError("question type 'noanswer' is a result, not something to ask for: use lookup or list")
        return forced

    def _search_and_extract(self, how: Plan, qt: QuestionType, lang: str, filters: SearchFilters,
                            mode: SearchMode):
        scoped = filters
        if how.symbols and not filters.symbols:
            scoped = replace(filters, symbols=how.symbols)
        hits, extract = self._try(how.query, qt, lang, scoped, mode)
        if not extract.answered and scoped is not filters:
            log.info("follow-up %r not answered within %s; searching everything", how.query, how.symbols)
            hits, extract = self._try(how.query, qt, lang, filters, mode)
        return hits, extract, how.query

    def _corpus_texts(self) -> tuple[str, ...]:
        """Every indexed paragraph's text, for term rarity; empty when the library can't tell."""
        index = getattr(self.library, "lexical_index", None)
        if index is None:
            return ()
        current = index()
        if getattr(self, "_texts_of", None) is not current:
            self._texts_of, self._texts = current, tuple(e.text for e in current.entries)
        return self._texts

    def _try(self, query: str, qt: QuestionType, lang: str, filters: SearchFilters, mode: SearchMode):
        terms = weigh_by_rarity(question_terms(query), self._corpus_texts())
        if qt == QuestionType.LIST:
            hits = self.library.search(query, k=LIST_K, mode=mode, filters=filters, all_above_threshold=True)
            # Retrieval's threshold is calibrated on same-language scores and can drop every
            # cross-lingual paragraph; the evidence rule filters the wider pool instead.
            hits = list(_unique([*hits, *self.library.search(query, k=LIST_K, mode=mode, filters=filters)]))
            return hits, extractive.listing(hits, terms, lang)
        hits = self.library.search(query, k=LOOKUP_K, mode=mode, filters=filters)
        return hits, extractive.lookup(hits, terms, wanted_answer(query), lang)

    def _version(self, how: Plan, lang: str) -> Answer:
        found: list[Hit] = []
        for cite in how.refs:
            symbol, _, ref = cite.rpartition("#")
            found.extend(h for h in self.library.versions(symbol, ref) if h.lang == how.target_lang)
        if not found:
            text = phrasing.message("no_version", lang, language=phrasing.language_name(how.target_lang, lang),
                                    symbol=", ".join(how.symbols))
            return Answer(text, (), (), QuestionType.NOANSWER.value, lang)
        parts = [extractive.paragraph(h, lang) for h in found]
        cites = tuple(dict.fromkeys(c for p in parts for c in p.citations))
        return Answer("\n\n".join(p.text for p in parts), cites, _unique(found), QuestionType.PARAGRAPH.value, lang)

    def _named_paragraph(self, how: Plan, lang: str, filters: SearchFilters) -> Answer:
        symbol, ref = how.symbols[0], how.refs[0]
        versions = self.library.versions(symbol, ref)
        if filters.lang:
            versions = [h for h in versions if h.lang == filters.lang]
        if not versions:
            text = phrasing.message("no_paragraph", lang, symbol=symbol, where=phrasing.ref_in_words(ref, lang))
            return Answer(text, (), (), QuestionType.NOANSWER.value, lang)
        # The question's language first; otherwise the first indexed version.
        hit = next((h for h in versions if h.lang == lang), versions[0])
        part = extractive.paragraph(hit, lang)
        return Answer(part.text, part.citations, _unique(versions), QuestionType.PARAGRAPH.value, lang)

    @staticmethod
    def _answer(extract, hits, qt: QuestionType, lang: str, warnings=()) -> Answer:
        return Answer(
            answer=extract.text,
            citations=extract.citations,
            hits=_unique(hits),
            qtype=qt.value if extract.answered else QuestionType.NOANSWER.value,
            lang=lang,
            warnings=tuple(warnings),
            backend=Backend.EXTRACTIVE.value,
        )

    # -- producing text ---------------------------------------------------------------

    @staticmethod
    def _stream_extractive(answer: Answer) -> Iterator[str | Answer]:
        lines = answer.answer.split("\n")
        for i, line in enumerate(lines):
            yield line + ("\n" if i < len(lines) - 1 else "")
        yield answer

    def _stream_llm(self, question: str, hits, lang: str, turns, fallback: Answer) -> Iterator[str | Answer]:
        messages, shown = llm_backend.build_messages(question, hits, lang, turns)
        checked: CheckedCitations | None = None
        produced: list[str] = []
        try:
            for part in iter_checked(llm_backend.stream_answer(self.llm, messages), shown):
                if isinstance(part, CheckedCitations):
                    checked = part
                else:
                    produced.append(part)
                    yield part
        except AnswerError as exc:
            log.warning("%s; using the extractive answer", exc)
            yield from self._fallback(fallback, produced, (f"LLM failed ({exc}); extractive answer shown",))
            return
        warnings = list(fallback.warnings)
        if checked.removed:
            warnings.append("removed citations not among the retrieved paragraphs: " + ", ".join(checked.removed))
        if not checked.kept:
            warnings.append("the generated answer had no valid citation; extractive answer shown")
            yield from self._fallback(fallback, produced, tuple(warnings))
            return
        yield Answer(checked.text, checked.kept, fallback.hits, fallback.qtype, lang, tuple(warnings),
                     Backend.LLM.value)

    def _fallback(self, fallback: Answer, produced: list[str], warnings) -> Iterator[str | Answer]:
        if produced:  # tell a streaming reader the text so far is replaced
            yield "\n\n---\n"
        final = replace(fallback, warnings=tuple(dict.fromkeys(fallback.warnings + tuple(warnings))))
        yield from self._stream_extractive(final)
