"""The report files: a modes x metrics table, per-type/language tables, worst questions, a chart."""

from __future__ import annotations

import json

import pytest

from eval import runner
from eval.report import format_table, question_score, render_markdown, write_report

pytestmark = pytest.mark.unit


@pytest.fixture
def results(clock, fakes, scenario):
    gold, retrieved, answers = scenario
    return runner.run_eval(fakes.FakeLibrary(retrieved), fakes.FakeAssistant(answers, clock), gold,
                           modes=("hybrid", "lexical"))


def test_write_report_writes_three_files(tmp_path, results):
    paths = write_report(results, tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["report.json", "report.md", "report.png"]
    assert paths["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert paths["png"].stat().st_size > 10_000
    saved = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert saved["modes"]["lexical"]["recall@5"] == 0.0
    assert saved["questions"][1]["question"] == "哪些段落涉及制裁？"


def test_markdown_table_by_mode_type_and_language(results):
    text = render_markdown(results)
    assert "| `hybrid` | 3 | 1.000 | 1.000 | 0.750 | 0.847 | 0.750 | 0.750 | 1.000 | 1.000 | 0.000 | 200.0 | 290.0 |" in text
    assert "| `lexical` | 3 | 0.000 | 0.000 | 0.000 | 0.000 | — | 0.000 | 0.000 | 1.000 | 1.000 | 50.0 | 50.0 |" in text
    assert "| `list` | 1 | 1.000 | 1.000 | 0.500 |" in text
    assert "| `zh` | 1 |" in text and "| `fr` | 1 |" in text
    assert "![main metrics by mode](report.png)" in text


def test_worst_questions_show_what_was_retrieved_instead(results):
    rows = results["questions"]
    assert [round(question_score(r), 3) for r in rows] == [1.0, 0.667, 1.0]
    text = render_markdown(results)
    worst = text.split("## The 10 worst questions (`hybrid`)")[1]
    assert worst.index("### q2 (list, zh): score 0.67") < worst.index("### q1")
    assert "- retrieved instead (top 5): `B#op1`, `A#op3` ✓, `A#op2` ✓" in worst
    assert "- cited: `A#op3`, `B#op1`" in worst


def test_one_mode_report_and_naive_chunks(tmp_path, results):
    single = dict(results["modes"]["hybrid"], mode="hybrid")
    assert "| `hybrid` | 3 |" in render_markdown(single)
    naive_row = dict(results["questions"][1], retrieved=[["A#op1", "A#op2", "A#op3"]], answer=None)
    naive = dict(results["modes"]["lexical"], questions=[naive_row], mode="naive")
    text = render_markdown(naive)
    assert "`A#op1` … `op3` (3 refs) ✓" in text
    assert "- cited:" not in text


def test_format_table_for_the_terminal(results):
    lines = format_table(results).splitlines()
    assert lines[0].split()[:4] == ["mode", "n", "recall@5", "recall@10"]
    assert lines[1].split()[:5] == ["hybrid", "3", "1.000", "1.000", "0.750"]
    assert lines[2].split()[-2:] == ["50.0", "50.0"]
