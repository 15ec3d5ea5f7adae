import pytest

from answer.model import QuestionType
from answer.question import Wanted, classify, parse_question
from language.facts import wanted_of as wanted_answer
from language.scripts import detect_language

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
    # "which resolutions" asks for every one, as "哪些决议" does
    ("Which resolutions renewed the mandate of the United Nations Disengagement Observer Force?", QuestionType.LIST),
    ("Quelles résolutions ont prorogé le mandat de la FNUOD ?", QuestionType.LIST),
    ("哪些决议延长了观察员部队的任务？", QuestionType.LIST),
    ("Which resolution established UNDOF?", QuestionType.LOOKUP),
    # "which challenges / forms / years" asks for the facts of one answer in every language
    ("监察员机构面临哪些挑战？", QuestionType.LOOKUP),
    ("What challenges do Ombudsman institutions face?", QuestionType.LOOKUP),
    ("外空委员会分析了哪几年举行的外空会议的影响？", QuestionType.LOOKUP),
    ("世界人权宣言中哪些條款涉及家庭？", QuestionType.LIST),
    ("法语国家国际组织决议中欢迎签署谅解备忘录的段落有哪些？", QuestionType.LIST),
    ("哪些安理会决议延长了任务？", QuestionType.LIST),
])
def test_classify(question, expected):
    assert classify(question) == expected


@pytest.mark.parametrize("question, lang", [
    ("那英文版本呢？", "zh"), ("Which paragraphs concern women?", "en"),
    ("Quels paragraphes concernent les femmes ?", "fr"), ("Jusqu'à quand le mandat est-il prorogé ?", "fr"),
    ("and what about women?", "en"), ("什么是 WIPO？", "zh"),
])
def test_question_language(question, lang):
    assert detect_language(question) == lang


@pytest.mark.parametrize("question, wanted", [
    ("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？", Wanted.DATE),
    ("Until when was the mandate extended?", Wanted.DATE),
    ("Combien d'États membres compte l'OIF ?", Wanted.NUMBER),
    ("Who signed the memorandum?", Wanted.NAME),
    ("What does the resolution encourage?", Wanted.ANY),
])
def test_wanted_answer(question, wanted):
    assert wanted_answer(question) == wanted


def test_a_question_is_parsed_once_into_one_value():
    q = parse_question("Until when was the mandate of UNMISS extended by resolution 2326?",
                       known_symbols=("S/RES/2326 (2016)", "S/RES/368 (1975)"))
    assert (q.lang, q.qtype, q.wanted, q.action) == ("en", QuestionType.LOOKUP, Wanted.DATE, "search")
    assert q.named_symbols == ("S/RES/2326 (2016)",)
    assert q.entities == frozenset({"unmiss"})
    assert [t.label for t in q.terms][:2] == ["mandate", "UNMISS"]


def test_a_follow_up_inherits_the_context():
    turns = (("user", "哪些段落涉及维持和平行动？"), ("assistant", "… [A/67/L.X#op7] [A/67/L.X#op8]"))
    version = parse_question("那英文版本呢？", turns)
    assert (version.action, version.target_lang, version.scope) == ("version", "en", ("A/67/L.X",))
    topic = parse_question("and what about women?", turns)
    assert (topic.action, topic.qtype, topic.query, topic.scope) == ("search", QuestionType.LIST, "women", ("A/67/L.X",))
    named = parse_question("what does paragraph 8 say?", turns)
    assert (named.action, named.ref, named.scope) == ("paragraph", "op8", ("A/67/L.X",))


def test_a_resolution_number_the_library_lacks_is_kept_apart_from_the_named_documents():
    q = parse_question("What did resolution 242 and resolution 1325 ask?", known_symbols=("S/RES/242 (1967)",))
    assert q.named_symbols == ("S/RES/242 (1967)",)
    assert q.unregistered == ("1325",)
    assert parse_question("What did resolution 242 ask?", known_symbols=("S/RES/242 (1967)",)).unregistered == ()


def test_every_resolution_of_a_listed_plural_is_named_in_each_language():
    known = ("S/RES/242 (1967)", "S/RES/338 (1973)", "S/RES/1325 (2000)", "S/RES/2046 (2012)")
    en = parse_question("What do resolutions 242 (1967) and 338 (1973) call for?", known_symbols=known)
    assert en.named_symbols == ("S/RES/242 (1967)", "S/RES/338 (1973)")
    fr = parse_question("Que demandent les résolutions 242, 338 et 1325 ?", known_symbols=known)
    assert fr.named_symbols == ("S/RES/1325 (2000)", "S/RES/242 (1967)", "S/RES/338 (1973)")
    zh = parse_question("第242(1967)、338(1973)和2046(2012)号决议要求什么？", known_symbols=known)
    assert zh.named_symbols == ("S/RES/2046 (2012)", "S/RES/242 (1967)", "S/RES/338 (1973)")
    # a count after a singular is not a resolution
    assert parse_question("Resolution 1325 and 2000 observers", known_symbols=known).unregistered == ()
