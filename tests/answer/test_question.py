import pytest

from answer.model import QuestionType
from answer.question import Wanted, classify, named_ref, question_language, wanted_answer

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("question, expected", [
    ("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？", QuestionType.LOOKUP),
    ("Until when was the mandate extended?", QuestionType.LOOKUP),
    ("Quand le mandat a-t-il été prorogé ?", QuestionType.LOOKUP),
    ("哪些段落涉及维持和平行动？", QuestionType.LIST),
    ("Which paragraphs concern women?", QuestionType.LIST),
    ("List all provisions on peacekeeping", QuestionType.LIST),
    ("Quels paragraphes concernent les femmes ?", QuestionType.LIST),
    ("列出所有关于妇女的段落", QuestionType.LIST),
])
def test_classify(question, expected):
    assert classify(question) == expected


@pytest.mark.parametrize("question, lang", [
    ("那英文版本呢？", "zh"), ("Which paragraphs concern women?", "en"),
    ("Quels paragraphes concernent les femmes ?", "fr"), ("Jusqu'à quand le mandat est-il prorogé ?", "fr"),
    ("and what about women?", "en"), ("什么是 WIPO？", "zh"),
])
def test_question_language(question, lang):
    assert question_language(question) == lang


@pytest.mark.parametrize("question, wanted", [
    ("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？", Wanted.DATE),
    ("Until when was the mandate extended?", Wanted.DATE),
    ("Combien d'États membres compte l'OIF ?", Wanted.NUMBER),
    ("Who signed the memorandum?", Wanted.NAME),
    ("What does the resolution encourage?", Wanted.ANY),
])
def test_wanted_answer(question, wanted):
    assert wanted_answer(question) == wanted


@pytest.mark.parametrize("question, ref", [
    ("what does paragraph 8 say?", "op8"), ("et le paragraphe 3 ?", "op3"), ("第7段说了什么？", "op7"),
    ("执行部分第14段(a)分段", "op14.a"), ("preambular paragraph 3?", "pp3"), ("What about women?", None),
])
def test_named_ref(question, ref):
    assert named_ref(question) == ref
