"""The language layer: scripts, entity lookup across languages, question terms, facts."""

from __future__ import annotations

import pytest

from language.analyzer import LexicalAnalyzer
from language.entities import load_entities
from language.facts import Wanted, find_dates, has_fact, has_full_date, quantities, render_date, render_quantity, wanted_of
from language.scripts import CJK, detect_language
from language.terms import question_terms

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def analyzer():
    return LexicalAnalyzer()


@pytest.mark.parametrize("text", [
    "Until when was the mandate of UNMISS extended?", "Jusqu'à quand le mandat de la MINUSS est-il prorogé ?",
    "南苏丹特派团的任务延长到何时？", "決定將南蘇丹特派團的任務延長到2016年12月16日",
    "the United Nations Mission in the Republic of South Sudan",
])
def test_one_mission_under_every_name_and_acronym(text):
    assert load_entities().ids(text) == frozenset({"unmiss"})


def test_different_missions_have_different_ids():
    table = load_entities()
    assert "unmiss" not in table.ids("the mandate of the United Nations Emergency Force (UNEF)")
    assert table.of_type(table.ids("UNEF and UNMISS"), "mission") >= {"unmiss"}


def test_question_terms_carry_every_form_of_an_entity(analyzer):
    terms = question_terms("Until when was the mandate of UNMISS extended?", analyzer)
    entity = next(t for t in terms if t.entity == "unmiss")
    assert entity.occurs_in("決定將南蘇丹特派團的任務延長")
    assert entity.occurs_in("Mission des Nations Unies au Soudan du Sud")
    assert [t.label for t in terms if not t.entity] == ["mandate", "extend"]


def test_an_accented_entity_name_is_one_term_as_the_question_writes_it(analyzer):
    """Regression: the name's words were looked for again unaccented ("operation"), missed in
    "Opération …", and came back as separate terms."""
    terms = question_terms("Jusqu'à quand le mandat de l'Opération des Nations Unies au Mozambique a-t-il été prorogé ?",
                           analyzer)
    entity = next(t for t in terms if t.entity == "onumoz")
    assert entity.label == "Opération des Nations Unies au Mozambique"
    assert not {"opération", "nations", "unies", "mozambique"} & {t.label.lower() for t in terms if not t.entity}


def test_french_inversions_are_not_terms(analyzer):
    labels = [t.label for t in question_terms("Jusqu'à quand le mandat a-t-il été prorogé ?", analyzer)]
    assert "a-t-il" not in labels and "mandat" in labels


@pytest.mark.parametrize("question, wanted", [
    ("Until when was the mandate of UNMISS extended?", Wanted.DATE), ("南苏丹特派团的任务延长到哪一天？", Wanted.DATE),
    ("Jusqu'à quand le mandat est-il prorogé ?", Wanted.DATE), ("How many observers were authorized?", Wanted.NUMBER),
    ("安理会授权了多少名观察员？", Wanted.NUMBER), ("Who is requested to report?", Wanted.NAME),
    ("谁被要求提交报告？", Wanted.NAME), ("What does the resolution encourage?", Wanted.ANY),
    ("What was the date of the ceasefire?", Wanted.DATE), ("Which day is the International Day of Sport?", Wanted.DATE),
    ("Quelle était la date du cessez-le-feu ?", Wanted.DATE), ("For how long was the mission established?", Wanted.NUMBER),
    ("What budget did the resolution approve?", Wanted.NUMBER), ("Quel budget la résolution alloue-t-elle ?", Wanted.NUMBER),
    ("小组委员会由哪三个国家组成？", Wanted.NAME), ("安理会请哪两国的代表协助？", Wanted.NAME),
    ("Whose representatives were expelled?", Wanted.NAME), ("哪项决议宣布了这个十年？", Wanted.ANY),
])
def test_wanted_fact_in_three_languages(question, wanted):
    assert wanted_of(question) == wanted


def test_dates_are_read_and_rendered_in_each_language():
    assert find_dates("延长到2016年12月16日") == [(2016, 12, 16)]
    assert find_dates("until 31 mai 2012 and December 16, 2016") == [(2012, 5, 31), (2016, 12, 16)]
    assert render_date((2016, 12, 16), "en") == "16 December 2016"
    assert render_date((2016, 12, 16), "fr") == "16 décembre 2016"
    assert render_date((2012, 5, 31), "zh") == "2012年5月31日"
    assert render_date((2012, 1, 1), "fr") == "1er janvier 2012"


def test_a_date_in_chinese_numerals_is_a_full_date_and_no_count():
    """The Council's older Chinese texts write dates in numerals: "至一九七七年十一月三十日为止"."""
    text = "将联合国脱离接触观察员部队的任务再延长六个月,至一九七七年十一月三十日为止;"
    assert find_dates(text) == [(1977, 11, 30)]
    assert has_full_date(text) and has_fact(text, Wanted.DATE)
    assert render_date(find_dates(text)[0], "en") == "30 November 1977"
    assert not has_fact("於一九四七年三月十日以前提出報告", Wanted.NUMBER)
    assert has_fact("將任務延長六個月", Wanted.NUMBER) and has_fact("在三十天內", Wanted.NUMBER)  # traditional
    assert has_fact(text, Wanted.NUMBER)  # "六个月" is a count


@pytest.mark.parametrize(("text", "counts", "en", "fr", "zh"), [
    ("将任务再延长六个月,至一九七七年十一月三十日为止", [(6, "month")], "6 months", "6 mois", "6个月"),
    ("for a period of one year, that is, until 24 October 1977", [(1, "year")], "1 year", "1 an", "1年"),
    ("dans un délai de 30 jours après l'adoption de la résolution 872 (1993)", [(30, "day")], "30 days", "30 jours", "30天"),
    ("决定授权增加一万二千名部队", [(12000, None)], "12,000", "12 000", "12000"),
    ("Decides to increase the force by 4,000 troops in 2017", [(4000, None)], "4,000", "4 000", "4000"),
    ("to report to the Council within twenty-four hours", [(24, "hour")], "24 hours", "24 heures", "24小时"),
    ("千年首脑会议将包含全体会议和四次互动式圆桌会议", [(4, None)], "4", "4", "4"),  # 千年: the millennium
    ("決定將任務延長六個月,並在三十天內提出報告", [(6, "month"), (30, "day")], "6 months", "6 mois", "6个月"),
    ("纪念通过五十周年", [(50, None)], "50", "50", "50"),  # an anniversary, not weeks
])
def test_counts_are_read_and_written_in_each_language(text, counts, en, fr, zh):
    """A count is rendered in the question's language when the quote is in another ("六个月" → "6 months");
    references, dates and years are no count, and "un délai" is an article."""
    assert quantities(text) == counts
    assert [render_quantity(counts[0], lang) for lang in ("en", "fr", "zh")] == [en, fr, zh]


def test_chinese_numbers_with_thousands_and_ten_thousands():
    from language.numerals import chinese_number

    assert [chinese_number(t) for t in ("四千", "一万二千", "三百五十", "一九七五", "二十四")] == [4000, 12000, 350, 1975, 24]


def test_a_misprinted_date_is_not_read_and_never_breaks_rendering():
    """Regression: "2016年19月" (a shifted copy in the bench, an OCR slip in a real text) crashed an answer."""
    assert find_dates("延长到2016年19月16日") == []
    assert find_dates("until 32 May 2016 and 16 December 2016") == [(2016, 12, 16)]
    assert render_date((2016, 19, 16), "en") == "2016" and render_date((2016, 19, 16), "zh") == "2016年"


def test_a_resolution_year_is_a_date_but_not_a_full_date():
    assert has_fact("as set out in resolution 2252 (2015)", Wanted.DATE)
    assert not has_full_date("as set out in resolution 2252 (2015)")
    assert has_full_date("until 16 December 2016")


@pytest.mark.parametrize(("text", "is_quantity"), [
    ("Decides to extend the mandate until 16 December 2016, as set out in resolution 2252 (2015)", False),
    ("决定将第2252(2015)号决议规定的任务期限延长到2016年12月16日", False),
    ("in accordance with paragraphs 3 and 4 of resolution 65/119 and S/RES/625 (1988)", False),
    ("Requests a report at its sixty-ninth session (第六十九届会议)", False),
    ("Decides to increase the force by 4,000 troops", True),
    ("决定授权增加4000名部队", True),
    ("composed of three members", True),
    ("in Arabic, Russian and Spanish in 2021 and 2022", False),  # years are no count either
])
def test_a_reference_number_is_no_quantity(text, is_quantity):
    """"How many troops did resolution 2326 (2016) add?" is not answered by the numbers of references."""
    assert has_fact(text, Wanted.NUMBER) is is_quantity


@pytest.mark.parametrize(("term", "is_class"), [
    ("维持和平行动", True), ("peacekeeping operations", True), ("opérations de maintien de la paix", True),
    ("traités", True), ("法语国家", False), ("peacekeeping training documents", False),
    ("Convention on the Rights of the Child", False),
])
def test_a_class_term_names_an_entity_type_and_nothing_else(term, is_class):
    from language.entities import is_class_term

    assert is_class_term(term) is is_class


def test_the_one_cjk_pattern_and_question_language():
    assert CJK.search("南蘇丹") and not CJK.search("UNMISS")
    assert [detect_language(q) for q in ("那英文版本呢？", "Until when?", "Et le paragraphe 3 ?")] == ["zh", "en", "fr"]
