import pytest

from answer.conversation import context_of, normalize_history

pytestmark = pytest.mark.unit

PEACEKEEPING = "哪些段落涉及维持和平行动？"


@pytest.fixture
def history():
    """A list answer about the 2012 Francophonie draft (the assistant's own wording of it)."""
    return [{"role": "user", "content": PEACEKEEPING},
            {"role": "assistant", "content": "共 1 份文件中的 2 个段落：\n\nA/67/L.X — 联合国同法语国家国际组织的合作\n"
                                             "- 执行部分第7段 [A/67/L.X#op7]：“又欣见法语国家国际组织成员国参与维持和平行动受到鼓励推动”\n"
                                             "- 执行部分第8段 [A/67/L.X#op8]：“包括为法语人员担任在法语国家的维持和平行动的领导职务提供便利”"}]


def test_history_accepts_pairs_and_messages():
    pairs = normalize_history([("user", "q"), ("assistant", "a [A/67/L.X#op7]")])
    dicts = normalize_history([{"role": "user", "content": "q"}, {"role": "assistant", "content": "a [A/67/L.X#op7]"},
                               {"role": "system", "content": "ignored"}])
    assert pairs == dicts == (("user", "q"), ("assistant", "a [A/67/L.X#op7]"))
    assert context_of(pairs).citations == ("A/67/L.X#op7",)


def test_what_does_paragraph_8_say(assistant, history):
    answer = assistant.ask("what does paragraph 8 say?", history=history)
    assert answer.citations == ("A/67/L.X#op8",)
    assert answer.answer.startswith("Operative paragraph 8 of A/67/L.X reads: “鼓励法语国家国际组织成员国")


def test_french_paragraph_follow_up(assistant, history):
    answer = assistant.ask("et le paragraphe 3 ?", history=history)
    assert answer.citations == ("A/67/L.X#op3",)
    assert answer.answer.startswith("Paragraphe 3 du dispositif de A/67/L.X se lit comme suit")


def test_english_version_not_indexed(assistant, history):
    answer = assistant.ask("那英文版本呢？", history=history)
    assert answer.answer == "索引中没有 A/67/L.X 的英文版本。"
    assert answer.citations == ()


def test_english_version_when_indexed(library, history):
    from dataclasses import replace

    from answer.assistant import Assistant
    from resqa.settings import Settings

    zh_op7 = next(h for h in library.hits if h.id == "A/67/L.X#op7")
    library.hits.append(replace(zh_op7, lang="en", text="Also welcomes the encouragement given to the "
                                "participation of member States in peacekeeping operations."))
    answer = Assistant(library, Settings(embed_model="fake")).ask("那英文版本呢？", history=history)
    assert answer.citations == ("A/67/L.X#op7",)
    assert "peacekeeping operations" in answer.answer
    assert [h.lang for h in answer.hits] == ["en"]


def test_topic_follow_up_keeps_type_and_document(assistant, library, history):
    answer = assistant.ask("and what about women?", history=history)
    assert answer.qtype == "list"
    assert answer.citations == ("A/67/L.X#op15", "A/67/L.X#op16", "A/67/L.X#op17")
    assert library.searches[-1]["filters"].symbols == ("A/67/L.X",)
