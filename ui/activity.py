"""What the store is busy indexing right now, so answers and the status line can say so.

The sample-corpus loader and upload ingestion report their progress here, in
documents; the chat adds `notice()` to every answer given while a job runs,
because retrieval then sees only the part indexed so far.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Job:
    name: str  # "the sample corpus", "an upload"
    done: int
    total: int
    label: str = ""


class IndexingActivity:
    """Thread-safe record of the indexing jobs that are running."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, Job] = {}
        self._ids = itertools.count(1)

    @contextmanager
    def job(self, name: str, total: int = 0):
        """Register a running job; yields its `(done, total, label)` progress callback."""
        with self._lock:
            key = next(self._ids)
            self._jobs[key] = Job(name, 0, total)

        def progress(done: int, total: int, label: str = "") -> None:
            with self._lock:
                if key in self._jobs:
                    self._jobs[key] = Job(name, int(done), int(total), str(label or ""))

        try:
            yield progress
        finally:
            with self._lock:
                self._jobs.pop(key, None)

    def jobs(self) -> tuple[Job, ...]:
        with self._lock:
            return tuple(self._jobs.values())

    @property
    def busy(self) -> bool:
        return bool(self.jobs())

    def notice(self) -> str | None:
        """The sentence every answer carries while indexing runs, or None when idle.

        >>> activity = IndexingActivity()
        >>> with activity.job("the sample corpus", 78) as progress:
        ...     progress(12, 78, "A_RES_55_100.txt")
        ...     activity.notice()
        'The store is still being indexed (12 of 78 documents): this answer comes from the part indexed so far.'
        >>> activity.notice() is None
        True
        """
        jobs = self.jobs()
        if not jobs:
            return None
        done = sum(j.done for j in jobs)
        total = sum(j.total for j in jobs)
        counts = f" ({done} of {total} documents)" if total else ""
        return f"The store is still being indexed{counts}: this answer comes from the part indexed so far."
