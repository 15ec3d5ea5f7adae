"""Run one benchmark phase in a fresh Python process and read its peak RSS.

A phase is a function `run(args: dict) -> dict` in a bench module. The child
writes its result as JSON to a file; the parent waits with `os.wait4`, whose
rusage is the child's own (RUSAGE_CHILDREN would be the max over all children).

    python -m bench.child bench.query_phase '{"store": "..."}' out.json
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from resqa.errors import ResqaError

from bench.stats import maxrss_mib

logger = logging.getLogger(__name__)
ROOT = Path(__file__).resolve().parent.parent


class PhaseError(ResqaError):
    """A benchmark phase failed in its subprocess."""


def run_phase(module: str, args: dict, timeout: float = 1800.0) -> dict:
    """Run `module.run(args)` in a subprocess; its result plus `wall_s` and `peak_rss_mib`."""
    with tempfile.NamedTemporaryFile("r", suffix=".json", delete=False) as out:
        out_path = out.name
    env = dict(os.environ, GRADIO_ANALYTICS_ENABLED="False", HF_HUB_OFFLINE="1", ANONYMIZED_TELEMETRY="False")
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bench.child", module, json.dumps(args), out_path], cwd=ROOT, env=env
    )
    deadline = started + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            raise PhaseError(f"{module} did not finish within {timeout:.0f} s")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)  # keeps Popen from waiting again
    wall = time.perf_counter() - started
    try:
        if proc.returncode != 0:
            raise PhaseError(f"{module} {json.dumps(args)[:200]} exited with {proc.returncode}")
        result = json.loads(Path(out_path).read_text(encoding="utf-8"))
    finally:
        Path(out_path).unlink(missing_ok=True)
    result["wall_s"] = round(wall, 3)
    result["peak_rss_mib"] = maxrss_mib(usage.ru_maxrss)
    logger.info("%s done in %.1f s, peak RSS %.0f MiB", module, wall, result["peak_rss_mib"])
    return result


def main(argv: list[str]) -> int:
    from resqa.settings import configure_offline_environment

    configure_offline_environment()
    logging.basicConfig(level=logging.INFO, format="bench: %(name)s: %(message)s", stream=sys.stderr)
    for noisy in ("httpx", "httpcore", "chromadb", "bm25s"):  # one line per HTTP call to the server
        logging.getLogger(noisy).setLevel(logging.WARNING)
    module, args, out_path = argv
    result = importlib.import_module(module).run(json.loads(args))
    Path(out_path).write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
