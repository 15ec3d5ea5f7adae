"""Crash safety of ingestion across real processes (SIGKILL, concurrent writers)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from index.embeddings import FakeEmbedding
from index.hits import SearchMode
from index.library import Library
from resqa.settings import Settings

pytestmark = [pytest.mark.unit, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_FILES = ("zh/A_67_L_francophonie_draft.txt", "zh/S_RES_0004_1946.txt", "en/S_RES_0004_1946.txt",
                "en/S_RES_0082_1950.txt")


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Four real sample documents in a folder with a manifest (symbol of the founding draft)."""
    folder = tmp_path / "corpus"
    for rel in SAMPLE_FILES:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / "samples" / rel, folder / rel)
    (folder / "MANIFEST.tsv").write_text(
        "path\tlang\tingest_symbol\n" + "".join(f"{rel}\t{rel[:2]}\t{'A/67/L.X' if 'L_franc' in rel else ''}\n"
                                                for rel in SAMPLE_FILES), "utf-8")
    return folder


def run_ingest(store: Path, folder: Path, crash_at: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, RESQA_EMBED_MODEL="fake", GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1")
    env.pop("RESQA_TEST_CRASH_AT", None)
    if crash_at:
        env["RESQA_TEST_CRASH_AT"] = crash_at
    return subprocess.run([sys.executable, "-m", "resqa.cli", "ingest", str(folder), "--store", str(store), "--json"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def expected_counts(folder: Path, settings: Settings) -> dict[tuple[str, str], int]:
    """Paragraph counts from a clean ingest into a fresh store."""
    clean = Library.open(settings.with_(store_dir=folder.parent / "clean"), embedder=FakeEmbedding())
    clean.ingest_paths([folder])
    counts = {(d.symbol, d.lang): d.paragraphs for d in clean.documents()}
    clean.close()
    return counts


def assert_whole(store: Path, expected: dict) -> None:
    library = Library.open(Settings(store_dir=store, embed_model="fake"), embedder=FakeEmbedding())
    docs = library.documents()
    assert {(d.symbol, d.lang): d.paragraphs for d in docs} == expected
    for lang in {lang for _, lang in expected}:
        assert library.vectors.count(lang) == sum(n for (_, l), n in expected.items() if l == lang)
    assert library.registry.pending == {}
    assert library.search("维持和平行动", k=3, mode=SearchMode.LEXICAL)[0].symbol == "A/67/L.X"
    library.close()


def test_sigkill_after_first_commit_then_rerun_completes(corpus, tmp_path):
    store = tmp_path / "store"
    killed = run_ingest(store, corpus, crash_at="after_commit")
    assert killed.returncode == -signal.SIGKILL
    assert len(json.loads((store / "registry.json").read_text())["documents"]) == 1
    rerun = run_ingest(store, corpus)
    assert rerun.returncode == 0, rerun.stderr
    report = json.loads(rerun.stdout)
    assert (len(report["added"]), len(report["unchanged"])) == (3, 1)
    assert_whole(store, expected_counts(corpus, Settings(store_dir=store, embed_model="fake")))


def test_sigkill_between_write_and_removal_is_healed(corpus, tmp_path):
    store = tmp_path / "store"
    assert run_ingest(store, corpus).returncode == 0
    founding = corpus / "zh" / "A_67_L_francophonie_draft.txt"
    founding.write_text(founding.read_text("utf-8").replace("维持和平行动", "维和行动", 1), "utf-8")
    killed = run_ingest(store, corpus, crash_at="after_write")
    assert killed.returncode == -signal.SIGKILL
    registry = json.loads((store / "registry.json").read_text())
    assert list(registry["pending"]) == ["A/67/L.X|zh"]
    rerun = run_ingest(store, corpus)
    assert rerun.returncode == 0, rerun.stderr
    assert [e["symbol"] for e in json.loads(rerun.stdout)["updated"]] == ["A/67/L.X"]
    assert_whole(store, expected_counts(corpus, Settings(store_dir=store, embed_model="fake")))


def test_two_concurrent_ingests_serialize_without_corruption(corpus, tmp_path):
    store = tmp_path / "store"
    env = dict(os.environ, RESQA_EMBED_MODEL="fake")
    command = [sys.executable, "-m", "resqa.cli", "ingest", str(corpus), "--store", str(store), "--json"]
    procs = [subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err[-500:] for _, err in outputs]
    reports = sorted((json.loads(out) for out, _ in outputs), key=lambda r: len(r["added"]))
    assert (len(reports[0]["added"]), len(reports[0]["unchanged"])) == (0, 4)
    assert len(reports[1]["added"]) == 4
    assert_whole(store, expected_counts(corpus, Settings(store_dir=store, embed_model="fake")))
