"""Uploaded files: checked for type, size and location, then copied under a generated name.

The user's file name is kept only for display and as the document's source; it
is never used to build a path.
"""

from __future__ import annotations

import os
import stat
import tempfile
import uuid
from dataclasses import dataclass
from pathlib import Path

from resqa.errors import ParseError

# A local copy of ingest.parser.SUPPORTED_SUFFIXES, used when the parser is not importable.
DEFAULT_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")
_CHUNK = 1 << 20


def supported_suffixes() -> tuple[str, ...]:
    try:
        from ingest.parser import SUPPORTED_SUFFIXES
    except ImportError:
        return DEFAULT_SUFFIXES
    return tuple(SUPPORTED_SUFFIXES)


@dataclass(frozen=True)
class StagedUpload:
    """An upload copied into the private folder: `path` is ours, `name` is the user's."""

    path: Path
    name: str


def display_name(original: str | os.PathLike) -> str:
    """The base name the user gave, stripped of any directory part (for messages only)."""
    name = str(original).replace("\\", "/").rsplit("/", 1)[-1]
    return name.strip() or "upload"


def _inside(path: Path, root: Path) -> bool:
    try:
        path.relative_to(root)
    except ValueError:
        return False
    return True


def stage_upload(
    source: str | os.PathLike,
    dest_dir: Path,
    max_bytes: int,
    upload_root: Path | None = None,
    name: str | None = None,
    suffixes: tuple[str, ...] | None = None,
) -> StagedUpload:
    """Check one uploaded file and copy it into `dest_dir` under a generated name.

    Raises ParseError (with the user's file name and the reason) when the type is
    not supported, the file is empty or too large, or the path is a symlink or
    lies outside `upload_root` (where the web server put the upload).
    """
    src = Path(source)
    shown = display_name(name or src.name)
    suffix = Path(shown).suffix.lower() or src.suffix.lower()
    allowed = suffixes or supported_suffixes()
    if suffix not in allowed:
        raise ParseError(shown, f"unsupported file type {suffix or '(none)'}; accepted: {', '.join(allowed)}")
    if src.is_symlink():
        target = src.resolve()
        if upload_root is None or not _inside(target, upload_root.resolve()):
            raise ParseError(shown, "refused: the upload is a link to a file outside the upload folder")
    if upload_root is not None and not _inside(src.resolve(), upload_root.resolve()):
        raise ParseError(shown, "refused: the file is outside the upload folder")
    try:
        # O_NOFOLLOW closes the gap between the check above and the open.
        flags = os.O_RDONLY if src.is_symlink() else os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(src, flags)
    except OSError as exc:
        raise ParseError(shown, f"cannot read the upload ({exc.strerror})") from exc
    dest_dir.mkdir(parents=True, exist_ok=True)
    # The generated name keeps only the checked suffix, which the parser dispatches on.
    dest = dest_dir / f"{uuid.uuid4().hex}{suffix}"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ParseError(shown, "refused: not a regular file")
        if info.st_size > max_bytes:
            raise ParseError(shown, f"too large: {info.st_size} bytes, the limit is {max_bytes} bytes")
        if info.st_size == 0:
            raise ParseError(shown, "the file is empty")
        copied = 0
        with os.fdopen(os.dup(fd), "rb") as reader, open(dest, "xb") as writer:
            while chunk := reader.read(_CHUNK):
                copied += len(chunk)
                if copied > max_bytes:  # the file grew while we read it
                    raise ParseError(shown, f"too large: over {max_bytes} bytes")
                writer.write(chunk)
    except BaseException:
        dest.unlink(missing_ok=True)
        raise
    finally:
        os.close(fd)
    return StagedUpload(path=dest, name=shown)


def private_upload_dir(base: Path | None = None) -> Path:
    """A fresh folder only this process can read."""
    if base is not None:
        base.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix="resqa-upload-", dir=base))
