from __future__ import annotations

import pytest

from language.analyzer import LexicalAnalyzer
from language.glossary import load_glossary
from language.scripts import fold

pytestmark = pytest.mark.unit


def test_glossary_has_150_curated_rows_in_three_languages():
    terms = load_glossary()
    assert len(terms) >= 150
    by_zh = {t.zh: t for t in terms}
    assert by_zh["妇女署"].en == "UN-Women"
    assert by_zh["维持和平行动"].fr == "opérations de maintien de la paix"


def test_french_folds_accents_and_lowercases():
    assert fold("Secrétaire Général") == "secretaire general"
    assert LexicalAnalyzer().tokens("L'Assemblée générale prie le Secrétaire général") == [
        "assemblee", "generale", "prie", "secretaire", "general"]


def test_jieba_keeps_un_terms_whole_and_their_parts():
    tokens = LexicalAnalyzer().tokens("参与维持和平行动受到鼓励")
    assert "维持和平行动" in tokens
    assert "和平" in tokens


def test_english_query_expands_to_chinese_and_french_terms():
    tokens = LexicalAnalyzer().query_tokens("cooperation with UN-Women")
    assert "妇女署" in tokens
    assert "onu-femmes" in tokens
    assert tokens.count("妇女署") == 1


def test_entity_names_join_the_one_jieba_dictionary_and_expand_queries():
    analyzer = LexicalAnalyzer()
    assert "南蘇丹特派團" in analyzer.tokens("聯合國南蘇丹特派團的任務")
    tokens = analyzer.query_tokens("Until when was the mandate of UNMISS extended?")
    assert "南苏丹特派团" in tokens and "南蘇丹特派團" in tokens and "minuss" in tokens


def test_one_stop_word_list_per_language_serves_bm25_and_question_terms():
    from language.tokenize import STOPWORDS

    assert sorted(STOPWORDS) == ["en", "fr", "zh"]
    assert LexicalAnalyzer(glossary=()).tokens("Which paragraphs of the resolution concern women") == ["women"]
