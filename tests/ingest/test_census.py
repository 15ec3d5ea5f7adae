"""The census: per-file structural checks over a folder (ingest/census.py, `resqa census`)."""

from __future__ import annotations

import json

import pytest

from ingest.census import census, check_document, summary
from ingest.parser import parse_text
from resqa.cli import main
from tests.conftest import ROOT

pytestmark = pytest.mark.unit


def test_a_clean_resolution_passes_every_check():
    doc = parse_text("The Security Council,\n\nRecalling its resolution 1 (1946),\n\n1. Decides to act;\n\n"
                     "2. Requests a report;", symbol="S/RES/9 (1946)")
    assert check_document(doc) == {}


def test_a_paragraph_that_holds_footnote_text_fails():
    doc = parse_text("The Security Council,\n\nNoting the report,\n\n1. Decides to act "
                     "Ibid., document S/1152.", symbol="S/RES/9 (1946)")
    assert check_document(doc) == {"footnote-text": "op1 holds 'Ibid.,'"}


def test_a_cut_preamble_has_no_operative_part():
    doc = parse_text("The General Assembly,\n\nRecalling its resolution 1/1,", symbol="A/RES/2/2")
    assert check_document(doc) == {"operative": "no operative paragraph"}


def test_census_of_a_folder_counts_refusals_and_passes(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "S_RES_0087_1950.txt").write_bytes((ROOT / "samples/en/S_RES_0087_1950.txt").read_bytes())
    (tmp_path / "notes.xlsx").write_bytes(b"ignored: not a supported type")
    reports = census(tmp_path)
    assert [(r.path.rsplit("/", 1)[1], r.status) for r in reports] == [
        ("S_RES_0087_1950.txt", "ok"), ("empty.txt", "refused")]
    assert reports[1].reason == "empty file"
    assert summary(reports)["ok"] == 1 and summary(reports)["refused"] == 1


def test_resqa_census_json(tmp_path, capsys):
    (tmp_path / "S_RES_0087_1950.txt").write_bytes((ROOT / "samples/en/S_RES_0087_1950.txt").read_bytes())
    assert main(["census", str(tmp_path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["summary"]["files"] == 1 and payload["summary"]["ok"] == 1
    assert payload["files"][0]["counts"]["pp"] == 4
