"""Golden comparisons of real consecutive resolutions (compare/): alignment, statuses and diffs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compare.align import Para, align, align_across_languages
from compare.diff import normalized, word_diff
from ingest.parser import parse_file

ROOT = Path(__file__).resolve().parents[2]
UNSC = ROOT / "corpora" / "unsc"
SAMPLES = ROOT / "samples"

pytestmark = pytest.mark.unit


def paras(path: Path) -> list[Para]:
    return [Para(p.ref, p.text, str(p.kind)) for p in parse_file(path).paragraphs]


def rows(pairs) -> list[tuple]:
    return [(p.a, p.b, p.status) for p in pairs]


def assert_each_paragraph_once_in_order(pairs, a, b):
    assert [p.a for p in pairs if p.a] == [x.ref for x in a]
    assert [p.b for p in pairs if p.b] == [x.ref for x in b]


def test_unficyp_430_to_451_inserted_paragraphs_and_renumbering():
    """UNFICYP renewal: 451 (1979) inserts pp5 and a new op2; the old op2 (report request) becomes op3."""
    a, b = paras(UNSC / "S_RES_0430_1978.txt"), paras(UNSC / "S_RES_0451_1979.txt")
    pairs = align(a, b, "en")
    assert_each_paragraph_once_in_order(pairs, a, b)
    assert rows(pairs) == [
        ("title", "title", "changed"), ("pp1", "pp1", "changed"), ("pp2", "pp2", "changed"),
        ("pp3", "pp3", "changed"), ("pp4", "pp4", "same"), (None, "pp5", "added"), ("op1", "op1", "changed"),
        (None, "op2", "added"), ("op2", "op3", "changed"),
        # footnotes (the parser reads them from the end of the text): a new report, one more note
        ("fn48", "fn79", "changed"), (None, "fn80", "added"), ("fn49", "fn81", "same"),
    ]
    by_b = {p.b: p for p in pairs}
    assert list(by_b["op1"].diff) == [
        ("=", "Extends once more the stationing in Cyprus of the United Nations Peace-keeping Force established "
              "under resolution 186 (1964) for a further period"),
        ("+", ","), ("=", " ending"), ("+", " on"), ("=", " 15 December "), ("-", "1978"), ("+", "1979"), ("=", ";")]
    assert by_b["op2"].diff[0][1].startswith("Urges the parties to proceed with the intercommunal talks")
    assert by_b["pp4"].diff == (("=", by_b["pp4"].diff[0][1]),)


def test_unifil_684_to_701_inserted_preambular_paragraph_shifts_the_rest():
    a, b = paras(UNSC / "S_RES_0684_1991.txt"), paras(UNSC / "S_RES_0701_1991.txt")
    pairs = align(a, b, "en")
    assert_each_paragraph_once_in_order(pairs, a, b)
    assert rows(pairs)[:6] == [
        ("title", "title", "changed"), ("pp1", "pp1", "same"), ("pp2", "pp2", "changed"), (None, "pp3", "added"),
        ("pp3", "pp4", "changed"), ("pp4", "pp5", "same")]
    op1 = next(p for p in pairs if p.b == "op1")
    assert [s for s in op1.diff if s[0] != "="] == [("+", "interim "), ("-", "July 1991"), ("+", "January 1992")]
    assert [p.status for p in pairs if p.b in ("op3", "op4", "op5")] == ["same", "same", "same"]


def test_unficyp_472_to_482_same_structure_changed_dates():
    a, b = paras(UNSC / "S_RES_0472_1980.txt"), paras(UNSC / "S_RES_0482_1980.txt")
    pairs = align(a, b, "en")
    body = [p for p in pairs if not (p.a or p.b).startswith("fn")]
    assert [(p.a, p.b) for p in body] == [(r.ref, r.ref) for r in a if not r.ref.startswith("fn")]
    assert [p.status for p in body] == ["changed", "changed", "same", "changed", "same", "same",
                                        "changed", "changed", "changed"]
    # footnotes in document order: S/13972 (fn71) has no counterpart before fn72, so it is removed
    assert [(p.a, p.b, p.status) for p in pairs if p not in body] == [
        ("fn71", None, "removed"), ("fn72", "fn72", "changed"), ("fn73", "fn73", "same"), (None, "fn75", "added")]
    op3 = next(p for p in pairs if p.b == "op3")
    assert [s for s in op3.diff if s[0] != "="] == [("-", "30 November 1980"), ("+", "31 May 1981")]


def test_ga_cuba_embargo_73_8_to_80_4():
    a, b = paras(SAMPLES / "en" / "A_RES_73_8.pdf"), paras(SAMPLES / "en" / "A_RES_80_4.pdf")
    pairs = align(a, b, "en")
    assert_each_paragraph_once_in_order(pairs, a, b)
    assert all(p.a == p.b for p in pairs)
    assert {p.b: p.status for p in pairs} == {
        "title": "same", "pp1": "same", "pp2": "same", "pp3": "same", "pp4": "same", "pp5": "same",
        "pp6": "changed", "pp7": "changed", "pp8": "changed", "op1": "changed", "op2": "same", "op3": "same",
        "op4": "changed", "op5": "changed", "fn1": "changed"}
    op5 = next(p for p in pairs if p.b == "op5")
    assert [s for s in op5.diff if s[0] != "="] == [("-", "seventy-fourth"), ("+", "eighty-first")]


def test_zh_unef_368_to_396_character_diff():
    a, b = paras(SAMPLES / "zh" / "S_RES_0368_1975.txt"), paras(SAMPLES / "zh" / "S_RES_0396_1976.txt")
    pairs = align(a, b, "zh")
    assert_each_paragraph_once_in_order(pairs, a, b)
    statuses = {(p.a, p.b): p.status for p in pairs}
    assert statuses[("op1", "op1")] == "same"
    assert statuses[("pp4", None)] == "removed"
    assert statuses[(None, "op2")] == "added"
    op1b = next(p for p in pairs if p.b == "op1.b")
    assert [s for s in op1b.diff if s[0] != "="][:2] == [("-", "三个月"), ("+", "一年")]


def test_different_languages_align_by_number_and_printed_numbers_without_wording():
    a, b = paras(SAMPLES / "en" / "S_RES_0368_1975.txt"), paras(SAMPLES / "zh" / "S_RES_0396_1976.txt")
    pairs = align_across_languages(a, b)
    assert_each_paragraph_once_in_order(pairs, a, b)
    assert {p.status for p in pairs} <= {"aligned", "added", "removed"}
    assert ("op1", "op1", "aligned") in rows(pairs)
    assert all(p.diff == () for p in pairs if p.status == "aligned")


def test_same_ignores_whitespace_and_footnote_markers():
    assert normalized("Decides  to\nact,[1]") == normalized("Decides to act,")
    assert normalized("决定 继续 处理") == normalized("决定继续处理")
    assert word_diff("a b c", "a b c") == [["=", "a b c"]]


def test_compare_documents_and_cli_json(tmp_path, capsys):
    from resqa.cli import main

    store = ["--store", str(tmp_path / "store"), "--embed-model", "fake"]
    files = [UNSC / "S_RES_0430_1978.txt", UNSC / "S_RES_0451_1979.txt", SAMPLES / "zh" / "S_RES_0396_1976.txt"]
    assert main(["ingest", *map(str, files), *store, "--json"]) == 0
    capsys.readouterr()
    assert main(["compare", "S/RES/430 (1978)", "S/RES/451 (1979)", *store, "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert (payload["a"], payload["b"], payload["lang"]) == ("S/RES/430 (1978)", "S/RES/451 (1979)", "en")
    by_b = {p["b"]: p for p in payload["pairs"]}
    assert by_b["op3"] == {"a": "op2", "b": "op3", "status": "changed", "similarity": by_b["op3"]["similarity"],
                           "diff": by_b["op3"]["diff"]}
    assert by_b["op2"] == {"a": None, "b": "op2", "status": "added", "similarity": 0.0,
                           "diff": [["+", by_b["op2"]["diff"][0][1]]]}
    # only the English 430 and the Chinese 396 are indexed: aligned, but the wording is not compared
    assert main(["compare", "S/RES/430 (1978)", "S/RES/396 (1976)", *store, "--json"]) == 0
    cross = json.loads(capsys.readouterr().out)
    assert cross["lang"] == "en/zh" and cross["comparable"] is False
    assert "cannot be compared across languages" in cross["warnings"][0]
    assert main(["compare", "S/RES/430 (1978)", "S/RES/9999 (2030)", *store]) == 1
    assert "S/RES/9999 (2030) is not in the index" in capsys.readouterr().err
