"""The project's error hierarchy.

Library code raises these; only the edges (CLI, UI) catch them broadly and turn
them into one-line messages.
"""

from __future__ import annotations

from pathlib import Path


class ResqaError(Exception):
    """Base class of every error resqa raises on purpose."""


class ConfigError(ResqaError):
    """A setting has a bad value, or an optional dependency is missing."""


class ParseError(ResqaError):
    """A file could not be turned into a document.

    >>> str(ParseError("a.pdf", "no extractable text (scanned PDF?)"))
    'a.pdf: no extractable text (scanned PDF?)'
    """

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class StoreError(ResqaError):
    """The index could not be read or written."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class EmbeddingError(ResqaError):
    """The embedding model failed."""


class AnswerError(ResqaError):
    """An answer could not be produced (for example the LLM endpoint failed)."""
