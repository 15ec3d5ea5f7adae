"""The paragraphs of registered document versions, read from their sidecars once and kept."""

from __future__ import annotations

import threading

from index.registry import DocumentInfo, Registry


class SidecarCache:
    """`records(info)`: the sidecar rows (node_id, text, metadata, tokens) of one document version.

    A version's sidecar never changes (a new version gets a new file), so rows are cached by
    (symbol, lang, version) and shared by every snapshot that registers that version.
    """

    def __init__(self, registry: Registry):
        self._registry = registry
        self._rows: dict[tuple[str, str, str], list[dict]] = {}
        self._lock = threading.Lock()

    def records(self, info: DocumentInfo) -> list[dict]:
        key = (info.symbol, info.lang, info.version)
        rows = self._rows.get(key)
        if rows is None:
            rows = self._registry.read_sidecar(*key)
            with self._lock:
                self._rows[key] = rows
        return rows
