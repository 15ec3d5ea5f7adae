"""CPU seconds of an ingest without the model: the given files into a fresh store with the seeded fake
embedder, so what is timed is everything the ingest does besides embedding (parse, BM25 and pivot tokens,
Chroma writes, registry, sidecars, links).

    .venv/bin/python scripts/ingest_cpu.py corpora/unsc            # the 901 Security Council resolutions
"""

from __future__ import annotations

import argparse
import logging
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path, help="files or folders to ingest")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the known duplicate copies of corpora/unsc are reported, not timed
    from index.embeddings import FakeEmbedding
    from index.library import Library
    from resqa.settings import Settings

    with tempfile.TemporaryDirectory() as store:
        library = Library.open(Settings(store_dir=Path(store), embed_model="fake"), embedder=FakeEmbedding(dim=384))
        try:
            wall, cpu = time.perf_counter(), time.process_time()
            report = library.ingest_paths(args.paths)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        finally:
            library.close()
    print(f"{len(report.added)} documents added, {len(report.failed)} failed: {wall:.1f} s wall, {cpu:.1f} CPU s")


if __name__ == "__main__":
    main()
