"""Lineage and "what changed" questions through the Assistant, on a fake-embedder store of real texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from answer.assistant import Assistant
from answer.citations import validate
from index.embeddings import FakeEmbedding
from index.library import Library
from resqa.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
S, U = ROOT / "samples", ROOT / "corpora" / "unsc"
FILES = [S / "en" / "S_RES_0660_1990.txt", S / "en" / "S_RES_0661_1990.txt", S / "en" / "S_RES_0678_1990.txt",
         U / "S_RES_1454_2002.txt", S / "zh" / "S_RES_2326_2016.txt", U / "S_RES_0472_1980.txt",
         U / "S_RES_0482_1980.txt", S / "zh" / "S_RES_0368_1975.txt", S / "zh" / "S_RES_0396_1976.txt",
         S / "en" / "A_RES_73_8.pdf", S / "en" / "A_RES_80_4.pdf", S / "en" / "S_RES_0338_1973.txt"]

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    settings = Settings(store_dir=tmp_path_factory.mktemp("lineage") / "store", embed_model="fake")
    library = Library.open(settings, embedder=FakeEmbedding())
    library.ingest_paths(FILES)
    library.ingest_paths([S / "fr" / "A_RES_52_2.partial.txt"], symbol="A/RES/52/2", lang="fr")
    library.ingest_paths([S / "fr" / "A_65_L_Francophonie_2010.partial.txt"], symbol="A/65/L.X", lang="fr")
    yield Assistant(library, settings)
    library.close()


def checked(answer):
    """Every citation in the text is one of the answer's hits, and the text cites exactly `citations`."""
    check = validate(answer.answer, [h.id for h in answer.hits])
    assert check.removed == ()
    assert check.kept == answer.citations
    return answer


def test_what_does_1454_recall(assistant):
    answer = checked(assistant.ask("What does resolution 1454 (2002) recall?"))
    assert answer.qtype == "lineage" and answer.lang == "en"
    assert answer.answer.startswith("S/RES/1454 (2002) cites 9 document(s) (1 indexed):")
    assert "- S/RES/661 (1990) (indexed) — in preambular paragraph 1 [S/RES/1454 (2002)#pp1]" in answer.answer
    assert "- S/RES/986 (1995) (not indexed)" in answer.answer
    assert "S/RES/1454 (2002)#pp1" in answer.citations


def test_zh_what_does_2326_recall(assistant):
    answer = checked(assistant.ask("第2326(2016)号决议回顾了哪些决议？"))
    assert answer.qtype == "lineage" and answer.lang == "zh"
    assert answer.answer.startswith("S/RES/2326 (2016) 引用了 18 份文件（其中 0 份已索引）：")
    assert "- S/RES/1996 (2011) (未索引) — 见 序言部分第1段 [S/RES/2326 (2016)#pp1]" in answer.answer
    assert "S/PRST/2016/3" in answer.answer
    assert answer.citations == ("S/RES/2326 (2016)#pp1", "S/RES/2326 (2016)#op1")


def test_which_resolutions_cite_660(assistant):
    answer = checked(assistant.ask("Which resolutions cite resolution 660 (1990)?"))
    assert answer.qtype == "lineage"
    lines = answer.answer.split("\n")
    assert lines[0] == "2 indexed document(s) cite S/RES/660 (1990) (itself indexed):"
    assert lines[1].startswith("- S/RES/661 (1990) — in preambular paragraph 1 [S/RES/661 (1990)#pp1]")
    assert lines[2].startswith("- S/RES/678 (1990) — in preambular paragraph 1 [S/RES/678 (1990)#pp1]")
    assert {c.rpartition("#")[0] for c in answer.citations} == {"S/RES/661 (1990)", "S/RES/678 (1990)"}


def test_fr_which_resolutions_cite_52_2(assistant):
    answer = checked(assistant.ask("Quelles résolutions citent la résolution 52/2 ?"))
    assert answer.lang == "fr"
    assert answer.answer.split("\n")[0] == "1 document(s) indexé(s) citent A/RES/52/2 (elle-même indexée) :"
    assert answer.citations == ("A/65/L.X#pp1",)


def test_what_changed_482_compared_with_472(assistant):
    answer = checked(assistant.ask("What changed in resolution 482 (1980) compared with 472 (1980)?"))
    assert answer.qtype == "change"
    # footnotes count too: the report cited in fn71 (S/13972) gives way to fn75 (S/14275)
    assert answer.answer.split("\n")[0] == ("Compared with S/RES/472 (1980), S/RES/482 (1980) changes 7 paragraph(s), "
                                            "adds 1 and removes 1 (4 unchanged):")
    assert ("- operative paragraph 3 [S/RES/482 (1980)#op3] (was operative paragraph 3 [S/RES/472 (1980)#op3]): "
            "“resolution by 30 November 1980.” → “resolution by 31 May 1981.”") in answer.answer
    # each changed paragraph is cited on both sides
    assert {"S/RES/482 (1980)#op3", "S/RES/472 (1980)#op3"} <= set(answer.citations)


def test_zh_follow_up_compares_with_the_previous_version(assistant):
    history = [{"role": "user", "content": "第396(1976)号决议延长了什么？"},
               {"role": "assistant", "content": "…… [S/RES/396 (1976)#op1.b]"}]
    answer = checked(assistant.ask("与上一份决议相比有什么变化？", history=history))
    assert answer.qtype == "change" and answer.lang == "zh"
    assert answer.answer.startswith("与 S/RES/368 (1975) 相比，S/RES/396 (1976) 修改了 7 个段落，新增 3 个，删除 1 个")
    assert "- 新增执行部分第2段 [S/RES/396 (1976)#op2]：" in answer.answer
    assert "：“期限延长三个月,至一九七五年七月二十四” → “期限延长一年,即到一九七七年十月二十四”" in answer.answer


def test_what_is_new_in_this_years_resolution_on_a_topic(assistant):
    answer = checked(assistant.ask("What is new in this year's resolution on the embargo against Cuba?"))
    assert answer.answer.startswith("Compared with A/RES/73/8, A/RES/80/4 changes 7 paragraph(s)")
    assert ("[A/RES/80/4#op5] (was operative paragraph 5 [A/RES/73/8#op5]): “of its seventy-fourth session the” → "
            "“of its eighty-first session the”") in answer.answer


def test_ordinary_questions_are_not_hijacked(assistant):
    assert assistant.ask("Which paragraphs concern the embargo?").qtype in ("list", "noanswer")
    assert assistant.ask("What does operative paragraph 1 of resolution 660 (1990) say?").qtype != "lineage"


@pytest.mark.parametrize("question, expected", [
    ("Which earlier resolutions does resolution 84 (1950) refer to?", ("S/RES/84 (1950)", "cites")),
    ("Quelles résolutions antérieures la résolution 827 (1993) cite-t-elle ?", ("S/RES/827 (1993)", "cites")),
    ("哪些决议引用了安理会第186(1964)号决议？", ("S/RES/186 (1964)", "cited_by")),
    ("Which documents cite Security Council resolution 713 (1991)?", ("S/RES/713 (1991)", "cited_by")),
    ("Does resolution 660 (1990) recall the Charter?", None),
])
def test_lineage_detection(question, expected):
    from answer.lineage import detect

    found = detect(question)
    assert (found.symbol, found.direction) == expected if expected else found is None


def test_a_comparison_of_two_named_documents_is_a_change_question():
    from answer.change import is_change_question

    assert is_change_question("En quoi la résolution 396 (1976) modifie-t-elle le mandat par rapport à la résolution 368 (1975) ?")
    assert not is_change_question("Par rapport à la résolution 368 (1975), que dit le paragraphe 2 ?")
    assert not is_change_question("Which paragraphs concern climate change?")


def test_the_base_of_a_comparison_is_the_document_it_is_compared_with(assistant):
    """Three resolutions named: 396 quotes 338, and is compared with 368 ("与第368(1975)号相比")."""
    answer = checked(assistant.ask("第396(1976)号决议中要求执行第338(1973)号决议的措辞与第368(1975)号相比有何变化？"))
    assert answer.qtype == "change"
    assert answer.answer.startswith("与 S/RES/368 (1975) 相比，S/RES/396 (1976)")
    from answer.change import _compared_with

    assert _compared_with("What changed in 482 (1980) compared with 472 (1980) and 466 (1980)?") == ["S/RES/472 (1980)"]
    assert _compared_with("Par rapport à la résolution 73/8, que change la résolution 80/4 ?") == ["A/RES/73/8"]
    assert _compared_with("What changed in resolution 482 (1980)?") == []


def test_a_change_question_with_a_topic_answers_with_the_changes_about_it_first(assistant):
    """The judge singles out the changed paragraphs the question is about (80/4 op1 takes note of
    the Secretary-General's report): they come first, every other change follows."""
    answer = checked(assistant.ask("Compared with resolution 73/8, which report does resolution 80/4 take note of?"))
    assert answer.qtype == "change"
    assert answer.citations[:2] == ("A/RES/80/4#op1", "A/RES/73/8#op1")
    assert len(answer.citations) == 14  # 7 changed paragraphs, each on both sides
    lines = answer.answer.split("\n")
    assert "“of resolution 72/4;” → “of resolution 79/7;”" in lines[1]
    assert lines[2] == "Other changes:"
    assert lines[3].startswith("- preambular paragraph 6 [A/RES/80/4#pp6]")


@pytest.mark.parametrize("question, first_changes", [
    ("What changed in resolution 482 (1980) compared with 472 (1980)?", ["pp1", "pp1", "pp3", "pp3"]),
    # its topic is the document's title
    ("What is new in this year's resolution on the embargo against Cuba?", ["pp6", "pp6", "pp7", "pp7"]),
    ("Quels paragraphes la résolution 396 (1976) ajoute-t-elle par rapport à la résolution 368 (1975) ?",
     ["pp1", "pp1", "pp2", "pp2"]),
])
def test_a_change_question_without_a_topic_of_its_own_lists_the_changes_in_document_order(assistant, question,
                                                                                          first_changes):
    answer = checked(assistant.ask(question))
    assert answer.qtype == "change"
    assert not any(line in ("Other changes:", "Autres modifications :") for line in answer.answer.split("\n"))
    cited = [c.rpartition("#")[2] for c in answer.citations]
    assert len(cited) >= 12 and cited[:4] == first_changes
