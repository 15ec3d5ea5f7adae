"""The multilingual entity table (`language/data/entities.tsv`): UN missions, organs, bodies,
agencies, conventions and countries with their names in en / fr / zh (simplified and traditional)
and their acronyms, so that "UNMISS", "MINUSS", "南苏丹特派团" and "南蘇丹特派團" are one entity.

    table = load_entities()
    [m.entity for m in table.mentions("Until when was the mandate of UNMISS extended?")]  # ['unmiss']

Format (header line, tab-separated, `|` between alternatives in a cell, empty = unknown):
`id  type  en  fr  zh_hans  zh_hant  acronyms  source`.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from language.scripts import CJK, fold

log = logging.getLogger(__name__)

ENTITIES_PATH = Path(__file__).parent / "data" / "entities.tsv"
ENTITY_TYPES = frozenset({"mission", "organ", "body", "agency", "convention", "country", "other"})
NAME_COLUMNS = ("en", "fr", "zh_hans", "zh_hant")
# Words that name a kind of entity, so a question about "peacekeeping operations" concerns a
# paragraph naming UNIFIL: the type's class noun in zh / en / fr (folded for Latin script).
TYPE_CONCEPTS = {
    "mission": ("维持和平", "维和", "特派团", "维持和平部队", "peacekeeping", "peace-keeping", "maintien de la paix",
                "peacekeeping mission", "peacekeeping force", "observer mission"),
    "convention": ("公约", "条约", "convention", "treaty", "treaties", "traite"),
    "country": ("国家", "country", "countries", "pays"),
    "agency": ("专门机构", "specialized agenc", "institution specialisee"),
}
# The head nouns a class term may add to its class noun ("维持和平*行动*", "peacekeeping *operations*"):
# such a term names the class itself, which a paragraph naming one of its members concerns; "法语国家"
# (the class noun 国家 after a word that is no head noun) names something else.
CLASS_HEADS = frozenset({"行动", "部队", "特派团", "operation", "operations", "mission", "missions", "force", "forces",
                         "de", "des", "la", "les", "du"})
IDS_MEMO = 50_000  # texts whose entity ids are kept (a few MB); cleared when full
MIN_LATIN_NAME = 4  # shorter Latin names ("Chad" is fine, "UN" is not a name) are only acronyms


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    names: dict  # column -> tuple of names, official first
    acronyms: tuple[str, ...] = ()
    source: str = ""

    def __post_init__(self) -> None:
        if not re.fullmatch(r"[a-z0-9][a-z0-9\-]*", self.id):
            raise ValueError(f"entity id must be an ASCII slug, got {self.id!r}")
        if self.type not in ENTITY_TYPES:
            raise ValueError(f"entity {self.id}: unknown type {self.type!r}")

    def __hash__(self) -> int:
        return hash(self.id)

    def name(self, lang: str) -> str:
        """The official name in a language ("zh" is simplified), the acronym or id otherwise."""
        column = {"zh": "zh_hans"}.get(lang, lang)
        for col in (column, "zh_hant" if column == "zh_hans" else column):
            if self.names.get(col):
                return self.names[col][0]
        return self.acronyms[0] if self.acronyms else self.id

    def surface_forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(n for col in NAME_COLUMNS for n in self.names.get(col, ())))


@dataclass(frozen=True)
class Mention:
    entity: str  # the entity id
    surface: str


def _cells(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def load_entities(path: Path = ENTITIES_PATH) -> "EntityTable":
    """The entity table; an empty one (with a warning) when the file is missing."""
    if not Path(path).exists():
        log.warning("no entity table at %s; entity matching is off", path)
        return EntityTable(())
    entities = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t"):
            if not (row.get("id") or "").strip():
                continue
            entities.append(Entity(
                id=row["id"].strip(), type=(row.get("type") or "other").strip(),
                names={col: _cells(row.get(col)) for col in NAME_COLUMNS},
                acronyms=_cells(row.get("acronyms")), source=(row.get("source") or "").strip(),
            ))
    return EntityTable(tuple(entities))


class EntityTable:
    """Finds entity mentions in text of any language; each mention names its canonical id."""

    def __init__(self, entities: tuple[Entity, ...]):
        self.entities = entities
        self.by_id = {e.id: e for e in entities}
        self._ids_memo: dict[str, frozenset[str]] = {}

    def __len__(self) -> int:
        return len(self.entities)

    @cached_property
    def chinese_names(self) -> tuple[tuple[str, str], ...]:
        """(name, id) of every Chinese name and Chinese acronym, longest first."""
        rows = {(n, e.id) for e in self.entities for n in (*e.surface_forms(), *e.acronyms) if CJK.search(n)}
        return tuple(sorted(rows, key=lambda r: (-len(r[0]), r)))

    @cached_property
    def _latin(self) -> tuple[re.Pattern | None, dict]:
        """One pattern over every folded Latin name (longest first), and folded name -> (id, the name as
        the table writes it)."""
        names: dict[str, tuple[str, str]] = {}
        for e in self.entities:
            for n in e.surface_forms():
                if not CJK.search(n) and len(n) >= MIN_LATIN_NAME:
                    names.setdefault(" ".join(re.findall(r"[^\W_]+", fold(n))), (e.id, n))
        names.pop("", None)
        if not names:
            return None, names
        # mentions() reads a text whose words are joined by single spaces, as these names are.
        return re.compile(rf"(?<![^\W_])(?:{trie_alternation(names)})(?![^\W_])"), names

    @cached_property
    def _acronyms(self) -> tuple[re.Pattern | None, dict]:
        ids: dict[str, str] = {}
        for e in self.entities:
            for a in e.acronyms:
                if not CJK.search(a) and len(a) >= 2:
                    ids.setdefault(a, e.id)
        if not ids:
            return None, ids
        return re.compile(rf"(?<![A-Za-z0-9\-])(?:{trie_alternation(ids)})(?![A-Za-z0-9])"), ids

    @cached_property
    def _chinese(self) -> tuple[re.Pattern | None, dict]:
        ids = dict((name, entity) for name, entity in reversed(self.chinese_names))
        if not ids:
            return None, ids
        return re.compile(trie_alternation(ids)), ids

    def mentions(self, text: str) -> tuple[Mention, ...]:
        """The entity mentions in `text`, in no particular order, longest names first so that
        "南苏丹特派团" is not also read as a shorter name inside it."""
        found: list[Mention] = []
        rest = text
        pattern, ids = self._chinese
        if pattern is not None and CJK.search(text):
            for m in pattern.finditer(text):
                found.append(Mention(ids[m.group()], m.group()))
            rest = pattern.sub(" ", text)
        pattern, names = self._latin
        if pattern is not None:
            folded = " ".join(re.findall(r"[^\W_]+", fold(rest)))
            for m in pattern.finditer(folded):
                # the name as the table writes it, not its folded key ("United Nations Emergency Force")
                found.append(Mention(*names[" ".join(re.findall(r"[^\W_]+", m.group()))]))
        pattern, ids = self._acronyms
        if pattern is not None:
            found.extend(Mention(ids[m.group()], m.group()) for m in pattern.finditer(rest))
        return tuple(found)

    def ids(self, text: str) -> frozenset[str]:
        """The canonical ids of the entities `text` names (memoized: the judge reads the same
        candidate paragraphs question after question)."""
        found = self._ids_memo.get(text)
        if found is None:
            found = frozenset(m.entity for m in self.mentions(text))
            if len(self._ids_memo) >= IDS_MEMO:
                self._ids_memo.clear()
            self._ids_memo[text] = found
        return found

    def of_type(self, ids, *types: str) -> frozenset[str]:
        return frozenset(i for i in ids if i in self.by_id and self.by_id[i].type in types)

    def ids_of_type(self, *types: str) -> frozenset[str]:
        """Every entity id of the table of one of `types`."""
        return frozenset(e.id for e in self.entities if e.type in types)

    @cached_property
    def fingerprint(self) -> str:
        """Identifies the table's content: entity ids stored under another table are stale."""
        rows = "\n".join(f"{e.id}\t{e.type}\t{sorted(e.names.items())}\t{e.acronyms}" for e in self.entities)
        return hashlib.sha256(rows.encode("utf-8")).hexdigest()[:16]


def trie_alternation(strings) -> str:
    """A pattern for any of `strings` that, like their alternation longest first, takes the longest
    one that matches at a position, but as a trie: a few thousand names cost one pass over the text,
    not one attempt per name at every character.

    >>> trie_alternation(["UN", "UNMISS", "UNEF"])
    'UN(?:EF|MISS)?'
    >>> re.findall(trie_alternation(["ab", "abc", "b"]), "abcab b")
    ['abc', 'ab', 'b']
    """
    trie: dict = {}
    for string in strings:
        node = trie
        for char in string:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if "" in node:  # a string ends here: what follows is optional, tried first (greedy)
            return f"(?:{'|'.join(branches)})?" if branches else ""
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(trie)


def is_class_term(label: str) -> bool:
    """Whether a question term names an entity type by its class noun and nothing else
    ("维持和平行动", "peacekeeping operations", "opérations de maintien de la paix", "traités")."""
    folded = fold(label)
    for words in TYPE_CONCEPTS.values():
        for w in sorted(words, key=len, reverse=True):
            if w in folded:
                rest = re.sub(re.escape(w) + "s?", " ", folded)  # "traites", "conventions"
                return all(part in CLASS_HEADS for part in re.findall(r"[^\W\d_]+", rest))
    return False


def concept_types(text: str) -> frozenset[str]:
    """The entity types a text names by their class noun ("peacekeeping" -> {"mission"})."""
    folded = fold(text)
    return frozenset(t for t, words in TYPE_CONCEPTS.items() if any(w in folded or w in text for w in words))
