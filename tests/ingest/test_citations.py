"""Citation extraction (ingest.citations) on real paragraphs, with hand-checked expected lists.

The golden file `tests/data/lineage/citations_golden.json` names each paragraph by its file and the
start of its text (refs may be renumbered by parser changes); `cites` is the list a reader finds there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.citations import extract_cites
from ingest.model import Cite
from ingest.parser import parse_file, parse_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "data" / "lineage" / "citations_golden.json"

pytestmark = pytest.mark.unit


def _golden():
    return json.loads(GOLDEN.read_text(encoding="utf-8"))


def extracted_for_golden() -> list[tuple[dict, list[str]]]:
    """(golden entry, extracted symbols) for every golden paragraph, through the parser pipeline."""
    docs: dict[str, object] = {}
    out = []
    for entry in _golden():
        doc = docs.setdefault(entry["path"], parse_file(ROOT / entry["path"]))
        para = next((p for p in doc.paragraphs if p.text.startswith(entry["starts"])), None)
        assert para is not None, f"{entry['path']}: no paragraph starts with {entry['starts']!r}"
        out.append((entry, [c.symbol for c in para.cites]))
    return out


def precision_recall(pairs, kinds=("resolution",)) -> tuple[float, float, int, int, int]:
    """Micro precision/recall of the extracted symbols of the given kinds (resolution symbols by default)."""
    def keep(symbol: str) -> bool:
        from ingest.citations import symbol_kind

        return symbol_kind(symbol) in kinds

    tp = fp = fn = 0
    for entry, got in pairs:
        want = {s for s in entry["cites"] if keep(s)}
        have = {s for s in got if keep(s)}
        tp += len(want & have)
        fp += len(have - want)
        fn += len(want - have)
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def test_golden_set_covers_three_languages_and_25_paragraphs():
    entries = _golden()
    assert len(entries) >= 25
    assert {e["lang"] for e in entries} == {"en", "fr", "zh"}


def test_golden_paragraphs_exact_lists():
    wrong = [(e["path"], e["starts"][:30], e["cites"], got) for e, got in extracted_for_golden() if got != e["cites"]]
    assert wrong == []


def test_precision_recall_of_resolution_symbols(capsys):
    pairs = extracted_for_golden()
    p, r, tp, fp, fn = precision_recall(pairs)
    with capsys.disabled():
        print(f"\ncitation extraction over {len(pairs)} golden paragraphs: resolution symbols "
              f"precision {p:.3f} recall {r:.3f} (tp {tp}, fp {fp}, fn {fn})")
    assert (p, r) == (1.0, 1.0)
    all_p, all_r, *_ = precision_recall(pairs, kinds=("resolution", "decision", "presidential_statement", "document"))
    assert (all_p, all_r) == (1.0, 1.0)


@pytest.mark.parametrize("text, organ, expected", [
    ("Recalling its resolutions 660 (1990) of 2 August 1990, 661\n(1990) of 6 August 1990,", "Security Council",
     [("S/RES/660 (1990)", "660 (1990) of 2 August 1990"), ("S/RES/661 (1990)", "661 (1990) of 6 August 1990")]),
    ("resolutions 660(1990),661(1990),662(1990)", "Security Council",
     [("S/RES/660 (1990)", "660(1990)"), ("S/RES/661 (1990)", "661(1990)"), ("S/RES/662 (1990)", "662(1990)")]),
    ("Rappelant sa résolution ES-10/21 du 27 octobre 2023,", "General Assembly",
     [("A/RES/ES-10/21", "ES-10/21 du 27 octobre 2023")]),
    ("Reaffirming its resolution 186 (1964) of 4 March 1964,", "Security Council",
     [("S/RES/186 (1964)", "186 (1964) of 4 March 1964")]),
    ("回顾其第 33/18 号决议", "General Assembly", [("A/RES/33/18", "第 33/18 号")]),
    ("and its decision 53/453 of 18 December 1998", "General Assembly", [("A/DEC/53/453", "53/453 of 18 December 1998")]),
    ("Recalling the statement of its President of 24 October 2014 (S/PRST/2014/28)", "Security Council",
     [("S/PRST/2014/28", "S/PRST/2014/28")]),
    ("General Assembly resolution 181 (II) of 29 November 1947", "Security Council", [("A/RES/181 (II)", "181 (II) of 29 November 1947")]),
    ("Economic and Social Council resolution 1996/31", "General Assembly", [("E/RES/1996/31", "1996/31")]),
    ("at its sixty-ninth session, under paragraph 2 of the annex, three resolutions", "General Assembly", []),
])
def test_forms(text, organ, expected):
    assert [(c.symbol, c.text) for c in extract_cites(text, organ)] == expected


def test_kind_of_each_citation():
    cites = extract_cites("resolution 33/18, decision 53/453, S/PRST/2014/28 and A/67/280-S/2012/614", "General Assembly")
    assert [(c.symbol, c.kind) for c in cites] == [
        ("A/RES/33/18", "resolution"), ("A/DEC/53/453", "decision"),
        ("S/PRST/2014/28", "presidential_statement"), ("A/67/280", "document"), ("S/2012/614", "document")]


def test_organ_decides_bare_session_numbers():
    """"resolution 1996/31" is the Council's own numbering inside an ECOSOC text, the Assembly's elsewhere."""
    assert extract_cites("resolution 1996/31", "Economic and Social Council")[0].symbol == "E/RES/1996/31"
    assert extract_cites("resolution 33/18", "General Assembly")[0].symbol == "A/RES/33/18"
    assert extract_cites("resolution 33/18", own_symbol="S/RES/900 (1994)")[0].symbol == "A/RES/33/18"


def test_a_document_does_not_cite_itself():
    assert extract_cites("Resolution 1454 (2002)", "Security Council", own_symbol="S/RES/1454 (2002)") == ()


def test_parse_json_prints_cites():
    doc = parse_text("The Security Council,\n\nRecalling its resolution 660 (1990) of 2 August 1990,\n\n"
                     "1. Decides to remain seized of the matter.", symbol="S/RES/661 (1990)")
    paragraphs = {p["ref"]: p for p in doc.to_json()["paragraphs"]}
    assert paragraphs["pp1"]["cites"] == [
        {"symbol": "S/RES/660 (1990)", "kind": "resolution", "text": "660 (1990) of 2 August 1990"}]
    assert paragraphs["op1"]["cites"] == []
    assert doc.paragraph("pp1").cites == (Cite("S/RES/660 (1990)", "resolution", "660 (1990) of 2 August 1990"),)


def test_cite_kind_is_validated():
    with pytest.raises(ValueError, match="cite kind 'law'"):
        Cite("A/RES/1/1", "law", "1/1")
