"""A tqdm progress bar on stderr behind the `progress(done, total, label)` callback."""

from __future__ import annotations

import sys


class ProgressBar:
    """Use as a context manager; pass the instance as `progress=`.

    >>> with ProgressBar("eval") as bar:  # doctest: +SKIP
    ...     run_eval(library, assistant, gold, progress=bar)
    """

    def __init__(self, desc: str = "eval", stream=None, disable: bool | None = None):
        self._desc = desc
        self._stream = stream or sys.stderr
        self._disable = disable
        self._bar = None

    def __call__(self, done: int, total: int, label: str) -> None:
        from tqdm import tqdm

        if self._bar is None or self._bar.total != total:
            self.close()
            self._bar = tqdm(total=total, desc=self._desc, file=self._stream, disable=self._disable,
                             unit="q", dynamic_ncols=True, leave=True)
        self._bar.set_postfix_str(label[:40], refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
