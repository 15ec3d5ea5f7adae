"""The lexical analyzer: BM25 tokens of paragraphs and of queries expanded through the glossary
and the entity table into zh, en and fr. One per Library; index/ uses `.tokens`,
`.query_tokens` and `.fingerprint`; the reader uses the same object for question terms."""

from __future__ import annotations

import hashlib
from functools import cached_property

from language.entities import EntityTable, load_entities
from language.glossary import GLOSSARY_LANGS, Term, load_glossary
from language.bilingual import BilingualLexicon, identity as bilingual_identity
from language.scripts import CJK_RUN, fold
from language.tokenize import WORD, Tokenizer

# Bump when the tokenizer's rules change (2: one stop-word list, entity names in jieba; 3: the entity
# table's content is part of the fingerprint, and paragraphs keep the entity ids they name; 4: paragraphs
# keep their bilingual pivot keys, and the lexicon's identity is part of the fingerprint).
ANALYZER_VERSION = 4
ENTITY_KEY = "@"  # an entity id among pivot keys (no key of a word starts with it)


class LexicalAnalyzer:
    """Turns text into BM25 tokens with the one `Tokenizer`. Loads lazily."""

    def __init__(self, glossary: tuple[Term, ...] | None = None, entities: EntityTable | None = None):
        self._glossary = glossary
        self._entities = entities

    @cached_property
    def glossary(self) -> tuple[Term, ...]:
        return self._glossary if self._glossary is not None else load_glossary()

    @cached_property
    def entities(self) -> EntityTable:
        if self._entities is not None:
            return self._entities
        # A glossary passed in (tests) means "only these words": no entity names either.
        return load_entities() if self._glossary is None else EntityTable(())

    @cached_property
    def bilingual(self) -> BilingualLexicon:
        """The bilingual lexicon the reader compares words across languages with (not BM25's)."""
        return BilingualLexicon()

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the tokenization: stored tokens made under another dictionary are stale."""
        rows = "\n".join("\t".join(str(v) for v in vars(t).values()) for t in self.glossary)
        names = "\n".join(self.tokenizer.words)
        payload = f"{ANALYZER_VERSION}\n{rows}\n{names}\n{self.entities.fingerprint}\n{bilingual_identity()}"
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]

    @cached_property
    def tokenizer(self) -> Tokenizer:
        words = [w for t in self.glossary for form in t.forms("zh") for w in form.split()]
        words += [name for name, _id in self.entities.chinese_names]
        return Tokenizer(tuple(words))

    @cached_property
    def _latin_index(self) -> tuple[tuple[tuple[str, ...], Term], ...]:
        """(folded word sequence, term) for en and fr forms, longest first."""
        entries = []
        for term in self.glossary:
            for form in {*term.forms("en"), *term.forms("fr")}:
                words = tuple(WORD.findall(fold(form)))
                if words:
                    entries.append((words, term))
        return tuple(sorted(entries, key=lambda e: -len(e[0])))

    @cached_property
    def _latin_by_first_word(self) -> dict[str, tuple[tuple[int, tuple[str, ...]], ...]]:
        """(position in `_latin_index`, word sequence) of the Latin forms, by their first word."""
        index: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
        for order, (words, _term) in enumerate(self._latin_index):
            index.setdefault(words[0], []).append((order, words))
        return {word: tuple(entries) for word, entries in index.items()}

    @cached_property
    def _chinese_forms(self) -> tuple[tuple[Term, tuple[tuple[str, ...], ...]], ...]:
        return tuple((t, tuple(tuple(f.split()) for f in t.forms("zh") if f.split())) for t in self.glossary)

    def tokens(self, text: str) -> list[str]:
        return self.tokenizer.index_tokens(text)

    def pivot_tokens(self, text: str, entity_ids=None) -> list[str]:
        """The tokens of a paragraph in the cross-language BM25 channel, sorted: its bilingual pivot
        keys (language/bilingual.py) and, as "@id", the entities it names in any language (UNMISS =
        南蘇丹特派團), `entity_ids` when already known. Kept in its sidecar beside its tokens."""
        ids = self.entity_ids(text) if entity_ids is None else entity_ids
        return sorted(self.bilingual.keys(text) | {ENTITY_KEY + e for e in ids})

    def pivot_query_tokens(self, query: str) -> list[str]:
        """What the cross-language channel searches: the keys of a question's content words and the
        entities it names."""
        return [*self.bilingual.query_keys(query), *(ENTITY_KEY + e for e in self.entity_ids(query))]

    def entity_ids(self, text: str) -> list[str]:
        """The entity ids a paragraph names, sorted (kept in its sidecar beside its tokens)."""
        return sorted(self.entities.ids(text))

    def matched_terms(self, text: str) -> list[Term]:
        """Glossary terms that occur in `text` (Chinese by substring, Latin by word sequence):
        Chinese matches in glossary order, then Latin ones, longest form first."""
        found: list[Term] = []
        if CJK_RUN.search(text):
            # A Chinese form with a space lists parts that must all occur ("任务 延长").
            found = [term for term, forms in self._chinese_forms
                     if any(all(part in text for part in parts) for parts in forms)]
        folded_words = WORD.findall(fold(text))
        orders = set()
        for i, word in enumerate(folded_words):
            for order, words in self._latin_by_first_word.get(word, ()):
                if tuple(folded_words[i : i + len(words)]) == words:
                    orders.add(order)
        seen = set(found)
        for order in sorted(orders):
            term = self._latin_index[order][1]
            if term not in seen:
                seen.add(term)
                found.append(term)
        return found

    def translate(self, query: str, lang: str) -> str:
        """The query's glossary terms in `lang`, joined: a keyword query for that language's
        paragraphs ("Until when was the mandate of UNMISS extended?" -> "南苏丹特派团 任务 延长").
        Terms already written in `lang` in the query are left out; "" when nothing translates.
        """
        if lang not in GLOSSARY_LANGS:
            return ""
        folded = fold(query)
        words: list[str] = []
        for term in self.matched_terms(query):
            if term.generic:
                continue
            target = term.in_lang(lang)
            if lang == "zh":
                if all(part in query for part in target.split()):
                    continue
            elif fold(target) in folded:
                continue
            for word in target.split() if lang == "zh" else [target]:
                if word not in words:
                    words.append(word)
        return " ".join(words)

    def query_tokens(self, query: str, expand: bool = True) -> list[str]:
        """Tokens of the query plus, when `expand`, of its glossary terms and named entities in
        zh, en and fr (every name and acronym of the entity)."""
        tokens = self.tokens(query)
        if expand:
            for term in self.matched_terms(query):
                if term.generic:
                    continue  # "决议" -> "resolution" would match every paragraph
                for lang in GLOSSARY_LANGS:
                    tokens.extend(self.tokens(term.in_lang(lang)))
            for entity_id in sorted(self.entities.ids(query)):
                entity = self.entities.by_id[entity_id]
                for name in (*entity.surface_forms(), *entity.acronyms):
                    tokens.extend(self.tokens(name))
        return list(dict.fromkeys(tokens))  # a repeated token would count twice in BM25
