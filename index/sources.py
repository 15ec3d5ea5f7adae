"""Which files an ingest run reads, with what symbol and language, and how they are parsed.

A folder may hold a `MANIFEST.tsv` (columns `path`, `lang`, `ingest_symbol`): it
gives the symbol of files that print none (the founding document is `A/67/L.X`)
and the language. An empty `ingest_symbol` means: read it from the file.
"""

from __future__ import annotations

import csv
import logging
from dataclasses import dataclass
from pathlib import Path

from ingest.model import LANGUAGES, Document

logger = logging.getLogger(__name__)

MANIFEST = "MANIFEST.tsv"
DEFAULT_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")


@dataclass(frozen=True)
class Source:
    path: Path
    symbol: str | None = None
    lang: str | None = None


def supported_suffixes() -> tuple[str, ...]:
    try:
        from ingest.parser import SUPPORTED_SUFFIXES
    except ImportError:
        return DEFAULT_SUFFIXES
    return tuple(SUPPORTED_SUFFIXES)


def _manifest_lang(value: str) -> str | None:
    """"zh-Hans" -> "zh"; unknown codes are left to the parser's detection."""
    code = (value or "").strip().split("-")[0].lower()
    return code if code in LANGUAGES else None


def read_manifest(folder: Path) -> dict[Path, Source]:
    path = folder / MANIFEST
    if not path.is_file():
        return {}
    entries: dict[Path, Source] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            rel = (row.get("path") or "").strip()
            if not rel:
                continue
            file = (folder / rel).resolve()
            entries[file] = Source(file, (row.get("ingest_symbol") or "").strip() or None,
                                   _manifest_lang(row.get("lang", "")))
    return entries


def collect_sources(paths, symbol: str | None = None, lang: str | None = None) -> list[Source]:
    """Expand files and folders into `Source`s, in a stable order.

    Command-line `symbol`/`lang` win over the manifest. Files that are not of a
    supported type are skipped inside folders, but a file named explicitly is
    kept so that the parser reports why it cannot read it.
    """
    suffixes = supported_suffixes()
    out: list[Source] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            manifest = read_manifest(path)
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                if file.suffix.lower() not in suffixes or file.name == MANIFEST:
                    continue
                resolved = file.resolve()
                listed = manifest.get(resolved) or _from_parent_manifests(file, path)
                item = Source(file, symbol or (listed.symbol if listed else None),
                              lang or (listed.lang if listed else None))
                if resolved not in seen:
                    seen.add(resolved)
                    out.append(item)
        else:
            listed = read_manifest(path.parent).get(path.resolve()) if path.parent.is_dir() else None
            resolved = path.resolve()
            if resolved not in seen:
                seen.add(resolved)
                out.append(Source(path, symbol or (listed.symbol if listed else None),
                                  lang or (listed.lang if listed else None)))
    return out


def _from_parent_manifests(file: Path, root: Path) -> Source | None:
    """A manifest in a sub-folder of the ingested folder also counts."""
    folder = file.parent
    while folder != root and root in folder.parents:
        listed = read_manifest(folder).get(file.resolve())
        if listed:
            return listed
        folder = folder.parent
    return None


def parse_source(source: Source, max_bytes: int | None) -> Document:
    """Parse with `ingest.parser.parse_file` (raises `ParseError`)."""
    from ingest.parser import parse_file

    return parse_file(source.path, symbol=source.symbol, lang=source.lang, max_bytes=max_bytes)
