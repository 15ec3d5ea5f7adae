"""A local `chroma run` on a free loopback port, started and stopped by the benchmark."""

from __future__ import annotations

import contextlib
import logging
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bench.child import PhaseError
from resqa.ports import free_port

logger = logging.getLogger(__name__)



@contextlib.contextmanager
def chroma_server(path: Path, timeout: float = 30.0) -> Iterator[str]:
    """Yield the URL of a Chroma server persisting to `path`; stop it on exit."""
    chroma = Path(sys.executable).with_name("chroma")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(Path(path).with_suffix(".log"), "wb")
    proc = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise PhaseError(f"chroma run exited with {proc.returncode}; see {log.name}")
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                raise PhaseError(f"chroma run did not answer on {url} within {timeout:.0f} s")
            time.sleep(0.2)
        logger.info("chroma server pid %d on %s", proc.pid, url)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
