"""The acts a question asks about and the acts a paragraph opens with (language/acts.py)."""

from __future__ import annotations

import pytest

from language.acts import lead_acts, question_acts

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("question", "lang", "acts"), [
    ("What did resolution 598 (1987) demand of Iran and Iraq?", "en", {"demand"}),
    ("Qu'a exigé la résolution 598 (1987) de l'Iran et de l'Iraq ?", "fr", {"demand"}),
    ("Que souligne la résolution 65/311 au sujet des régimes linguistiques ?", "fr", {"stress"}),
    ("第52/2号决议审议了谁的报告？", "zh", {"examine"}),
    ("Which earlier resolutions does 78/330 recall?", "en", {"recall"}),
    ("大会第65/119号决议回顾了哪项决议？", "zh", {"recall"}),
    ("Until when was the mandate of UNMISS extended?", "en", {"extend"}),
    # French inverts the subject onto the verb and elides the word before it
    ("Que décide-t-elle au sujet de la Force ?", "fr", {"decide"}),
    ("Que prie-t-il le Secrétaire général de faire ?", "fr", {"request"}),
    ("Qu’exige-t-il de l’Iran et de l’Iraq ?", "fr", {"demand"}),
    ("What does the Universal Declaration proclaim?", "en", {"proclaim"}),
])
def test_a_question_names_the_act_it_asks_about(question, lang, acts):
    assert question_acts(question, lang) == acts


@pytest.mark.parametrize(("question", "lang"), [
    ("Which paragraphs concern peacekeeping?", "en"),  # "concern" as "be about" is not the act
    ("When was resolution 63/306 adopted?", "en"),
    ("请列出所有关于维和的段落", "zh"),  # "please list", not "requests"
    ("哪些段落涉及维持和平行动？", "zh"),
    ("What is the right of self-determination?", "en"),
])
def test_a_question_without_an_act_names_none(question, lang):
    assert question_acts(question, lang) == frozenset()


@pytest.mark.parametrize(("text", "lang", "acts"), [
    ("Demands that, as a first step towards a negotiated settlement, Iran and Iraq observe", "en", {"demand"}),
    ("Also strongly condemns all attacks against peacekeepers", "en", {"condemn"}),
    ("Recalling its resolution 598 (1987), in which it demanded a cease-fire", "en", {"recall"}),
    ("Calls upon all States to support the Agency", "en", {"call"}),  # "support" is not the lead
    ("Prie le Secrétaire général de lui présenter un rapport", "fr", {"request"}),
    ("Soulignant que la coopération doit être renforcée", "fr", {"stress"}),
    ("又满意地注意到联合国同法语国家国际组织继续加强合作", "zh", {"note"}),
    ("對該地區目前的緊張狀態表示關切,", "zh", {"concern"}),
    ("決定將南蘇丹特派團的任務延長到2016年12月16日", "zh", {"decide", "extend"}),
    ("Decides, in accordance with resolution 2252 (2015), to extend the mandate until 16 December 2016",
     "en", {"decide", "extend"}),
    ("The sub-committee is empowered to request further statements", "en", set()),
    ("Declares that the situation constitutes a threat to the peace", "en", {"declare"}),
    ("Proclame la présente Déclaration universelle des droits de l’homme", "fr", {"proclaim"}),
    ("责成秘书长向安理会报告", "zh", {"instruct"}),
    ("Aware of the need to strengthen cooperation", "en", {"mind"}),
    ("Non-recourse to force is the rule", "en", set()),  # no act, and "-" does not end a form
])
def test_a_paragraph_opens_with_its_act(text, lang, acts):
    assert lead_acts(text, lang) == acts
