"""eval.diagnose on the in-memory fake library: the outcome of a question, from the judge's view."""

from __future__ import annotations

import pytest

from eval.diagnose import main, outcome
from resqa.settings import Settings
from tests.answer.fakes import corpus

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def assistant():
    from answer.assistant import Assistant

    return Assistant(corpus(), Settings(embed_model="fake"))


def test_a_lookup_answered_from_its_gold_paragraph_is_ok(assistant):
    row = outcome(assistant, {"id": "q1", "type": "lookup", "lang": "zh", "relevant": ["A/67/L.X#op18"],
                              "question": "世界知识产权组织何时与法语国家国际组织签署谅解备忘录？"})
    assert (row["outcome"], row["top_id"], row["gold_rank"]) == ("ok", "A/67/L.X#op18", 0)
    assert row["answer_p"] >= assistant.judge.model.answer.threshold


def test_a_lookup_whose_gold_paragraph_is_not_a_candidate_is_missed(assistant):
    row = outcome(assistant, {"id": "q2", "type": "lookup", "lang": "zh", "relevant": ["A/1/1#op1"],
                              "question": "世界知识产权组织何时与法语国家国际组织签署谅解备忘录？"})
    assert (row["outcome"], row["gold_found"], row["gold_p"]) == ("missed", 0, None)


def test_the_test_split_is_refused(tmp_path, capsys):
    assert main([str(tmp_path / "test.jsonl")]) == 2
    assert "dev only" in capsys.readouterr().err
