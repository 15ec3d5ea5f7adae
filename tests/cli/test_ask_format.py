"""`resqa ask --format text|md|json`: the answer to paste into notes, with its sources."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resqa.cli import main

ROOT = Path(__file__).resolve().parents[2]
FOUNDING = ROOT / "samples" / "zh" / "A_67_L_francophonie_draft.txt"
QUESTION = "哪些段落涉及维持和平行动？"
pytestmark = pytest.mark.unit  # lexical mode: the fake embedder ranks by hash, not meaning


@pytest.fixture
def store(tmp_path, capsys) -> list[str]:
    args = ["--store", str(tmp_path / "store"), "--embed-model", "fake"]
    assert main(["ingest", str(FOUNDING), "--symbol", "A/67/L.X", *args]) == 0
    capsys.readouterr()
    return args


def test_ask_format_md_quotes_the_sources(store, capsys):
    assert main(["ask", QUESTION, "--format", "md", "--mode", "lexical", *store]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"## 问题: {QUESTION}\n")
    assert "1. `A/67/L.X#op7` — 执行部分第7段, 中文 — 联合国同法语国家国际组织的合作" in out
    assert "   > 又欣见法语国家国际组织成员国参与维持和平行动受到鼓励推动" in out


def test_ask_format_json_equals_json_flag_and_text_is_default(store, capsys):
    assert main(["ask", QUESTION, "--format", "json", "--mode", "lexical", *store]) == 0
    by_format = json.loads(capsys.readouterr().out)
    assert main(["ask", QUESTION, "--json", "--mode", "lexical", *store]) == 0
    assert json.loads(capsys.readouterr().out) == by_format
    assert by_format["citations"][:2] == ["A/67/L.X#op7", "A/67/L.X#op8"]
    assert main(["ask", QUESTION, "--mode", "lexical", *store]) == 0
    assert "  [1] A/67/L.X#op7 (执行部分第7段, zh)" in capsys.readouterr().out
