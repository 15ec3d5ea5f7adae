"""The documents registry: the source of truth for what the store holds.

`registry.json` beside the Chroma store lists every document (symbol + language)
with its registered version. It is written atomically (temp file + os.replace).
A document's paragraphs (text, metadata, BM25 tokens) live in a sidecar file per
version under `paragraphs/`, which feeds the lexical index and the side panel.

A replace writes the new version (sidecar + nodes) under a `pending` mark first,
then flips the registry, then removes the old version and clears the mark. A
process killed anywhere in between leaves a pending mark; the next writer heals
it by removing every node of that document whose version is not the registered
one, so the previous (or the new) version is always whole.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import shutil
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from types import MappingProxyType
from typing import Mapping

from resqa.errors import StoreError, StoreLockedError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentInfo:
    symbol: str
    lang: str
    title: str
    paragraphs: int
    source: str
    ingested_at: str
    kind: str
    organ: str | None
    session: str | None
    year: int | None
    version: str = ""

    def to_json(self) -> dict:
        # its fields are plain values: no deep copy (asdict's made a save of 900 documents cost 9 ms more)
        return {name: getattr(self, name) for name in _INFO_FIELDS}


_INFO_FIELDS = tuple(f.name for f in fields(DocumentInfo))


def doc_key(symbol: str, lang: str) -> str:
    return f"{symbol}|{lang}"


@dataclass(frozen=True)
class RegistrySnapshot:
    """What the store held at one saved generation; readers work on one while a writer ingests.

    Only saved states are published, and a document is registered only after its sidecar and
    nodes are written, so every document of a snapshot is whole.
    """

    generation: int = 0
    documents: Mapping[str, DocumentInfo] = field(default_factory=lambda: MappingProxyType({}))
    embedding: Mapping[str, object] = field(default_factory=lambda: MappingProxyType({}))

    def sorted_documents(self) -> list[DocumentInfo]:
        return sorted(self.documents.values(), key=lambda d: (d.symbol, d.lang))

    @cached_property
    def _by_symbol_key(self) -> dict[str, tuple[DocumentInfo, ...]]:
        from ingest.symbols import symbol_key

        index: dict[str, list[DocumentInfo]] = {}
        for info in self.documents.values():
            index.setdefault(symbol_key(info.symbol), []).append(info)
        return {key: tuple(infos) for key, infos in index.items()}

    def matching(self, symbol: str, lang: str | None = None) -> list[DocumentInfo]:
        """Documents of `symbol` (compared ignoring spaces and case), optionally in one language."""
        from ingest.symbols import symbol_key

        return [d for d in self._by_symbol_key.get(symbol_key(symbol), ()) if lang is None or d.lang == lang]

    @cached_property
    def symbols(self) -> frozenset[str]:
        """Every registered symbol (any language)."""
        return frozenset(d.symbol for d in self.documents.values())

    @cached_property
    def langs(self) -> tuple[str, ...]:
        return tuple(sorted({d.lang for d in self.documents.values()}))


def _snapshot(generation: int, documents: dict, embedding: dict) -> RegistrySnapshot:
    return RegistrySnapshot(generation, MappingProxyType(dict(documents)), MappingProxyType(dict(embedding)))


class Registry:
    """Registry file, paragraph sidecars and the write lock of one store directory."""

    def __init__(self, store_dir: Path):
        self.dir = Path(store_dir)
        self.path = self.dir / "registry.json"
        self.paragraph_dir = self.dir / "paragraphs"
        self.lexical_dir = self.dir / "lexical"
        self.dense_dir = self.dir / "dense"
        self._mtime: int | None = None
        # The writer's working state (changed only under the write lock) ...
        self.documents: dict[str, DocumentInfo] = {}
        self.pending: dict[str, str | None] = {}
        self.generation = 0
        self.embedding: dict[str, object] = {}  # {"model": name, "dim": n}: the store's model identity
        # ... and what readers see: the last saved state, replaced whole, never changed in place.
        self._published = RegistrySnapshot()
        self._publish_lock = threading.Lock()
        self.reload()

    def snapshot(self) -> RegistrySnapshot:
        """The latest saved state (re-read when another process saved since)."""
        try:
            mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        with self._publish_lock:
            if mtime == self._mtime:
                return self._published
        data = self._read() if mtime is not None else {}
        snap = _snapshot(int(data.get("generation", 0)),
                         {k: DocumentInfo(**v) for k, v in data.get("documents", {}).items()},
                         data.get("embedding", {}))
        with self._publish_lock:
            if snap.generation >= self._published.generation or mtime is None:
                self._published, self._mtime = snap, mtime
            return self._published

    def _read(self) -> dict:
        try:
            return json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise StoreError(f"cannot read the registry {self.path}: {exc}") from exc

    # -- reading -------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read the writer's state from the file (the write lock does this on entry)."""
        try:
            mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            mtime = None
        data = self._read() if mtime is not None else {}
        self.documents = {k: DocumentInfo(**v) for k, v in data.get("documents", {}).items()}
        self.pending = dict(data.get("pending", {}))
        self.generation = int(data.get("generation", 0))
        self.embedding = dict(data.get("embedding", {}))
        with self._publish_lock:
            self._published = _snapshot(self.generation, self.documents, self.embedding)
            self._mtime = mtime

    def version_of(self, symbol: str, lang: str) -> str | None:
        info = self.documents.get(doc_key(symbol, lang))
        return info.version if info else None

    # -- writing (callers hold the lock) -----------------------------------------------------
    def save(self) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        self.generation += 1
        data = {
            "generation": self.generation,
            "documents": {k: v.to_json() for k, v in sorted(self.documents.items())},
            "pending": self.pending,
            "embedding": self.embedding,
        }
        tmp = self.path.with_suffix(f".tmp{os.getpid()}")
        # json.dumps without indent: the C encoder (json.dump and indent take the Python one, 3x slower);
        # the registry is saved three times per ingested document, so this is paid per document
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        with open(tmp, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, self.path)
        with self._publish_lock:
            self._published = _snapshot(self.generation, self.documents, self.embedding)
            self._mtime = self.path.stat().st_mtime_ns

    # -- paragraph sidecars -----------------------------------------------------------------------
    def sidecar_path(self, symbol: str, lang: str, version: str) -> Path:
        stem = hashlib.sha256(doc_key(symbol, lang).encode("utf-8")).hexdigest()[:16]
        return self.paragraph_dir / f"{stem}-{version[:16]}.json"

    def write_sidecar(self, symbol: str, lang: str, version: str, records: list[dict]) -> None:
        self.paragraph_dir.mkdir(parents=True, exist_ok=True)
        path = self.sidecar_path(symbol, lang, version)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        tmp.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)

    def read_sidecar(self, symbol: str, lang: str, version: str) -> list[dict]:
        path = self.sidecar_path(symbol, lang, version)
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise StoreError(f"paragraphs of {symbol} ({lang}) are missing from {path}: {exc}") from exc

    def remove_stale_sidecars(self, symbol: str, lang: str, keep_version: str | None) -> None:
        stem = hashlib.sha256(doc_key(symbol, lang).encode("utf-8")).hexdigest()[:16]
        keep = self.sidecar_path(symbol, lang, keep_version).name if keep_version else None
        for path in self.paragraph_dir.glob(f"{stem}-*"):
            if path.name != keep:
                path.unlink(missing_ok=True)

    # -- saved indexes of a generation (lexical: one folder per generation and analyzer) -----------
    def lexical_path(self, generation: int, analyzer: str) -> Path:
        return self.lexical_dir / f"{generation}-{analyzer[:16]}"

    def dense_path(self, generation: int) -> Path:
        return self.dense_dir / str(generation)

    @staticmethod
    def remove_stale(keep: Path) -> None:
        """Drop the saved indexes beside `keep` (other generations, temporary folders of dead writers)."""
        if not keep.parent.is_dir():
            return
        for path in keep.parent.iterdir():
            if path != keep and not path.name.startswith(f".{keep.name}"):
                shutil.rmtree(path, ignore_errors=True)

    # -- lock -----------------------------------------------------------------------------------------
    @contextmanager
    def write_lock(self, timeout: float = 60.0):
        """Serialize writers across processes; waits up to `timeout` seconds."""
        self.dir.mkdir(parents=True, exist_ok=True)
        handle = open(self.dir / "write.lock", "a+")
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise StoreLockedError(
                            f"the store {self.dir} is locked by another ingest or delete; "
                            f"waited {timeout:.0f} s, try again when it has finished"
                        ) from None
                    time.sleep(0.2)
            self.reload()
            yield self
        finally:
            try:
                fcntl.flock(handle, fcntl.LOCK_UN)
            finally:
                handle.close()
