"""The gold loader validates every line and names the bad one."""

from __future__ import annotations

import json

import pytest

from eval.gold import GoldQuestion, GoldSetError, load_gold
from resqa.errors import ParseError, ResqaError

pytestmark = pytest.mark.unit

GOOD = [
    {"id": "q001", "question": "哪些段落涉及维持和平行动？", "lang": "zh", "type": "list",
     "relevant": ["A/67/L.X#op7", "A/67/L.X#op8"], "answer_contains": []},
    {"id": "q002", "question": "What did resolution 678 authorize?", "lang": "en", "type": "lookup",
     "relevant": ["S/RES/678 (1990)#op2"], "answer_contains": ["all necessary means"]},
    {"id": "q003", "question": "Quel est le taux de TVA en Suisse ?", "lang": "fr", "type": "noanswer",
     "relevant": [], "answer_contains": []},
]


def _write(tmp_path, records, extra_lines=()):
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_gold_reads_every_question(tmp_path):
    gold = load_gold(_write(tmp_path, GOOD, extra_lines=["", "  "]))
    assert [q.id for q in gold] == ["q001", "q002", "q003"]
    assert gold[1] == GoldQuestion(
        id="q002", question="What did resolution 678 authorize?", lang="en", type="lookup",
        relevant=("S/RES/678 (1990)#op2",), answer_contains=("all necessary means",),
    )
    assert gold[0].relevant == ("A/67/L.X#op7", "A/67/L.X#op8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "fact"}, r"gold.jsonl:2: type 'fact' is not one of lookup, list, crosslingual, noanswer, lineage, change"),
        ({"lang": "de"}, r"gold.jsonl:2: lang 'de' is not one of"),
        ({"relevant": ["S/RES/678 (1990) op2"]}, r"gold.jsonl:2: relevant ref .* is not SYMBOL#REF"),
        ({"relevant": ["S/RES/678#para2"]}, r"gold.jsonl:2: relevant ref 'S/RES/678#para2' is not SYMBOL#REF"),
        ({"relevant": []}, r"gold.jsonl:2: a lookup question needs at least one relevant ref"),
        ({"relevant": "S/RES/678#op2"}, r"gold.jsonl:2: relevant must be a list of strings"),
        ({"answer_contains": [" "]}, r"gold.jsonl:2: answer_contains holds an empty string"),
        ({"question": ""}, r"gold.jsonl:2: question q002 is empty"),
    ],
)
def test_bad_line_is_named(tmp_path, change, message):
    records = [GOOD[0], {**GOOD[1], **change}, GOOD[2]]
    with pytest.raises(GoldSetError, match=message):
        load_gold(_write(tmp_path, records))


def test_missing_keys_and_bad_json_are_named(tmp_path):
    record = {k: v for k, v in GOOD[1].items() if k not in ("lang", "answer_contains")}
    with pytest.raises(GoldSetError, match=r"gold.jsonl:1: missing keys: lang, answer_contains"):
        load_gold(_write(tmp_path, [record]))
    with pytest.raises(GoldSetError, match=r"gold.jsonl:2: invalid JSON"):
        load_gold(_write(tmp_path, [GOOD[0]], extra_lines=['{"id": "q9",']))


def test_noanswer_with_refs_and_duplicate_ids_are_rejected(tmp_path):
    with pytest.raises(GoldSetError, match=r"gold.jsonl:1: a noanswer question must have an empty relevant"):
        load_gold(_write(tmp_path, [{**GOOD[2], "relevant": ["A/RES/1#op1"]}]))
    with pytest.raises(GoldSetError, match=r"gold.jsonl:3: duplicate id 'q001' \(first on line 1\)"):
        load_gold(_write(tmp_path, [GOOD[0], GOOD[1], GOOD[0]]))


def test_gold_errors_belong_to_the_project_hierarchy(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("\n", encoding="utf-8")
    with pytest.raises(GoldSetError, match="gold set has no questions") as info:
        load_gold(empty)
    assert isinstance(info.value, ParseError) and isinstance(info.value, ResqaError)
    with pytest.raises(GoldSetError, match="cannot read gold set"):
        load_gold(tmp_path / "missing.jsonl")
