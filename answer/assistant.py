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
from answer.candidates import Candidates, unique
from answer.citations import iter_checked
from answer.conversation import normalize_history
from answer.judge import Judge
from answer.model import Answer, Backend, CheckedCitations, QuestionType
from answer.question import Question, parse_question
from answer.vectors import LibraryVectors
from index.hits import Hit, SearchFilters, SearchMode
from index.retrieval import group_by_document
from language.refwords import ref_in_words
from language.terms import matched
from resqa.errors import AnswerError
from resqa.settings import Settings

log = logging.getLogger(__name__)



def _unique(hits: Sequence[Hit]) -> tuple[Hit, ...]:
    return tuple(unique(hits))


class Assistant:
    def __init__(self, library, settings: Settings, llm=None):
        self.library = library
        self.settings = settings
        # The library's analyzer reads questions as BM25 reads paragraphs (one tokenizer).
        analyzer = getattr(library, "analyzer", None)
        if analyzer is None:
            from language.analyzer import LexicalAnalyzer

            analyzer = LexicalAnalyzer()
        self.analyzer = analyzer
        self.judge = Judge.load(vectors=LibraryVectors.of(library), entities=analyzer.entities,
                                lexicon=analyzer.bilingual)
        self._candidates = Candidates(library, analyzer.entities)
        # Built only when an endpoint is configured; constructing it opens no connection.
        self.llm = llm if llm is not None else llm_backend.build_llm(settings)

    def warm(self) -> dict[str, float]:
        """Load, before the first question, what answering it would load (`Library.warm`, the
        question reader's tables); returns the seconds of each part."""
        import time

        warm = getattr(self.library, "warm", None)
        seconds = dict(warm()) if warm is not None else {}
        started = time.perf_counter()
        self.understand("Until when was the mandate of the mission extended? 任务延长到哪一天？")
        seconds["question reader"] = round(time.perf_counter() - started, 3)
        return seconds

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
        turns = normalize_history(history)
        prefetch = getattr(self.library, "prefetch", None)  # test doubles of the library may lack it
        if prefetch is not None and not turns and SearchMode(mode) != SearchMode.LEXICAL:
            prefetch(question)  # the search's query embedding, computed while the question is read
        q = self.understand(question, turns, self._forced_type(qtype))
        special = None if q.forced else (lineage.answer(self.library, question, turns, q.lang)
                                         or change.answer(self.library, question, turns, q.lang,
                                                          self._concerns(q)))
        if special is not None:
            yield from self._stream_extractive(special)
            return
        if q.action == "version":
            yield from self._stream_extractive(self._version(q))
            return
        if q.action == "paragraph":
            yield from self._stream_extractive(self._named_paragraph(q, filters))
            return
        warnings = (f"question type forced to {q.qtype.value}",) if q.forced else ()
        hits, extract, accepted = self._search_and_extract(q, filters, mode)
        base = self._answer(extract, hits, q.qtype, q.lang, warnings)
        if self.llm is None or not extract.answered:
            yield from self._stream_extractive(base)
            return
        # The judge decided there is something to answer from; the LLM sees those paragraphs first.
        shown = _unique([*accepted, *hits])
        yield from self._stream_llm(q.query, shown, q.lang, turns, base)

    def _concerns(self, q: Question):
        """The judge's verdict, for the change answer, on which paragraphs concern a change question's
        topic: `q` as a list question whose terms are the topic's, less what names the two documents
        compared: numbers, the words of their titles, and an entity both of them name ("on UNDOF" of two
        UNDOF renewals). None are singled out when no term is left, or when no paragraph clears the
        lookup bar (the judge is not sure any is what was asked about); otherwise the ones that clear
        the list bar are."""
        entities = self.analyzer.entities

        def concerns(topic: str, documents: list[list[Hit]], hits: list[Hit]) -> list[str]:
            titles = [h.text for paragraphs in documents for h in paragraphs if h.ref == "title"]
            shared = (frozenset.intersection(*(entities.ids("\n".join(h.text for h in paragraphs))
                                               for paragraphs in documents))
                      if entities is not None and documents else frozenset())
            terms = tuple(t for t in self.understand(topic).terms
                          if not t.generic and not t.label.isdigit() and t.entity not in shared
                          and not any(matched((t,), title) for title in titles))
            if not terms:
                return []
            as_list = replace(q, qtype=QuestionType.LIST, terms=terms)
            judged = self.judge.judge(as_list, hits)
            sure = self.judge.bar(replace(as_list, qtype=QuestionType.LOOKUP))
            if not any(j.p >= sure for j in judged):
                return []
            listed = self.judge.bar(as_list)
            return [j.hit.id for j in judged if j.p >= listed]
        return concerns

    def understand(self, question: str, turns=(), forced: QuestionType | None = None) -> Question:
        """The question parsed once, with the registered symbols and the corpus's term rarity."""
        snapshot = getattr(self.library, "snapshot", None)  # test doubles of the library may lack it
        known = snapshot().symbols if snapshot is not None else frozenset()
        size, sample = self._rarity_sample()
        return parse_question(question, turns, self.analyzer, known, sample, forced, corpus_size=size)

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

    def _search_and_extract(self, q: Question, filters: SearchFilters, mode: SearchMode):
        scoped = filters
        if q.scope and not filters.symbols:
            scoped = replace(filters, symbols=q.scope)
        hits, extract, accepted = self._try(q, scoped, mode)
        if not extract.answered and scoped is not filters:
            log.info("follow-up %r not answered within %s; searching everything", q.query, q.scope)
            hits, extract, accepted = self._try(q, filters, mode)
        return hits, extract, accepted

    def _rarity_sample(self) -> tuple[int, tuple[str, ...]]:
        """(indexed paragraphs, the texts term rarity is counted in); (0, ()) when the library
        can't tell."""
        sample = getattr(self.library, "rarity_sample", None)  # test doubles of the library may lack it
        return sample() if sample is not None else (0, ())

    def candidates(self, q: Question, filters: SearchFilters, mode: SearchMode) -> list[Hit]:
        return self._candidates.for_question(q, filters, mode)

    def list_paragraphs(self, query: str, filters: SearchFilters = SearchFilters(),
                        mode: SearchMode = SearchMode.HYBRID) -> list[Hit]:
        """Every paragraph the judge keeps for `query` read as a list question (`resqa search --all`),
        grouped by document (documents by their best paragraph, then document order); each hit's
        `score` is the judge's topic probability.

            hits = assistant.list_paragraphs("peacekeeping operations")
        """
        if not query or not query.strip():
            raise AnswerError("the query is empty")
        q = self.understand(query, forced=QuestionType.LIST)
        accepted = self.judge.accepted(q, self.candidates(q, filters, mode))
        return group_by_document(unique(replace(j.hit, score=round(j.p, 6)) for j in accepted))

    def _try(self, q: Question, filters: SearchFilters, mode: SearchMode):
        hits = self.candidates(q, filters, mode)
        accepted = self.judge.accepted(q, hits)
        extract = extractive.listing(q, accepted) if q.is_list else extractive.lookup(q, accepted, self.judge)
        return hits, extract, [j.hit for j in accepted]

    def _version(self, q: Question) -> Answer:
        lang = q.lang
        found: list[Hit] = []
        for cite in q.context.citations:
            symbol, _, ref = cite.rpartition("#")
            found.extend(h for h in self.library.versions(symbol, ref) if h.lang == q.target_lang)
        if not found:
            text = phrasing.message("no_version", lang, language=phrasing.language_name(q.target_lang, lang),
                                    symbol=", ".join(q.scope))
            return Answer(text, (), (), QuestionType.NOANSWER.value, lang)
        parts = [extractive.paragraph(h, lang) for h in found]
        cites = tuple(dict.fromkeys(c for p in parts for c in p.citations))
        return Answer("\n\n".join(p.text for p in parts), cites, _unique(found), QuestionType.PARAGRAPH.value, lang)

    def _named_paragraph(self, q: Question, filters: SearchFilters) -> Answer:
        symbol, ref, lang = q.scope[0], q.ref, q.lang
        versions = self.library.versions(symbol, ref)
        if filters.lang:
            versions = [h for h in versions if h.lang == filters.lang]
        if not versions:
            text = phrasing.message("no_paragraph", lang, symbol=symbol, where=ref_in_words(ref, lang))
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
