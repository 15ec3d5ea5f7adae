"""The command line as a new user first meets it: quiet searches, organ short names."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from resqa.cli import main
from resqa.organs import organ_filter

ROOT = Path(__file__).resolve().parents[2]
GA_DOC = ROOT / "samples" / "en" / "A_RES_55_100.partial.txt"
SC_DOC = ROOT / "samples" / "en" / "S_RES_0087_1950.txt"


def resqa(*argv: str, store: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RESQA_STORE": str(store), "RESQA_EMBED_MODEL": "fake"}
    return subprocess.run([sys.executable, "-m", "resqa.cli", *argv], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    store = tmp_path_factory.mktemp("cli-store")
    for doc, symbol in ((GA_DOC, "A/RES/55/100"), (SC_DOC, None)):
        extra = ("--symbol", symbol) if symbol else ()
        assert main(["ingest", str(doc), *extra, "--store", str(store), "--embed-model", "fake"]) == 0
    return store


@pytest.mark.integration
def test_search_prints_no_library_debug_lines_on_stderr(store):
    """Bug: every CLI search printed `resqa: DEBUG: Building index from tokens` (bm25s sets its
    logger to DEBUG on import) on stderr."""
    result = resqa("search", "family reunification", "--k", "3", store=store)
    assert result.returncode == 0
    assert "DEBUG" not in result.stderr
    assert "Building index" not in result.stderr
    assert result.stderr == ""
    assert result.stdout.splitlines()[0].startswith(" 1. A/RES/55/100#")


@pytest.mark.unit
@pytest.mark.parametrize("typed, name", [("GA", "General Assembly"), ("sc", "Security Council"),
                                         ("general assembly", "General Assembly"), ("Any", None), ("", None)])
def test_organ_short_names_map_in_one_place(typed, name):
    assert organ_filter(typed) == name


@pytest.mark.unit
def test_search_organ_short_name_matches(store, capsys):
    """Bug: `resqa search --organ GA` matched nothing; the GA/SC names were mapped in the UI only."""
    common = ["--store", str(store), "--embed-model", "fake", "--json", "--k", "20"]
    assert main(["search", "the Council and the Assembly", "--organ", "GA", *common]) == 0
    ga = json.loads(capsys.readouterr().out)["hits"]
    assert main(["search", "the Council and the Assembly", "--organ", "SC", *common]) == 0
    sc = json.loads(capsys.readouterr().out)["hits"]
    assert ga and {h["id"].split("#")[0] for h in ga} == {"A/RES/55/100"}
    assert sc and {h["id"].split("#")[0] for h in sc} == {"S/RES/87 (1950)"}
