"""Gold sets accept the lineage and change question types (PLAN contract 6)."""

from __future__ import annotations

import json

import pytest

from eval.gold import load_gold

pytestmark = pytest.mark.unit


def test_lineage_and_change_questions_load(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [
        {"id": "l1", "question": "Which resolutions cite resolution 660 (1990)?", "lang": "en", "type": "lineage",
         "relevant": ["S/RES/661 (1990)#pp1"], "answer_contains": ["S/RES/661 (1990)"]},
        {"id": "c1", "question": "What changed in resolution 80/4 compared with 73/8?", "lang": "en", "type": "change",
         "relevant": ["A/RES/80/4#op5", "A/RES/73/8#op5"], "answer_contains": ["eighty"], "source_lang": "en"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    assert [(q.id, q.type) for q in load_gold(path)] == [("l1", "lineage"), ("c1", "change")]
