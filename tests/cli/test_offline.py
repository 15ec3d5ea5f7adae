"""No network at run time: the real commands, in subprocesses, under a guard that
records any attempt to reach a non-loopback address or resolve a remote name."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from resqa.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
GUARD = Path(__file__).resolve().parent / "netguard"
RESQA = [sys.executable, "-m", "resqa.cli"]
SC_87 = ROOT / "samples" / "en" / "S_RES_0087_1950.txt"


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("RESQA_", "GRADIO_", "HF_"))}
    env["PYTHONPATH"] = os.pathsep.join([str(GUARD), str(ROOT)])
    env["RESQA_NETGUARD_LOG"] = str(tmp_path / "netguard.log")
    env["RESQA_STORE"] = str(tmp_path / "store")
    env["GRADIO_TEMP_DIR"] = str(tmp_path / "gradio")
    return env


def _attempts(tmp_path: Path) -> list[str]:
    log = tmp_path / "netguard.log"
    return log.read_text(encoding="utf-8").splitlines() if log.exists() else []


@pytest.mark.integration
def test_ingest_search_ask_with_the_real_model_reach_no_network(tmp_path):
    env = _env(tmp_path)
    for argv in (
        ["ingest", str(SC_87)],
        ["search", "invasion of Taiwan", "--json"],
        ["ask", "When will the Council consider the question of Formosa?", "--json"],
    ):
        done = subprocess.run(RESQA + argv, env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert all(c.startswith("S/RES/87 (1950)#") for c in answer["citations"])
    assert _attempts(tmp_path) == []



@pytest.mark.integration
def test_serve_reaches_no_network(tmp_path):
    env = _env(tmp_path)
    env["RESQA_EMBED_MODEL"] = "fake"
    port = free_port()
    subprocess.run(RESQA + ["ingest", str(SC_87)], env=env, check=True, capture_output=True, timeout=300)
    server = subprocess.Popen(
        RESQA + ["serve", "--port", str(port)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 120
        page = ""
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode("utf-8", "replace")
                    break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"serve exited early: {server.stdout.read().decode(errors='replace')[-2000:]}")
                time.sleep(0.5)
        assert "<html" in page.lower()
        time.sleep(3)  # give background telemetry threads, if any, the chance to try
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert _attempts(tmp_path) == []
