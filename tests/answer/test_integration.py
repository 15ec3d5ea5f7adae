"""The assistant on the real library and the real multilingual-e5 model (small store)."""

from pathlib import Path

import pytest

from resqa.settings import Settings

pytestmark = [pytest.mark.integration, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def real_assistant(tmp_path_factory):
    from answer.assistant import Assistant
    from index.library import Library

    settings = Settings(store_dir=tmp_path_factory.mktemp("store"), embed_model="e5")
    library = Library.open(settings)
    library.ingest_paths([ROOT / "samples/zh/A_67_L_francophonie_draft.txt"], symbol="A/67/L.X")
    library.ingest_paths([ROOT / "samples/en/S_RES_0368_1975.txt"])
    library.ingest_paths(sorted(ROOT.glob("samples/*/S_RES_2326_2016.txt")))
    yield Assistant(library, settings)
    library.close()


def test_peacekeeping_list_on_founding_document(real_assistant):
    """The draft's two peacekeeping paragraphs and, since a paragraph naming a mission concerns
    peacekeeping operations, paragraphs of the UNEF and UNMISS resolutions; nothing else of the draft."""
    answer = real_assistant.ask("哪些段落涉及维持和平行动？")
    cited = set(answer.citations)
    assert {"A/67/L.X#op7", "A/67/L.X#op8", "S/RES/368 (1975)#op1.b", "S/RES/2326 (2016)#op1"} <= cited
    assert {c for c in cited if c.startswith("A/67/L.X#")} == {"A/67/L.X#op7", "A/67/L.X#op8"}


def test_lookup_contains_the_date(real_assistant):
    answer = real_assistant.ask("世界知识产权组织何时与法语国家国际组织签署谅解备忘录？")
    assert answer.citations == ("A/67/L.X#op18",)
    assert "2012 年 5 月 31 日" in answer.answer


def test_english_question_answers_in_english_quoting_chinese(real_assistant):
    answer = real_assistant.ask("When did WIPO sign a memorandum of understanding with the Francophonie?")
    assert answer.citations == ("A/67/L.X#op18",)
    assert answer.answer.startswith("31 May 2012. According to A/67/L.X, operative paragraph 18: “2012 年 5 月 31 日")


def test_mandate_lookup_in_english(real_assistant):
    answer = real_assistant.ask("Until when was the mandate extended?")
    assert answer.citations == ("S/RES/368 (1975)#op1.b",)
    assert "until 24 July 1975" in answer.answer


def test_cross_lingual_list(real_assistant):
    answer = real_assistant.ask("Which paragraphs concern women?")
    assert {"A/67/L.X#op16", "A/67/L.X#op17"} <= set(answer.citations)


@pytest.mark.parametrize("question", ["What is the capital of Mongolia?", "安理会关于火星殖民有何规定？"])
def test_no_answer_questions_get_no_citations(real_assistant, question):
    answer = real_assistant.ask(question)
    assert (answer.citations, answer.qtype) == ((), "noanswer")
