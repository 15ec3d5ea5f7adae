"""First start: ingest the bundled sample corpus in the background, with visible progress.

The terminal gets a tqdm bar; the UI polls `status()` for its status line.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from ui.activity import IndexingActivity

log = logging.getLogger(__name__)


class SampleCorpusLoader:
    """Ingests `corpus` into `library` once, on a background thread."""

    def __init__(self, library, corpus: Path, activity: IndexingActivity | None = None):
        self.library = library
        self.corpus = Path(corpus)
        self.activity = activity or IndexingActivity()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._label = "waiting"
        self._finished = False
        self._error: str | None = None
        self._report = None
        self._thread: threading.Thread | None = None

    def start(self) -> "SampleCorpusLoader":
        self._thread = threading.Thread(target=self.run, name="resqa-sample-corpus", daemon=True)
        self._thread.start()
        return self

    def join(self, timeout: float | None = None) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _progress(self, bar, job, done: int, total: int, label: str) -> None:
        with self._lock:
            self._done, self._total, self._label = done, total, label
        job(done, total, label)
        if bar is not None:
            bar.total = total
            bar.n = done
            bar.set_description_str(str(label)[:40])
            bar.refresh()

    def run(self) -> None:
        from tqdm import tqdm

        log.info("indexing the sample corpus %s on first start", self.corpus)
        with tqdm(total=0, unit="file", desc="sample corpus", dynamic_ncols=True) as bar, \
                self.activity.job("the sample corpus") as job:
            try:
                report = self.library.ingest_paths(
                    [self.corpus], progress=lambda d, t, label: self._progress(bar, job, d, t, label)
                )
            except Exception as exc:  # the UI must stay up and say what went wrong
                log.exception("sample corpus ingestion failed")
                with self._lock:
                    self._error = str(exc)
                    self._finished = True
                return
        with self._lock:
            self._report = report
            self._finished = True
        log.info("sample corpus indexed: %s", getattr(report, "to_json", lambda: report)())

    @property
    def finished(self) -> bool:
        with self._lock:
            return self._finished

    def status(self) -> str:
        """One line for the UI."""
        with self._lock:
            if self._error:
                return f"Indexing the sample corpus failed: {self._error}"
            if self._finished:
                added = len(getattr(self._report, "added", ()) or ())
                failed = len(getattr(self._report, "failed", ()) or ())
                return f"Sample corpus indexed: {added} documents added, {failed} failed."
            if self._total:
                percent = 100 * self._done // max(self._total, 1)
                return f"Indexing the sample corpus on first start: {self._done}/{self._total} ({percent}%) — {self._label}"
            return "Indexing the sample corpus on first start…"
