"""Saved index folders (`lexical/…`, `dense/…`): written whole or not at all."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path


def write_atomically(folder: Path, fill: Callable[[Path], None], replace: bool = False) -> None:
    """Let `fill` write into a temporary sibling of `folder`, then rename it into place. When another
    process saved the same folder first, theirs is kept (it holds the same generation), unless
    `replace`: the caller could not read the folder there (damaged), which is then swapped out."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f".{folder.name}.tmp{os.getpid()}")
    old = folder.with_name(f".{folder.name}.old{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    try:
        fill(tmp)
        if replace and folder.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(folder, old)
        os.replace(tmp, folder)
    except OSError:
        if not folder.exists():
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.rmtree(old, ignore_errors=True)
