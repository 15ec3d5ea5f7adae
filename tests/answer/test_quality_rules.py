"""Rules kept from calibrating on the dev gold set (docs/quality.md): one glossary shared by index and
answer, resolutions named by number, term rarity."""

from __future__ import annotations

import math

import pytest

from language import terms as T
from language.analyzer import LexicalAnalyzer
from language.glossary import load_glossary
from language.terms import question_terms, weigh_by_rarity
from index.retrieval import find_named_symbols as named_symbols

pytestmark = pytest.mark.unit

SYMBOLS = ("S/RES/242 (1967)", "S/RES/2420 (2018)", "A/RES/55/10", "A/RES/55/100", "A/RES/ES-11/3",
           "S/RES/662 (1990)", "A/RES/54/254")


@pytest.mark.parametrize("question, expected", [
    ("Whom did resolution 242 ask the Secretary-General to designate?", ["S/RES/242 (1967)"]),
    ("What does resolution 55/10 commend?", ["A/RES/55/10"]),
    ("第662号决议如何看待伊拉克吞并科威特？", ["S/RES/662 (1990)"]),
    ("第54/254号决议决定了什么？", ["A/RES/54/254"]),
    ("Que décide la résolution ES-11/3 ?", ["A/RES/ES-11/3"]),
    ("Which resolution established the Green Climate Fund?", []),
    ("What happened in 1990?", []),
])
def test_named_symbols_match_registered_resolutions_only(question, expected):
    assert named_symbols(question, SYMBOLS) == expected


def test_one_glossary_cell_lists_variants_and_the_reader_sees_them_in_every_language():
    by_zh = {t.zh: t for t in load_glossary()}
    assert by_zh["维持和平行动"].forms("zh") == ("维持和平行动", "维和行动")
    assert "peace-keeping operation" in by_zh["维持和平行动"].forms("en")
    assert "peacekeeping operations" in by_zh["维持和平行动"].all_forms()
    assert "任务 延长" not in by_zh["任务 延长"].all_forms()  # part lists are for the lexical channel only


def test_variants_reach_the_lexical_channel():
    analyzer = LexicalAnalyzer()
    assert "妇女署" in analyzer.query_tokens("cooperation with UN Women")
    assert analyzer.translate("Until when was the mandate of UNMISS extended?", "zh").startswith("南苏丹特派团")


def test_rare_terms_outweigh_common_ones_and_absent_terms_weigh_the_absent_weight():
    texts = ("秘书长的报告", "秘书长提出报告", "人人有权享有国籍", "秘书长")
    terms = weigh_by_rarity(question_terms("秘书长 国籍 缅甸", LexicalAnalyzer()), texts)
    weights = {t.label: t.weight for t in terms}
    assert weights["国籍"] == pytest.approx(1.0)
    assert weights["秘书长"] < 0.3 * 0.5
    assert weights["缅甸"] == pytest.approx(T.ABSENT_WEIGHT)


@pytest.mark.unit
def test_rarity_on_a_large_store_is_estimated_from_a_sample_close_to_the_full_scan():
    """Regression: rarity scanned every paragraph once per term, 2.9 s per question at 100k."""
    corpus = tuple(("grants a waiver of fees" if i % 100 == 0 else f"paragraph {i} on other matters")
                   for i in range(3 * T.RARITY_SAMPLE))
    term = T.QueryTerm(label="waiver", forms=("waiver",))
    sampled = T.weigh_by_rarity((term,), corpus)[0].weight
    n, df = len(corpus), len(corpus) // 100
    full = math.log((n + 1) / (df + 1)) / math.log((n + 1) / 2)
    assert sampled == pytest.approx(full, abs=0.03)
    assert 0.3 < sampled < 0.7
