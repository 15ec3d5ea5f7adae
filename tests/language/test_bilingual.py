"""The bilingual lexicon (CC-CEDICT senses as pivot keys) and the cross-language channel's tokens."""

from __future__ import annotations

import pytest

from language.analyzer import ENTITY_KEY, LexicalAnalyzer
from language.bilingual import BilingualLexicon, cache_path, key
from language.terms import bilingual_coverage, partial_coverage, question_terms

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def lexicon():
    return BilingualLexicon()


@pytest.fixture(scope="module")
def analyzer():
    return LexicalAnalyzer()


def test_the_parsed_dictionary_is_cached_and_a_damaged_cache_is_parsed_again(tmp_path, monkeypatch, lexicon):
    monkeypatch.setenv("RESQA_CACHE_DIR", str(tmp_path))
    path = cache_path()
    assert path.parent == tmp_path and not path.exists()
    parsed = BilingualLexicon().senses  # nothing cached yet: parsed, then written
    assert path.exists() and parsed == lexicon.senses
    assert BilingualLexicon().senses == parsed  # read back from the file
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("\n", 5000) + 1], encoding="utf-8")  # cut short, at the end of a line
    assert BilingualLexicon().senses == parsed  # not trusted: parsed again and rewritten
    assert path.read_text(encoding="utf-8").endswith("\n") and len(path.read_text(encoding="utf-8")) > 5000


def test_latin_cognates_share_a_key():
    assert key("annexation") == key("annexion") == "annex"
    assert key("Résolution") == key("resolutions")
    assert key("mandate") == key("mandat")
    assert key("peace") != key("paix")  # not cognates: the dictionary does not bridge French and English


def test_chinese_words_in_both_scripts_map_to_their_english_senses(lexicon):
    assert {"exten", "prolo"} <= lexicon.senses["延长"]
    assert lexicon.senses["延長"] == lexicon.senses["延长"]
    assert "annex" in lexicon.senses["吞并"]
    assert "embar" in lexicon.senses["禁运"]


def test_traditional_text_is_cut_on_the_dictionary_not_into_single_characters(lexicon):
    keys = lexicon.keys("南蘇丹特派團的任務延長到2016年12月16日")
    assert {"exten", "task"} <= keys


def test_a_form_is_covered_only_when_every_word_finds_a_key(lexicon):
    keys = lexicon.keys("决定把特派团的任务延长到2016年12月16日")
    assert lexicon.covers("extend", keys)
    assert lexicon.covers("extend the mandate", keys) is False  # "mandate" has no key here
    assert lexicon.covers("annexation", keys) is False


def test_question_keys_leave_out_the_words_that_ask(lexicon):
    keys = lexicon.query_keys("Until when should the mandate be extended?")
    assert keys == ["manda", "exten"]
    assert lexicon.query_keys("任务延长到哪一天") == lexicon.query_keys("任务延长")


def test_bilingual_coverage_reaches_a_chinese_paragraph_that_literal_matching_misses(analyzer, lexicon):
    terms = question_terms("Who decided to prolong the embargo?", analyzer)
    paragraph = "决定延长对该国的武器禁运;"
    literal = partial_coverage(terms, paragraph)
    assert bilingual_coverage(terms, paragraph, lexicon) > literal


def test_pivot_tokens_carry_the_entities_a_paragraph_names_in_any_language(analyzer):
    zh = analyzer.pivot_tokens("決定把南蘇丹特派團的任務延長到2016年12月16日")
    en = analyzer.pivot_query_tokens("Until when was the mandate of UNMISS extended?")
    assert ENTITY_KEY + "unmiss" in zh
    assert ENTITY_KEY + "unmiss" in en
    assert "exten" in zh and "exten" in en
    assert zh == sorted(zh)
